"""The loader and every kind of content mistake: exact Chinese message and FILE:LINE:COLUMN."""

from generator.content.loader import load_course

from .conftest import MINIMAL_COURSE, MINIMAL_POLICY


def report(root) -> list[str]:
    return [p.format(root.resolve()) for p in load_course(root).problems]


def test_minimal_course_loads(course_factory):
    root = course_factory({"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY})
    result = load_course(root)
    assert result.ok and result.problems == []
    entry = result.course.policies["ten-standards-2018"]
    assert list(entry.anchors) == ["1", "10"]
    assert entry.anchors["10"].citation == "《十项准则》第十项 规范从教行为"


def test_anchor_paths_for_nested_numbering(course_factory):
    root = course_factory({
        "course.yml": MINIMAL_COURSE,
        "policies/p.yml": """
            id: plan
            title: 实施方案
            issuers: [某县教育局]
            issued: 2021-09
            provisions:
              - number: 三、
                title: 方法措施
                provisions:
                  - number: （一）
                    title: 建设清明政风
                    provisions:
                      - {number: "1.", title: 压实责任}
                      - {number: "2、", text: 加强教育。, provisions: [{number: （3）, text: 细则}, {text: 无编号}]}
                  - number: (二)
                    title: 建设清净校风
                    provisions:
                      - {number: "6", text: 编号跨节连续。, anchor: party-building}
              - title: 没有编号的条款
              - {number: 第十二条, text: 条文}
        """,
    })
    result = load_course(root)
    assert result.problems == []
    entry = result.course.policies["plan"]
    assert list(entry.anchors) == ["3", "3.1", "3.1.1", "3.1.2", "3.1.2.3", "3.1.2.2", "3.2", "party-building", "2", "12"]
    assert entry.anchors["3.1.2.3"].label == "三（一）2（3）"
    assert entry.anchors["12"].label == "第十二条"


def test_all_problems_across_files_in_one_run(course_factory):
    root = course_factory({
        "course.yml": MINIMAL_COURSE,
        "policies/a.yml": """
            id: Bad Id
            title: "  "
            titel: 多余
            issuers: []
            issued: 2021-02-30
            effective: 2021/09/01
            status: valid
            level: 县级
            provisions:
              - number: 一
              - number: 甲
                text: 无法推导锚点
        """,
        "policies/b.yml": """
            id: dup
            title: 重复
            issuers: [某县]
            issued: 2021
            provisions:
              - {number: 一, text: 甲}
              - {number: (一), text: 乙}
        """,
        "policies/c.yml": """
            id: dup
            title: 也叫 dup
            issuers: [某县]
            issued: 2021
            provisions: [{text: 丙}]
        """,
    })
    assert report(root) == [
        "policies/a.yml:1:5: “Bad Id”不是合法的 id：标识符只能由小写英文字母、数字和连字符组成（如 ten-standards-2018）",
        "policies/a.yml:2:8: “title”不能为空（只有空格也算空）",
        "policies/a.yml:3:1: 未知字段“titel”，是否想写“title”？",
        "policies/a.yml:4:10: “issuers”至少需要 1 项",
        "policies/a.yml:5:9: 日期“2021-02-30”无效：2021年2月只有 28 天",
        "policies/a.yml:6:12: “2021/09/01”不是有效日期：请写成 YYYY-MM-DD、YYYY-MM 或 YYYY（如 2021-09-24）",
        "policies/a.yml:7:9: “status”的取值必须是 in_force、amended、repealed、draft 之一，实际是文本“valid”",
        "policies/a.yml:8:8: “level”的取值必须是 national、provincial、municipal、county、school 之一，实际是文本“县级”",
        "policies/a.yml:10:5: 条款至少需要 title（标题）或 text（正文）之一",
        "policies/b.yml:7:5: 条款锚点“1”重复（第 6 行的条款已使用）：请修正编号，或用 anchor 指定不同的锚点",
        "policies/c.yml:1:5: 政策标识符“dup”重复：b.yml:1 已使用，同类内容的 id 必须唯一",
    ]


def test_unparseable_number_needs_an_anchor(course_factory):
    root = course_factory({
        "course.yml": MINIMAL_COURSE,
        "policies/a.yml": """
            id: a
            title: 甲
            issuers: [某县]
            issued: 2021
            provisions:
              - number: 甲
                text: 天干编号
              - {number: 乙, text: 有锚点, anchor: second}
        """,
    })
    assert report(root) == [
        "policies/a.yml:6:13: 无法从编号“甲”推导锚点（应为 一、（一）、1.、（1）、① 或 第一条 等形式），请为此条款写明 anchor",
    ]


def test_missing_fields_and_wrong_types(course_factory):
    root = course_factory({
        "course.yml": "title: 课程\nglossary:\n  - term: 一岗双责\n    aliases: 一岗两责\n",
        "policies/a.yml": "id: a\nissuers: 教育部\nissued: 2018-11-08\nprovisions:\n  - title: [x]\n",
    })
    assert report(root) == [
        "course.yml:1:1: 缺少必填字段“organization”",
        "course.yml:3:5: 缺少必填字段“definition”",
        "course.yml:4:14: “aliases”应为列表（每项以“- ”开头，或写成 [a, b]），实际是文本“一岗两责”",
        "policies/a.yml:1:1: 缺少必填字段“title”",
        "policies/a.yml:2:10: “issuers”应为列表（每项以“- ”开头，或写成 [a, b]），实际是文本“教育部”",
        "policies/a.yml:5:12: “title”应为文本，实际是列表",
    ]


def test_yes_is_not_a_boolean(course_factory):
    root = course_factory({
        "course.yml": MINIMAL_COURSE,
        "policies/ten.yml": MINIMAL_POLICY,
        "cases/c.yml": """
            id: case-1
            title: 某校教师某某有偿补课问题
            date: 2021-05
            categories: [有偿补课]
            fictional: yes
            facts: 某某组织有偿补课。
            violations: [ten-standards-2018#10]
            handling: 党内警告。
        """,
    })
    assert report(root) == ["cases/c.yml:5:12: “fictional”应为true 或 false，实际是文本“yes”"]


def test_based_on_ids_and_citations_suggest_the_closest(course_factory):
    root = course_factory({
        "course.yml": MINIMAL_COURSE,
        "policies/ten.yml": MINIMAL_POLICY,
        "policies/plan.yml": """
            id: plan
            title: 实施方案
            issuers: [某县教育局]
            issued: 2021
            based_on: [ten-standard-2018, 宜昌市清廉学校建设实施方案, no-such-policy]
            summary: 依据 [[ten-standards-2018#11]] 和 [[ten-standards#1]]。
            provisions:
              - number: 一
                text: |
                  第一段。
                  见 [[ten-standards-2018#3]]，另见 [[ten-standards-2018#10]]。
        """,
    })
    assert report(root) == [
        "policies/plan.yml:5:12: 依据“ten-standard-2018”看起来是政策 id，但课程中没有这份政策，最接近的有：ten-standards-2018",
        "policies/plan.yml:5:46: 依据“no-such-policy”看起来是政策 id，但课程中没有这份政策；若是政策标题，请直接写标题",
        "policies/plan.yml:6:13: 引用“ten-standards-2018#11”：《十项准则》中没有锚点“11”，最接近的锚点：1（第一项 坚定政治方向）、10（第十项 规范从教行为）",
        "policies/plan.yml:6:41: 引用“ten-standards#1”指向不存在的政策“ten-standards”，最接近的政策：ten-standards-2018",
        "policies/plan.yml:11:9: 引用“ten-standards-2018#3”：《十项准则》中没有锚点“3”，最接近的锚点：1（第一项 坚定政治方向）、10（第十项 规范从教行为）",
    ]


def test_cross_kind_references(course_factory):
    root = course_factory({
        "course.yml": MINIMAL_COURSE,
        "policies/ten.yml": MINIMAL_POLICY,
        "lessons/l.yml": """
            id: lesson-1
            title: 守住课堂
            duration: 45
            objectives: [知晓规定]
            cases: [paid-tutoring-2021-01]
            key_provisions: [ten-standards-2018#9]
            agenda:
              - {minutes: 5, activity: 导入}
              - {minutes: 20, activity: 研读}
            quiz: quiz-ten
        """,
    })
    assert report(root) == [
        "lessons/l.yml:5:9: 案例“paid-tutoring-2021-01”不存在",
        "lessons/l.yml:6:18: 引用“ten-standards-2018#9”：《十项准则》中没有锚点“9”，最接近的锚点：10（第十项 规范从教行为）、1（第一项 坚定政治方向）",
        "lessons/l.yml:8:3: 议程各环节合计 25 分钟，与 duration 的 45 分钟不一致",
        "lessons/l.yml:10:7: 自测“quiz-ten”不存在",
    ]


def test_missing_course_file_and_policies_folder(tmp_path):
    assert report(tmp_path) == [
        "course.yml:1:1: 缺少 course.yml：课程文件夹必须包含站点设置文件 course.yml",
        "policies:1:1: 缺少 policies/ 文件夹：课程至少需要一份政策文件",
    ]


def test_yaml_syntax_error_does_not_hide_other_files(course_factory):
    root = course_factory({
        "course.yml": MINIMAL_COURSE,
        "policies/a.yml": "id: a\ntitle: 标题: 冒号\n",
        "policies/b.yml": MINIMAL_POLICY.replace("issued: 2018-11-08", "issued: 2018-13-01"),
    })
    assert report(root) == [
        "policies/a.yml:2:10: YAML 语法错误：此处不能出现“键: 值”：冒号后的文字若含“: ”请加引号，或检查缩进",
        "policies/b.yml:5:9: 日期“2018-13-01”无效：月份应在 01–12 之间",
    ]


def test_anonymity_warnings(course_factory):
    root = course_factory({
        "course.yml": MINIMAL_COURSE,
        "policies/ten.yml": MINIMAL_POLICY,
        "cases/c.yml": """
            id: case-1
            title: 某校教师张伟有偿补课问题
            date: 2021-05
            categories: [有偿补课]
            fictional: true
            facts: 家长向学校反映，教师张某某让学生联系 13912345678，家长李某提供了身份证号 110101199003071234。
            violations: [ten-standards-2018#10]
            handling: 学生们和家长都很关注，校长王某某约谈。
        """,
    })
    result = load_course(root)
    assert result.ok  # warnings do not stop a build
    assert [p.format(root.resolve()) for p in result.problems] == [
        "cases/c.yml:2:12: 警告：案例中出现“张伟”：疑似真实姓名，示例案例请写成“张某”“李某某”等形式，请做匿名化处理",
        "cases/c.yml:6:27: 警告：案例中出现“13912345678”：疑似手机号码，请做匿名化处理",
        "cases/c.yml:6:51: 警告：案例中出现“110101199003071234”：疑似身份证号码，请做匿名化处理",
    ]


QUIZ_ERRORS = """
id: quiz-ten
title: 十项准则自测
questions:
  - id: q01
    type: single
    stem: 下列哪项属于禁止行为？
    options: [按时上课, 组织有偿补课, 家访, 批改作业]
    answer: E
    cites: [ten-standards-2018#11]
  - id: q02
    type: multiple
    stem: 哪些行为违规？
    options: [有偿补课, 收礼, 家访]
    answer: B
  - id: q02
    type: multiple
    stem: 哪些行为违规？
    options: [有偿补课, 收礼, 家访]
    answer: [A, D]
  - id: q04
    type: judge
    stem: 教师可以收受礼金。
    answer: 错
  - id: q05
    type: fill
    stem: 实行师德____制，把____作为首要标准。
    answer: [一票否决]
  - id: q06
    type: single
    stem: 只有一个选项
    options: [甲]
    answer: A
  - id: q07
    type: fill
    stem: 党员每年集中学习培训时间一般不少于____学时。
    answer: [16]
"""


def test_quiz_answers_fit_their_type(course_factory):
    root = course_factory({"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY, "quizzes/q.yml": QUIZ_ERRORS})
    assert report(root) == [
        "quizzes/q.yml:8:13: 单选题的答案应为 A–D 中的一个字母，实际是“E”",
        "quizzes/q.yml:9:13: 引用“ten-standards-2018#11”：《十项准则》中没有锚点“11”，最接近的锚点：1（第一项 坚定政治方向）、10（第十项 规范从教行为）",
        "quizzes/q.yml:14:13: 多选题的答案应为字母列表，如 [A, C]，实际是“B”",
        "quizzes/q.yml:15:9: 题目编号“q02”重复（第 10 行已使用），同一套自测中的编号必须唯一",
        "quizzes/q.yml:19:17: 多选题的答案“D”不在选项范围 A–C 内",
        "quizzes/q.yml:23:13: 判断题的答案应为 true 或 false，实际是“错”",
        "quizzes/q.yml:27:13: 填空题的题干有 2 个空（____），但答案有 1 项",
        "quizzes/q.yml:31:14: 单选题需要 2–8 个选项（options），现在有 1 个",
    ]
