"""The 术语表 page and the term list the browser uses to explain terms wherever they appear."""

from __future__ import annotations

from markupsafe import Markup

import json
import re

from generator.content.citations import CitationRef
from generator.text.markup import inline_text, markdown_to_text
from generator.pages.context import PageContext


def render_glossary(ctx: PageContext) -> str:
    entries = sorted(ctx.course.settings.glossary, key=lambda e: e.term)
    lines = ["# 术语表", ""]
    if not entries:
        return "\n".join(lines + ["课程中还没有术语。", ""])
    lines += ["页面中出现下列术语时，把鼠标停在术语上，或轻点、用键盘选中术语，即可看到解释。", ""]
    for entry in entries:
        aliases = f"（又作：{'、'.join(inline_text(a) for a in entry.aliases)}）" if entry.aliases else ""
        lines += [f"{inline_text(entry.term)}{aliases}", f":   {ctx.markdown(entry.definition)}", ""]
    return "\n".join(lines)


def _cited(ctx: PageContext, text: str) -> str:
    """A citation as a reader sees it: 《十项准则》第十项 规范从教行为, not [[ten-standards-2018#10]]."""
    try:
        ref = CitationRef.parse(text)
        entry = ctx.course.policies[ref.policy_id]
        return entry.anchors[ref.anchor].citation if ref.anchor is not None else f"《{entry.item.title}》"
    except (KeyError, ValueError):
        return text


def tooltip_text(ctx: PageContext, definition: str, limit: int = 300) -> str:
    """A definition as one line of plain text: citations named, Markdown emphasis and link syntax gone."""
    text = markdown_to_text(definition, lambda ref: _cited(ctx, ref))
    text = re.sub(r"(`+)(.+?)\1", r"\2", text)  # code spans
    text = re.sub(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])", r"\1", text)  # _emphasis_
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|~<>])", r"\1", text)  # backslash escapes
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def glossary_script(ctx: PageContext) -> str:
    """window.__qlGlossary = [[term or alias, definition], …], longest first so 一岗双责 wins over 一岗."""
    pairs = []
    for entry in ctx.course.settings.glossary:
        label = f"{entry.term}：{tooltip_text(ctx, entry.definition)}"
        pairs += [[entry.term, label]] + [[alias, label] for alias in entry.aliases]
    pairs.sort(key=lambda pair: (-len(pair[0]), pair[0]))
    # "</" never appears raw, so a definition cannot close the script element that loads this file.
    return "window.__qlGlossary = " + json.dumps(pairs, ensure_ascii=False).replace("</", "<\\/") + ";\n"


# Transitional: the page's Markdown as one value, until its template holds the markup.
def view(_item: object, ctx: PageContext) -> Markup:
    return Markup(render_glossary(ctx))
