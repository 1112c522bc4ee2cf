"""Publishing that never deletes what qinglian did not make, and a site any web server can serve."""

import os
import stat
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.cli import main
from generator.publish import target as publish

from .conftest import MINIMAL_COURSE, MINIMAL_POLICY, write_course


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder as an author has it: the course, other files, and the working directory there."""
    root = tmp_path / "project"
    write_course(root / "course", {"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY})
    (root / "notes.txt").write_text("我的笔记", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("site", [".", "course", "course/policies", "..", "/"])
def test_build_refuses_to_replace_the_project_or_the_course(project, capsys, site):
    before = tree(project)
    assert main(["build", "--course", "course", "--site", site]) == 1
    err = capsys.readouterr().err
    assert ("网站输出文件夹" in err and "请用 --site 指定一个单独的文件夹" in err) or "不能放在" in err
    assert tree(project) == before


def test_build_refuses_a_folder_of_other_files_and_an_existing_file(project, capsys):
    (project / "backup").mkdir()
    (project / "backup" / "a.txt").write_text("别删", encoding="utf-8")
    assert main(["build", "--course", "course", "--site", "backup"]) == 1
    assert "不是 qinglian 生成的网站" in capsys.readouterr().err
    assert (project / "backup" / "a.txt").read_text(encoding="utf-8") == "别删"
    assert main(["build", "--course", "course", "--site", "notes.txt"]) == 1
    assert "已存在同名的文件" in capsys.readouterr().err
    assert (project / "notes.txt").read_text(encoding="utf-8") == "我的笔记"
    assert not [p for p in project.iterdir() if p.name.startswith(".notes")]


def test_build_refuses_the_courses_hand_written_pages(project, capsys):
    (project / "course" / "docs").mkdir()
    (project / "course" / "docs" / "about.md").write_text("# 关于\n", encoding="utf-8")
    assert main(["build", "--course", "course", "--site", "course/docs"]) == 1
    assert (project / "course" / "docs" / "about.md").is_file()


def test_rebuild_replaces_only_its_own_site_and_marks_it(project):
    assert main(["build", "--course", "course", "--site", "out"]) == 0
    assert (project / "out" / publish.STAMP).is_file()
    (project / "out" / "stale.html").write_text("旧", encoding="utf-8")
    assert main(["build", "--course", "course", "--site", "out"]) == 0
    assert not (project / "out" / "stale.html").exists()
    legacy = project / "legacy"  # built before the stamp existed
    assert main(["build", "--course", "course", "--site", "legacy"]) == 0
    (legacy / publish.STAMP).unlink()
    assert main(["build", "--course", "course", "--site", "legacy"]) == 0


def test_a_killed_build_is_cleaned_up_and_the_old_site_restored(project):
    assert main(["build", "--course", "course", "--site", "out"]) == 0
    good = tree(project / "out")
    # Killed between the two renames: the old site was moved aside, the new one never arrived.
    (project / "out").rename(project / ".out.old-abc123")
    (project / ".out.building-def456").mkdir()
    (project / ".out.building-def456" / "half.html").write_text("x", encoding="utf-8")
    (project / "course" / "policies" / "ten.yml").write_text("id: [", encoding="utf-8")  # this build fails
    assert main(["build", "--course", "course", "--site", "out"]) == 1
    assert tree(project / "out") == good
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".out")) == []


def test_site_is_readable_by_a_web_server(project):
    old = os.umask(0o077)
    try:
        assert main(["build", "--course", "course", "--site", "out"]) == 0
    finally:
        os.umask(old)
    for path in [project / "out", *(project / "out").rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), path
    assert main(["bundle", "--site", "out", "-o", "site.zip"]) == 0
    with zipfile.ZipFile(project / "site.zip") as archive:
        assert {stat.S_IMODE(i.external_attr >> 16) for i in archive.infolist()} == {0o644}
        assert f"qinglian/{publish.STAMP}" not in archive.namelist()


def test_404_page_links_are_relative(project):
    assert main(["build", "--course", "course", "--site", "out"]) == 0
    page = (project / "out" / "404.html").read_text(encoding="utf-8")
    assert 'href="/' not in page and 'src="/' not in page and 'new URL("/"' not in page
    assert 'href="assets/stylesheets/' in page


def test_outputs_never_overwrite_a_file_qinglian_did_not_write(project, capsys):
    assert main(["build", "--course", "course", "--site", "out"]) == 0
    mine = project / "mine.zip"
    mine.write_bytes(b"not ours")
    assert main(["bundle", "--site", "out", "-o", "mine.zip"]) == 1
    assert "确需覆盖请加 --force" in capsys.readouterr().err and mine.read_bytes() == b"not ours"
    assert main(["bundle", "--site", "out", "-o", "ours.zip"]) == 0
    assert main(["bundle", "--site", "out", "-o", "ours.zip"]) == 0  # its own zip may be replaced
    assert main(["bundle", "--site", "out", "-o", "mine.zip", "--force"]) == 0
    write_course(
        project / "course",
        {
            "quizzes/q.yml": """
        id: quiz-ten
        title: 自测
        questions:
          - {id: q1, type: judge, stem: 教师可以有偿补课。, answer: false}
        """
        },
    )
    for command in (["paper", "quiz-ten"], ["export", "quiz-ten"]):
        assert main([*command, "--course", "course", "-o", "notes.txt"]) == 1
        assert (project / "notes.txt").read_text(encoding="utf-8") == "我的笔记"
        assert main([*command, "--course", "course", "-o", "course"]) == 1
        assert "这是一个文件夹" in capsys.readouterr().err
        assert main([*command, "--course", "course", "-o", "notes.txt/x.txt", "--force"]) == 1
        assert "是文件，不是文件夹" in capsys.readouterr().err


def test_build_from_any_folder_without_a_configuration(tmp_path, monkeypatch):
    course = write_course(
        tmp_path / "a" / "my-course", {"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY}
    )
    elsewhere = tmp_path / "b"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["build", "--course", str(course), "--site", str(tmp_path / "c" / "site")]) == 0
    assert (tmp_path / "c" / "site" / "policies" / "ten-standards-2018.html").is_file()


def test_home_page_belongs_to_the_course(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    course = write_course(
        tmp_path / "course",
        {
            "course.yml": "title: 某镇中心学校廉洁文化学习\norganization: 某镇中心学校\ndescription: 本校**教职工**学习资料。\n",
            "policies/ten.yml": MINIMAL_POLICY,
        },
    )
    assert main(["build", "--course", str(course), "--site", "out"]) == 0
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "某镇中心学校廉洁文化学习" in home and "某镇中心学校" in home and "<strong>教职工</strong>" in home
    assert (
        "1 份政策文件" in home and "长阳" not in home and "qinglian build" not in home and "qinglian import" not in home
    )
    (course / "home.md").write_text("欢迎学习 [[ten-standards-2018#10]]。", encoding="utf-8")
    assert main(["build", "--course", str(course), "--site", "out"]) == 0
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "欢迎学习" in home and "本校" not in home and "ten-standards-2018.html#10" in home
    (course / "home.md").write_text("\n见 [[ten-standards-2018#99]]", encoding="utf-8")
    assert main(["validate", "--course", str(course)]) == 1


def test_broken_link_in_hand_written_page_is_chinese_and_located(tmp_path, capsys):
    course = write_course(
        tmp_path / "course",
        {
            "course.yml": MINIMAL_COURSE,
            "policies/ten.yml": MINIMAL_POLICY,
            "docs/about.md": "# 关于\n\n见[说明](missing.md)。\n",
        },
    )
    assert main(["build", "--course", str(course), "--site", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "about.md:3:" in err and "missing.md" in err
    assert not [line for line in err.splitlines() if line.isascii() and line.strip()], err


def test_cli_speaks_chinese(capsys):
    assert main(["build", "--bogus"]) == 2
    err = capsys.readouterr().err
    assert "用法：" in err and "无法识别的参数" in err and "usage" not in err
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "显示本帮助并退出" in out and "show this help" not in out


def test_strict_turns_warnings_into_errors(tmp_path, capsys):
    course = write_course(
        tmp_path / "course",
        {
            "course.yml": MINIMAL_COURSE,
            "policies/ten.yml": MINIMAL_POLICY,
            "cases/c.yml": """
        id: c
        title: 某校教师收受礼金问题
        date: 2021
        categories: [收受礼品礼金]
        fictional: true
        facts: 联系电话 13812345678。
        violations: [ten-standards-2018#10]
        handling: 退还。
        """,
        },
    )
    assert main(["validate", "--course", str(course)]) == 0
    assert main(["validate", "--course", str(course), "--strict"]) == 1
    assert "使用了 --strict，警告也按错误处理" in capsys.readouterr().err
    assert main(["build", "--course", str(course), "--site", str(tmp_path / "out"), "--strict"]) == 1
    assert not (tmp_path / "out").exists()


def _wait_for(url: str, seconds: float = 30) -> tuple[int, str]:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextmanager
def _serve(course: Path) -> Iterator[subprocess.Popen[str]]:
    """``qinglian serve`` in its own process, stopped (and its pipes closed) at the end."""
    with subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "--course", str(course), "--dev-addr", "127.0.0.1:0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    ) as process:
        try:
            yield process
        finally:
            process.terminate()
            process.wait(timeout=20)


def test_serve_prints_its_address_keeps_the_last_good_site_and_recovers(tmp_path):
    course = write_course(tmp_path / "course", {"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY})
    policy = course / "policies" / "ten.yml"
    with _serve(course) as process:
        line = process.stdout.readline()
        assert line.startswith("预览地址：http://127.0.0.1:"), line
        url = line.split("：", 1)[1].split("（")[0]
        status, page = _wait_for(url + "policies/ten-standards-2018.html")
        assert status == 200 and "规范从教行为" in page and "__qinglian__/version" in page
        policy.write_text(MINIMAL_POLICY.replace("issued: 2018-11-08", "issued: 2018-02-30"), encoding="utf-8")
        error_line = process.stderr.readline()
        while "ten.yml" not in error_line:
            error_line = process.stderr.readline()
        assert "ten.yml:" in error_line and "2月只有 28 天" in error_line
        assert "浏览器中仍显示上一次成功生成的网站" in process.stderr.readline()
        assert _wait_for(url + "policies/ten-standards-2018.html")[0] == 200
        policy.write_text(MINIMAL_POLICY.replace("规范从教行为", "规范从教行为（修订）"), encoding="utf-8")
        assert "已重新生成" in process.stderr.readline()
        assert "规范从教行为（修订）" in _wait_for(url + "policies/ten-standards-2018.html")[1]


def test_serve_shows_a_chinese_error_page_before_the_first_good_build(tmp_path):
    course = write_course(tmp_path / "course", {"course.yml": MINIMAL_COURSE, "policies/ten.yml": "id: [\n"})
    with _serve(course) as process:
        url = process.stdout.readline().split("：", 1)[1].split("（")[0]
        status, page = _wait_for(url)
        assert status == 503 and "课程内容有误" in page and "ten.yml:" in page
