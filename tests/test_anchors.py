import pytest

from generator.content.numerals import chinese_to_int, display_number, number_value


@pytest.mark.parametrize(
    "printed, value",
    [
        ("一", 1),
        ("三、", 3),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十三", 23),
        ("一百零五", 105),
        ("（一）", 1),
        ("(一)", 1),
        ("（十一）", 11),
        ("1", 1),
        ("1.", 1),
        ("1、", 1),
        ("1．", 1),
        ("１２", 12),
        ("（3）", 3),
        ("(3)", 3),
        ("第十二条", 12),
        ("第一章", 1),
        ("第三部分", 3),
        ("①", 1),
        ("⑫", 12),
        ("甲", None),
        ("A", None),
    ],
)
def test_number_value(printed, value):
    assert number_value(printed) == value


def test_chinese_numerals():
    assert [chinese_to_int(t) for t in ["零", "九", "十九", "九十九", "两百"]] == [0, 9, 19, 99, 200]


@pytest.mark.parametrize(
    "printed, shown",
    [
        ("一", "一、"),
        ("(一)", "（一）"),
        ("（1）", "（1）"),
        ("1", "1."),
        ("第十二条", "第十二条"),
        ("①", "①"),
        ("三、", "三、"),
    ],
)
def test_display_number(printed, shown):
    assert display_number(printed) == shown


def test_writing_and_reading_chinese_numerals_agree():
    from generator.content.numerals import chinese_to_int_wide, int_to_chinese

    for value in range(1, 1000):
        assert chinese_to_int(int_to_chinese(value)) == value, value
    assert [int_to_chinese(v) for v in (0, 10, 12, 105, 112, 1000, -1)] == [
        "零",
        "十",
        "十二",
        "一百零五",
        "一百一十二",
        "1000",
        "-1",
    ]
    assert [chinese_to_int_wide(t) for t in ("一万零一", "三亿", "十万", "两万三千")] == [
        10001,
        300000000,
        100000,
        23000,
    ]
    assert chinese_to_int_wide("万万") is None


def test_other_numeral_forms():
    from generator.content.numerals import circled, int_to_chinese_digits, printed_value, year_digits_to_int

    assert [circled(v) for v in (1, 20, 21, 0, -3)] == ["①", "⑳", "21", "0", "-3"]
    assert int_to_chinese_digits(-12) == "-12"
    assert int_to_chinese_digits(2021) == "二〇二一" and int_to_chinese_digits(1990) == "一九九〇"
    assert [year_digits_to_int(t) for t in ("二〇二一", "二○二一", "二Ｏ二一", "二十", "")] == [
        2021,
        2021,
        2021,
        None,
        None,
    ]
    # The importer reads past the content model's 千: 第一万零一条 is a number, but not an anchor the model derives.
    assert printed_value("第一万零一条") == 10001 and number_value("第一万零一条") is None
    assert printed_value("（三）") == 3 and printed_value("甲") is None


def test_anchor_rule():
    from generator.content.numerals import anchor_value, auto_anchor

    assert [anchor_value("三、", 1), anchor_value(None, 4), anchor_value("甲", 2)] == [3, 4, None]
    assert auto_anchor([3, 1, 2]) == "3.1.2"


def test_numeral_tables_live_in_one_module():
    """Numeral tables and the anchor rule are written once: the importer and outline import them."""
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[1] / "generator"
    owner = root / "content" / "numerals.py"
    table = re.compile(r'一二三四五六七|①②③|〇一二|零一二|"\."\.join')
    found = [
        f"{p.relative_to(root)}:{n}"
        for p in sorted(root.rglob("*.py"))
        if p != owner
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if table.search(line)
    ]
    assert found == []
