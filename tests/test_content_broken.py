"""One mistake, one message: a broken file does not make every file that refers to it fail too."""

from generator.content.loader import load_course

from .conftest import MINIMAL_COURSE, MINIMAL_POLICY
from .fixtures import CASE, LESSON


def report(root) -> list[str]:
    return [p.format(root.resolve()) for p in load_course(root).problems]


CITING_CASE = CASE.replace(
    "violations: [ten-standards-2018#10]",
    "violations: [ten-standards-2018#10, ten-standards-2018#1, ten-standards-2018]",
)
ONE_CASE_LESSON = LESSON.replace(", hostile-2021-02", "")


def test_an_impossible_date_is_the_only_message(course_factory):
    root = course_factory(
        {
            "course.yml": MINIMAL_COURSE,
            "policies/ten.yml": MINIMAL_POLICY.replace("issued: 2018-11-08", "issued: 2018-02-30"),
            "policies/plan.yml": "id: plan\ntitle: 方案\nissuers: [县]\nissued: 2021\nbased_on: [ten-standards-2018]\n"
            "provisions:\n  - text: 见 [[ten-standards-2018#10]]\n",
            "cases/c.yml": CITING_CASE,
            "lessons/l.yml": ONE_CASE_LESSON,
        }
    )
    assert report(root) == ["policies/ten.yml:5:9: 日期“2018-02-30”无效：2018年2月只有 28 天"]


def test_a_broken_policy_whose_provisions_parsed_still_has_its_anchors(course_factory):
    root = course_factory(
        {
            "course.yml": MINIMAL_COURSE,
            "policies/ten.yml": MINIMAL_POLICY.replace("title: 新时代中小学教师职业行为十项准则\n", ""),
            "cases/c.yml": CITING_CASE.replace("ten-standards-2018#1,", "ten-standards-2018#9,"),
        }
    )
    assert report(root) == [
        "cases/c.yml:9:37: 引用“ten-standards-2018#9”：《十项准则》中没有锚点“9”，最接近的锚点：10（第十项 规范从教行为）、1（第一项 坚定政治方向）",
        "policies/ten.yml:1:1: 缺少必填字段“title”",
    ]


def test_a_policy_with_a_broken_provision_silences_anchor_checks_only(course_factory):
    broken = MINIMAL_POLICY.replace("  - number: 十\n", "  - number: [十]\n")
    root = course_factory(
        {
            "course.yml": MINIMAL_COURSE,
            "policies/ten.yml": broken,
            "cases/c.yml": CITING_CASE.replace("ten-standards-2018]", "ten-standard-2018]"),
        }
    )
    assert report(root) == [
        "cases/c.yml:9:59: 引用“ten-standard-2018”指向不存在的政策“ten-standard-2018”，最接近的政策：ten-standards-2018",
        "policies/ten.yml:10:13: “number”应为文本，实际是列表",
    ]


def test_a_case_dropped_for_one_field_is_not_replaced_by_a_neighbour(course_factory):
    root = course_factory(
        {
            "course.yml": MINIMAL_COURSE,
            "policies/ten.yml": MINIMAL_POLICY,
            "cases/c.yml": CASE.replace("fictional: true", "fictional: 是"),
            "cases/d.yml": CASE.replace("paid-tutoring-2021-01", "paid-tutoring-2021-02"),
            "lessons/l.yml": ONE_CASE_LESSON.replace("quiz", "quiz"),
        }
    )
    assert report(root) == ["cases/c.yml:7:12: “fictional”应为true 或 false，实际是文本“是”"]


def test_an_unreadable_course_file_still_checks_the_rest(course_factory):
    root = course_factory(
        {
            "course.yml": "title: [课程\n",
            "policies/ten.yml": MINIMAL_POLICY,
            "cases/c.yml": CASE.replace("ten-standards-2018#10]", "ten-standards-2018#11]"),
        }
    )
    assert [line.split(": ")[0] for line in report(root)] == ["cases/c.yml:9:14", "cases/c.yml:12:20", "course.yml:2:1"]
