"""``qinglian import`` at the command line: YAML on stdout or -o, the report on stderr, exit codes."""

from __future__ import annotations

import textwrap

import yaml

from generator.cli import main

from ..conftest import MINIMAL_COURSE
from .conftest import seed_file
from .test_junk import PAGE


def test_import_to_stdout_with_report_on_stderr(tmp_path, capsys):
    source = tmp_path / "page.txt"
    source.write_text(textwrap.dedent(PAGE).strip("\n"), encoding="utf-8")
    assert main(["import", str(source), "--id", "school-conduct-2022"]) == 0
    out, err = capsys.readouterr()
    policy = yaml.safe_load(out)
    assert policy["id"] == "school-conduct-2022" and policy["title"] == "关于进一步规范办学行为的通知"
    assert "已丢弃 13 行网页杂项或重复内容：" in err
    assert "第 4 行［发布信息］发布时间：2022-03-01 浏览次数：356" in err
    assert "［尾部无关内容］上一篇" in err
    assert "需要核对的推测" in err and "导入完成：2 个条款" in err
    assert "浏览次数" not in out


def test_import_to_a_file_that_validate_accepts(tmp_path, capsys):
    course = tmp_path / "course"
    (course / "policies").mkdir(parents=True)
    (course / "course.yml").write_text(textwrap.dedent(MINIMAL_COURSE).lstrip(), encoding="utf-8")
    out_file = course / "policies" / "tutoring.yml"
    assert main(["import", str(seed_file("001")), "--id", "tutoring-2021", "-o", str(out_file), "--simplified"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "已写入" in err and "已用 OpenCC" in err
    assert "关于开展中小学有偿补课" in out_file.read_text(encoding="utf-8")
    assert main(["validate", "--course", str(course)]) == 0
    assert "检查通过：1 份政策（11 个条款）" in capsys.readouterr().out


def test_id_from_the_file_name(tmp_path, capsys):
    source = tmp_path / "师德规范.txt"
    source.write_text("教师行为规范\n一、爱国守法。\n二、爱岗敬业。\n落款单位教育局\n2019年1月2日\n", encoding="utf-8")
    assert main(["import", str(source)]) == 0
    policy = yaml.safe_load(capsys.readouterr().out)
    assert policy["id"] == "shi-de-gui-fan-2019"


def test_bad_input_is_a_message_not_a_traceback(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["import", str(empty)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.strip() == f"{empty}: 文件是空的"
    assert main(["import", str(tmp_path / "missing.docx")]) == 1
    assert "文件不存在" in capsys.readouterr().err
    assert main(["import", str(empty), "--id", "Not A Slug"]) == 2
    assert "--id“Not A Slug”无效" in capsys.readouterr().err
