"""Exports round-trip: parse the GIFT and Moodle XML we write; papers are reproducible."""

import re
import xml.etree.ElementTree as ET

import pytest

from generator.cli import main
from generator.exports import export, gift_escape
from generator.loader import load_course

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


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """Split a GIFT answer block at unescaped marks, returning (mark, text) pairs."""
    parts, mark, current, i = [], None, "", 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            current += text[i:i + 2]
            i += 2
            continue
        if char in marks:
            if mark is not None or current.strip():
                parts.append((mark, current.strip()))
            mark, current = char, ""
        else:
            current += char
        i += 1
    parts.append((mark, current.strip()))
    return parts


def parse_gift(text: str) -> dict[str, dict]:
    """A small GIFT reader: ::name:: stem {answers ####feedback} — enough to check what we write."""
    questions = {}
    for line in text.splitlines():
        if not line.startswith("::"):
            continue
        match = re.match(r"::((?:\\.|[^:\\])+)::(.*)$", line)
        name, rest = unescape(match.group(1)), match.group(2)
        open_at = next(i for i, c in enumerate(rest) if c == "{" and (i == 0 or rest[i - 1] != "\\"))
        close_at = next(i for i in range(len(rest) - 1, -1, -1) if rest[i] == "}" and rest[i - 1] != "\\")
        block = rest[open_at + 1:close_at]
        block, _, feedback = block.partition("####")
        answers = []
        if block.strip() in ("TRUE", "FALSE"):
            answers = [("bool", block.strip())]
        else:
            for mark, body in split_unescaped(block, "=~"):
                weight = None
                found = re.match(r"%(-?[0-9.]+)%(.*)", body)
                if found:
                    weight, body = float(found.group(1)), found.group(2)
                answers.append((mark, weight, unescape(body)))
        questions[name] = {"stem": unescape(rest[:open_at] + rest[close_at + 1:]), "answers": answers,
                           "feedback": unescape(feedback)}
    return questions


def test_gift_round_trip(quiz):
    parsed = parse_gift(export([quiz], "gift"))
    assert sorted(parsed) == ["quiz-ten-q01", "quiz-ten-q02", "quiz-ten-q03", "quiz-ten-q04-1", "quiz-ten-q04-2", "quiz-ten-q05"]
    q01 = parsed["quiz-ten-q01"]
    assert q01["stem"] == "下列哪项属于十项准则明确禁止的行为？"
    assert q01["answers"] == [("~", None, "按时上课"), ("=", None, "组织有偿补课"), ("~", None, "家访"), ("~", None, "批改作业")]
    assert q01["feedback"] == "第十项规定不得组织、参与有偿补课。"
    weights = {text: weight for _, weight, text in parsed["quiz-ten-q02"]["answers"]}
    assert weights == {"组织有偿补课": 50, "参与有偿补课": 50, "认真备课": -50, "按时家访": -50}
    assert parsed["quiz-ten-q03"]["answers"] == [("bool", "FALSE")]
    assert [a[2] for a in parsed["quiz-ten-q04-2"]["answers"]] == ["一票否决", "一票否决制"]
    q05 = parsed["quiz-ten-q05"]
    assert q05["stem"] == "</script><script>window.__pwned = 5</script>哪项正确？{=A ~B} # 1:2"
    assert [a[2] for a in q05["answers"]] == ["甲 = 1", "乙 ~ 2", "丙 {3}", "丁 # 4"]


def test_gift_categories_and_single_blank_form(course):
    text = export([course.quizzes["quiz-ten"].item], "gift")
    assert text.count("$CATEGORY: 十项准则自测") == 5
    assert gift_escape("a=b~c#d{e}f:g\\") == "a\\=b\\~c\\#d\\{e\\}f\\:g\\\\"


def test_moodle_xml_round_trip(quiz):
    root = ET.fromstring(export([quiz], "moodle-xml").encode("utf-8"))
    questions = {q.findtext("name/text"): q for q in root.findall("question") if q.get("type") != "category"}
    assert sorted(questions) == ["quiz-ten-q01", "quiz-ten-q02", "quiz-ten-q03", "quiz-ten-q04", "quiz-ten-q05"]
    q01 = questions["quiz-ten-q01"]
    assert q01.get("type") == "multichoice" and q01.findtext("single") == "true"
    assert [(a.get("fraction"), a.findtext("text")) for a in q01.findall("answer")] == [
        ("0", "按时上课"), ("100", "组织有偿补课"), ("0", "家访"), ("0", "批改作业")]
    assert q01.findtext("generalfeedback/text") == "第十项规定不得组织、参与有偿补课。"
    q02 = questions["quiz-ten-q02"]
    assert q02.findtext("single") == "false"
    assert [a.get("fraction") for a in q02.findall("answer")] == ["50", "50", "-50", "-50"]
    q03 = questions["quiz-ten-q03"]
    assert q03.get("type") == "truefalse"
    assert [(a.findtext("text"), a.get("fraction")) for a in q03.findall("answer")] == [("true", "0"), ("false", "100")]
    q04 = questions["quiz-ten-q04"]
    assert q04.get("type") == "cloze"
    assert q04.findtext("questiontext/text") == "不得组织、参与{1:SHORTANSWER:=有偿}补课；实行师德{1:SHORTANSWER:=一票否决~=一票否决制}制。"
    q05 = questions["quiz-ten-q05"]
    assert q05.findtext("questiontext/text") == "</script><script>window.__pwned = 5</script>哪项正确？{=A ~B} # 1:2"
    assert [a.findtext("text") for a in q05.findall("answer")] == ["甲 = 1", "乙 ~ 2", "丙 {3}", "丁 # 4"]


def test_plain_text_layout(quiz):
    text = export([quiz], "text")
    assert "1.【单选题】下列哪项属于十项准则明确禁止的行为？\nA. 按时上课\nB. 组织有偿补课\nC. 家访\nD. 批改作业\n答案：B\n解析：第十项规定不得组织、参与有偿补课。\n" in text
    assert "答案：AB" in text and "3.【判断题】教师可以参与有偿补课。\n答案：错误" in text
    assert "4.【填空题】不得组织、参与____补课；实行师德____制。\n答案：有偿；一票否决|一票否决制" in text


def test_cli_export_all_and_paper_reproducible(tmp_path, capsys):
    root = write_course(tmp_path / "course", quiz_course())
    assert main(["export", "--all", "--format", "moodle-xml", "--course", str(root), "-o", str(tmp_path / "all.xml")]) == 0
    names = [q.findtext("name/text") for q in ET.parse(tmp_path / "all.xml").getroot().findall("question")]
    assert "quiz-shuffled-q05" in names and "quiz-ten-q01" in names
    papers = []
    for seed in (3, 3, 4):
        out = tmp_path / f"paper-{len(papers)}.html"
        assert main(["paper", "quiz-ten", "--count", "3", "--seed", str(seed), "--course", str(root), "-o", str(out)]) == 0
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
    from generator.render.quiz import draw

    ids = lambda seed: [q.id for q in draw(quiz, 3, seed)]
    assert ids(7) == ids(7)
    assert len({tuple(ids(seed)) for seed in range(10)}) > 1
    assert [q.id for q in draw(quiz, None, None)] == ["q01", "q02", "q03", "q04", "q05"]
