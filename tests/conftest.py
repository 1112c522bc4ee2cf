import os
import shutil
import textwrap
from pathlib import Path

import pytest

from generator.cli import main

REPO = Path(__file__).resolve().parent.parent


def write_course(root: Path, files: dict[str, str]) -> Path:
    """A course folder from {relative path: YAML text}; texts are dedented."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


MINIMAL_COURSE = """
title: 测试课程
organization: 某县教育局
"""

MINIMAL_POLICY = """
id: ten-standards-2018
title: 新时代中小学教师职业行为十项准则
short_title: 十项准则
issuers: [教育部]
issued: 2018-11-08
provisions:
  - number: 一
    title: 坚定政治方向
    text: 坚持以习近平新时代中国特色社会主义思想为指导。
  - number: 十
    title: 规范从教行为
    text: 不得组织、参与有偿补课。
"""


@pytest.fixture
def course_factory(tmp_path):
    def make(files: dict[str, str], name: str = "course") -> Path:
        return write_course(tmp_path / name, files)

    return make


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Path:
    """The shipped course built once, the way the README says."""
    site = tmp_path_factory.mktemp("shipped") / "site"
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        assert main(["build", "--site", str(site)]) == 0
    finally:
        os.chdir(cwd)
    return site


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    executable = chromium_path()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("CI 中必须有 Chromium（/usr/bin/chromium）")
        pytest.skip("no Chromium on this machine")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


def type_search(page, query: str) -> None:
    """Type into Material's search box the way a person does, once its search is ready."""
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function(
        "() => (document.querySelector('.md-search-result__meta') || {}).textContent === '键入以开始搜索'"
        " || document.querySelectorAll('.md-search-result__item').length > 0",
        timeout=15000,
    )
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)


def build_site(root: Path, files: dict[str, str]) -> Path:
    """Write a course under root and build it as `qinglian build` does; returns the site folder."""
    course = write_course(root / "course", files)
    site = root / "site"
    assert main(["build", "--course", str(course), "--site", str(site)]) == 0
    return site
