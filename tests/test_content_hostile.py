"""Hostile and odd input: never a traceback, never a hang, always a located Chinese message."""

import os
import re
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.loader import load_course
from generator.content.validation import _message
from generator.content.yamlsource import parse_yaml

from .conftest import MINIMAL_COURSE, MINIMAL_POLICY
from .fixtures import CASE, LESSON, QUIZ

F = Path("t.yml")


def messages(text: str) -> list[str]:
    return [p.format() for p in parse_yaml(text, F)[1]]


def report(root) -> list[str]:
    return [p.format(root.resolve()) for p in load_course(root).problems]


def policy_report(course_factory, text: str) -> list[str]:
    root = course_factory({"course.yml": MINIMAL_COURSE, "policies/p.yml": text})
    started = time.monotonic()
    found = report(root)
    assert time.monotonic() - started < 5
    return found


# --- YAML features the content model does not use ------------------------------------------------


def test_recursive_alias_is_rejected():
    assert messages("a: &a [1, *a]\n") == [
        "t.yml:1:4: 不支持锚点（&）和别名（*）：“&a”，请把内容直接写出来",
        "t.yml:1:11: 不支持锚点（&）和别名（*）：“*a”，请把内容直接写出来",
    ]


def test_alias_bomb_is_rejected_quickly_and_reported_once_per_name():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=False):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(lines) + "\n"
    started = time.monotonic()
    found = messages(text)
    assert time.monotonic() - started < 2
    assert len(found) == 17  # nine anchors, eight alias names
    assert found[1] == "t.yml:2:4: 不支持锚点（&）和别名（*）：“&b”，请把内容直接写出来"


def test_explicit_tags_and_merge_keys_are_rejected():
    assert messages("a: !!int abc\nb: !!float 1\nc: !!bool maybe\nd: !custom x\n<<: {e: 1}\n") == [
        "t.yml:1:4: 不支持显式标签“!!int”：请删除它，把内容直接写出来",
        "t.yml:2:4: 不支持显式标签“!!float”：请删除它，把内容直接写出来",
        "t.yml:3:4: 不支持显式标签“!!bool”：请删除它，把内容直接写出来",
        "t.yml:4:4: 不支持显式标签“!custom”：请删除它，把内容直接写出来",
        "t.yml:5:1: 不支持合并键“<<”：请把要合并的内容直接写出来",
    ]
    doc, _ = parse_yaml("c: !!bool maybe\n", F)
    assert doc.data == {"c": "maybe"}  # never silently false


def test_complex_keys_and_duplicate_keys_after_them():
    assert messages("? [a]\n: 1\nb: 1\nb: 2\n") == [
        "t.yml:1:3: 键必须是简单文字，不能是列表或映射",
        "t.yml:4:1: 重复的键“b”（第 3 行已写过）：同一层不能写两次，请合并或删除一处",
    ]


# --- bounds -------------------------------------------------------------------------------------


def test_flow_nesting_thirty_thousand_deep_is_refused_before_parsing():
    started = time.monotonic()
    assert messages("a: " + "[" * 30000 + "]" * 30000 + "\n") == [
        "t.yml:1:1004: 嵌套层数过多（超过 40 层），请检查缩进或括号"
    ]
    assert time.monotonic() - started < 2


def test_nesting_deeper_than_the_limit_is_located():
    assert messages("a: " + "[" * 41 + "]" * 41 + "\n") == ["t.yml:1:43: 嵌套层数过多（超过 40 层），请检查缩进或括号"]
    assert messages("a: " + "[" * 39 + "]" * 39 + "\n") == []


def test_deeply_nested_provisions(course_factory):
    body = (
        "".join("  " * i + "  - text: x\n" + "  " * i + "    provisions:\n" for i in range(300))
        + "  " * 300
        + "  - text: y\n"
    )
    text = "id: p\ntitle: 甲\nissuers: [县]\nissued: 2021\nprovisions:\n" + body
    assert policy_report(course_factory, text) == ["policies/p.yml:44:43: 嵌套层数过多（超过 40 层），请检查缩进或括号"]


def test_oversized_file_is_refused_without_reading(course_factory):
    root = course_factory({"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY})
    (root / "policies" / "big.yml").write_bytes(b"a: " + b"x" * (5 * 1024 * 1024) + b"\n")
    assert report(root) == ["policies/big.yml:1:1: 文件过大：单个文件不能超过 5 MB，请拆分为多个文件"]


def test_integers_beyond_the_digit_limit(course_factory):
    huge = "9" * 5000
    text = MINIMAL_POLICY.replace("  - number: 十\n", f"  - number: {huge}\n")
    assert policy_report(course_factory, text) == [
        f"policies/p.yml:10:13: 无法从编号“{'9' * 30}…”推导锚点（应为 一、（一）、1.、（1）、① 或 第一条 等形式），请为此条款写明 anchor",
    ]
    text = MINIMAL_POLICY.replace("id: ten-standards-2018", f"id: {huge}")
    assert policy_report(course_factory, text) == ["policies/p.yml:1:5: 标识符太长（5000 个字符）：最多 100 个字符"]
    lesson = LESSON.replace("duration: 45", f"duration: {huge}")
    root = course_factory(
        {"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY, "lessons/l.yml": lesson}, name="lesson"
    )
    assert report(root)[0] == f"lessons/l.yml:4:11: “duration”应为整数，实际是文本“{'9' * 40}…”"


def test_unicode_digits_int_rejects_in_provision_numbers(course_factory):
    text = MINIMAL_POLICY + "  - number: ❷\n    text: 甲\n  - number: ²\n    text: 乙\n"
    assert policy_report(course_factory, text) == [
        "policies/p.yml:13:13: 无法从编号“❷”推导锚点（应为 一、（一）、1.、（1）、① 或 第一条 等形式），请为此条款写明 anchor",
    ]


def test_odd_citation_anchors_do_not_crash_the_suggestions(course_factory):
    case = CASE.replace(
        "violations: [ten-standards-2018#10]",
        "violations: ['ten-standards-2018#²', 'ten-standards-2018#" + "9" * 5000 + "']",
    )
    root = course_factory({"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY, "cases/c.yml": case})
    assert [line.split("：")[0] for line in report(root)] == [
        "cases/c.yml:9:14: 引用“ten-standards-2018#²”",
        f"cases/c.yml:9:38: 引用“ten-standards-2018#{'9' * 41}…”",
    ]


# --- characters --------------------------------------------------------------------------------


def test_lone_surrogate_escape_is_located():
    assert messages('title: "\\ud800"\n') == [
        "t.yml:1:8: 文字中有无效的 Unicode 字符（单独的代理项，如 \\ud800），请删除它"
    ]


def test_line_and_paragraph_separators_pasted_from_word():
    doc, problems = parse_yaml("title: 甲\u2028乙\nnote: 丙\x85丁\nid: x\n", F)
    assert problems == []
    assert doc.data == {"title": "甲\u2028乙", "note": "丙\x85丁", "id": "x"}
    assert doc.position(("id",)).line == 3
    assert messages("title: 甲\u2028乙\nid: a: b\n") == [
        "t.yml:2:6: YAML 语法错误：此处不能出现“键: 值”：冒号后的文字若含“: ”请加引号，或检查缩进"
    ]


def test_whitespace_only_and_empty_required_text(course_factory):
    text = MINIMAL_POLICY.replace("title: 新时代中小学教师职业行为十项准则", "title: '　 '").replace(
        "title: 坚定政治方向", 'title: ""'
    )
    text = text.replace("issuers: [教育部]", "issuers: ['  ']")
    assert policy_report(course_factory, text) == [
        "policies/p.yml:2:8: “title”不能为空（只有空格也算空）",
        "policies/p.yml:4:11: “issuers”不能为空（只有空格也算空）",
        "policies/p.yml:8:12: “title”不能为空（只有空格也算空）",
    ]


# --- dates, ids, urls ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, message",
    [
        ("２０２１-01-01", "“２０２１-01-01”不是有效日期：请写成 YYYY-MM-DD、YYYY-MM 或 YYYY（如 2021-09-24）"),
        ("0000-01-01", "日期“0000-01-01”无效：年份应为四位数（1000 年以后）"),
        ("0999", "日期“0999”无效：年份应为四位数（1000 年以后）"),
        ("2021-٠١-01", "“2021-٠١-01”不是有效日期：请写成 YYYY-MM-DD、YYYY-MM 或 YYYY（如 2021-09-24）"),
    ],
)
def test_dates_need_ascii_digits_and_a_real_year(course_factory, written, message):
    assert policy_report(course_factory, MINIMAL_POLICY.replace("2018-11-08", written)) == [
        f"policies/p.yml:5:9: {message}"
    ]


def test_ids_are_capped_and_index_is_reserved_for_every_kind(course_factory):
    quiz = QUIZ.replace("id: quiz-ten", "id: index")
    root = course_factory(
        {
            "course.yml": MINIMAL_COURSE,
            "policies/ten.yml": MINIMAL_POLICY,
            "policies/index.yml": MINIMAL_POLICY.replace("id: ten-standards-2018", "id: index"),
            "policies/long.yml": MINIMAL_POLICY.replace("id: ten-standards-2018", "id: " + "a" * 101),
            "cases/c.yml": CASE.replace("id: paid-tutoring-2021-01", "id: index"),
            "lessons/l.yml": LESSON.replace("id: lesson-paid-tutoring", "id: index"),
            "quizzes/q.yml": quiz,
        }
    )
    reserved = "标识符“index”是保留字（列表页 index.html 已使用），请换一个"
    assert report(root) == [
        f"cases/c.yml:1:5: {reserved}",
        f"lessons/l.yml:1:5: {reserved}",
        f"policies/index.yml:1:5: {reserved}",
        "policies/long.yml:1:5: 标识符太长（101 个字符）：最多 100 个字符",
        f"quizzes/q.yml:1:5: {reserved}",
    ]


@pytest.mark.parametrize(
    "url, message",
    [
        ("javascript:alert(1)", "“javascript:alert(1)”不是有效网址：应以 http:// 或 https:// 开头，并写明网站地址"),
        ("ftp://example.com/a", "“ftp://example.com/a”不是有效网址：应以 http:// 或 https:// 开头，并写明网站地址"),
        ("http://", "“http://”不是有效网址：应以 http:// 或 https:// 开头，并写明网站地址"),
        ("www.moe.gov.cn", "“www.moe.gov.cn”不是有效网址：应以 http:// 或 https:// 开头，并写明网站地址"),
        ("http://a.cn/x y", "网址“http://a.cn/x y”中有不允许的字符“空格”：空格、引号、尖括号等请用 %20 这样的编码写"),
        (
            'http://a.cn/"onmouseover=x',
            '网址“http://a.cn/"onmouseover=x”中有不允许的字符“"”：空格、引号、尖括号等请用 %20 这样的编码写',
        ),
        (
            "http://a.cn/<script>",
            "网址“http://a.cn/<script>”中有不允许的字符“<”：空格、引号、尖括号等请用 %20 这样的编码写",
        ),
        ("http://a.cn/`x`", "网址“http://a.cn/`x`”中有不允许的字符“`”：空格、引号、尖括号等请用 %20 这样的编码写"),
        ("http://a.cn/{x}", "网址“http://a.cn/{x}”中有不允许的字符“{”：空格、引号、尖括号等请用 %20 这样的编码写"),
        ("http://a.cn:99999/", "“http://a.cn:99999/”不是有效网址：应以 http:// 或 https:// 开头，并写明网站地址"),
    ],
)
def test_source_url_must_be_an_http_address(course_factory, url, message):
    quoted = url.replace("'", "''")
    text = MINIMAL_POLICY.replace(
        "issued: 2018-11-08", f"issued: 2018-11-08\nsource: {{url: '{quoted}', note: 教育部网站}}"
    )
    case = CASE.replace("discussion:", f"source:\n  url: '{quoted}'\ndiscussion:")
    root = course_factory({"course.yml": MINIMAL_COURSE, "policies/p.yml": text, "cases/c.yml": case})
    assert report(root) == [f"cases/c.yml:15:8: {message}", f"policies/p.yml:6:15: {message}"]


def test_good_urls_pass(course_factory):
    text = MINIMAL_POLICY.replace(
        "issued: 2018-11-08",
        "issued: 2018-11-08\nsource: {url: 'https://www.moe.gov.cn/srcsite/A10/s7002/201811/t20181115_354921.html?a=1&b=%20#x'}",
    )
    assert policy_report(course_factory, text) == []


# --- content rules -------------------------------------------------------------------------------


def test_based_on_itself_or_in_a_circle(course_factory):
    def policy(pid: str, basis: str) -> str:
        return (
            f"id: {pid}\ntitle: {pid}\nissuers: [县]\nissued: 2021\nbased_on: [{basis}]\nprovisions: [{{text: 甲}}]\n"
        )

    root = course_factory(
        {
            "course.yml": MINIMAL_COURSE,
            "policies/a.yml": policy("a", "b"),
            "policies/b.yml": policy("b", "c"),
            "policies/c.yml": policy("c", "a"),
            "policies/d.yml": policy("d", "d"),
            "policies/e.yml": policy("e", "a"),
        }
    )
    assert report(root) == [
        "policies/c.yml:5:12: 依据形成循环：a → b → c → a，请删除其中一处依据",
        "policies/d.yml:5:12: 依据“d”就是这份政策自己：政策不能以自身为依据",
    ]


def test_duplicate_options_and_cases(course_factory):
    quiz = QUIZ.replace(
        "options: [按时上课, 组织有偿补课, 家访, 批改作业]", "options: [按时上课, 组织有偿补课, 家访, ' 按时上课']"
    )
    lesson = LESSON.replace(
        "cases: [paid-tutoring-2021-01, hostile-2021-02]", "cases: [paid-tutoring-2021-01, paid-tutoring-2021-01]"
    )
    lesson = lesson.replace("cases: [paid-tutoring-2021-01]}", "cases: [paid-tutoring-2021-01, paid-tutoring-2021-01]}")
    root = course_factory(
        {
            "course.yml": MINIMAL_COURSE,
            "policies/ten.yml": MINIMAL_POLICY,
            "cases/c.yml": CASE,
            "lessons/l.yml": lesson,
            "quizzes/q.yml": quiz,
        }
    )
    assert report(root) == [
        "lessons/l.yml:6:32: 案例“paid-tutoring-2021-01”重复列出（第 6 行已列出），请删除一处",
        "lessons/l.yml:10:66: 案例“paid-tutoring-2021-01”重复列出（第 10 行已列出），请删除一处",
        "quizzes/q.yml:9:33: 选项 D“按时上课”与选项 A 重复，同一题的选项不能相同",
    ]


def test_objectives_and_discussion_citations_are_checked_at_validate(course_factory, tmp_path):
    lesson = LESSON.replace("objectives: [", "objectives: ['对照 [[ten-standards-2018#9]]', ").replace(
        ", hostile-2021-02", ""
    )
    lesson = lesson.replace("discussion: [", "discussion: ['[[nope]] 怎么看？', ")
    case = CASE.replace("discussion: [", "discussion: ['见 [[ten-standards-2018#2]]', ")
    root = course_factory(
        {"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY, "cases/c.yml": case, "lessons/l.yml": lesson}
    )
    assert report(root) == [
        "cases/c.yml:14:17: 引用“ten-standards-2018#2”：《十项准则》中没有锚点“2”，最接近的锚点：1（第一项 坚定政治方向）、10（第十项 规范从教行为）",
        "lessons/l.yml:5:18: 引用“ten-standards-2018#9”：《十项准则》中没有锚点“9”，最接近的锚点：10（第十项 规范从教行为）、1（第一项 坚定政治方向）",
        "lessons/l.yml:13:15: 引用“nope”指向不存在的政策“nope”",
    ]
    assert main(["build", "--course", str(root), "--site", str(tmp_path / "site")]) == 1


# --- the course folder --------------------------------------------------------------------------


def test_upper_case_suffixes_are_read(course_factory):
    root = course_factory({"course.yml": MINIMAL_COURSE, "policies/ten.YML": MINIMAL_POLICY, "cases/c.Yaml": CASE})
    result = load_course(root)
    assert result.problems == [] and list(result.course.cases) == ["paid-tutoring-2021-01"]


def test_course_yml_and_course_yaml_together(course_factory):
    root = course_factory(
        {"course.yml": MINIMAL_COURSE, "course.yaml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY}
    )
    assert report(root) == [
        "course.yaml:1:1: 课程文件夹中同时有 course.yaml、course.yml：只能保留一个站点设置文件，请合并后删除 course.yaml"
    ]


def test_dangling_symlinks_fifos_and_folders_are_reported(course_factory):
    root = course_factory({"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY})
    os.symlink(root / "nowhere.yml", root / "policies" / "gone.yml")
    os.mkfifo(root / "policies" / "pipe.yml")
    (root / "policies" / "folder.yml").mkdir()
    started = time.monotonic()
    assert report(root) == [
        "policies/folder.yml:1:1: 这是一个文件夹，不是 YAML 文件：请改名或移走",
        "policies/gone.yml:1:1: 符号链接指向不存在的文件，已跳过：请修复或删除这个链接",
        "policies/pipe.yml:1:1: 不是普通文件（可能是管道、设备或套接字），无法读取，请删除它",
    ]
    assert time.monotonic() - started < 5


def test_course_yml_that_is_a_fifo_does_not_block(tmp_path):
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "ten.yml").write_text(MINIMAL_POLICY, encoding="utf-8")
    os.mkfifo(tmp_path / "course.yml")
    assert report(tmp_path) == [
        "course.yml:1:1: 不是普通文件（可能是管道、设备或文件夹），无法读取，请删除或换成 YAML 文件"
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_in_chinese(course_factory):
    root = course_factory({"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY})
    (root / "policies" / "ten.yml").chmod(0)
    assert report(root) == ["policies/ten.yml:1:1: 无法读取文件：没有读取权限"]


# --- every message a user can see is Chinese ---------------------------------------------------

_ENGLISH = re.compile(r"[A-Za-z]{2,}[ ,.]+[A-Za-z]{2,}")


def _unquoted(message: str) -> str:
    return re.sub(r"“[^”]*”", "", message)


def test_no_pydantic_english_reaches_the_authors(course_factory):
    root = course_factory(
        {
            "course.yml": "title: ''\norganization: [x]\nglossary: [{term: a}, 3]\nunits: {a: ''}\nsynonyms: [[a]]\nhome: 1\n",
            "policies/a.yml": "id: A\ntitle: {}\nissuers: []\nissued: 2021-13\nstatus: 1\nlevel: x\nsource: {url: 1, note: ''}\n"
            "provisions:\n  - {number: '', anchor: 'a b', kind: x, responsible: [[]], deadline: 2021-02-30}\n  - 1\n  - {provisions: x}\n",
            "cases/c.yml": "id: c\ntitle: c\ndate: x\ncategories: []\nfictional: 1.5\nfacts: ''\nviolations: [' ']\nhandling: {}\nstage: 大学\n",
            "lessons/l.yml": "id: l\ntitle: l\nduration: -1\nobjectives: []\ncases: [X]\nagenda: [{minutes: 1.5}, {minutes: 0, activity: ' '}]\nquiz: Q\n",
            "quizzes/q.yml": "id: q\ntitle: q\npass_score: 101\nshuffle: x\nquestions:\n  - {id: '', type: x, stem: '', answer: {}, difficulty: 0, points: 0}\n"
            "  - {id: b, type: fill, stem: ____, answer: [[[x]]], points: 101}\n",
        }
    )
    found = load_course(root).problems
    assert len(found) > 30
    for problem in found:
        text = _unquoted(problem.message)
        assert re.search(r"[\u4e00-\u9fff]", text), problem.message
        assert not _ENGLISH.search(text), problem.message


def test_unknown_pydantic_errors_still_get_chinese():
    error = {"type": "uuid_parsing", "loc": ("x",), "msg": "Input should be a valid UUID", "input": "abc"}
    assert _message(error, ("x",), object, {"x": "abc"}) == "“x”的值不符合要求，实际是文本“abc”"


def test_a_kind_folder_that_is_a_file(tmp_path):
    (tmp_path / "course.yml").write_text(MINIMAL_COURSE, encoding="utf-8")
    (tmp_path / "policies").write_text("", encoding="utf-8")
    (tmp_path / "cases").symlink_to(tmp_path / "nowhere")
    assert report(tmp_path) == [
        "cases:1:1: “cases”应为文件夹，而不是文件（或指向不存在位置的链接）",
        "policies:1:1: “policies”应为文件夹，而不是文件（或指向不存在位置的链接）",
    ]
