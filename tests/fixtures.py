"""Small courses written in the tests, shared by golden and browser tests."""

from .conftest import MINIMAL_COURSE, MINIMAL_POLICY

GLOSSARY_COURSE = (
    MINIMAL_COURSE
    + """
categories: [有偿补课, 收受礼品礼金]
glossary:
  - term: 有偿补课
    definition: 教师向学生收取费用的课外补习。
    aliases: [有偿家教]
"""
)

CASE = """
id: paid-tutoring-2021-01
title: 某县某中学教师张某组织有偿补课问题
date: 2021-05
region: 某省某县
stage: 初中
categories: [有偿补课]
fictional: true
facts: 2021年春季学期，张某在校外租用民房，组织本班学生有偿补课。
violations: [ten-standards-2018#10]
handling: 给予张某党内警告处分，退还所收费用。
penalties: [党内警告, 退还违规所得]
analysis: 张某的行为违反了 [[ten-standards-2018#10]]。
lessons: 守住课堂，拒绝有偿家教。
discussion: [张某的行为违反了哪些规定？, 学校应如何预防？]
"""

HOSTILE_CASE = """
id: hostile-2021-02
title: 某校教师李某收受礼金问题<script>window.__pwned = 1</script>
date: 2021
categories: [收受礼品礼金]
fictional: true
facts: '李某收受购物卡。<img src=x onerror="window.__pwned = 2"> [点我](javascript:window.__pwned=3)'
violations: [ten-standards-2018]
handling: 退还购物卡。<script>window.__pwned = 4</script>
"""

LESSON = """
id: lesson-paid-tutoring
title: 守住课堂，拒绝有偿补课
audience: 全体教师
duration: 45
objectives: [知晓有偿补课的禁止性规定, 能对照查摆自身行为]
cases: [paid-tutoring-2021-01, hostile-2021-02]
key_provisions: [ten-standards-2018#10]
agenda:
  - {minutes: 5, activity: 导入：一则家长来信, notes: 主持人朗读家长来信，**不点名**。}
  - {minutes: 20, activity: 案例研读, cases: [paid-tutoring-2021-01]}
  - {minutes: 15, activity: 分组讨论}
  - {minutes: 5, activity: 小结与承诺}
discussion: [身边有没有类似情况？]
self_check: [是否组织或参与有偿补课？, 是否向学生推荐校外培训机构？]
"""


def lesson_course() -> dict[str, str]:
    return {
        "course.yml": GLOSSARY_COURSE,
        "policies/ten.yml": MINIMAL_POLICY,
        "cases/paid.yml": CASE,
        "cases/hostile.yml": HOSTILE_CASE,
        "lessons/lesson.yml": LESSON,
    }


QUIZ = """
id: quiz-ten
title: 十项准则自测
description: 学完本课后自测。
pass_score: 80
questions:
  - id: q01
    type: single
    stem: 下列哪项属于十项准则明确禁止的行为？
    options: [按时上课, 组织有偿补课, 家访, 批改作业]
    answer: B
    explanation: 第十项规定不得组织、参与有偿补课。
    cites: [ten-standards-2018#10]
  - id: q02
    type: multiple
    stem: 下列哪些行为违反规定？
    options: [组织有偿补课, 参与有偿补课, 认真备课, 按时家访]
    answer: [A, B]
    explanation: 组织和参与都不行。
  - id: q03
    type: judge
    stem: 教师可以参与有偿补课。
    answer: false
  - id: q04
    type: fill
    stem: 不得组织、参与____补课；实行师德____制。
    answer: [有偿, [一票否决, 一票否决制]]
  - id: q05
    type: single
    stem: '</script><script>window.__pwned = 5</script>哪项正确？{=A ~B} # 1:2'
    options: [甲 = 1, '乙 ~ 2', '丙 {3}', '丁 # 4']
    answer: A
"""

SHUFFLED_QUIZ = QUIZ.replace("id: quiz-ten", "id: quiz-shuffled").replace(
    "pass_score: 80", "pass_score: 80\nshuffle: true"
)


def quiz_course() -> dict[str, str]:
    files = lesson_course()
    files["quizzes/ten.yml"] = QUIZ
    files["quizzes/shuffled.yml"] = SHUFFLED_QUIZ
    files["lessons/lesson.yml"] = LESSON + "quiz: quiz-ten\n"
    return files
