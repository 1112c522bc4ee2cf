"""Put a freshly built site in place of the old one only once the build has fully succeeded, and never
touch a folder or file that qinglian did not make.

A build writes into ``.NAME.building-*`` beside the site, then renames the old site to ``.NAME.old-*`` and
the new one into place. A build killed at any point leaves only those hidden folders, which the next
run cleans up (restoring the old site if it died between the two renames).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

STAMP = ".qinglian-site"  # marks a folder as a site qinglian built, so a rebuild may replace it
STAMP_TEXT = "这个文件夹由 qinglian build 生成，重新生成时会被整体替换。请不要在其中存放其他文件。\n"
_BUILDING = ".{name}.building-"
_OLD = ".{name}.old-"


class UnsafeTarget(Exception):
    """A place qinglian refuses to write to; the message is for the user, in Chinese."""


@dataclass(frozen=True)
class Protected:
    """Folders a site must never replace: the course, the hand-written pages, the project."""

    path: Path
    name: str  # how the message names it, e.g. "课程文件夹"


def is_our_site(folder: Path) -> bool:
    if (folder / STAMP).is_file():
        return True
    # Sites built before the stamp existed carry our assets and an index page.
    return (folder / "index.html").is_file() and (folder / "assets" / "qinglian" / "qinglian.js").is_file()


def _within(inner: Path, outer: Path) -> bool:
    return inner == outer or outer in inner.parents


def check_site_target(site_dir: Path, protected: list[Protected]) -> None:
    """Refuse a site folder whose replacement would delete something qinglian did not make."""
    site = site_dir.resolve()
    shown = str(site_dir)
    for item in protected:
        place = item.path.resolve()
        if _within(place, site):
            what = "就是" if place == site else "包含"
            raise UnsafeTarget(
                f"{shown}: 网站输出文件夹{what}{item.name}（{place}），生成网站会整体替换它，"
                "其中的文件将全部丢失。请用 --site 指定一个单独的文件夹，例如 site"
            )
        if _within(site, place) and item.name in ("课程文件夹", "手写页面文件夹（docs）"):
            raise UnsafeTarget(f"{shown}: 网站输出文件夹不能放在{item.name}（{place}）之中，请换一个位置")
    for parent in site_dir.parents:
        if parent.exists() and not parent.is_dir():
            raise UnsafeTarget(f"{shown}: 路径中的“{parent}”是文件，不是文件夹；网站未生成。请换一个位置")
    if site_dir.is_symlink():
        raise UnsafeTarget(f"{shown}: 这是一个符号链接；为免替换它指向的文件夹，网站未生成。请直接指定目标文件夹")
    if site.exists() and not site.is_dir():
        raise UnsafeTarget(f"{shown}: 已存在同名的文件，不是文件夹；为免覆盖，网站未生成。请换一个名字或先移走该文件")
    if site.is_dir() and any(site.iterdir()) and not is_our_site(site):
        raise UnsafeTarget(
            f"{shown}: 文件夹不是空的，也不是 qinglian 生成的网站；为免删除其中的文件，网站未生成。"
            "请指定一个空文件夹或新文件夹"
        )


def recover(site_dir: Path) -> None:
    """Clean up after a build that was killed: restore the old site if the new one never arrived."""
    parent, name = site_dir.parent, site_dir.name
    if not parent.is_dir():
        return
    old = sorted(p for p in parent.glob(_OLD.format(name=name) + "*") if p.is_dir() and not p.is_symlink())
    if old and not site_dir.exists():
        old[-1].rename(site_dir)
        old = old[:-1]
    for leftover in old + sorted(parent.glob(_BUILDING.format(name=name) + "*")):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def staging_dir(site_dir: Path) -> Path:
    """A new empty folder beside site_dir (same filesystem, so the swap is a rename)."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=_BUILDING.format(name=site_dir.name), dir=site_dir.parent))


def finish(built: Path) -> None:
    """Stamp the site and make it readable by a web server running as another user."""
    (built / STAMP).write_text(STAMP_TEXT, encoding="utf-8")
    for root, dirs, files in os.walk(built):
        os.chmod(root, 0o755)
        for name in files:
            os.chmod(os.path.join(root, name), 0o644)
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o755)


def swap_into_place(built: Path, site_dir: Path) -> None:
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=_OLD.format(name=site_dir.name), dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    built.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(built: Path) -> None:
    shutil.rmtree(built, ignore_errors=True)


def check_output_file(output: Path, *, force: bool, ours: bool = False) -> None:
    """An output file may replace only what qinglian wrote itself, unless the user says --force."""
    if output.is_dir():
        raise UnsafeTarget(f"{output}: 这是一个文件夹，请给出文件名，例如 {output / 'out'}")
    for parent in output.parents:
        if parent.exists() and not parent.is_dir():
            raise UnsafeTarget(f"{output}: 路径中的“{parent}”是文件，不是文件夹")
    if output.exists() and not output.is_file():
        # A pipe or a device (/dev/full) is not a file to replace: writing beside it and renaming would put
        # a plain file in its place, and reading it to recognise our own output may never end.
        raise UnsafeTarget(f"{output}: 这不是普通文件（而是管道、设备或套接字），未写入。请给出一个普通文件的名字")
    if output.exists() and not force and not ours:
        raise UnsafeTarget(f"{output}: 文件已存在，且不是 qinglian 写的；为免覆盖，未写入。确需覆盖请加 --force")


def write_file_atomically(output: Path, content: bytes) -> None:
    """Write beside the target, then rename: a full disk never leaves half a file in its place."""
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_markdown(pages: dict[str, str], assets: dict[str, bytes], nav_yaml: str, out_dir: Path) -> None:
    """The generated Markdown and assets as files, for diffing or for another engine."""
    for path, text in pages.items():
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for path, content in assets.items():
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    (out_dir / "nav.yml").write_text(nav_yaml, encoding="utf-8")
