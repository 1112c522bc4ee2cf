"""No script from any field: hostile text in every plain and Markdown field of every kind, opened in Chromium."""

import re

import pytest

from generator.cli import main

from .conftest import write_course

pytestmark = pytest.mark.browser

# Each attack sets window.__pwned when it runs; "N" is replaced so the test can tell which one ran.
MARKDOWN_ATTACKS = "\n\n".join(
    [
        '<script>window.__pwned="N1"</script><img src=x onerror="window.__pwned=\'N2\'">',
        "[a](javascript:window.__pwned='N3')",
        "[b][r]\n\n[r]: javascript:window.__pwned='N4'",
        "> [c][q]\n>\n> [q]: JaVaScRiPt:window.__pwned='N5'",
        "[d](javascript&#58;window.__pwned='N6') [e](vbscript:x) [f](data:text/html,<script>alert(1)</script>)",
        "<svg onload=\"window.__pwned='N7'\"></svg> <a href=\"javascript:window.__pwned='N8'\">g</a>",
        "段落\n{: onclick=\"window.__pwned='N9'\" autofocus onfocus=\"window.__pwned='N9b'\" }",
        "a\\`b <img src=x onerror=\"window.__pwned='N10'\">`",
        "`a\n\nb <img src=x onerror=\"window.__pwned='N11'\"> c`",
        "![p](https://example.org/x.png) ![q](//example.org/y.png)",
    ]
)
PLAIN_ATTACK = (
    "标题</title><script>window.__pwned='P1'</script>\n> 引用 **重点** `代码` {#x onclick=\"window.__pwned='P2'\"}"
)


def hostile_course() -> dict[str, str]:
    def md(tag: str) -> str:
        return yaml_string(MARKDOWN_ATTACKS.replace("'N", f"'{tag}"))

    plain = yaml_string(PLAIN_ATTACK)
    return {
        "course.yml": f"title: {plain}\norganization: {plain}\ndescription: {md('desc')}\n"
        f"glossary:\n  - term: 有偿补课\n    definition: {md('gloss')}\n    aliases: [{plain}]\n",
        "policies/ten.yml": f"""id: ten
title: {plain}
short_title: {plain}
doc_number: {plain}
issuers: [{plain}]
issued: 2018-11-08
region: {plain}
tags: [{plain}]
summary: {md("summary")}
preamble: {md("preamble")}
provisions:
  - number: 一
    title: {plain}
    text: {md("prov")}
    responsible: [{plain}]
    deadline: {plain}
    provisions:
      - number: （一）
        text: {md("child")}
""",
        "cases/c.yml": f"""id: c
title: {plain}
date: 2021-05
region: {plain}
categories: [{plain}]
fictional: true
facts: {md("facts")}
violations: [ten#1]
handling: {md("handling")}
penalties: [{plain}]
analysis: {md("analysis")}
lessons: {md("lessons")}
discussion: [{md("cdisc")}]
""",
        "lessons/l.yml": f"""id: l
title: {plain}
audience: {plain}
duration: 10
objectives: [{md("obj")}]
cases: [c]
key_provisions: [ten#1]
agenda:
  - {{minutes: 10, activity: {plain}, notes: {md("notes")}, cases: [c]}}
discussion: [{md("ldisc")}]
self_check: [{plain}]
quiz: q
""",
        "quizzes/q.yml": f"""id: q
title: {plain}
description: {md("qdesc")}
questions:
  - id: q1
    type: single
    stem: {md("stem")}
    options: [{plain}, 乙]
    answer: A
    explanation: {md("expl")}
    cites: [ten#1]
  - id: q2
    type: fill
    stem: 填空____。
    answer: [{plain}]
""",
    }


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar holding the text exactly."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    course = write_course(root / "course", hostile_course())
    assert main(["validate", "--course", str(course)]) == 0  # dangerous links warn, never fail
    assert main(["build", "--course", str(course), "--site", str(root / "site")]) == 0
    return root / "site"


def test_validate_warns_about_dangerous_links_with_their_place(tmp_path, capsys):
    course = write_course(tmp_path / "course", hostile_course())
    assert main(["validate", "--course", str(course)]) == 0
    err = capsys.readouterr().err
    assert "cases/c.yml:7:" in err and "链接“javascript:window.__pwned=”" in err and "不会生成链接" in err
    assert "图片“https://example.org/x.png”来自其他网站" in err


def test_links_to_site_files_are_located_errors(tmp_path, capsys):
    files = hostile_course()
    files["cases/c.yml"] = re.sub(
        r"^handling: .*$", 'handling: "[见](other.md) [锚](#nope) [上](../../x)"', files["cases/c.yml"], flags=re.M
    )
    course = write_course(tmp_path / "course", files)
    assert main(["validate", "--course", str(course)]) == 1
    err = capsys.readouterr().err
    for target in ("other.md", "#nope", "../../x"):
        assert "cases/c.yml:9:" in err and f"链接“{target}”指向站内的文件或锚点" in err


def test_no_script_runs_and_no_handler_is_set_on_any_page(hostile_site, browser):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 10
    for path in pages:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        page.mouse.click(5, 5)
        for selector in [".md-content a:visible", ".md-content p:visible"]:
            for element in page.locator(selector).all()[:10]:
                element.hover(timeout=2000)
        assert page.evaluate("window.__pwned") is None, path
        found = page.evaluate("""() => {
            const bad = [];
            for (const el of document.querySelectorAll('.md-content *')) {
                for (const a of el.attributes) {
                    if (a.name.startsWith('on')) bad.push(el.tagName + ' ' + a.name);
                    if ((a.name === 'href' || a.name === 'src') && /^\\s*(javascript|vbscript|data):/i.test(el[a.name] || a.value)) bad.push(a.value);
                }
                // The one script a page body may hold: quiz pages load our own quiz.js (no inline code).
                const ours = el.tagName === 'SCRIPT' && !el.textContent && el.src.endsWith('/assets/qinglian/quiz.js');
                if (['SCRIPT', 'SVG', 'IFRAME', 'OBJECT'].includes(el.tagName) && !ours) bad.push(el.tagName);
                if (el.tagName === 'IMG' && !el.src.startsWith('file:')) bad.push(el.src);
            }
            return bad;
        }""")
        assert found == [], (path, found)
        assert ("</script>" not in page.title() and "＜/title＞" in page.title()) or path.name == "404.html"
    assert [url for url in requests if not url.startswith(("file:", "data:", "blob:"))] == []
    page.close()


def test_plain_fields_stay_plain_text(hostile_site, browser):
    page = browser.new_page()
    page.goto((hostile_site / "policies" / "ten.html").as_uri())
    heading = page.locator("#\\31")  # the provision's anchor survives its hostile title
    assert heading.count() == 1
    assert "**重点**" in heading.inner_text() and "`代码`" in heading.inner_text()
    # Markdown fields may quote; a plain field never does.
    assert (
        page.evaluate("""() => [...document.querySelectorAll('.md-content blockquote')]
        .filter(b => !b.closest('.ql-md, .ql-quote')).length""")
        == 0
    )
    page.close()
