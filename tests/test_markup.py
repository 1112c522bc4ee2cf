"""Authors' Markdown and plain fields, rendered and then read again by the engine's own Markdown."""

from html.parser import HTMLParser

import markdown
import pytest

from generator.text import richtext
from generator.text.markup import format_date, inline_text

# The site engine's dialect (mkdocs.yml): what our output must survive unchanged.
ENGINE = ["attr_list", "md_in_html", "def_list", "admonition", "tables", "toc"]


def engine(text: str) -> str:
    return markdown.markdown(text, extensions=ENGINE)


def attributes(out: str) -> list[tuple[str, str, str]]:
    """(tag, attribute, value as the browser decodes it) for every attribute in the HTML."""
    found: list[tuple[str, str, str]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.extend((tag, name, value or "") for name, value in attrs)

    Collect().feed(out)
    return found


def tags(out: str) -> list[str]:
    found: list[str] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append(tag)

    Collect().feed(out)
    return found


ATTACKS = [
    '<script>alert(1)</script><img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "[x](JavaScript:alert(1))",
    "[x](jav&#x61;script:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "> [x][r]\n>\n> [r]: javascript:alert(1)",
    "术语\n:   [x][r]\n\n[r]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "![i](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    '段落\n{: onclick="alert(1)" }',
    '## 标题 {: onmouseover="alert(1)" }',
    "a\\`b <img src=x onerror=alert(1)>`",
    "`a\n\nb <img src=x onerror=alert(1)> c`",
    "``a` <img src=x onerror=alert(1)>",
    "[x](<javascript:alert(1)>)",
    "[x]( javascript:alert(1) )",
    "<details open ontoggle=alert(1)>",
    "[x](//evil.example/a)",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_no_script_survives_render_and_engine(attack):
    for out in (richtext.render(attack), richtext.render_block(attack, lambda ref: "", lead="标签")):
        for final in (out, engine(out), engine("**前缀**　" + out), engine("- " + out)):
            assert not {"script", "svg", "iframe", "object", "embed", "details"} & set(tags(final)), final
            for _tag, name, value in attributes(final):
                assert not name.startswith("on"), final
                if name in ("href", "src"):
                    assert richtext.url_scheme(value) in (None, "http", "https", "mailto"), final
                    assert not value.strip().startswith("//"), final


def test_dangerous_links_become_text_and_are_reported():
    out = richtext.render("先看[说明](javascript:alert(1))再说")
    assert out == '先看<span class="ql-unsafe-link">说明</span>再说'
    assert richtext.link_findings("[x][r]\n\n[r]: JavaScript:alert(1)") == [
        richtext.LinkFinding("JavaScript:alert(1)", "unsafe")
    ]


def test_images_from_other_hosts_become_links():
    out = richtext.render("![校徽](https://example.org/a.png) ![b](//example.org/b.png)")
    assert "<img" not in out
    assert [a for a in attributes(out) if a[1] == "href"] == [
        ("a", "href", "https://example.org/a.png"),
        ("a", "href", "//example.org/b.png"),
    ]
    kinds = [f.kind for f in richtext.link_findings("![校徽](https://example.org/a.png) [x](other.md) [y](#nope)")]
    assert kinds == ["external-image", "relative", "relative"]


def test_web_links_stay():
    out = richtext.render("[政策](https://www.moe.gov.cn/) <https://a.example/x> [信](mailto:a@b.cn)")
    hrefs = [value for _, name, value in attributes(out) if name == "href"]
    assert hrefs == ["https://www.moe.gov.cn/", "https://a.example/x", "mailto:a@b.cn"]


def test_code_keeps_angle_brackets_and_markdown_stays_literal():
    out = engine(richtext.render("`<b>` 与 `*x*`"))
    assert "<code>&#60;b&#62;</code>" in out and "<code>&#42;x&#42;</code>" in out and "<em>" not in out


def test_lists_survive_inside_our_html_blocks():
    block = richtext.render_block("主持人：\n\n- 朗读来信\n- **不点名**", lambda ref: "", lead="培训者提示")
    out = engine(f'<div class="ql-trainer-note" markdown>\n\n{block}\n\n</div>')
    assert out.count("<li>") == 2 and "<strong>培训者提示</strong>" in out and "- " not in out


def test_line_breaks_inside_chinese_paragraphs_join_without_a_space():
    assert richtext.render("供教师学习使用。\n全部内容可以离线浏览。") == "供教师学习使用。全部内容可以离线浏览。"
    assert richtext.render("第一段。\n\n第二段。") == '<div class="ql-md"><p>第一段。</p>&#10;<p>第二段。</p></div>'
    assert richtext.render("word\nword") == "word&#10;word"
    assert "<li>" in richtext.render("要求：\n\n- 一\n- 二")


def test_fill_blanks_are_not_emphasis():
    out = richtext.render("不得组织____补课，实行____制", blank=lambda n: f"[空{n}]")
    assert out == "不得组织[空1]补课，实行[空2]制"


def test_citations_are_linked_where_written():
    out = richtext.render("见 [[ten#10]] 与 `[[ten#1]]`", lambda ref: f'<a href="#{ref.anchor}">引</a>')
    assert out.count('<a href="#') == 2


@pytest.mark.parametrize(
    "text",
    [
        "标题\n> 引用",
        "标题\n\n- 列表",
        "1. 不是列表",
        "- 不是列表",
        "**重点**",
        "`代码`",
        "a | b",
        "<b>粗</b>",
        "第[1]条 {#x} #标签",
        ": 定义",
        "标题\u2028> 引用",
        "!!! warning",
        "&amp; &lt;",
        "[链接](http://a)",
    ],
)
def test_plain_fields_never_become_markup(text):
    for line in (
        f"## {inline_text(text)}",
        f"| {inline_text(text)} | x |\n| --- | --- |\n| a | b |",
        f"- {inline_text(text)}",
        f"标题\n:   {inline_text(text)}",
        inline_text(text),
    ):
        out = engine(line)
        assert not {"blockquote", "strong", "code", "ol", "a", "b", "em", "div"} & set(tags(out)), (text, out)
        plain = HTMLParser().unescape(out) if hasattr(HTMLParser, "unescape") else __import__("html").unescape(out)
        assert (
            " ".join(text.replace("\u2028", "\n").split()) in " ".join(plain.replace("\n", " ").split()) or "|" in text
        )


def test_format_date():
    assert [format_date(d) for d in ["2021-09-24", "2021-09", "2021", "2021年"]] == [
        "2021年9月24日",
        "2021年9月",
        "2021年",
        "2021年",
    ]
