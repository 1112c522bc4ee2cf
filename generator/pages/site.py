"""The whole generated site as data: Markdown pages, navigation and static assets. No engine here."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from generator.content.course import Course
from generator.pages.context import PageContext, Shared
from generator.pages.glossary import glossary_script
from generator.pages.paths import ASSET_DIR, GLOSSARY
from generator.pages.registry import KINDS

NavItem = dict[str, "str | list[NavItem]"] | str


@dataclass(frozen=True)
class Asset:
    path: str  # where it goes in the site
    content: bytes


@dataclass
class Site:
    title: str = ""
    organization: str = ""
    pages: dict[str, str] = field(default_factory=dict)  # path → Markdown
    kinds: dict[str, str] = field(default_factory=dict)  # path → the key of its page kind (registry)
    nav: list[NavItem] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    stylesheets: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    polyfills: list[str] = field(default_factory=list)
    search_aliases: dict[str, str] = field(default_factory=dict)  # glossary alias → term
    # Pages that give answers away or are blank forms: never in the search index.
    unsearchable: set[str] = field(default_factory=set)
    search_titles: dict[str, list[str]] = field(default_factory=dict)  # page path → other names (a policy's 简称)


def generate(course: Course) -> Site:
    """Render every page of a validated course: a loop over the registry of page kinds."""
    site = Site(title=course.settings.title, organization=course.settings.organization)
    shared = Shared(course)
    for kind in KINDS:
        paths = []
        for item in kind.items(course, shared):
            path = kind.path(item)
            site.pages[path] = kind.render(item, PageContext(course, path, shared))
            site.kinds[path] = kind.key
            paths.append(path)
            if not kind.searchable:
                site.unsearchable.add(path)
            if kind.search_titles is not None and (titles := kind.search_titles(item)):
                site.search_titles[path] = titles
        if kind.nav and paths:
            site.nav.append({kind.nav: [paths[0]] if kind.nav_section else paths[0]})
    site.search_aliases = {alias: entry.term for entry in course.settings.glossary for alias in entry.aliases}
    _add_assets(site)
    glossary = f"{ASSET_DIR}/glossary.js"
    site.assets.append(Asset(glossary, glossary_script(PageContext(course, GLOSSARY, shared)).encode("utf-8")))
    site.scripts.insert(0, glossary)
    return site


def _add_assets(site: Site) -> None:
    root = resources.files("generator") / "assets"
    for name in _asset_names(root):
        site.assets.append(Asset(f"{ASSET_DIR}/{name}", (root / name).read_bytes()))
    site.stylesheets.append(f"{ASSET_DIR}/qinglian.css")
    site.scripts.append(f"{ASSET_DIR}/qinglian.js")
    site.polyfills.append(f"{ASSET_DIR}/vendor/iframe-worker-shim.js")


def _asset_names(root, prefix: str = "") -> list[str]:
    names: list[str] = []
    for item in sorted(root.iterdir(), key=lambda i: i.name):
        if item.is_dir():
            names += _asset_names(item, f"{prefix}{item.name}/")
        elif item.name not in ("README.md", "search-worker.js"):
            names.append(prefix + item.name)
    return names
