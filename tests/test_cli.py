"""End-to-end: the qinglian command with real MkDocs builds (strict mode)."""

import os
from pathlib import Path

import pytest

from generator.cli import main

from .conftest import MINIMAL_COURSE, MINIMAL_POLICY, REPO


@pytest.fixture
def in_repo():
    cwd = os.getcwd()
    os.chdir(REPO)
    yield REPO
    os.chdir(cwd)


def tree(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def test_validate_shipped_course(in_repo, capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("检查通过：4 份政策")


def test_validate_reports_every_problem_and_exits_1(course_factory, capsys):
    root = course_factory(
        {
            "course.yml": MINIMAL_COURSE,
            "policies/a.yml": "id: a\ntitle: 甲\nissuers: [某县]\nissued: 2021-02-30\nprovisions: [{text: 条文}]\n",
            "policies/b.yml": "id: b\ntitle: 乙\ntitle: 丙\n",
        }
    )
    assert main(["validate", "--course", str(root)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "policies/a.yml:4:9: 日期“2021-02-30”无效：2021年2月只有 28 天",
        "policies/b.yml:3:1: 重复的键“title”（第 2 行已写过）：同一层不能写两次，请合并或删除一处",
        "发现 2 个错误，请修改后重试。",
    ]


def test_build_any_course_folder(in_repo, course_factory, tmp_path, capsys):
    root = course_factory({"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY})
    site = tmp_path / "out" / "site"
    markdown = tmp_path / "md"
    assert main(["build", "--course", str(root), "--site", str(site), "--markdown-out", str(markdown)]) == 0
    page = (site / "policies" / "ten-standards-2018.html").read_text(encoding="utf-8")
    assert 'id="10"' in page and "规范从教行为" in page
    assert (site / "index.html").is_file() and (site / "responsibilities.html").is_file()
    assert (site / "assets/qinglian/vendor/iframe-worker-shim.js").is_file()
    assert "<title>" in page and "测试课程" in page
    assert sorted(p.relative_to(markdown).as_posix() for p in markdown.rglob("*.md")) == [
        "cases/index.md",
        "glossary.md",
        "index.md",
        "lessons/index.md",
        "policies/index.md",
        "policies/ten-standards-2018.md",
        "quizzes/index.md",
        "responsibilities.md",
    ]
    assert not list(root.rglob("*.html")), "the build must never write into the course"


def test_failed_build_leaves_the_old_site_byte_identical(in_repo, course_factory, tmp_path, capsys):
    root = course_factory({"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY})
    site = tmp_path / "site"
    assert main(["build", "--course", str(root), "--site", str(site)]) == 0
    before = tree(site)
    (root / "policies" / "ten.yml").write_text(
        MINIMAL_POLICY.replace("issued: 2018-11-08", "issued: 2018-02-30"), encoding="utf-8"
    )
    assert main(["build", "--course", str(root), "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert "policies/ten.yml:6:9: 日期“2018-02-30”无效" in err and "原有网站保持不变" in err
    assert tree(site) == before
    assert [p.name for p in site.parent.iterdir()] == ["site", "course"] or sorted(
        p.name for p in site.parent.iterdir()
    ) == ["course", "site"]


def test_engine_failure_also_keeps_the_old_site(in_repo, course_factory, tmp_path, capsys):
    root = course_factory({"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY})
    site = tmp_path / "site"
    assert main(["build", "--course", str(root), "--site", str(site)]) == 0
    before = tree(site)
    # A hand-written page of the course with a broken link: fails after generation.
    docs = root / "docs"
    docs.mkdir()
    (docs / "broken.md").write_text(
        "# 坏链接\n\n[不存在](nowhere.md) 和 [条款](policies/ten-standards-2018.md#99)\n"
        "[好的条款](policies/ten-standards-2018.md#10) `[代码](x.md)`\n",
        encoding="utf-8",
    )
    assert main(["build", "--course", str(root), "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert "docs/broken.md:3:1: 链接“nowhere.md”指向不存在的页面“nowhere.md”" in err
    assert (
        "docs/broken.md:3:21: 链接“policies/ten-standards-2018.md#99”：页面“policies/ten-standards-2018.md”中没有锚点“99”"
        in err
    )
    assert "x.md" not in err and "#10" not in err
    assert "网站未生成，原有网站保持不变。" in err
    assert tree(site) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")], "no staging folder left behind"


def test_shipped_course_builds_in_strict_mode(shipped_site):
    pages = sorted(p.relative_to(shipped_site).as_posix() for p in shipped_site.rglob("*.html"))
    assert "policies/changyang-qinglian-school-2021.html" in pages
    page = (shipped_site / "policies/changyang-qinglian-school-2021.html").read_text(encoding="utf-8")
    # Seed 000: 18 numbered measures spread over 三（一）…（四）, each with its 责任单位.
    measures = (
        [f"3.1.{n}" for n in range(1, 6)]
        + [f"3.2.{n}" for n in range(6, 11)]
        + [f"3.3.{n}" for n in range(11, 16)]
        + [f"3.4.{n}" for n in range(16, 19)]
    )
    for anchor in measures:
        start = page.index(f'id="{anchor}"')
        following = (
            page[start : page.index('class="ql-prov', start + 10)]
            if 'class="ql-prov' in page[start + 10 :]
            else page[start:]
        )
        assert "ql-label--unit" in following, anchor
    assert (shipped_site / "search" / "search_index.js").is_file()


def test_no_reference_to_the_internet(shipped_site):
    for path in shipped_site.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            for host in ("unpkg.com", "fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net"):
                assert host not in text, f"{path} mentions {host}"


def test_two_builds_are_byte_identical(in_repo, course_factory, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = course_factory({"course.yml": MINIMAL_COURSE, "policies/ten.yml": MINIMAL_POLICY})
    assert main(["build", "--course", str(root), "--site", str(tmp_path / "a")]) == 0
    assert main(["build", "--course", str(root), "--site", str(tmp_path / "b")]) == 0
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_bundle_opens_anywhere(shipped_site, tmp_path, capsys):
    import zipfile

    out = tmp_path / "site.zip"
    assert main(["bundle", "--site", str(shipped_site), "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert names[0] == "qinglian/使用说明.txt"
        assert "qinglian/index.html" in names and "qinglian/search/search_index.js" in names
        note = archive.read("qinglian/使用说明.txt").decode("utf-8-sig")
        assert "双击 index.html" in note and "location /qinglian/" in note
    again = tmp_path / "again.zip"
    assert main(["bundle", "--site", str(shipped_site), "-o", str(again)]) == 0
    assert out.read_bytes() == again.read_bytes()
    assert main(["bundle", "--site", str(tmp_path / "nothing")]) == 1
    assert "请先运行 qinglian build" in capsys.readouterr().err
