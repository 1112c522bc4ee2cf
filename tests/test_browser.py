"""A real headless Chromium on the built site: from file:// and from a web-server sub-path."""

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .conftest import type_search

pytestmark = pytest.mark.browser

POLICY = "policies/changyang-qinglian-school-2021.html"


@pytest.fixture(scope="module")
def subpath_server(shipped_site):
    """Serves the site under /qinglian/ only, as an intranet server would."""

    class Handler(SimpleHTTPRequestHandler):
        def translate_path(self, path):
            if not path.startswith("/qinglian/"):
                return str(shipped_site / "__missing__")
            return super().translate_path(path[len("/qinglian") :])

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(shipped_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/qinglian/"
    server.shutdown()
    server.server_close()  # else its listening socket is left to the garbage collector


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def foreign(requests, allowed_prefix):
    return [url for url in requests if not url.startswith((allowed_prefix, "data:", "blob:", "about:"))]


def check_policy_and_search(page, base, local_prefix):
    page.goto(f"{base}{POLICY}#3.3.13")
    provision = page.locator('[id="3.3.13"]')
    assert provision.inner_text().startswith("13.引导教师规范自身言行")
    assert provision.is_visible()
    assert page.evaluate("document.getElementById('3.3.13').getBoundingClientRect().top") < 300
    # Our stylesheet and script are loaded (labels styled, copy buttons added).
    assert page.locator(".ql-tool").count() > 18
    assert page.evaluate("getComputedStyle(document.querySelector('.ql-label')).borderRadius") != "0px"
    # Stock search works with no network.
    type_search(page, "有偿补课")
    assert page.locator(".md-search-result__item").count() >= 2
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(base)
    page.wait_for_timeout(300)
    assert foreign(page.requests, local_prefix) == []


def test_file_url(page, shipped_site):
    base = shipped_site.as_uri() + "/"
    check_policy_and_search(page, base, "file://")


def test_web_server_sub_path(page, subpath_server):
    check_policy_and_search(page, subpath_server, subpath_server)


def test_navigation_from_home(page, shipped_site):
    page.goto((shipped_site / "index.html").as_uri())
    page.get_by_role("link", name="政策法规").first.click()
    page.get_by_role("link", name="长阳土家族自治县清廉学校建设实施方案").click()
    assert page.url.endswith(POLICY)
    assert page.locator(".ql-meta dt").first.inner_text() == "发文机关"
    page.get_by_role("link", name="县教育局党组").first.click()
    assert "responsibilities.html#unit-" in page.url
    assert foreign(page.requests, "file://") == []


def test_copy_citation(browser, subpath_server):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{subpath_server}{POLICY}#3.3.13")
    tools = page.locator('[id="3.3.13"] > .ql-tools')
    tools.get_by_role("button", name="复制引用").click()
    assert page.evaluate("navigator.clipboard.readText()") == "《长阳清廉学校实施方案》三（三）13. 引导教师规范自身言行"
    tools.get_by_role("button", name="复制链接").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{subpath_server}{POLICY}#3.3.13"
    context.close()
