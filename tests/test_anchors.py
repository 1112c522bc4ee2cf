import pytest

from generator.content.numerals import chinese_to_int, display_number, number_value


@pytest.mark.parametrize(
    "printed, value",
    [
        ("一", 1), ("三、", 3), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("一百零五", 105),
        ("（一）", 1), ("(一)", 1), ("（十一）", 11),
        ("1", 1), ("1.", 1), ("1、", 1), ("1．", 1), ("１２", 12),
        ("（3）", 3), ("(3)", 3),
        ("第十二条", 12), ("第一章", 1), ("第三部分", 3),
        ("①", 1), ("⑫", 12),
        ("甲", None), ("A", None),
    ],
)
def test_number_value(printed, value):
    assert number_value(printed) == value


def test_chinese_numerals():
    assert [chinese_to_int(t) for t in ["零", "九", "十九", "九十九", "两百"]] == [0, 9, 19, 99, 200]


@pytest.mark.parametrize(
    "printed, shown",
    [("一", "一、"), ("(一)", "（一）"), ("（1）", "（1）"), ("1", "1."), ("第十二条", "第十二条"), ("①", "①"), ("三、", "三、")],
)
def test_display_number(printed, shown):
    assert display_number(printed) == shown
