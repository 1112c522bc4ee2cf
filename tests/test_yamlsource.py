from pathlib import Path

from generator.content.yamlsource import parse_yaml, read_yaml

F = Path("t.yml")


def messages(text: str) -> list[str]:
    return [p.format() for p in parse_yaml(text, F)[1]]


def test_core_schema_keeps_yes_no_and_dates_as_strings():
    doc, problems = parse_yaml("a: yes\nb: no\nc: on\nd: off\ne: 2021-02-30\nf: 2018\ng: true\nh: ~\n", F)
    assert problems == []
    assert doc.data == {
        "a": "yes",
        "b": "no",
        "c": "on",
        "d": "off",
        "e": "2021-02-30",
        "f": 2018,
        "g": True,
        "h": None,
    }


def test_positions_of_values_and_keys():
    doc, _ = parse_yaml("id: x\nprovisions:\n  - number: 一\n    title: 总则\n", F)
    assert (doc.position(("provisions", 0, "title")).line, doc.position(("provisions", 0, "title")).column) == (4, 12)
    assert doc.position(("provisions", 0, "title"), key=True).column == 5
    # A missing key falls back to the nearest enclosing value.
    assert doc.position(("provisions", 0, "text")).line == 3


def test_every_duplicate_key_is_reported():
    assert messages("title: a\nid: x\ntitle: b\nprovisions:\n  - text: x\n    text: y\n") == [
        "t.yml:3:1: 重复的键“title”（第 1 行已写过）：同一层不能写两次，请合并或删除一处",
        "t.yml:6:5: 重复的键“text”（第 5 行已写过）：同一层不能写两次，请合并或删除一处",
    ]


def test_syntax_errors_are_located_and_in_chinese():
    assert messages("title: a: b\n") == [
        "t.yml:1:9: YAML 语法错误：此处不能出现“键: 值”：冒号后的文字若含“: ”请加引号，或检查缩进"
    ]
    assert messages("a:\n\t- x\n") == ["t.yml:2:1: YAML 语法错误：不能用制表符（Tab）缩进，请改用空格"]
    assert messages('title: "x\n') == ["t.yml:2:1: YAML 语法错误：文件意外结束：可能有未闭合的引号或括号"]


def test_empty_file():
    assert messages("") == ["t.yml:1:1: 文件是空的"]


def test_gbk_file_is_reported(tmp_path):
    path = tmp_path / "gbk.yml"
    path.write_bytes("title: 十项准则\n".encode("gbk"))
    _, problems = read_yaml(path)
    assert [p.message for p in problems] == ["文件不是 UTF-8 编码：请在编辑器中以 UTF-8 格式另存（可能是 GBK 编码）"]


def test_control_character_is_located():
    assert messages("title: 甲\nid: a\x00b\n") == ["t.yml:2:6: 文件中有不允许的控制字符（U+0000），请删除它"]
