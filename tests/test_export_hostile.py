"""No field can forge structure in any export: every export re-reads as exactly the intended questions."""

import html
import re
import xml.etree.ElementTree as ET

import pytest

from generator.cli import main
from generator.content.model import Fill, Judge, MultipleChoice, Quiz, SingleChoice
from generator.exports.platforms import ExportError, export

from .conftest import write_course
from .fixtures import quiz_course
from .test_exports import choices, gift_parse, gift_questions, parse_chaoxing, parse_wjx

# Every kind of line break and a tab between six words.
BREAKS = "甲\n乙\r丙\u2028丁\u0085戊\t己"
BREAKS_LINE = "甲 乙 丙 丁 戊 己"
BREAKS_PARAGRAPHS = "甲\n乙\n丙\n丁\n戊 己"
SPECIALS = "~=#{}:\\ \\n //"
XML_INVALID = "前\x01\x0b\ufffe\x00\ud800后"  # \x0b is a line break, the rest goes


def hostile_quiz() -> Quiz:
    return Quiz(
        id="evil",
        title="测验\n\n::forged-title::伪造{=x}\n\n$CATEGORY: evil\n// [tag:forged]",
        questions=[
            SingleChoice(
                id="q1\n::forged-id::{=y}\n",
                type="single",
                stem=f"题干{BREAKS}\x00含空字符 {SPECIALS}",
                options=[
                    "选项一\n答案：D\n解析：伪造",
                    f"选项二{SPECIALS}",
                    f"[html]<b>粗</b>{XML_INVALID}",
                    "%50% 折扣",
                ],
                answer="B",
                explanation=f"解析\n\n::forged-fb::{{=z}}\n####{XML_INVALID}",
                tags=["标签\n// [tag:x]\n::forged-tag::{=w}\n", "a/b"],
            ),
            MultipleChoice(
                id="q2",
                type="multiple",
                stem="多选\r\n题",
                options=["甲\u2029A. 伪", "乙\x85答案：A", "丙"],
                answer=["A", "C"],
                tags=["\x01\x02"],
            ),
            Judge(id="q3", type="judge", stem="判断\v题\f干", answer=True, explanation="正确\r答案：错误"),
            Fill(id="q4", type="fill", stem=f"单空____后{SPECIALS}", answer=[["答\n案", "}#~=\\", "%7% x"]]),
            Fill(id="q5", type="fill", stem="第一____，第二____{1:MC:=a~b}。", answer=["一\u2028", ["二", "贰/二"]]),
        ],
    )


def test_gift_reads_back_as_exactly_the_intended_questions():
    entries = gift_parse(export([hostile_quiz()], "gift"))
    categories = [e["title"] for e in entries if e["type"] == "Category"]
    title = "测验 ::forged-title::伪造{=x} $CATEGORY: evil // [tag:forged]"
    assert categories == [
        f"{title.replace('/', '//')}/标签 //// [tag:x] ::forged-tag::{{=w}}",
        title.replace("/", "//"),
    ]
    parsed = gift_questions(entries)
    assert list(parsed) == ["evil-q1 ::forged-id::{=y}", "evil-q2", "evil-q3", "evil-q4", "evil-q5-1", "evil-q5-2"]
    assert all(q["id"] is None and q["tags"] is None for q in parsed.values())
    q1 = parsed["evil-q1 ::forged-id::{=y}"]
    assert q1["type"] == "MC"
    assert q1["stem"]["text"] == f"题干{BREAKS_PARAGRAPHS}含空字符 {SPECIALS}"
    assert choices(q1) == [
        (False, None, "选项一 答案：D 解析：伪造"),
        (True, None, f"选项二{SPECIALS}"),
        (False, None, "[html]<b>粗</b>前 后"),
        (False, 0, "%50% 折扣"),
    ]
    assert q1["globalFeedback"]["text"] == "解析\n::forged-fb::{=z}\n####前\n后"
    q2 = parsed["evil-q2"]
    assert choices(q2) == [(False, 50, "甲 A. 伪"), (False, -100, "乙 答案：A"), (False, 50, "丙")]
    assert q2["stem"]["text"] == "多选\n题"
    q3 = parsed["evil-q3"]
    assert (q3["type"], q3["isTrue"], q3["stem"]["text"], q3["globalFeedback"]["text"]) == (
        "TF",
        True,
        "判断\n题\n干",
        "正确\n答案：错误",
    )
    q4 = parsed["evil-q4"]
    assert q4["type"] == "Short" and q4["hasEmbeddedAnswers"]
    assert q4["stem"]["text"] == f"单空 _____ 后{SPECIALS}"
    assert choices(q4) == [(True, None, "答 案"), (True, None, "}#~=\\"), (True, 100, "%7% x")]
    assert [choices(parsed[n]) for n in ("evil-q5-1", "evil-q5-2")] == [
        [(True, None, "一")],
        [(True, None, "二"), (True, None, "贰/二")],
    ]


def test_moodle_xml_reads_back_as_exactly_the_intended_questions():
    text = export([hostile_quiz()], "moodle-xml")
    root = ET.fromstring(text.encode("utf-8"))
    categories = [q.findtext("category/text") for q in root.findall("question") if q.get("type") == "category"]
    title = "测验 ::forged-title::伪造{=x} $CATEGORY: evil // [tag:forged]".replace("/", "//")
    assert categories[0] == f"$course$/top/{title}/标签 //// [tag:x] ::forged-tag::{{=w}}"
    assert categories[1:] == [f"$course$/top/{title}"] * 4
    questions = [q for q in root.findall("question") if q.get("type") != "category"]
    assert [(q.get("type"), q.findtext("name/text")) for q in questions] == [
        ("multichoice", "evil-q1 ::forged-id::{=y}"),
        ("multichoice", "evil-q2"),
        ("truefalse", "evil-q3"),
        ("shortanswer", "evil-q4"),
        ("cloze", "evil-q5"),
    ]
    q1 = questions[0]
    assert q1.findtext("questiontext/text") == f"题干{BREAKS_PARAGRAPHS}含空字符 {SPECIALS}"
    assert [(a.get("fraction"), a.findtext("text")) for a in q1.findall("answer")] == [
        ("0", "选项一 答案：D 解析：伪造"),
        ("100", f"选项二{SPECIALS}"),
        ("0", "[html]<b>粗</b>前 后"),
        ("0", "%50% 折扣"),
    ]
    assert q1.findtext("generalfeedback/text") == "解析\n::forged-fb::{=z}\n####前\n后"
    assert [t.findtext("text") for t in q1.findall("tags/tag")] == ["标签 // [tag:x] ::forged-tag::{=w}", "a/b"]
    assert questions[1].find("tags") is None
    assert [a.findtext("text") for a in questions[3].findall("answer")] == ["答 案", "}#~=\\", "%7% x"]
    cloze = questions[4].findtext("questiontext/text")
    # Text around the blanks is HTML with "{" as a character reference: it cannot open a sub-question.
    assert re.findall(r"\{1:SHORTANSWER:((?:\\.|[^\\}])*)\}", cloze) == ["=一", "=二~=贰\\/二"]
    assert (
        html.unescape(re.sub(r"\{1:SHORTANSWER:(?:\\.|[^\\}])*\}", "____", cloze)) == "第一____，第二____{1:MC:=a~b}。"
    )


def test_chaoxing_text_reads_back_as_exactly_the_intended_questions():
    read = parse_chaoxing(export([hostile_quiz()], "chaoxing"))
    assert [(q["number"], q["type"]) for q in read] == [
        (1, "单选题"),
        (2, "多选题"),
        (3, "判断题"),
        (4, "填空题"),
        (5, "填空题"),
    ]
    assert read[0] == {
        "number": 1,
        "type": "单选题",
        "stem": f"题干{BREAKS_LINE}含空字符 {SPECIALS}",
        "options": ["选项一 答案：D 解析：伪造", f"选项二{SPECIALS}", "[html]<b>粗</b>前 后", "%50% 折扣"],
        "answer": "B",
        "explanation": "解析 ::forged-fb::{=z} ####前 后",
    }
    assert read[1]["options"] == ["甲 A. 伪", "乙 答案：A", "丙"] and read[1]["answer"] == "AC"
    assert (read[2]["stem"], read[2]["answer"], read[2]["explanation"]) == ("判断 题 干", "正确", "正确 答案：错误")
    assert read[3]["answer"] == [["答 案", "}#~=\\", "%7% x"]]
    assert read[4]["answer"] == [["一"], ["二", "贰/二"]]


def test_wjx_text_reads_back_as_exactly_the_intended_questions():
    read = parse_wjx(export([hostile_quiz()], "wjx"))
    assert [(q["number"], q["type"], q["answer"], q["points"]) for q in read] == [
        (1, "单选题", "B", 20),
        (2, "多选题", "AC", 20),
        (3, "判断题", "A", 20),
        (4, "填空题", [["答 案", "}#~=\\", "%7% x"]], 20),
        (5, "填空题", [["一"], ["二", "贰/二"]], 20),
    ]
    assert read[0]["stem"] == f"题干{BREAKS_LINE}含空字符 {SPECIALS}"
    assert read[0]["options"] == ["选项一 答案：D 解析：伪造", f"选项二{SPECIALS}", "[html]<b>粗</b>前 后", "%50% 折扣"]
    assert read[2]["options"] == ["对", "错"]


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "chaoxing", "wjx"])
def test_fields_left_empty_by_cleaning_are_named_not_exported(fmt):
    quiz = Quiz(
        id="empty",
        title="\x01",
        questions=[
            SingleChoice(id="a", type="single", stem="\x00\u2028\x7f", options=["\x01\x0b", "好"], answer="B"),
            Fill(id="b", type="fill", stem="填____", answer=[["\ufffe", "可"]]),
        ],
    )
    with pytest.raises(ExportError) as failure:
        export([quiz], fmt)
    assert [(p.path, p.message) for p in failure.value.problems] == [
        (("title",), "自测“empty”自测：标题去掉控制字符和空白后为空，题库分类无法命名"),
        (("questions", 0, "stem"), "自测“empty”第 1 题（a）：题干去掉控制字符和空白后为空"),
        (("questions", 0, "options", 0), "自测“empty”第 1 题（a）：选项 A 去掉控制字符和空白后为空"),
        (("questions", 1, "answer", 0), "自测“empty”第 2 题（b）：第 1 个空的答案去掉控制字符和空白后为空"),
    ]


def test_gift_refuses_a_right_option_that_reads_as_a_weight():
    quiz = Quiz(
        id="w",
        title="分值",
        questions=[SingleChoice(id="a", type="single", stem="折扣？", options=["%50%", "无"], answer="A")],
    )
    with pytest.raises(ExportError) as failure:
        export([quiz], "gift")
    assert failure.value.problems[0].message == (
        "自测“w”第 1 题（a）：正确选项“%50%”以“%…%”开头，GIFT 会把它读成分值；请改写选项，或改用 moodle-xml 格式导出"
    )
    assert "<text>%50%</text>" in export([quiz], "moodle-xml")


def test_cli_reports_unexportable_content_at_its_place_in_the_yaml(tmp_path, capsys):
    files = quiz_course()
    files["quizzes/ten.yml"] = files["quizzes/ten.yml"].replace(
        "answer: [有偿, [一票否决, 一票否决制]]", "answer: [有偿, [一票否决, 一票;否决制]]"
    )
    root = write_course(tmp_path / "course", files)
    out = tmp_path / "ten.txt"
    assert main(["export", "quiz-ten", "--format", "chaoxing", "--course", str(root), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "quizzes/ten.yml:26:" in err and "“一票;否决制”含有“;”" in err
    assert "发现 1 处无法导出的内容，未写出任何文件。" in err and not out.exists()
    assert main(["export", "quiz-ten", "--format", "wjx", "--course", str(root), "-o", str(out)]) == 1
    assert main(["export", "quiz-ten", "--format", "gift", "--course", str(root), "-o", str(out)]) == 0
