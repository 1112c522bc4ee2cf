"""The registry of page kinds is the one list of what the site has (in the spirit of sqlite-utils'
test_docs.py): every kind has its model, template, golden file and line in docs/pages.md."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.pages.registry import KINDS, PageKind

from .test_golden_pages import _golden_files, collect_golden_pages

GoldenPages = dict[str, tuple[str, str]]
REPO = Path(__file__).resolve().parent.parent
DOC = (REPO / "docs" / "pages.md").read_text(encoding="utf-8")
TEMPLATES = resources.files("generator.pages") / "templates"


@pytest.fixture(scope="module")
def golden_pages() -> GoldenPages:
    return collect_golden_pages()


def test_kind_keys_and_nav_labels_are_unique() -> None:
    keys = [kind.key for kind in KINDS]
    assert len(keys) == len(set(keys))
    labels = [kind.nav for kind in KINDS if kind.nav]
    assert len(labels) == len(set(labels))


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_every_kind_has_model_template_golden_and_doc_line(kind: PageKind, golden_pages: GoldenPages) -> None:
    assert kind.model is None or issubclass(kind.model, BaseModel)
    assert (TEMPLATES / kind.template).is_file(), f"no template {kind.template}"
    assert any(k == kind.key for k, _text in golden_pages.values()), f"no golden page of kind {kind.key}"
    row = re.search(rf"^\| `{re.escape(kind.key)}` \| {re.escape(kind.name)} \|", DOC, re.MULTILINE)
    assert row, f"docs/pages.md has no line for {kind.key} ({kind.name})"


def test_docs_list_no_kind_the_registry_lacks() -> None:
    documented = re.findall(r"^\| `([a-z-]+)` \|", DOC, re.MULTILINE)
    assert sorted(documented) == sorted(kind.key for kind in KINDS)


def test_every_template_belongs_to_a_kind_or_is_a_partial() -> None:
    names = {t.name for t in TEMPLATES.iterdir() if t.name.endswith(".j2")}
    kinds = {kind.template for kind in KINDS}
    assert kinds <= names
    # Besides the kinds: partials (_name) and whole documents outside the site (the standalone paper).
    assert all(name.startswith("_") or name.endswith(".html.j2") for name in names - kinds), sorted(names - kinds)


def test_golden_files_exist() -> None:
    assert _golden_files()
