"""Read a policy document into paragraphs: .txt (UTF-8 or GB18030/GBK), .docx and saved .html pages."""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import stat
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.importer.htmltext import declared_charset, html_lines
from generator.importer.lines import Line, TableRow

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
DOCX_SUFFIXES = {".docx"}


# Limits far above any real policy document, so a crafted or mistaken input is refused in seconds.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_HTML_BYTES = 10 * 1024 * 1024  # Python's HTML parser takes seconds per MB of dense markup
MAX_TEXT_CHARS = 1_000_000  # 100 万字: ten times the longest law
MAX_PARAGRAPHS = 50_000  # a long policy has a few thousand; each costs the same, so this bounds the time
MAX_PART_BYTES = 50 * 1024 * 1024  # any one part of a .docx once unpacked (document.xml above all)
MAX_DOCX_BYTES = 200 * 1024 * 1024  # all parts together, unpacked
MAX_RATIO = 200  # a part that unpacks to more than 200 times its packed size is a zip bomb …
RATIO_FLOOR = 10 * 1024 * 1024  # … once it is big enough to matter
MAX_PARTS = 5000


class ImportFailure(Exception):
    """Input the importer cannot use; the message is for the author, in Chinese."""


_ERRNO_TEXT = {
    errno.ENOENT: "路径不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一级不是文件夹",
    errno.EROFS: "所在位置是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.ENAMETOOLONG: "文件名太长",
    errno.ELOOP: "符号链接层数过多（可能是循环链接）",
    errno.EEXIST: "已有同名的文件",
    errno.EBUSY: "文件正被占用",
    errno.ETXTBSY: "文件正被占用",
    errno.EIO: "读写出错（磁盘或设备故障）",
    errno.EINVAL: "路径无效",
    errno.EFBIG: "文件太大",
}


def os_error_text(exc: OSError) -> str:
    """An operating-system error in Chinese (strerror is English, and the author reads Chinese)."""
    if exc.errno is None:
        return "系统错误"
    return _ERRNO_TEXT.get(exc.errno) or f"系统错误（错误码 {exc.errno}）"


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


@dataclass(frozen=True)
class Source:
    name: str  # file name, for the YAML's source note
    kind: str  # "txt" | "docx" | "html"
    encoding: str | None
    lines: list[Line]


def decode_text(raw: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: a BOM if present, else UTF-8, else GB18030 (a superset of GBK and GB2312)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), "UTF-8" if encoding == "utf-8-sig" else "UTF-16"
            except UnicodeDecodeError:
                break
    if b"\x00" in raw[:4096]:
        raise ImportFailure("这不是文本文件（含有二进制内容）：请另存为 .txt、.docx 或 .html 后再导入")
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), "GB18030/GBK"
    except UnicodeDecodeError:
        raise ImportFailure(
            "无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030）：请在编辑器中以 UTF-8 另存后再导入"
        ) from None


def _numbered(texts: Sequence[str | tuple[str, TableRow | None]]) -> list[Line]:
    return [Line(no, *item) if isinstance(item, tuple) else Line(no, item) for no, item in enumerate(texts, start=1)]


def _check_kind(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise ImportFailure("这是一个文件夹，请给出要导入的文件")
    if not stat.S_ISREG(mode):
        raise ImportFailure("这不是普通文件（而是管道、设备或套接字），不能导入：请给出 .txt、.docx 或 .html 文件")


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, after making sure it is a regular file of sane size.

    A FIFO or a device would block or never end: the kind is checked before opening, and again on
    the opened descriptor (opened non-blocking, so even a FIFO swapped in meanwhile cannot hang).
    """
    try:
        _check_kind(os.stat(path).st_mode)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except (FileNotFoundError, NotADirectoryError):
        raise ImportFailure("文件不存在") from None
    except OSError as exc:
        raise ImportFailure(f"无法读取文件：{os_error_text(exc)}") from None
    except ValueError:  # a NUL byte in the path
        raise ImportFailure("文件名无效") from None
    try:
        info = os.fstat(fd)
        _check_kind(info.st_mode)
        if info.st_size > MAX_FILE_BYTES:
            raise ImportFailure(
                f"文件太大（{_megabytes(info.st_size)}），超过 {_megabytes(MAX_FILE_BYTES)} 的上限："
                "一份政策文件通常只有几十 KB 到几 MB"
            )
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ImportFailure(f"无法读取文件：{os_error_text(exc)}") from None
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:
        raise ImportFailure(f"文件太大，超过 {_megabytes(MAX_FILE_BYTES)} 的上限")
    return raw


def _check_zip(raw: bytes) -> None:
    """Refuse a .docx whose parts would unpack to absurd sizes, from the sizes its zip directory declares.

    Reading stops at the declared size, so checking the declarations bounds what python-docx unpacks.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise ImportFailure("无法读取 Word 文件：这不是有效的 .docx（文件可能已损坏，或其实是旧版 .doc）") from None
    if len(members) > MAX_PARTS:
        raise ImportFailure(f"Word 文件内含 {len(members)} 个部件，远超正常文件，疑为恶意构造，已拒绝")
    total = 0
    for member in members:
        size = member.file_size
        total += size
        if size > MAX_PART_BYTES:
            raise ImportFailure(
                f"Word 文件中的“{member.filename[:60]}”解压后有 {_megabytes(size)}，"
                f"超过 {_megabytes(MAX_PART_BYTES)} 的上限，疑为压缩炸弹，已拒绝"
            )
        if size > RATIO_FLOOR and size > MAX_RATIO * max(member.compress_size, 1):
            raise ImportFailure(
                f"Word 文件中的“{member.filename[:60]}”压缩比异常（{_megabytes(member.compress_size)} "
                f"解压为 {_megabytes(size)}），疑为压缩炸弹，已拒绝"
            )
    if total > MAX_DOCX_BYTES:
        raise ImportFailure(f"Word 文件解压后共 {_megabytes(total)}，超过 {_megabytes(MAX_DOCX_BYTES)} 的上限，已拒绝")


def _check_html_size(raw: bytes) -> None:
    if len(raw) > MAX_HTML_BYTES:
        raise ImportFailure(
            f"网页文件太大（{_megabytes(len(raw))}），超过 {_megabytes(MAX_HTML_BYTES)} 的上限："
            "请在浏览器中只复制正文，另存为 .txt 后再导入"
        )


def _too_long() -> ImportFailure:
    return ImportFailure(f"文字内容太长（超过 {MAX_TEXT_CHARS // 10000} 万字）：这不像一份政策文件，请只导入文件本身")


def _read_docx(raw: bytes) -> list[tuple[str, TableRow | None]]:
    from generator.importer.wordfile import TooLong, docx_lines

    _check_zip(raw)
    try:
        return docx_lines(io.BytesIO(raw), MAX_TEXT_CHARS)
    except TooLong as stop:
        if stop.args:
            raise ImportFailure(f"段落太多（超过 {stop.args[0]} 段）：这不像一份政策文件，请只导入文件本身") from None
        raise _too_long() from None
    except RecursionError:
        raise ImportFailure("无法读取 Word 文件：文件结构嵌套过深，疑为恶意构造") from None
    except Exception as exc:  # python-docx and lxml raise many kinds; for the author they all mean "unreadable"
        raise ImportFailure(f"无法读取 Word 文件（文件可能已损坏，或其实是旧版 .doc）：{type(exc).__name__}") from None


def _read_html(raw: bytes) -> tuple[list[str], str]:
    declared = declared_charset(raw)
    if declared:
        try:
            return html_lines(raw.decode(codecs.lookup(declared).name)), declared.upper()
        except (LookupError, UnicodeDecodeError):
            pass
    text, encoding = decode_text(raw)
    return html_lines(text), encoding


def read_source(path: Path) -> Source:
    suffix = path.suffix.lower()
    if suffix in (".doc", ".wps"):
        raise ImportFailure("不支持旧版 Word（.doc/.wps）文件：请在 Word 或 WPS 中另存为 .docx 后再导入")
    if suffix == ".pdf":
        raise ImportFailure("不能直接导入 PDF：请先把 PDF 转成文字（另存为 .txt），再导入该 .txt 文件")
    raw = _read_bytes(path)
    if not raw.strip():
        raise ImportFailure("文件是空的")
    texts: list[str] | list[tuple[str, TableRow | None]]
    if suffix in DOCX_SUFFIXES:
        texts, kind, encoding = _read_docx(raw), "docx", None
    elif suffix in HTML_SUFFIXES:
        _check_html_size(raw)
        texts, encoding = _read_html(raw)
        kind = "html"
    else:
        text, encoding = decode_text(raw)
        if suffix not in TEXT_SUFFIXES and text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
            _check_html_size(raw)
            texts, kind = html_lines(text), "html"
        else:
            texts, kind = text.splitlines(), "txt"
    lines = _numbered(texts)
    if not any(line.text.strip() for line in lines):
        raise ImportFailure("文件中没有文字内容")
    if sum(len(line.text) for line in lines) > MAX_TEXT_CHARS:
        raise _too_long()
    paragraphs = sum(1 for line in lines if line.text.strip())
    if paragraphs > MAX_PARAGRAPHS:
        raise ImportFailure(
            f"段落太多（{paragraphs} 段，超过 {MAX_PARAGRAPHS // 10000} 万段的上限）："
            "这不像一份政策文件，请只导入文件本身"
        )
    return Source(display_name(path.name), kind, encoding, lines)


def display_name(name: str) -> str:
    """The file name as text: bytes that are not UTF-8 (kept by Python as lone surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def write_output(path: Path, text: str) -> None:
    """Write the YAML to ``path`` whole or not at all; every failure is an ImportFailure in Chinese.

    A folder, a FIFO (opening it would block) or a device is refused; the text goes to a
    temporary file beside the target first, so a full disk never leaves half a policy behind.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise ImportFailure(f"无法写入：{os_error_text(exc)}") from None
    except ValueError:
        raise ImportFailure("无法写入：文件名无效") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise ImportFailure("无法写入：这是一个文件夹，请给出 YAML 文件名（如 policies/xxx.yml）")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise ImportFailure("无法写入：这不是普通文件（而是管道、设备或套接字）")
    payload = text.encode("utf-8")
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".qinglian-import-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        if info is not None:
            os.chmod(temporary, stat.S_IMODE(info.st_mode))
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        raise ImportFailure(f"无法写入：{os_error_text(exc)}") from None
    except ValueError:
        raise ImportFailure("无法写入：文件名无效") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
