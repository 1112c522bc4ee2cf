"""The 术语表 page and the term list the browser uses to explain terms wherever they appear."""

from __future__ import annotations

import json

from ..markup import inline_text, plain_excerpt
from .context import PageContext


def render_glossary(ctx: PageContext) -> str:
    entries = sorted(ctx.course.settings.glossary, key=lambda e: e.term)
    lines = ["# 术语表", ""]
    if not entries:
        return "\n".join(lines + ["课程中还没有术语。", ""])
    lines += ["页面中出现下列术语时，把鼠标停在术语上即可看到解释。", ""]
    for entry in entries:
        aliases = f"（又作：{'、'.join(inline_text(a) for a in entry.aliases)}）" if entry.aliases else ""
        lines += [f"{inline_text(entry.term)}{aliases}", f":   {ctx.markdown(entry.definition)}", ""]
    return "\n".join(lines)


def glossary_script(ctx: PageContext) -> str:
    """window.__qlGlossary = [[term or alias, definition], …], longest first so 一岗双责 wins over 一岗."""
    pairs = []
    for entry in ctx.course.settings.glossary:
        definition = plain_excerpt(entry.definition, limit=300)
        label = f"{entry.term}：{definition}"
        pairs += [[entry.term, label]] + [[alias, label] for alias in entry.aliases]
    pairs.sort(key=lambda pair: (-len(pair[0]), pair[0]))
    return "window.__qlGlossary = " + json.dumps(pairs, ensure_ascii=False) + ";\n"
