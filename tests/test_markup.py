from html.parser import HTMLParser

import markdown

from generator.markup import format_date, inline_text, safe_markdown

EXTENSIONS = ["attr_list", "md_in_html", "def_list", "admonition", "tables", "toc"]


def html(text: str) -> str:
    return markdown.markdown(safe_markdown(text), extensions=EXTENSIONS)


def attributes(out: str) -> list[tuple[str, str, str]]:
    """(tag, attribute, value as the browser decodes it) for every attribute in the HTML."""
    found: list[tuple[str, str, str]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.extend((tag, name, value or "") for name, value in attrs)

    Collect().feed(out)
    return found


def test_raw_html_is_text():
    out = html('<script>alert(1)</script><img src=x onerror="alert(1)">')
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out


def test_script_urls_are_removed():
    for link in ["[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x](jav&#x61;script:alert(1))",
                 "[x](data:text/html,hi)", "[x][r]\n\n[r]: javascript:alert(1)", "![i](vbscript:x)"]:
        for tag, name, value in attributes(html(link)):
            if name in ("href", "src"):
                assert not value.strip().lower().startswith(("javascript:", "vbscript:", "data:")), link


def test_safe_links_stay():
    out = html("[政策](https://www.moe.gov.cn/) [条款](../policies/a.md#3.1)")
    assert 'href="https://www.moe.gov.cn/"' in out and 'href="../policies/a.md#3.1"' in out


def test_attribute_lists_cannot_set_attributes():
    out = html('段落\n{: onclick="alert(1)" }\n\n## 标题 {: onmouseover="x" }')
    assert [a for a in attributes(out) if a[1].startswith("on")] == []


def test_code_keeps_angle_brackets():
    assert "<code>&lt;b&gt;</code>" in html("`<b>`")


def test_inline_text_escapes_markdown():
    out = markdown.markdown("## " + inline_text("第[1]条 *重点* {#x} <b>"), extensions=EXTENSIONS)
    assert "第[1]条 *重点* {#x} &lt;b&gt;" in out


def test_format_date():
    assert [format_date(d) for d in ["2021-09-24", "2021-09", "2021", "2021年"]] == ["2021年9月24日", "2021年9月", "2021年", "2021年"]
