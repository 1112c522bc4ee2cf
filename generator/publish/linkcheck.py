"""Links in hand-written pages that point nowhere, located to the line and column."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from generator.problems import Problem

_INLINE = re.compile(r"(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_FENCE = re.compile(r"^(```|~~~)")
_ID = re.compile(r"""\sid=["']([^"']+)["']""")


@dataclass(frozen=True)
class Link:
    target: str
    line: int
    column: int


def find_links(markdown: str) -> list[Link]:
    """Every Markdown link destination with its position, skipping fenced and inline code."""
    links: list[Link] = []
    fenced = False
    for number, line in enumerate(markdown.splitlines(), 1):
        if _FENCE.match(line.lstrip()):
            fenced = not fenced
            continue
        if fenced:
            continue
        visible = re.sub(r"`[^`]*`", lambda m: " " * len(m.group(0)), line)
        for pattern in (_INLINE, _REFERENCE):
            for match in pattern.finditer(visible):
                links.append(Link(match.group(1), number, match.start() + 1))
    return sorted(links, key=lambda link: (link.line, link.column))


def element_ids(html: str) -> set[str]:
    return set(_ID.findall(html))


def check_page(source: Path, page: str, markdown: str, pages: set[str], ids: dict[str, set[str]]) -> list[Problem]:
    """Problems for the links of one page (its path in the site, e.g. "index.md")."""
    problems: list[Problem] = []
    for link in find_links(markdown):
        target = link.target
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith("//"):
            continue  # another site, mailto: and the like: not ours to check
        path, _, anchor = target.partition("#")
        path = unquote(path)
        resolved = page if not path else posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if path.endswith("/"):
            resolved = posixpath.join(resolved, "index.md")
        if resolved not in pages:
            problems.append(Problem(source, link.line, link.column, f"链接“{target}”指向不存在的页面“{resolved}”"))
        elif anchor and unquote(anchor) not in ids.get(resolved, set()):
            problems.append(
                Problem(source, link.line, link.column, f"链接“{target}”：页面“{resolved}”中没有锚点“{anchor}”")
            )
    return problems
