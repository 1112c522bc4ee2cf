"""The whole generated site as data: Markdown pages, navigation and static assets. No engine here."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from .course import Course
from .paths import ASSET_DIR, POLICY_INDEX, RESPONSIBILITIES, policy_page
from .render.context import PageContext
from .render.indexes import render_policy_index, render_responsibilities
from .render.policy import render_policy

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
    nav: list[NavItem] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    stylesheets: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    polyfills: list[str] = field(default_factory=list)


def generate(course: Course, *, home: str | None = "index.md") -> Site:
    """Render every page of a validated course."""
    site = Site(title=course.settings.title, organization=course.settings.organization)

    def add(path: str, render) -> None:
        site.pages[path] = render(PageContext(course, path))

    add(POLICY_INDEX, render_policy_index)
    for entry in course.policies.values():
        add(policy_page(entry.item.id), lambda ctx, entry=entry: render_policy(entry, ctx))
    add(RESPONSIBILITIES, render_responsibilities)

    if home:
        site.nav.append({"首页": home})
    site.nav.append({"政策法规": [POLICY_INDEX]})
    site.nav.append({"责任清单": RESPONSIBILITIES})
    _add_assets(site)
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
        elif item.name != "README.md":
            names.append(prefix + item.name)
    return names
