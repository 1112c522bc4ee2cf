"""One zip a teacher unpacks anywhere and opens with a double-click on index.html."""

from __future__ import annotations

import zipfile
from pathlib import Path

from generator.publish.target import STAMP

FOLDER = "qinglian"
_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # fixed, so the same site gives the same zip

README = """清廉学堂 使用说明
================

一、在电脑上直接打开（不需要联网）
1. 把本压缩包解压到任意位置（桌面、U 盘、共享文件夹均可）。
2. 打开解压出的 {folder} 文件夹，双击 index.html，用浏览器打开即可。
3. 建议使用较新版本的 Chrome、Edge、Firefox、360 极速模式等浏览器。
4. 右上角的搜索框可以搜索全部政策条款、案例、警示教育课和自测题；自测在本机浏览器中判分。
5. 对照查摆的勾选、自测的答题进度和最好成绩只保存在本机浏览器中，不会上传。

二、放到学校内网服务器上
把 {folder} 文件夹里的全部文件复制到网站目录的任意子路径下即可，例如 nginx：

    location /qinglian/ {{
        alias /srv/qinglian/;
        index index.html;
    }}

任何能提供静态文件的服务器（IIS、Apache、nginx、python3 -m http.server 等）都可以，无需数据库或后台程序。
网页中的所有链接都是相对路径，放在任何子路径下都能使用；页面不访问互联网。

三、更新内容
内容由学校信息管理员用 qinglian build 重新生成后，整体替换 {folder} 文件夹即可。
"""


def is_our_bundle(path: Path) -> bool:
    """A zip this command wrote before (it may be replaced without --force)."""
    if not path.is_file():
        return False  # opening a pipe blocks, and a device such as /dev/zero reads without end
    try:
        with zipfile.ZipFile(path) as archive:
            return f"{FOLDER}/使用说明.txt" in archive.namelist() and f"{FOLDER}/index.html" in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def make_bundle(site_dir: Path, output: Path) -> int:
    """Write the zip; returns the number of site files in it."""
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and p.name != STAMP)
    output.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed: a full disk never leaves half a zip in its place.
    partial = output.with_name(f".{output.name}.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        note = README.format(folder=FOLDER).replace("\n", "\r\n")  # Notepad on older Windows wants CRLF
        info = zipfile.ZipInfo(f"{FOLDER}/使用说明.txt", date_time=_TIMESTAMP)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o100644 << 16
        archive.writestr(info, "\ufeff" + note)  # a BOM so Notepad reads it as UTF-8
        for path in files:
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site_dir).as_posix()}", date_time=_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16  # a regular file, readable by a web server
            archive.writestr(info, path.read_bytes())
    partial.chmod(0o644)
    partial.replace(output)
    return len(files)
