"""All markup of every page lives in template files: no string in generator/'s Python holds an HTML tag."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
_TAGS = (
    "a|abbr|article|aside|b|blockquote|body|br|button|code|dd|details|div|dl|dt|em|fieldset|figure|footer|form|"
    "h[1-6]|head|header|hr|html|i|iframe|img|input|label|legend|li|link|main|mark|meta|nav|noscript|ol|option|"
    "output|p|pre|script|section|select|span|strong|style|sub|summary|sup|table|tbody|td|textarea|th|thead|"
    "title|tr|u|ul"
)
TAG = re.compile(rf"</?(?:{_TAGS})(?=[\s>/])", re.IGNORECASE)
# Python 3.12 tokenizes an f-string into parts; its text is in FSTRING_MIDDLE.
_STRING_TOKENS = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}
ALLOWED = {
    # The sanitiser: it parses authors' HTML and writes it back on one line, so it names tags by necessity.
    "text/richtext.py",
    # Moodle XML question text is HTML by the format's definition (a <br> between lines of a cloze stem).
    "exports/platforms.py",
}


def _strings_with_tags(path: Path) -> list[str]:
    found = []
    for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if token.type not in _STRING_TOKENS or token.string.lstrip("rbuRBUfF").startswith(('"""', "'''")):
            continue  # docstrings may name an element
        if TAG.search(token.string):
            found.append(f"{path.relative_to(PACKAGE)}:{token.start[0]}: {token.string[:80]}")
    return found


def test_no_html_tags_in_python() -> None:
    found = [
        hit
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).as_posix() not in ALLOWED
        for hit in _strings_with_tags(path)
    ]
    assert not found, "\n".join(found)


def test_the_scan_finds_tags() -> None:
    # Guard against a pattern that silently matches nothing.
    assert _strings_with_tags(PACKAGE / "text" / "richtext.py")
