"""Search: sections from HTML, and a query set over the shipped course run in Chromium with recall 100%."""

import json

import pytest

from generator.search.index import build_index, extract_sections, traditional_to_simplified

from .conftest import type_search

QUERIES = [
    # two-character words
    "补课",
    "回扣",
    "考核",
    "礼金",
    "体罚",
    "兼职",
    "招生",
    "采购",
    "党建",
    "廉洁",
    "师德",
    "台账",
    "督导",
    "经费",
    "公示",
    # words inside longer words (jieba would index 十项准则, 坚持原则, 师德考核 as one word)
    "准则",
    "原则",
    "项准",
    "德师",
    "校风",
    "作风",
    "政风",
    "清廉学",
    "违规收",
    "礼品",
    "小金库",
    "一票否决",
    # phrases across word boundaries
    "组织有偿补课",
    "收受学生家长礼品礼金",
    "严禁体罚或变相体罚学生",
    "到校外培训机构兼职",
    "有报必查、有查必处",
    "课上不讲课下讲",
    "利用职务之便牟取私利",
    "建立健全学校内部控制制度",
    "三重一大",
    "清明政风、清净校风",
    # names (anonymised forms)
    "张某",
    "钱某某",
    "郑某",
    "刘某",
    "孙某",
    "周某",
    # penalties
    "党内警告",
    "政务撤职",
    "诫勉谈话",
    "取消评优评先资格",
    "党内严重警告",
    "调离教学岗位",
    # document numbers, whatever brackets are typed
    "中组发〔2016〕17号",
    "中组发[2016]17号",
    "中组发(2016)17号",
    "中组发【2016】17号",
    "中组发（2016）17号",
    "中组发［2016］17号",
    # traditional ↔ simplified
    "有償補課",
    "禮品禮金",
    "體罰",
    "師德師風",
    "廉潔",
    "黨風廉政建設",
    "專項整治",
    # glossary aliases find their term
    "一岗两责",
    # several words
    "有偿补课 党内警告",
    "准则 兼职",
]

OPEN, CLOSE = "〔【[（(［{「『", "〕】]）)］}」』"


def normalise(text: str, variants: dict[str, str]) -> str:
    out = []
    for char in text:
        code = ord(char)
        if 0xFF01 <= code <= 0xFF5E:
            char = chr(code - 0xFEE0)
        elif code == 0x3000:
            char = " "
        if char in OPEN:
            char = "["
        elif char in CLOSE:
            char = "]"
        else:
            char = variants.get(char, char.lower() if len(char.lower()) == 1 else char)
        out.append(char)
    return "".join(out)


def test_sections_follow_headings_and_provisions():
    html = (
        '<h1 id="t">标题</h1><p>导语。</p><h2 id="1">一、总则<a class="headerlink" href="#1">¶</a></h2><p>第一段。</p>'
        '<div class="ql-prov" id="1.1" data-cite="《方案》一（一）"><p><strong>（一）</strong>细则<button>复制</button></p></div>'
        '<div class="ql-q-feedback" hidden><p>答案是B</p></div><script>var x = "不要索引";</script>'
    )
    sections = extract_sections(html, "某方案")
    assert [(s.anchor, s.title, s.text) for s in sections] == [
        (None, "某方案", "标题 导语。"),
        ("1", "一、总则", "第一段。"),
        ("1.1", "《方案》一（一）", "（一）细则"),
    ]


def test_index_is_about_the_size_of_the_text():
    text = "县教育局党组要压实全面从严治党主体责任。" * 200
    index = build_index([("a.html", "方案", [*extract_sections(f"<p>{text}</p>", "方案")])], {"一岗两责": "一岗双责"})
    size = len(json.dumps(index, ensure_ascii=False).encode())
    assert size < 1.5 * len(text.encode())
    pairs = traditional_to_simplified(set(text))  # only pairs for characters that occur
    assert "體体" in pairs and "龍" not in pairs


@pytest.fixture(scope="module")
def search_page(browser, shipped_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((shipped_site / "index.html").as_uri())
    page.add_script_tag(path=str(shipped_site / "search" / "search_index.js"))
    worker = next((shipped_site / "assets" / "javascripts" / "workers").glob("search.*.js"))
    page.add_script_tag(path=str(worker))
    page.evaluate("__qinglianSearch.setup(__index)")
    yield page
    context.close()


@pytest.mark.browser
def test_query_set_recall_is_complete(search_page, shipped_site):
    assert len(QUERIES) >= 60
    index = json.loads((shipped_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"][
        "qinglian"
    ]
    pairs = list(index["variants"])
    variants = dict(zip(pairs[0::2], pairs[1::2], strict=False))
    aliases = {normalise(a, variants): normalise(t, variants) for a, t in index["aliases"].items()}
    failures = []
    for query in QUERIES:
        terms = [normalise(t, variants) for t in query.split()]
        forms = [[t] + [t.replace(a, c) for a, c in aliases.items() if a in t] for t in terms]
        expected_pages, expected_sections = set(), set()
        for page_index, anchor, title, text in index["sections"]:
            haystack = normalise(title + " " + text, variants)
            if all(any(f in haystack for f in term_forms) for term_forms in forms):
                url = index["pages"][page_index][0]
                expected_pages.add(url)
                expected_sections.add(f"{url}#{anchor}" if anchor else url)
        assert expected_pages, f"query {query!r} occurs nowhere: fix the query set"
        result = search_page.evaluate("q => __qinglianSearch.search(q)", query)["items"]
        found_pages = [next(i["location"] for i in g if "#" not in i["location"]) for g in result]
        missing = expected_pages - set(found_pages)
        top = found_pages[:10]
        if missing:
            failures.append(f"{query}: pages missing {sorted(missing)}")
        if not set(top) <= expected_pages:
            failures.append(f"{query}: irrelevant page in the first 10 {sorted(set(top) - expected_pages)}")
        for group in result[:10]:
            listed = {item["location"] for item in group}
            if not listed & expected_sections:
                failures.append(f"{query}: no matching section listed for {group[0]['location']}")
        # Every listed section of a matching page holds the words (no noise inside a group).
        for group in result:
            for item in group:
                if item["score"] > 0 and item["location"] not in expected_sections:
                    failures.append(f"{query}: {item['location']} listed but does not contain it")
    assert failures == []


@pytest.mark.browser
def test_exact_phrase_and_titles_rank_first(search_page):
    result = search_page.evaluate("q => __qinglianSearch.search(q)", "有偿补课")["items"]
    best = result[0][0]
    assert "<mark>有偿补课</mark>" in best["title"] or "<mark>有偿补课</mark>" in best["text"]
    # Every two-character piece of 礼金礼品 is in the course, never the whole (补课有偿 was, only in a trainer note).
    scattered = search_page.evaluate("q => __qinglianSearch.search(q)", "礼金礼品")["items"]
    assert scattered, "scattered matches are still found"
    assert max(i["score"] for g in scattered for i in g) < max(i["score"] for g in result for i in g)


@pytest.mark.browser
def test_search_box_traditional_query_and_highlight(browser, shipped_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto((shipped_site / "index.html").as_uri())
    type_search(page, "有償補課")
    assert "有偿补课" in page.locator(".md-search-result__item mark").first.inner_text()
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state()
    assert "h=" in page.url
    assert page.locator(".md-content mark").count() > 0
    assert "有偿补课" in page.locator(".md-content mark").first.inner_text()
    context.close()
