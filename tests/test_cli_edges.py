"""The CLI's edges: one error exit for every command, argparse left as it was, a build that leaves the
process environment as it found it and hands the site to the engine explicitly."""

import argparse
import os
import signal
import socket
import threading
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.course import Course
from generator.content.loader import load_course
from generator.engines.mkdocs import QinglianPlugin, build_site, with_site
from generator.pages.site import generate
from generator.problems import Problem

from .conftest import MINIMAL_COURSE, MINIMAL_POLICY, REPO, write_course

QUIZ = """id: quiz-a
title: 小测
questions:
  - id: q1
    type: judge
    stem: 收受礼金违反规定。
    answer: true
"""


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return write_course(
        tmp_path / "course", {"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY, "quizzes/a.yml": QUIZ}
    )


def loaded(folder: Path) -> Course:
    course = load_course(folder).course
    assert course is not None
    return course


def within(seconds: float, argv: list[str]) -> int:
    """main(argv), failing the test instead of hanging it (a pipe opened for reading blocks for good)."""
    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(main(argv)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, f"qinglian {' '.join(argv)} did not finish within {seconds} s"
    return result[0]


def test_argparse_of_other_programs_stays_english(capsys):
    assert main(["build", "--bogus"]) == 2
    assert main(["--help"]) == 0
    assert "用法：" in capsys.readouterr().out
    other = argparse.ArgumentParser(prog="other")
    other.add_argument("--n", type=int)
    assert other.format_help().startswith("usage: other [-h] [--n N]")
    assert "show this help message and exit" in other.format_help()
    with pytest.raises(SystemExit):
        other.parse_args(["--bogus"])
    assert "other: error: unrecognized arguments: --bogus" in capsys.readouterr().err


def test_subcommand_help_and_errors_stay_chinese(capsys):
    assert main(["bundle", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：qinglian bundle") and "\n选项:\n" in out and "显示本帮助并退出" in out
    assert main(["export", "--format", "pdf"]) == 2
    err = capsys.readouterr().err
    assert "参数 --format：无效的选项 'pdf'" in err and "invalid" not in err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["export", "quiz-a", "-o", "{tmp}"], "qinglian：{tmp}: 这是一个文件夹，请给出文件名，例如 {tmp}/out"),
        (
            ["paper", "quiz-a", "-o", "{tmp}/file.txt/x.html"],
            "qinglian：{tmp}/file.txt/x.html: 路径中的“{tmp}/file.txt”是文件，不是文件夹",
        ),
        (
            ["build", "--site", "{tmp}/file.txt/site"],
            "qinglian：{tmp}/file.txt/site: 路径中的“{tmp}/file.txt”是文件，不是文件夹；网站未生成。请换一个位置",
        ),
        (
            ["build", "--site", "{tmp}/site", "--markdown-out", "{tmp}/file.txt/md"],
            "qinglian：{tmp}/file.txt/md: 路径中的“{tmp}/file.txt”是文件，不是文件夹；网站未生成。请换一个位置",
        ),
        (["import", "{tmp}/file.txt/policy.txt"], "{tmp}/file.txt/policy.txt: 文件不存在"),
        (["import", "{tmp}"], "{tmp}: 这是一个文件夹，请给出要导入的文件"),
        (
            ["bundle", "--site", "{tmp}"],
            "qinglian：{tmp}: 没有找到已生成的网站（缺少 index.html），请先运行 qinglian build",
        ),
    ],
)
def test_every_command_fails_with_one_chinese_line(course, tmp_path, capsys, argv, message):
    (tmp_path / "file.txt").write_text("不是文件夹", encoding="utf-8")
    args = [a.format(tmp=tmp_path) for a in argv]
    if args[0] in ("export", "paper", "build"):
        args += ["--course", str(course)]
    assert within(60, args) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == message.format(tmp=tmp_path)
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["bundle", "--site", "SITE", "-o", "FIFO"],
        ["bundle", "--site", "SITE", "-o", "FIFO", "--force"],
        ["export", "quiz-a", "--course", "COURSE", "-o", "FIFO", "--force"],
        ["paper", "quiz-a", "--course", "COURSE", "-o", "FIFO", "--force"],
    ],
)
def test_a_pipe_is_never_read_or_replaced(course, tmp_path, capsys, argv):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    args = [{"SITE": str(site), "FIFO": str(fifo), "COURSE": str(course)}.get(a, a) for a in argv]
    assert within(20, args) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"qinglian：{fifo}: 这不是普通文件（而是管道、设备或套接字），未写入。请给出一个普通文件的名字"
    )
    assert fifo.is_fifo()


def test_serve_on_a_busy_port_is_a_chinese_message_and_sigterm_is_restored(course, capsys):
    before = signal.getsignal(signal.SIGTERM)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--course", str(course), "--dev-addr", f"127.0.0.1:{port}"]) == 1
    assert capsys.readouterr().err.strip() == (
        "qinglian：端口已被占用，请用 --dev-addr 换一个端口。操作未完成，原有文件保持不变。"
    )
    assert signal.getsignal(signal.SIGTERM) is before


def test_build_leaves_the_environment_as_it_found_it(course, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.delenv("NO_MKDOCS_2_WARNING", raising=False)
    before = dict(os.environ)
    assert main(["build", "--course", str(course), "--site", str(tmp_path / "site")]) == 0
    assert dict(os.environ) == before


def test_a_source_date_epoch_of_the_caller_is_kept(course, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert main(["build", "--course", str(course), "--site", str(tmp_path / "site")]) == 0
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"


def test_engine_problems_are_problem_values(course, tmp_path, capsys):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: 测试\nplugins:\n  - search\n", encoding="utf-8")
    site = generate(loaded(course))
    problems = build_site(site, tmp_path / "out", docs_dir=None, config_file=config)
    assert problems == [Problem.general("mkdocs.yml 的 plugins 中没有启用 qinglian 插件")]
    assert main(["build", "--course", str(course), "--site", str(tmp_path / "site"), "--config", str(config)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "mkdocs.yml 的 plugins 中没有启用 qinglian 插件",
        "网站未生成，原有网站保持不变。",
    ]


def test_the_plugin_is_constructed_with_the_site(course):
    from mkdocs.config import load_config

    site = generate(loaded(course))
    config = load_config(str(REPO / "generator" / "engines" / "mkdocs-base.yml"), docs_dir=str(course))
    made_by_mkdocs = config.plugins["qinglian"]
    plugins = with_site(config.plugins, site)
    assert list(plugins) == list(config.plugins)  # same plugins, same order
    ours = plugins["qinglian"]
    assert isinstance(ours, QinglianPlugin) and ours is not made_by_mkdocs and ours.site is site
    assert ours.config is made_by_mkdocs.config
    assert isinstance(made_by_mkdocs, QinglianPlugin) and made_by_mkdocs.site is None
    assert all(
        getattr(handler, "__self__", None) is not made_by_mkdocs
        for handlers in plugins.events.values()
        for handler in handlers
    )


def test_a_hand_written_page_in_gbk_is_a_located_problem(course, tmp_path, capsys):
    (course / "docs").mkdir()
    (course / "docs" / "about.md").write_bytes("# 关于本课程\n".encode("gbk"))
    site = tmp_path / "site"
    assert main(["build", "--course", str(course), "--site", str(site)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "docs/about.md: 手写页面不是 UTF-8 编码：请在编辑器中以 UTF-8 另存后重试",
        "网站未生成，原有网站保持不变。",
    ]
    assert not site.exists()


@pytest.mark.parametrize("address", ["[::1]:8765", "no-such-host.invalid:8765"])
def test_serve_on_an_address_that_does_not_resolve(course, capsys, address):
    assert main(["serve", "--course", str(course), "--dev-addr", address]) == 2
    assert capsys.readouterr().err.strip() == (
        f"qinglian：--dev-addr“{address}”无效：找不到这个地址。请写成 IPv4 地址或主机名加端口，如 127.0.0.1:8000"
    )


@pytest.mark.browser
def test_a_previewed_page_reloads_itself_after_a_rebuild(course, browser):
    from generator.publish.serve import Preview

    preview = Preview(course.resolve(), "127.0.0.1", 0, lambda outcome, seconds: None)
    page = browser.new_page()
    try:
        assert preview.rebuild().ok
        preview.start()
        page.goto(preview.url + "policies/ten-standards-2018.html")
        page.evaluate("window.__before_reload = 1")
        page.wait_for_timeout(1000)  # the page has read the current version by now
        preview.version += 1
        page.wait_for_function("window.__before_reload === undefined", timeout=10000)
    finally:
        page.close()
        preview.stop()
