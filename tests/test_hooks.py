"""Templates, stylesheet and scripts share class and attribute names by spelling alone: generator/pages/hooks.py
declares them, and this test keeps the four in step."""

from __future__ import annotations

import re
from pathlib import Path

from generator.pages import hooks

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
TEMPLATES = sorted((PACKAGE / "pages" / "templates").glob("*.j2"))
SCRIPTS = sorted((PACKAGE / "assets").glob("*.js"))
STYLES = sorted((PACKAGE / "assets").glob("*.css"))
# The richtext renderer writes the wrapper of an author's Markdown and the class of a link shown as text.
RENDERERS = [PACKAGE / "text" / "richtext.py"]

NAME = re.compile(r"(?<![\w-])(ql-[a-z0-9_-]*[a-z0-9]|data-[a-z0-9-]*[a-z0-9])")
SELECTOR_CALL = re.compile(r"""(?:querySelector(?:All)?|closest|matches)\(\s*(["'])(.*?)\1""")
SELECTOR_NAME = re.compile(r"\.(ql-[a-z0-9_-]*[a-z0-9])|\[(data-[a-z0-9-]*[a-z0-9])")


def _names(paths: list[Path]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in paths:
        for name in NAME.findall(path.read_text(encoding="utf-8")):
            found.setdefault(name, set()).add(path.name)
    return found


def test_every_name_used_is_declared() -> None:
    used = _names(TEMPLATES + SCRIPTS + STYLES + RENDERERS)
    undeclared = {name: sorted(files) for name, files in used.items() if name not in hooks.ALL}
    assert not undeclared, f"declare these in generator/pages/hooks.py: {undeclared}"


def test_every_declared_name_is_used() -> None:
    used = _names(TEMPLATES + SCRIPTS + STYLES + RENDERERS)
    assert sorted(hooks.ALL - set(used)) == []


def test_every_selector_a_script_queries_is_written_by_a_template() -> None:
    written = set(_names(TEMPLATES + RENDERERS))
    missing = {}
    for script in SCRIPTS:
        for _quote, selector in SELECTOR_CALL.findall(script.read_text(encoding="utf-8")):
            for cls, attr in SELECTOR_NAME.findall(selector):
                name = cls or attr
                if name not in written and name not in hooks.RUNTIME:
                    missing.setdefault(script.name, set()).add(name)
    assert not missing, f"scripts query names no template writes: {missing}"


def test_scripts_query_something() -> None:
    # The check above passes trivially if the selector pattern stops matching the scripts' style.
    queried = [s for script in SCRIPTS for _q, s in SELECTOR_CALL.findall(script.read_text(encoding="utf-8"))]
    assert len(queried) > 20
