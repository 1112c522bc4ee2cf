"""The 术语表 page and the term list the browser uses to explain terms wherever they appear."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from markupsafe import Markup

from generator.content.citations import CitationRef
from generator.pages.context import PageContext
from generator.text.markup import markdown_to_text


@dataclass(frozen=True)
class Term:
    term: str
    aliases: list[str]
    definition: Markup


@dataclass(frozen=True)
class GlossaryView:
    terms: list[Term]  # in code-point order of the term


def view(_item: object, ctx: PageContext) -> GlossaryView:
    entries = sorted(ctx.course.settings.glossary, key=lambda e: e.term)
    return GlossaryView([Term(e.term, list(e.aliases), ctx.markdown(e.definition)) for e in entries])


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
