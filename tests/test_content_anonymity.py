"""The anonymity lint finds full names in lists, not only after a role word."""

import pytest

from generator.content.anonymity import _names
from generator.content.loader import load_course
from generator.problems import Severity

from .conftest import MINIMAL_COURSE, MINIMAL_POLICY


@pytest.mark.parametrize(
    "text, names",
    [
        ("经查，张三、李四、王五等3名教师在暑假期间组织学生有偿补课。", ["张三", "李四", "王五"]),
        ("经查，张伟、李娜二人多次收受家长购物卡。", ["张伟", "李娜"]),
        ("涉事教师刘洋、陈静分别被给予党内警告处分。", ["刘洋", "陈静"]),
        ("涉事人员：张伟和李娜。", ["张伟", "李娜"]),
        ("班主任王小明；赵丽、孙强均被通报批评。", ["王小明", "赵丽", "孙强"]),
        ("教师张伟与李娜均被调离教学岗位。", ["张伟", "李娜"]),
    ],
)
def test_names_in_lists_are_found(text, names):
    assert _names(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "教师张某、李某某在周一、周三、周五晚间组织补课。",
        "收受家长赠送的购物卡、贺卡、钱物等，价值共计3000元。",
        "教育局、学校、家长三方签订承诺书；体罚学生、辱骂学生的，一律严肃处理。",
        "刘老师和陈老师共同负责，黄金周期间不得组织补课。",
        "校长王某某约谈了家长李某。",
    ],
)
def test_ordinary_lists_are_not_names(text):
    assert _names(text) == []


def test_list_names_warn_in_a_fictional_case(course_factory):
    case = """
        id: case-1
        title: 某校教师有偿补课问题
        date: 2021-05
        categories: [有偿补课]
        fictional: true
        facts: 经查，该校教师王强、刘芳、陈某某在校外租用民房组织有偿补课。
        violations: [ten-standards-2018#10]
        handling: 给予张某、李明党内警告处分。
    """
    root = course_factory({"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY, "cases/c.yml": case})
    result = load_course(root)
    assert result.ok
    assert all(p.severity is Severity.WARNING for p in result.problems)
    assert [p.format(root.resolve()) for p in result.problems] == [
        "cases/c.yml:6:15: 警告：案例中出现“王强”：疑似真实姓名，示例案例请写成“张某”“李某某”等形式，请做匿名化处理",
        "cases/c.yml:6:18: 警告：案例中出现“刘芳”：疑似真实姓名，示例案例请写成“张某”“李某某”等形式，请做匿名化处理",
        "cases/c.yml:8:16: 警告：案例中出现“李明”：疑似真实姓名，示例案例请写成“张某”“李某某”等形式，请做匿名化处理",
    ]
