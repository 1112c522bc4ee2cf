"""The printed handout (Ctrl+P in Chromium): for participants, no navigation, no orphaned headings,
a formal 承诺书 and page numbers in the footer."""

import re
import shutil
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .conftest import build_site
from .fixtures import lesson_course

pytestmark = pytest.mark.browser

A4_CONTENT_WIDTH = 674  # 210 mm less 2 × 16 mm margins, in CSS pixels


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("print_site"), lesson_course())


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def pdf_pages(page, tmp_path) -> list[str] | None:
    """The PDF as Ctrl+P makes it, one text per page, if poppler's pdftotext is there to read it."""
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    if not shutil.which("pdftotext"):
        return None
    path = tmp_path / "print.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True).stdout.decode()
    return [p for p in text.split("\f") if p.strip()]


def test_trainer_notes_print_only_in_trainer_view(page, site):
    page.goto((site / "lessons" / "lesson-paid-tutoring.html").as_uri())
    note = page.locator(".ql-trainer-note")
    page.emulate_media(media="print")
    assert note.is_hidden()
    page.emulate_media(media="screen")
    page.get_by_role("button", name="培训者视图").click()
    page.emulate_media(media="print")
    assert note.is_visible()


@pytest.mark.parametrize(
    "path, link",
    [
        ("lessons/lesson-paid-tutoring.html", "阅读完整案例（含剖析与启示）"),
        ("lessons/lesson-paid-tutoring.html", "签到表"),
        ("lessons/lesson-paid-tutoring/sign-in.html", "返回课程"),
        ("lessons/lesson-paid-tutoring/commitment.html", "返回课程"),
    ],
)
def test_navigation_links_never_print(page, site, path, link):
    page.goto((site / path).as_uri())
    links = page.get_by_role("link", name=link, exact=True)
    assert links.count() >= 1 and links.first.is_visible()
    page.emulate_media(media="print")
    for i in range(links.count()):
        assert links.nth(i).is_hidden(), (path, link)


def test_headings_keep_with_what_follows(page, site, tmp_path):
    page.goto((site / "lessons" / "lesson-paid-tutoring.html").as_uri())
    page.emulate_media(media="print")
    styles = page.eval_on_selector_all(
        ".md-content h1, .md-content h2, .md-content h3",
        "els => els.map(e => [getComputedStyle(e).breakAfter, getComputedStyle(e).breakInside])",
    )
    assert styles and all(s == ["avoid", "avoid"] for s in styles)
    # The first case card must not be pushed away from the 案例研读 heading by a forced break.
    first_card = page.locator(".ql-case-card--full").first
    assert first_card.evaluate("e => getComputedStyle(e).breakBefore") != "page"
    pages = pdf_pages(page, tmp_path)
    if pages is None:
        return
    headings = {
        h.strip()
        for h in page.eval_on_selector_all(".md-content h2, .md-content h3", "els => els.map(e => e.innerText)")
    }
    for number, text in enumerate(pages, 1):
        lines = [line.strip() for line in text.splitlines() if line.strip() and not re.search(r"第\s*\d+\s*页", line)]
        assert lines and lines[-1] not in headings, f"第 {number} 页以标题“{lines[-1]}”结尾"


@pytest.mark.parametrize("media, width", [("print", A4_CONTENT_WIDTH), ("screen", 390), ("screen", 1280)])
def test_commitment_is_centred_and_its_lines_do_not_wrap(browser, site, media, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto((site / "lessons" / "lesson-paid-tutoring" / "commitment.html").as_uri())
    page.emulate_media(media=media)
    title = page.locator("h1")
    assert title.evaluate("e => getComputedStyle(e).textAlign") == "center"
    body = page.locator(".ql-commitment")
    content = page.locator(".md-content__inner").bounding_box()
    box = body.bounding_box()
    left, right = box["x"] - content["x"], content["x"] + content["width"] - box["x"] - box["width"]
    assert abs(left - right) <= 24, (left, right)
    lines = page.locator(".ql-sign-line")
    assert lines.count() == 3
    assert [lines.nth(i).inner_text().split("：")[0] for i in range(3)] == ["承诺人（签名）", "学校／部门", "日期"]
    for i in range(3):
        height, line_height = lines.nth(i).evaluate(
            "e => [e.getBoundingClientRect().height, parseFloat(getComputedStyle(e).lineHeight)]"
        )
        assert height < 1.5 * line_height, (i, height, line_height)
        line = lines.nth(i).bounding_box()
        assert line["x"] + line["width"] <= content["x"] + content["width"] + 1
    context.close()


@pytest.fixture(scope="module")
def served(site):
    """The site over HTTP, where the stylesheets' rules can be read (file:// hides them)."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()  # else its listening socket is left to the garbage collector


def test_page_numbers_in_the_footer(page, served, tmp_path):
    page.goto(served + "lessons/lesson-paid-tutoring.html")
    # Chromium (131+) prints @page margin boxes, in Ctrl+P as in page.pdf.
    content = page.evaluate("""() => {
        for (const sheet of document.styleSheets) {
            let rules; try { rules = sheet.cssRules; } catch (e) { continue; }
            for (const rule of rules) {
                if (!(rule instanceof CSSPageRule)) continue;
                for (const inner of rule.cssRules || []) {
                    if (inner.name === 'bottom-center') return inner.style.content;
                }
            }
        }
        return null;
    }""")
    assert content is not None and "counter(page)" in content and "counter(pages)" in content
    page.emulate_media(media="print")
    pages = pdf_pages(page, tmp_path)
    if pages is None:
        return
    for number, text in enumerate(pages, 1):
        assert re.search(rf"第\s*{number}\s*页\s*/\s*共\s*{len(pages)}\s*页", text), text[-200:]
