"""Everything MkDocs-specific lives here: the plugin that injects the generated site, and build/serve.

Swapping the engine (e.g. for Zensical) means replacing this module; the core hands it a
``Site`` of plain Markdown pages, a navigation tree and static assets.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from html import unescape
from importlib import resources
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import config_options as c
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, PluginCollection, event_priority
from mkdocs.structure.files import File, Files

from generator.content.loader import load_course
from generator.pages.paths import ASSET_DIR
from generator.pages.site import Site, generate
from generator.problems import Problem, Severity
from generator.publish.linkcheck import check_page, element_ids
from generator.search.index import SearchPage, build_index, extract_sections, page_kind

log = logging.getLogger("mkdocs.plugins.qinglian")
COURSE_ENV = "QINGLIAN_COURSE"
REPRODUCIBLE_EPOCH = "315532800"  # 1980-01-01, the earliest time a zip file can hold

# Material's bundle fetches these from unpkg when a browser lacks them; point it at our copies.
# __md_scope is Material's URL of the site root, so the address works from file:// and sub-paths.
_MATERIAL_DOWNLOADS = [
    (
        re.compile(r'"https://unpkg\.com/resize-observer-polyfill[^"]*"'),
        f'new URL("{ASSET_DIR}/vendor/resize-observer-polyfill.js",__md_scope).href',
    ),
    (
        re.compile(r'"https://unpkg\.com/mermaid[^"]*"'),
        f'new URL("{ASSET_DIR}/vendor/mermaid-unavailable.js",__md_scope).href',
    ),
]
_INTERNET = re.compile(
    r"https?://(?:unpkg\.com|cdn\.jsdelivr\.net|fonts\.googleapis\.com|fonts\.gstatic\.com|polyfill\.io)[^\"' )]*"
)


class QinglianConfig(Config):
    course = c.Type(str, default="course")


def _deferred(path: str) -> c.ExtraScriptValue:
    """Our page scripts never block rendering: they run, in order, once the page is parsed."""
    script = c.ExtraScriptValue(path)
    script.defer = True
    return script


class QinglianPlugin(BasePlugin[QinglianConfig]):
    """Injects the pages generated from a course folder as virtual files; never writes into docs/."""

    def __init__(self, site: Site | None = None) -> None:
        super().__init__()
        # build_site constructs the plugin with the site it has already generated; MkDocs' own
        # ``mkdocs build`` constructs it without one, and on_config generates it from the course folder.
        self.site = site
        self.search_pages: list[SearchPage] = []
        self.page_ids: dict[str, set[str]] = {}
        self.handwritten: list[tuple[Path, str]] = []  # (source file, its path in the site)

    @event_priority(100)  # before material/offline, so it finds our local iframe-worker shim
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Material's Chinese search loads jieba, which prints its dictionary progress to stderr.
        logging.getLogger("jieba").setLevel(logging.WARNING)
        if self.site is None:
            self.site = self._generate(config)
        self.search_pages, self.page_ids, self.handwritten = [], {}, []
        site = self.site
        # The theme prints these into HTML text and attributes, escaping some places and not others:
        # plain text for the engine has no markup characters at all.
        config.site_name = engine_text(site.title)
        config.site_description = engine_text(config.site_description or site.organization)
        config.copyright = engine_text(config.copyright or site.organization)
        if not config.nav:
            config.nav = site.nav
        config.extra_css = list(config.extra_css) + [p for p in site.stylesheets if p not in config.extra_css]
        known = [str(s) for s in config.extra_javascript]
        config.extra_javascript = list(config.extra_javascript) + [_deferred(p) for p in site.scripts if p not in known]
        polyfills = list(config.extra.get("polyfills", []))
        config.extra["polyfills"] = [p for p in site.polyfills if p not in polyfills] + polyfills
        return config

    def _generate(self, config: MkDocsConfig) -> Site:
        course_dir = (Path(config.config_file_path or ".").parent / self.config.course).resolve()
        result = load_course(course_dir)
        if not result.ok or result.course is None:
            messages = [p.format(course_dir) for p in result.problems if p.severity is Severity.ERROR]
            raise PluginError("课程内容有误，未生成网站：\n" + "\n".join(messages))
        for problem in result.problems:
            log.info(problem.format(course_dir))
        return generate(result.course)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        for path, markdown in sorted(self.site.pages.items()):
            self._add(files, File.generated(config, path, content=markdown))
        for asset in self.site.assets:
            self._add(files, File.generated(config, asset.path, content=asset.content))
        return files

    @staticmethod
    def _add(files: Files, file: File) -> None:
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None:
            raise PluginError(f"手写页面 docs/{file.src_uri} 与生成的页面同名：请改名或删除手写文件")
        files.append(file)

    def on_page_content(self, html: str, page, config: MkDocsConfig, files: Files) -> str:
        self._add_search_page(html, page)
        self.page_ids[page.file.src_uri] = element_ids(html)
        if not page.file.generated_by and page.file.abs_src_path:
            self.handwritten.append((Path(page.file.abs_src_path), page.file.src_uri))
        # The theme prints the title into <title> through striptags, which decodes "&lt;/title&gt;"
        # back into markup: hand it plain text with no markup characters left.
        page.title = engine_text(unescape(re.sub(r"<[^>]*>", "", page.title or "")))
        return html

    def _add_search_page(self, html_text: str, page) -> None:
        path = page.file.src_uri
        site = self.site
        if site is not None and path in site.unsearchable:
            return  # answer keys, papers and blank forms: a search result would give them away
        # MkDocs hands the title over as HTML (an entity for "<" or "&", tags from a hand-written
        # heading); the index holds plain text, which the worker escapes once when it shows it.
        title = unescape(re.sub(r"<[^>]*>", "", page.title or ""))
        generated = site is not None and path in site.pages
        short_titles = tuple(site.search_titles.get(path, ())) if site is not None else ()
        self.search_pages.append(
            SearchPage(page.url, title, extract_sections(html_text, title), page_kind(path, generated), short_titles)
        )

    @event_priority(50)  # before anything is written for search or offline use
    def _post_build_links(self, config: MkDocsConfig) -> None:
        problems = []
        for source, page in self.handwritten:
            markdown = source.read_text(encoding="utf-8-sig")
            problems += check_page(source, page, markdown, set(self.page_ids), self.page_ids)
        if problems:
            root = Path(config.config_file_path or ".").parent
            raise PluginError("手写页面中有失效的链接：\n" + "\n".join(p.format(root) for p in problems))

    @event_priority(-50)  # after material/search wrote its index, before material/offline inlines it
    def _post_build_search(self, config: MkDocsConfig) -> None:
        self._write_search(Path(config.site_dir))

    def _write_search(self, site_dir: Path) -> None:
        index_file = site_dir / "search" / "search_index.json"
        if not index_file.is_file():
            return  # search is switched off
        material = json.loads(index_file.read_text(encoding="utf-8"))
        index = build_index(self.search_pages, self.site.search_aliases if self.site else {}, material.get("config"))
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        worker = (resources.files("generator") / "assets" / "search-worker.js").read_bytes()
        for path in (site_dir / "assets" / "javascripts" / "workers").glob("search.*.js"):
            path.write_bytes(worker)

    @event_priority(-200)  # after material/offline has written its files
    def _post_build_offline(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        # Source maps only serve a developer's debugger, and they quote Material's sources, internet
        # addresses included: an offline site for schools is better without them.
        for source_map in sorted(site_dir.rglob("*.js.map")):
            source_map.unlink()
        for script in sorted((site_dir / "assets" / "javascripts").rglob("*.js")):
            text = script.read_text(encoding="utf-8")
            patched = text
            for pattern, replacement in _MATERIAL_DOWNLOADS:
                patched = pattern.sub(replacement, patched)
            patched = re.sub(r"\n?//# sourceMappingURL=\S+\s*$", "\n", patched)
            if patched != text:
                script.write_text(patched, encoding="utf-8")
        _relative_404(site_dir / "404.html")
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and path.suffix in (".html", ".js", ".css", ".json", ".txt", ".xml", ".map"):
                found = _INTERNET.search(path.read_text(encoding="utf-8", errors="replace"))
                if found:
                    log.warning(
                        f"{path.relative_to(site_dir).as_posix()} 仍引用互联网地址 {found.group(0)}：离线网站不能依赖它"
                    )

    on_post_build = CombinedEvent(_post_build_links, _post_build_search, _post_build_offline)

    def on_serve(self, server, config: MkDocsConfig, builder):
        server.watch(str(Path(config.config_file_path or ".").parent / self.config.course))
        return server


BASE_CONFIG = "mkdocs-base.yml"


def engine_text(text: str) -> str:
    """Plain text for the engine's configuration: HTML's special characters in their full-width forms."""
    return text.translate(_ENGINE_TEXT)


_ENGINE_TEXT = str.maketrans("<>&\"'", "＜＞＆＂＇")


def build_site(site: Site, site_dir: Path, *, docs_dir: Path | None, config_file: Path | None = None) -> list[Problem]:
    """Build with MkDocs (strict) into site_dir; returns the engine's problems in Chinese, empty on success.

    Without ``config_file`` the package's own configuration is used, so a build works from any folder;
    ``docs_dir`` holds the course's hand-written pages (None: there are none). The process environment
    is the same afterwards as before.
    """
    handler = _Collect()
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(handler)
    empty_docs: tempfile.TemporaryDirectory[str] | None = None
    if docs_dir is None:
        empty_docs = tempfile.TemporaryDirectory(prefix="qinglian-docs-")
        docs_dir = Path(empty_docs.name)
    pages_dir = docs_dir
    try:
        with _build_environment(), resources.as_file(resources.files("generator.engines") / BASE_CONFIG) as base:
            config = load_config(str(config_file or base), site_dir=str(site_dir), docs_dir=str(docs_dir), strict=True)
            config.plugins = with_site(config.plugins, site)
            mkdocs_build(config)
    except (Abort, ConfigurationError, PluginError, MkDocsException) as exc:
        return [Problem.general(translate(m)) for m in [*handler.messages, str(exc)]]
    except UnicodeDecodeError:
        # A hand-written page saved in GBK: MkDocs logs which page before it re-raises.
        pages = [m.group(1) for m in map(_READING_PAGE.match, handler.messages) if m]
        message = "手写页面不是 UTF-8 编码：请在编辑器中以 UTF-8 另存后重试"
        return [Problem.in_file(pages_dir / page, message) for page in pages] or [Problem.general(message)]
    finally:
        mkdocs_logger.removeHandler(handler)
        if empty_docs is not None:
            empty_docs.cleanup()
    return []


# Same input, same bytes: MkDocs stamps today's date into sitemap.xml.gz unless told otherwise; and
# Material prints an English end-of-life notice unless told otherwise (and then sets it itself on import).
_BUILD_ENVIRONMENT = {"SOURCE_DATE_EPOCH": REPRODUCIBLE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}


@contextmanager
def _build_environment() -> Iterator[None]:
    """The environment MkDocs and Material read, for one build only; a value the caller set is kept."""
    before = {name: os.environ.get(name) for name in _BUILD_ENVIRONMENT}
    for name, value in _BUILD_ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    try:
        yield
    finally:
        for name, previous in before.items():
            if previous is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = previous


def with_site(plugins: PluginCollection, site: Site) -> PluginCollection:
    """The configured plugins in the same order, with the qinglian plugin constructed with ``site``.

    MkDocs constructs the plugins a configuration names with no arguments; a new collection registers
    each plugin's events afresh, so the one MkDocs made is left out entirely rather than patched.
    """
    replaced = PluginCollection()
    found = False
    for name, plugin in plugins.items():
        if isinstance(plugin, QinglianPlugin):
            ours = QinglianPlugin(site)
            ours.config = plugin.config  # already validated by MkDocs
            replaced[name] = ours
            found = True
        else:
            replaced[name] = plugin
    if not found:
        raise PluginError("mkdocs.yml 的 plugins 中没有启用 qinglian 插件")
    return replaced


_READING_PAGE = re.compile(r"Error reading page '([^']+)'")

# What MkDocs says in English, as the user reads it; anything else is passed on with a Chinese lead.
_MKDOCS_MESSAGES = [
    (re.compile(r"Aborted with (\d+) warnings? in strict mode!?"), r"MkDocs 在严格模式下遇到 \1 个警告，已停止"),
    (
        re.compile(
            r"Doc file '([^']+)' contains a link '([^']+)', but the target (?:'[^']*' )?is not found among documentation files\.?"
        ),
        r"手写页面 \1 中的链接“\2”指向不存在的页面",
    ),
    (
        re.compile(
            r"Doc file '([^']+)' contains a link '([^']+)', but the doc '([^']+)' does not contain an anchor '([^']+)'\.?"
        ),
        r"手写页面 \1 中的链接“\2”：页面 \3 中没有锚点“\4”",
    ),
    (re.compile(r"Config value '([^']+)': (.*)"), r"配置项“\1”有误：\2"),
    (re.compile(r"The path '([^']+)' isn't an existing directory\.?"), r"文件夹“\1”不存在"),
]


def translate(message: str) -> str:
    text = message.strip()
    for pattern, chinese in _MKDOCS_MESSAGES:
        if pattern.search(text):
            return pattern.sub(chinese, text)
    if re.search(r"[\u4e00-\u9fff]", text):
        return text  # our own plugin's message
    return f"网站引擎 MkDocs 报告错误（原文）：{text}"


def _relative_404(page: Path) -> None:
    """The 404 page is served at whatever address was missing; MkDocs links it from "/", which a
    sub-path or file:// cannot follow. From the site root, relative addresses work everywhere."""
    if not page.is_file():
        return
    text = page.read_text(encoding="utf-8")
    text = re.sub(r'(\s(?:href|src))="/(?!/)', r'\1="', text)
    text = text.replace('new URL("/",location)', 'new URL(".",location)').replace(
        "new URL('/',location)", "new URL('.',location)"
    )
    page.write_text(text, encoding="utf-8")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
