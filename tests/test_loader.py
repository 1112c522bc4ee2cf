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
    root = course_factory(
        {
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
        }
    )
    result = load_course(root)
    assert result.problems == []
    entry = result.course.policies["plan"]
    assert list(entry.anchors) == [
        "3",
        "3.1",
        "3.1.1",
        "3.1.2",
        "3.1.2.3",
        "3.1.2.2",
        "3.2",
        "party-building",
        "2",
        "12",
    ]
    assert entry.anchors["3.1.2.3"].label == "三（一）2（3）"
    assert entry.anchors["12"].label == "第十二条"


def test_unparseable_number_needs_an_anchor(course_factory):
    root = course_factory(
        {
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
        }
    )
    assert report(root) == [
        "policies/a.yml:6:13: 无法从编号“甲”推导锚点（应为 一、（一）、1.、（1）、① 或 第一条 等形式），请为此条款写明 anchor",
    ]


def test_missing_fields_and_wrong_types(course_factory):
    root = course_factory(
        {
            "course.yml": "title: 课程\nglossary:\n  - term: 一岗双责\n    aliases: 一岗两责\n",
            "policies/a.yml": "id: a\nissuers: 教育部\nissued: 2018-11-08\nprovisions:\n  - title: [x]\n",
        }
    )
    assert report(root) == [
        "course.yml:1:1: 缺少必填字段“organization”",
        "course.yml:3:5: 缺少必填字段“definition”",
        "course.yml:4:14: “aliases”应为列表（每项以“- ”开头，或写成 [a, b]），实际是文本“一岗两责”",
        "policies/a.yml:1:1: 缺少必填字段“title”",
        "policies/a.yml:2:10: “issuers”应为列表（每项以“- ”开头，或写成 [a, b]），实际是文本“教育部”",
        "policies/a.yml:5:12: “title”应为文本，实际是列表",
    ]


def test_yes_is_not_a_boolean(course_factory):
    root = course_factory(
        {
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
        }
    )
    assert report(root) == ["cases/c.yml:5:12: “fictional”应为true 或 false，实际是文本“yes”"]


def test_missing_course_file_and_policies_folder(tmp_path):
    assert report(tmp_path) == [
        "course.yml:1:1: 缺少 course.yml：课程文件夹必须包含站点设置文件 course.yml",
        "policies:1:1: 缺少 policies/ 文件夹：课程至少需要一份政策文件",
    ]


def test_yaml_syntax_error_does_not_hide_other_files(course_factory):
    root = course_factory(
        {
            "course.yml": MINIMAL_COURSE,
            "policies/a.yml": "id: a\ntitle: 标题: 冒号\n",
            "policies/b.yml": MINIMAL_POLICY.replace("issued: 2018-11-08", "issued: 2018-13-01"),
        }
    )
    assert report(root) == [
        "policies/a.yml:2:10: YAML 语法错误：此处不能出现“键: 值”：冒号后的文字若含“: ”请加引号，或检查缩进",
        "policies/b.yml:5:9: 日期“2018-13-01”无效：月份应在 01–12 之间",
    ]


def test_anonymity_warnings(course_factory):
    root = course_factory(
        {
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
        }
    )
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
    root = course_factory(
        {"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY, "quizzes/q.yml": QUIZ_ERRORS}
    )
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
