"""Problem values: located by one helper, printed the same way whatever found them."""

from pathlib import Path

from generator.content.yamlsource import parse_yaml
from generator.problems import Problem, Severity, closest, closest_hint, problem_at, problem_in_value, sort_problems


def test_problem_at_a_value_a_key_or_the_nearest_enclosing_value(tmp_path):
    doc, _ = parse_yaml("id: a\nquiz:\n  id:   b\ncases: [x, yy]\n", tmp_path / "lesson.yml")
    assert problem_at(doc, ("quiz", "id"), "自测“b”不存在").format(tmp_path) == "lesson.yml:3:9: 自测“b”不存在"
    assert problem_at(doc, ("quiz", "id"), "坏键", key=True).format(tmp_path) == "lesson.yml:3:3: 坏键"
    assert problem_at(doc, ("cases", 7, "deep"), "无").format(tmp_path) == "lesson.yml:4:8: 无"
    warning = problem_at(doc, ("id",), "注意", severity=Severity.WARNING)
    assert warning.format(tmp_path) == "lesson.yml:1:5: 警告：注意"


def test_problem_in_value_finds_the_nth_occurrence(tmp_path):
    doc, _ = parse_yaml("text: |\n  甲乙\n  乙丙\n", tmp_path / "case.yml")
    assert problem_in_value(doc, ("text",), "乙", "第二个", occurrence=1).format(tmp_path) == "case.yml:3:3: 第二个"


def test_problems_without_a_place_print_as_they_always_did():
    assert (
        Problem.general("MkDocs 在严格模式下遇到 1 个警告，已停止").format()
        == "MkDocs 在严格模式下遇到 1 个警告，已停止"
    )
    assert str(Problem.in_file(Path("x.yml"), "导入结果不可用")) == "x.yml: 导入结果不可用"
    assert str(Problem.general("注意", Severity.WARNING)) == "警告：注意"
    placed = Problem(Path("/c/a.yml"), 2, 3, "错")
    assert str(placed) == "/c/a.yml:2:3: 错" and placed.format(Path("/c")) == "a.yml:2:3: 错"
    mixed = [placed, Problem.general("乙"), Problem.in_file(Path("/c/a.yml"), "甲"), placed]
    assert [p.message for p in sort_problems(mixed)] == ["乙", "甲", "错"]


def test_closest_and_its_phrase():
    assert closest("ten-standard", ["ten-standards-2018", "other", "ten-standards"]) == [
        "ten-standards",
        "ten-standards-2018",
    ]
    assert closest_hint(["甲", "乙"]) == "，最接近的有：甲、乙"
    assert closest_hint(["a"], "政策") == "，最接近的政策：a"
    assert closest_hint([], otherwise="；若是政策标题，请直接写标题") == "；若是政策标题，请直接写标题"
    assert closest_hint([]) == ""
