"""Exports round-trip: parse the GIFT and Moodle XML we write; papers are reproducible."""

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.loader import load_course
from generator.exports.platforms import export, gift_escape

from .conftest import write_course
from .fixtures import quiz_course


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = write_course(tmp_path_factory.mktemp("export") / "course", quiz_course())
    result = load_course(root)
    assert result.ok
    return result.course


@pytest.fixture(scope="module")
def quiz(course):
    return course.quizzes["quiz-ten"].item


NODE_DIR = Path(__file__).parent / "node"
_GIFT_SCRIPT = (
    "const {parse} = require('gift-pegjs'); let s = ''; process.stdin.setEncoding('utf8');"
    "process.stdin.on('data', d => s += d);"
    "process.stdin.on('end', () => process.stdout.write(JSON.stringify(parse(s))));"
)


def gift_parse(text: str) -> list[dict]:
    """The GIFT as the real parser (npm gift-pegjs) reads it: Category entries and questions, in order."""
    node = shutil.which("node")
    if node is None or not (NODE_DIR / "node_modules" / "gift-pegjs").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("CI 中必须有 node 和 tests/node/node_modules/gift-pegjs（npm ci --prefix tests/node）")
        pytest.skip("没有 node 或 gift-pegjs：npm ci --prefix tests/node")
    run = subprocess.run(
        [node, "-e", _GIFT_SCRIPT],
        check=False,
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=NODE_DIR,
        timeout=60,
    )
    assert run.returncode == 0, f"gift-pegjs rejected the export:\n{run.stderr}\n---\n{text}"
    return json.loads(run.stdout)


def gift_questions(entries: list[dict]) -> dict[str, dict]:
    questions = [e for e in entries if e["type"] != "Category"]
    names = [q["title"] for q in questions]
    assert len(names) == len(set(names)), names
    return {q["title"]: q for q in questions}


def choices(question: dict) -> list[tuple[bool, float | None, str]]:
    return [(c["isCorrect"], c["weight"], c["text"]["text"]) for c in question["choices"]]


_CX_HEAD = re.compile(r"^(\d+)\.【(单选题|多选题|判断题|填空题)】(.+)$")
_WJX_HEAD = re.compile(r"^(\d+)\. (.+)\(([^()]*)\) \[(单选题|多选题|判断题|填空题)\] \((\d+)分\)$")


def parse_chaoxing(text: str) -> list[dict]:
    """A strict reader of the 超星学习通 layout: every line must be one the layout defines."""
    out = []
    for block in text.strip("\n").split("\n\n"):
        lines = block.split("\n")
        head = _CX_HEAD.match(lines[0])
        assert head, lines[0]
        question = {"number": int(head[1]), "type": head[2], "stem": head[3], "options": [], "explanation": None}
        rest = lines[1:]
        while rest and re.match(r"^[A-H]\. ", rest[0]):
            assert rest[0][0] == "ABCDEFGH"[len(question["options"])], rest[0]
            question["options"].append(rest.pop(0)[3:])
        assert rest and rest[0].startswith("答案："), block
        answer = rest.pop(0)[3:]
        if question["type"] == "填空题":
            answer = [alternatives.split(";") for alternatives in answer.split("|")]
        question["answer"] = answer
        if rest:
            assert rest[0].startswith("解析：") and len(rest) == 1, block
            question["explanation"] = rest[0][3:]
        out.append(question)
    return out


def parse_wjx(text: str) -> list[dict]:
    """A strict reader of the 问卷星 考试批量添加 layout."""
    out = []
    for block in text.strip("\n").split("\n\n"):
        lines = block.split("\n")
        head = _WJX_HEAD.match(lines[0])
        assert head, lines[0]
        answer = head[3]
        if head[4] == "填空题":
            answer = [alternatives.split(";") for alternatives in answer.split("|")]
        assert all(line for line in lines[1:]), block
        out.append(
            {
                "number": int(head[1]),
                "stem": head[2],
                "answer": answer,
                "type": head[4],
                "points": int(head[5]),
                "options": lines[1:],
            }
        )
    return out


def test_gift_round_trips_through_gift_pegjs(quiz):
    entries = gift_parse(export([quiz], "gift"))
    assert [e["title"] for e in entries if e["type"] == "Category"] == ["十项准则自测"]
    parsed = gift_questions(entries)
    assert list(parsed) == [
        "quiz-ten-q01",
        "quiz-ten-q02",
        "quiz-ten-q03",
        "quiz-ten-q04-1",
        "quiz-ten-q04-2",
        "quiz-ten-q05",
    ]
    assert [q["type"] for q in parsed.values()] == ["MC", "MC", "TF", "Short", "Short", "MC"]
    q01 = parsed["quiz-ten-q01"]
    assert q01["stem"] == {"format": "plain", "text": "下列哪项属于十项准则明确禁止的行为？"}
    assert choices(q01) == [
        (False, None, "按时上课"),
        (True, None, "组织有偿补课"),
        (False, None, "家访"),
        (False, None, "批改作业"),
    ]
    assert q01["globalFeedback"]["text"] == "第十项规定不得组织、参与有偿补课。"
    assert choices(parsed["quiz-ten-q02"]) == [
        (False, 50, "组织有偿补课"),
        (False, 50, "参与有偿补课"),
        (False, -50, "认真备课"),
        (False, -50, "按时家访"),
    ]
    assert parsed["quiz-ten-q03"]["isTrue"] is False
    assert choices(parsed["quiz-ten-q04-1"]) == [(True, None, "有偿")]
    assert choices(parsed["quiz-ten-q04-2"]) == [(True, None, "一票否决"), (True, None, "一票否决制")]
    assert parsed["quiz-ten-q04-2"]["stem"]["text"] == "不得组织、参与____补课；实行师德____制。（第2空）"
    q05 = parsed["quiz-ten-q05"]
    assert q05["stem"]["text"] == "</script><script>window.__pwned = 5</script>哪项正确？{=A ~B} # 1:2"
    assert [c[2] for c in choices(q05)] == ["甲 = 1", "乙 ~ 2", "丙 {3}", "丁 # 4"]


def test_gift_separates_every_split_fill_question_by_a_blank_line(quiz):
    text = export([quiz], "gift")
    assert "（第1空）{=有偿}\n\n::quiz-ten-q04-2::" in text
    assert gift_escape("a=b~c#d{e}f:g\\") == "a\\=b\\~c\\#d\\{e\\}f\\:g\\\\"


def test_gift_single_blank_uses_the_missing_word_form():
    from generator.content.model import Fill, Quiz

    quiz = Quiz(
        id="q",
        title="填空",
        questions=[
            Fill(id="a", type="fill", stem="实行____制。", answer=[["一票否决", "一票否决制"]]),
            Fill(id="b", type="fill", stem="____在前", answer=["答"]),
            Fill(id="c", type="fill", stem="在后____", answer=["答"]),
            Fill(id="d", type="fill", stem="甲____// 乙", answer=["答"]),
        ],
    )
    text = export([quiz], "gift")
    assert "::q-a::[plain]实行{=一票否决 =一票否决制}制。" in text
    parsed = gift_questions(gift_parse(text))
    assert parsed["q-a"]["hasEmbeddedAnswers"] and parsed["q-a"]["stem"]["text"] == "实行 _____ 制。"
    # With nothing on one side (or a "//" after it), the stem keeps its blank and the answers follow.
    assert [parsed[n]["stem"]["text"] for n in ("q-b", "q-c", "q-d")] == ["____在前", "在后____", "甲____// 乙"]
    assert all(choices(parsed[n]) == [(True, None, "答")] for n in ("q-b", "q-c", "q-d"))


def test_moodle_xml_round_trip(quiz):
    root = ET.fromstring(export([quiz], "moodle-xml").encode("utf-8"))
    questions = {q.findtext("name/text"): q for q in root.findall("question") if q.get("type") != "category"}
    assert sorted(questions) == ["quiz-ten-q01", "quiz-ten-q02", "quiz-ten-q03", "quiz-ten-q04", "quiz-ten-q05"]
    q01 = questions["quiz-ten-q01"]
    assert q01.get("type") == "multichoice" and q01.findtext("single") == "true"
    assert [(a.get("fraction"), a.findtext("text")) for a in q01.findall("answer")] == [
        ("0", "按时上课"),
        ("100", "组织有偿补课"),
        ("0", "家访"),
        ("0", "批改作业"),
    ]
    assert q01.findtext("generalfeedback/text") == "第十项规定不得组织、参与有偿补课。"
    q02 = questions["quiz-ten-q02"]
    assert q02.findtext("single") == "false"
    assert [a.get("fraction") for a in q02.findall("answer")] == ["50", "50", "-50", "-50"]
    q03 = questions["quiz-ten-q03"]
    assert q03.get("type") == "truefalse"
    assert [(a.findtext("text"), a.get("fraction")) for a in q03.findall("answer")] == [("true", "0"), ("false", "100")]
    q04 = questions["quiz-ten-q04"]
    assert q04.get("type") == "cloze"
    assert (
        q04.findtext("questiontext/text")
        == "不得组织、参与{1:SHORTANSWER:=有偿}补课；实行师德{1:SHORTANSWER:=一票否决~=一票否决制}制。"
    )
    q05 = questions["quiz-ten-q05"]
    assert q05.findtext("questiontext/text") == "</script><script>window.__pwned = 5</script>哪项正确？{=A ~B} # 1:2"
    assert [a.findtext("text") for a in q05.findall("answer")] == ["甲 = 1", "乙 ~ 2", "丙 {3}", "丁 # 4"]


def test_chaoxing_layout(quiz):
    text = export([quiz], "chaoxing")
    assert export([quiz], "text") == text
    assert text.startswith(
        "1.【单选题】下列哪项属于十项准则明确禁止的行为？\nA. 按时上课\nB. 组织有偿补课\nC. 家访\nD. 批改作业\n"
        "答案：B\n解析：第十项规定不得组织、参与有偿补课。\n\n"
    )
    assert "答案：AB" in text and "3.【判断题】教师可以参与有偿补课。\n答案：错误\n" in text
    # Alternatives of one blank are separated by ";", blanks by "|".
    assert "4.【填空题】不得组织、参与____补课；实行师德____制。\n答案：有偿|一票否决;一票否决制\n" in text
    read = parse_chaoxing(text)
    assert [q["type"] for q in read] == ["单选题", "多选题", "判断题", "填空题", "单选题"]
    assert read[3]["answer"] == [["有偿"], ["一票否决", "一票否决制"]]
    assert read[4]["options"] == ["甲 = 1", "乙 ~ 2", "丙 {3}", "丁 # 4"]


def test_wjx_layout(quiz):
    text = export([quiz], "wjx")
    assert text.startswith(
        "1. 下列哪项属于十项准则明确禁止的行为？(B) [单选题] (20分)\n按时上课\n组织有偿补课\n家访\n批改作业\n\n"
    )
    assert "3. 教师可以参与有偿补课。(B) [判断题] (20分)\n对\n错\n" in text
    read = parse_wjx(text)
    assert [(q["type"], q["answer"], q["points"]) for q in read] == [
        ("单选题", "B", 20),
        ("多选题", "AB", 20),
        ("判断题", "B", 20),
        ("填空题", [["有偿"], ["一票否决", "一票否决制"]], 20),
        ("单选题", "A", 20),
    ]
    assert read[4]["stem"] == "</script><script>window.__pwned = 5</script>哪项正确？{=A ~B} # 1:2"


def test_text_exports_refuse_answers_holding_the_platform_separator():
    from generator.content.model import Fill, Quiz
    from generator.exports.platforms import ExportError

    quiz = Quiz(
        id="q",
        title="填空",
        questions=[
            Fill(id="a", type="fill", stem="比例是____。", answer=[["1;2", "1|2"]]),
            Fill(id="b", type="fill", stem="函数____。", answer=["f(x)"]),
        ],
    )
    with pytest.raises(ExportError) as failure:
        export([quiz], "chaoxing")
    assert [p.message for p in failure.value.problems] == [
        "自测“q”第 1 题（a）：第 1 个空的答案“1;2”含有“;”，超星学习通用这些符号分隔答案，导入后会被拆开；请改写答案，或改用 gift、moodle-xml 格式导出",
        "自测“q”第 1 题（a）：第 1 个空的答案“1|2”含有“|”，超星学习通用这些符号分隔答案，导入后会被拆开；请改写答案，或改用 gift、moodle-xml 格式导出",
    ]
    with pytest.raises(ExportError) as failure:
        export([quiz], "wjx")
    assert len(failure.value.problems) == 3 and "“(”“)”" in failure.value.problems[2].message
    assert failure.value.problems[2].path == ("questions", 1, "answer", 0)
    assert "f(x)" in export([quiz], "gift")


def test_cli_export_all_and_paper_reproducible(tmp_path, capsys):
    root = write_course(tmp_path / "course", quiz_course())
    assert (
        main(["export", "--all", "--format", "moodle-xml", "--course", str(root), "-o", str(tmp_path / "all.xml")]) == 0
    )
    names = [q.findtext("name/text") for q in ET.parse(tmp_path / "all.xml").getroot().findall("question")]
    assert "quiz-shuffled-q05" in names and "quiz-ten-q01" in names
    papers = []
    for seed in (3, 3, 4):
        out = tmp_path / f"paper-{len(papers)}.html"
        assert (
            main(["paper", "quiz-ten", "--count", "3", "--seed", str(seed), "--course", str(root), "-o", str(out)]) == 0
        )
        papers.append(out.read_text(encoding="utf-8"))
    assert papers[0] == papers[1]
    assert papers[0].startswith("<!DOCTYPE html>") and "姓名" in papers[0] and "答案与解析" in papers[0]
    assert "<script>window" not in papers[0]
    drawn = [re.findall(r"<strong>(\d+)\.</strong>", p)[:3] for p in papers]
    assert drawn[0] == ["1", "2", "3"]
    assert "种子 4" in papers[2]
    capsys.readouterr()
    assert main(["export", "--course", str(root)]) == 1
    assert "二者选一" in capsys.readouterr().err
    assert main(["paper", "quiz-ten", "--count", "9", "--course", str(root)]) == 1
    assert "--count 应在 1 到 5 之间" in capsys.readouterr().err


def test_draw_is_reproducible_and_varies_with_the_seed(quiz):
    from generator.pages.quiz import draw

    def ids(seed: int) -> list[str]:
        return [q.id for q in draw(quiz, 3, seed)]

    assert ids(7) == ids(7)
    assert len({tuple(ids(seed)) for seed in range(10)}) > 1
    assert [q.id for q in draw(quiz, None, None)] == ["q01", "q02", "q03", "q04", "q05"]
