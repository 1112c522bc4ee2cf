"""Values read as written: a field that holds text takes the scalar exactly as typed."""

from pathlib import Path

from generator.content.loader import load_course
from generator.content.yamlsource import parse_yaml

from .conftest import MINIMAL_COURSE, MINIMAL_POLICY
from .fixtures import CASE, LESSON


def report(root) -> list[str]:
    return [p.format(root.resolve()) for p in load_course(root).problems]


NUMBERED = """
id: plan
title: 2021
doc_number: 010
issuers: [2021, true]
issued: 2021
effective: 2021-09
region: 1.5
tags: [1e3, 0x1F, .inf, null-ish]
provisions:
  - number: 1.
    title: 总则
    deadline: 2022
    provisions:
      - {number: 1.10, text: 分项, anchor: sub}
      - {number: 2., text: 第二项}
  - number: 2.
    title: 010
    responsible: [1]
"""


def test_text_fields_take_plain_scalars_as_typed(course_factory):
    root = course_factory(
        {"course.yml": MINIMAL_COURSE + "units: {1.: 办公室, 010: 教务处}\n", "policies/p.yml": NUMBERED}
    )
    result = load_course(root)
    assert result.problems == []
    policy = result.course.policies["plan"].item
    assert (policy.title, policy.doc_number, policy.issued, policy.effective, policy.region) == (
        "2021",
        "010",
        "2021",
        "2021-09",
        "1.5",
    )
    assert policy.issuers == ["2021", "true"]
    assert policy.tags == ["1e3", "0x1F", ".inf", "null-ish"]
    first = policy.provisions[0]
    assert (first.number, first.deadline, first.provisions[0].number) == ("1.", "2022", "1.10")
    assert (policy.provisions[1].title, policy.provisions[1].responsible) == ("010", ["1"])
    assert list(result.course.policies["plan"].anchors) == ["1", "sub", "1.2", "2"]
    assert result.course.settings.units == {"1.": "办公室", "010": "教务处"}


def test_numbers_and_booleans_stay_where_the_model_wants_them(course_factory):
    quiz = """
        id: quiz-ten
        title: 自测
        pass_score: 80
        shuffle: true
        questions:
          - {id: 1, type: judge, stem: 教师可以收礼。, answer: false, difficulty: 2, points: 10}
          - {id: 01, type: fill, stem: 不少于____学时，约____天, answer: [16, [1.50, 2]]}
          - {id: q3, type: single, stem: 选哪个？, options: [1, 2.0, true], answer: B}
    """
    root = course_factory(
        {
            "course.yml": MINIMAL_COURSE,
            "policies/ten.yml": MINIMAL_POLICY,
            "cases/c.yml": CASE,
            "lessons/l.yml": LESSON.replace("paid-tutoring-2021-01, hostile-2021-02", "paid-tutoring-2021-01"),
            "quizzes/q.yml": quiz,
        }
    )
    result = load_course(root)
    assert result.problems == []
    questions = result.course.quizzes["quiz-ten"].item.questions
    assert [q.id for q in questions] == ["1", "01", "q3"]
    assert questions[0].answer is False and questions[0].difficulty == 2 and questions[0].points == 10
    assert questions[1].answer == ["16", ["1.50", "2"]]
    assert questions[2].options == ["1", "2.0", "true"]
    assert result.course.quizzes["quiz-ten"].item.shuffle is True
    assert result.course.cases["paid-tutoring-2021-01"].item.fictional is True
    assert result.course.lessons["lesson-paid-tutoring"].item.duration == 45


def test_a_number_where_a_number_belongs_is_still_checked(course_factory):
    root = course_factory(
        {
            "course.yml": MINIMAL_COURSE,
            "policies/ten.yml": MINIMAL_POLICY,
            "cases/c.yml": CASE.replace("fictional: true", "fictional: 1"),
            "lessons/l.yml": LESSON.replace("duration: 45", "duration: 45.0").replace(", hostile-2021-02", ""),
            "quizzes/q.yml": "id: q\ntitle: 自测\npass_score: '80'\nquestions: [{id: a, type: judge, stem: 对吗, answer: true, difficulty: 4}]\n",
        }
    )
    assert report(root) == [
        "cases/c.yml:7:12: “fictional”应为true 或 false，实际是数字 1",
        "lessons/l.yml:4:11: “duration”应为整数，实际是数字 45.0",
        "quizzes/q.yml:3:13: “pass_score”应为整数，实际是文本“80”",
        "quizzes/q.yml:4:70: “difficulty”的取值必须是 1、2、3 之一，实际是数字 4",
    ]


def test_raw_text_is_kept_only_for_plain_scalars():
    doc, problems = parse_yaml("a: 1.\nb: '1.'\nc: [010, yes, ~, true]\n", Path("t.yml"))
    assert problems == []
    assert doc.data == {"a": 1.0, "b": "1.", "c": [10, "yes", None, True]}
    assert doc.raw == {("a",): "1.", ("c", 0): "010", ("c", 3): "true"}
