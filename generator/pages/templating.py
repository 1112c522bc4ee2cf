"""Jinja2 for every page kind: the templates hold all markup, Python hands them data.

Autoescape is on, and escaping is Markdown-aware: a page is Markdown with HTML in it, so a plain
value must not become markup in either language. Every value a template prints passes through
``_finalize``: text is written with ``inline_text`` (HTML specials and Markdown specials as
character references, line breaks as spaces); what is already ``Markup`` (HTML the richtext
module sanitised, a relative URL) is written as it is. ``StrictUndefined`` makes a misspelt
field an error rather than an empty string.

Jinja's own ways of making Markup from text (``~`` between values, ``format``, ``replace``) escape for
HTML only, not for Markdown: templates use ``join`` (ours) and loops instead.
"""

from __future__ import annotations

import html
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator.text.markup import format_date, format_deadline, inline_text


def _finalize(value: Any) -> Any:
    if hasattr(value, "__html__"):
        return value
    if value is None:
        # A None reaching the page is a view bug; writing "None" would hide it.
        raise ValueError("a template printed None")
    return Markup(inline_text(str(value)))


def _attribute(value: str) -> Markup:
    """A value inside a quoted HTML attribute: HTML's own escaping (Markdown leaves tags alone)."""
    return Markup(html.escape(str(value), quote=True))


def _join(values: Any, separator: str = "") -> Markup:
    """Jinja's own join escapes for HTML only; this one writes each item as the page writes a value."""
    return Markup(separator).join(_finalize(value) for value in values)


def _date(value: str) -> str:
    return format_date(value)


def _deadline(value: str) -> str:
    return format_deadline(value)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.pages", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        # Markdown's attribute lists ({#facts}) would open Jinja's default comments.
        comment_start_string="{##",
        comment_end_string="##}",
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(attribute=_attribute, date=_date, deadline=_deadline, join=_join)
    return env


def render(template: str, **values: Any) -> str:
    return environment().get_template(template).render(**values)


def fragment(template: str, **values: Any) -> Markup:
    """An HTML fragment (a citation link, a quoted provision) that sits inside a line of Markdown: one line."""
    return Markup(render(template, **values).strip("\n"))
