"""Questions as one model per type: typed answers, accepted(), answer_text(), and their rules
reported by validation at the right place with the same Chinese messages. Also the vocabularies."""

import pytest

from generator.content.loader import load_course
from generator.content.model import (
    AnswerStyle,
    Fill,
    Judge,
    Level,
    MultipleChoice,
    ProvisionKind,
    QuestionType,
    SingleChoice,
    Stage,
    Status,
)
from generator.exports.quizkey import shuffle_options

from .conftest import MINIMAL_COURSE, MINIMAL_POLICY

QUIZ = """
id: quiz-ten
title: 十项准则自测
questions:
  - id: q01
    type: single
    stem: 下列哪项属于禁止行为？
    options: [按时上课, 组织有偿补课, 家访]
    answer: B
  - id: q02
    type: multiple
    stem: 哪些行为违规？
    options: [有偿补课, 家访, 收礼, 批改作业]
    answer: [C, A]
  - id: q03
    type: judge
    stem: 教师可以收受礼金。
    answer: false
  - id: q04
    type: fill
    stem: 实行师德____制，每年不少于____学时。
    answer: [[一票否决, 一票否决制], 16]
"""


def load(course_factory, quiz: str, **more: str):
    root = course_factory(
        {"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY, "quizzes/q.yml": quiz, **more}
    )
    result = load_course(root)
    return result, [p.format(root.resolve()) for p in result.problems]


def test_each_type_reads_its_own_model_with_a_typed_answer(course_factory):
    result, problems = load(course_factory, QUIZ)
    assert problems == []
    single, multiple, judge, fill = result.course.quizzes["quiz-ten"].item.questions
    assert [type(q) for q in (single, multiple, judge, fill)] == [SingleChoice, MultipleChoice, Judge, Fill]
    assert single.type == "single" and single.type.label == "单选题"
    assert single.answer == "B" and multiple.answer == ["C", "A"] and judge.answer is False
    # A number written in a fill answer is the text as typed, like every text field.
    assert fill.answer == [["一票否决", "一票否决制"], "16"]


def test_accepted_is_what_the_quiz_page_grades_against(course_factory):
    result, _ = load(course_factory, QUIZ)
    single, multiple, judge, fill = result.course.quizzes["quiz-ten"].item.questions
    assert single.accepted() == ["B"]
    assert multiple.accepted() == ["A", "C"]  # a set of letters, in option order
    assert judge.accepted() is False
    assert fill.accepted() == [["一票否决", "一票否决制"], ["16"]]


def test_answer_text_in_the_key_and_in_an_import_format(course_factory):
    result, _ = load(course_factory, QUIZ)
    single, multiple, judge, fill = result.course.quizzes["quiz-ten"].item.questions
    assert [q.answer_text() for q in (single, multiple, judge, fill)] == ["B", "AC", "错误", "一票否决／一票否决制；16"]
    style = AnswerStyle(true="A", false="B", blanks="|", alternatives=";", clean=str.upper)
    assert judge.answer_text(style) == "B"
    assert Fill(id="f", type="fill", stem="____ ____", answer=[["a", "b"], "c"]).answer_text(style) == "A;B|C"


def test_shuffled_options_carry_the_answer_letters_along():
    question = MultipleChoice(id="m", type="multiple", stem="题", options=["甲", "乙", "丙", "丁"], answer=["D", "A"])
    moved = question.reordered([3, 2, 1, 0])
    assert moved.options == ["丁", "丙", "乙", "甲"] and moved.answer == ["A", "D"]
    single = SingleChoice(id="s", type="single", stem="题", options=["甲", "乙", "丙"], answer="C")
    assert single.reordered([2, 0, 1]).answer == "A"
    judge = Judge(id="j", type="judge", stem="题", answer=True)
    assert shuffle_options(judge, 3) is judge


UNKNOWN_TYPE = """
id: quiz-ten
title: 十项准则自测
questions:
  - id: q01
    type: choice
    stem: ''
    colour: red
    answer: A
  - id: q02
    stem: 缺了题型
    answer: A
"""


def test_an_unknown_or_missing_type_names_the_four_and_the_rest_is_still_checked(course_factory):
    _, problems = load(course_factory, UNKNOWN_TYPE)
    assert problems == [
        "quizzes/q.yml:5:11: “type”的取值必须是 single、multiple、judge、fill 之一，实际是文本“choice”",
        "quizzes/q.yml:6:11: “stem”不能为空（只有空格也算空）",
        "quizzes/q.yml:7:5: 未知字段“colour”。可用字段：id、type、stem、options、answer、explanation、cites、difficulty、points、tags",
        "quizzes/q.yml:9:5: 缺少必填字段“type”",
    ]


@pytest.mark.parametrize(
    ("kind", "lines", "expected"),
    [
        (
            "single",
            "    options: [甲, 乙, 丙]\n    answer: [A]\n",
            "8:13: 单选题的答案应为 A–C 中的一个字母，实际是“[A]”",
        ),
        ("single", "    options: [甲, 乙]\n    answer: 1\n", "8:13: 单选题的答案应为 A–B 中的一个字母，实际是“1”"),
        (
            "multiple",
            "    options: [甲, 乙, 丙]\n    answer: B\n",
            "8:13: 多选题的答案应为字母列表，如 [A, C]，实际是“B”",
        ),
        ("multiple", "    options: [甲, 乙, 丙]\n    answer: [A, D]\n", "8:17: 多选题的答案“D”不在选项范围 A–C 内"),
        ("judge", "    answer: 对\n", "7:13: 判断题的答案应为 true 或 false，实际是“对”"),
        ("judge", "    answer: 0\n", "7:13: 判断题的答案应为 true 或 false，实际是“0”"),
        ("judge", "    answer: [true]\n", "7:13: 判断题的答案应为 true 或 false，实际是“[true]”"),
        (
            "fill",
            "    answer: 一票否决\n",
            "7:13: 填空题的答案应为列表，每个空一项，如 [一岗双责] 或 [[一岗双责, 一岗两责]]",
        ),
        ("fill", "    answer: [a, [' ']]\n", "7:17: 第 2 个空的答案不能为空"),
    ],
)
def test_an_answer_of_the_wrong_shape_is_reported_at_the_answer(course_factory, kind, lines, expected):
    stem = "填____和____" if kind == "fill" else "题"
    quiz = f"id: quiz-ten\ntitle: 自测\nquestions:\n  - id: q01\n    type: {kind}\n    stem: {stem}\n{lines}"
    _, problems = load(course_factory, quiz)
    assert problems == [f"quizzes/q.yml:{expected}"]


def test_an_answer_that_is_no_answer_at_all_gets_the_same_message_for_every_type(course_factory):
    for kind in ("single", "multiple", "judge", "fill"):
        quiz = f"id: quiz-ten\ntitle: 自测\nquestions:\n  - id: q01\n    type: {kind}\n    stem: 题____\n    answer: {{a: 1}}\n"
        _, problems = load(course_factory, quiz)
        assert problems == ["quizzes/q.yml:7:13: “answer”应为文本，实际是键值映射"], kind


RULES_AND_MORE = """
id: quiz-ten
title: 十项准则自测
questions:
  - id: q01
    type: single
    stem: 题
    options: ['{message}', '{message} ', 乙]
    answer: E
    cites: [ten-standards-2018#11]
  - id: q01
    type: judge
    stem: 题
    options: [对, 错]
    answer: true
"""


def test_rules_are_reported_beside_other_mistakes_of_the_file(course_factory):
    # The citation is checked across files although the quiz breaks its rules; a quiz-level
    # mistake does not hide the questions' rules; a duplicate id is reported beside them.
    _, problems = load(course_factory, RULES_AND_MORE)
    assert problems == [
        "quizzes/q.yml:7:28: 选项 B“{message}”与选项 A 重复，同一题的选项不能相同",
        "quizzes/q.yml:8:13: 单选题的答案应为 A–C 中的一个字母，实际是“E”",
        (
            "quizzes/q.yml:9:13: 引用“ten-standards-2018#11”：《十项准则》中没有锚点“11”，"
            "最接近的锚点：1（第一项 坚定政治方向）、10（第十项 规范从教行为）"
        ),
        "quizzes/q.yml:10:9: 题目编号“q01”重复（第 4 行已使用），同一套自测中的编号必须唯一",
        "quizzes/q.yml:13:14: 判断题不需要 options（选项固定为“正确”“错误”）",
    ]
    _, problems = load(course_factory, RULES_AND_MORE + "pass_score: 120\n")
    assert problems == [
        "quizzes/q.yml:7:28: 选项 B“{message}”与选项 A 重复，同一题的选项不能相同",
        "quizzes/q.yml:8:13: 单选题的答案应为 A–C 中的一个字母，实际是“E”",
        "quizzes/q.yml:10:9: 题目编号“q01”重复（第 4 行已使用），同一套自测中的编号必须唯一",
        "quizzes/q.yml:13:14: 判断题不需要 options（选项固定为“正确”“错误”）",
        "quizzes/q.yml:15:13: “pass_score”应不大于 100，实际是 120",
    ]


def test_a_key_spelled_like_a_question_type_is_located_as_a_key(course_factory):
    quiz = (
        "id: quiz-ten\ntitle: 自测\nquestions:\n  - id: q01\n    type: single\n    single: {stem: x}\n"
        "    stem: ''\n    options: [甲, 乙]\n    answer: A\n"
    )
    _, problems = load(course_factory, quiz)
    assert problems == [
        "quizzes/q.yml:6:5: 未知字段“single”。可用字段：id、type、stem、options、answer、explanation、cites、difficulty、points、tags",
        "quizzes/q.yml:7:11: “stem”不能为空（只有空格也算空）",
    ]


def test_vocabularies_carry_their_labels():
    assert [s.label for s in Status] == ["现行有效", "已修订", "已废止", "征求意见稿"]
    assert (
        Status.IN_FORCE.warning == ""
        and Status("repealed").warning == "本文件已废止，仅供查阅和学习参考，不再作为执行依据。"
    )
    assert [level.label for level in Level] == ["国家", "省级", "市级", "县级", "学校"]
    assert [kind.label for kind in QuestionType] == ["单选题", "多选题", "判断题", "填空题"]
    assert Stage("初中").label == "初中" and ProvisionKind("prohibition").label == "禁止"
    # Members are their YAML values: compared, formatted and used as keys like the strings they were.
    assert Status.DRAFT == "draft" and f"ql-status--{Status.DRAFT}" == "ql-status--draft"
    assert {"county": 1}[Level.COUNTY] == 1


def test_a_policy_reads_its_status_as_the_vocabulary(course_factory):
    policy = MINIMAL_POLICY.replace("issuers:", "status: amended\nlevel: county\nissuers:")
    root = course_factory({"course.yml": MINIMAL_COURSE, "policies/ten.yml": policy})
    result = load_course(root)
    assert result.problems == []
    item = next(iter(result.course.policies.values())).item
    assert (
        item.status is Status.AMENDED
        and item.level is Level.COUNTY
        and item.status.warning.startswith("本文件已被修订")
    )
