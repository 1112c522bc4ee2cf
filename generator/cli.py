"""Command line: ``qinglian validate | build | paper | export | bundle | serve | import``.

The only place that prints or exits. Each command returns an exit code or stops through ``_error``;
``_handle_errors`` turns every failure a user can cause or meet (an unsafe target, an unreadable or
unwritable file, a full disk) into one Chinese message and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import os
import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn

from generator.content.loader import LoadResult, load_course
from generator.problems import Problem, Severity, errors, problem_at

if TYPE_CHECKING:
    from generator.content.course import Course
    from generator.importer.pipeline import ImportResult
    from generator.publish.build import BuildOutcome
    from generator.publish.target import Protected


# argparse writes its usage, help headings and errors through gettext; these are the ones a user meets.
_ARGPARSE_CHINESE = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是 %(matches)s",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "one of the arguments %s is required": "参数 %s 必须给出其中之一",
}


def _translate(text: str) -> str:
    return _ARGPARSE_CHINESE.get(text, text)


@contextmanager
def _chinese_argparse() -> Iterator[None]:
    """argparse looks its texts up through its module's ``_`` when it uses them: translate only while our
    own parser works, so that any other program's argparse in this process (pytest's) stays as it was."""
    previous = argparse._  # type: ignore[attr-defined]
    argparse._ = _translate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = previous  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse in Chinese: its group titles and -h help are made in __init__, usage and errors later."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _chinese_argparse():
            super().__init__(*args, **kwargs)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with _chinese_argparse():
            return super().parse_args(args, namespace)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with _chinese_argparse():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _chinese_argparse():
            return super().format_usage()

    def format_help(self) -> str:
        with _chinese_argparse():
            return super().format_help()

    def error(self, message: str) -> NoReturn:  # argparse's own messages are English; keep ours Chinese
        self.print_usage(sys.stderr)
        self.exit(2, f"qinglian：命令参数有误（{message}）。用 qinglian --help 查看用法。\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="qinglian", description="清廉学堂：把政策 YAML 生成可离线使用的学习网站。")
    commands = parser.add_subparsers(metavar="命令", parser_class=_Parser)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--course", type=Path, default=Path("course"), help="课程文件夹（默认 course/）")
        return sub

    strict_help = "把警告（如案例中疑似真实姓名、身份证号）也当作错误，有警告就不生成"
    validate = add("validate", "检查课程内容，列出全部问题")
    validate.add_argument("--strict", action="store_true", help=strict_help)
    validate.set_defaults(func=cmd_validate)
    build = add("build", "检查并生成静态网站")
    build.add_argument("--site", type=Path, default=Path("site"), help="网站输出文件夹（默认 site/）")
    build.add_argument("--strict", action="store_true", help=strict_help)
    build.add_argument("--config", type=Path, help="另用自己的 MkDocs 配置文件（默认使用本程序自带的配置）")
    build.add_argument("--markdown-out", type=Path, help="另把生成的 Markdown 写到此文件夹，便于查看或比较")
    build.set_defaults(func=cmd_build)
    paper = add("paper", "生成可打印的试卷（含答案与解析），可随机抽题")
    paper.add_argument("quiz", metavar="QUIZ", help="自测的 id")
    paper.add_argument("--count", type=int, help="抽取的题数（默认全部）")
    paper.add_argument("--seed", type=int, default=1, help="抽题和打乱选项的随机种子：种子相同，试卷相同（默认 1）")
    paper.add_argument("--minutes", type=int, help="考试时间（分钟，默认按题型和题数估算）")
    paper.add_argument("--no-key", action="store_true", help="不附答案与解析")
    paper.add_argument("-o", "--output", type=Path, help="写入文件（默认输出到屏幕）")
    paper.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")
    paper.set_defaults(func=cmd_paper)
    export = add("export", "把自测导出为 Moodle GIFT、Moodle XML，或超星学习通、问卷星可批量导入的文本")
    export.add_argument("quiz", metavar="QUIZ", nargs="?", help="自测的 id（或用 --all）")
    export.add_argument("--all", action="store_true", help="导出全部自测")
    export.add_argument(
        "--format",
        choices=["gift", "moodle-xml", "chaoxing", "wjx", "text"],
        default="gift",
        help="格式：gift、moodle-xml、chaoxing（超星学习通题库导入）、wjx（问卷星考试批量添加）、"
        "text（同 chaoxing）；默认 gift",
    )
    export.add_argument("-o", "--output", type=Path, help="写入文件（默认输出到屏幕）")
    export.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")
    export.set_defaults(func=cmd_export)
    bundle = commands.add_parser(
        "bundle",
        help="把生成的网站打包成一个 zip，解压后双击 index.html 即可离线使用",
        description="把生成的网站打包成一个 zip，解压后双击 index.html 即可离线使用",
    )
    bundle.add_argument("--site", type=Path, default=Path("site"), help="已生成的网站文件夹（默认 site/）")
    bundle.add_argument(
        "-o", "--output", type=Path, default=Path("qinglian-site.zip"), help="zip 文件（默认 qinglian-site.zip）"
    )
    bundle.add_argument("--force", action="store_true", help="覆盖已存在的、不是 qinglian 打包的 zip 文件")
    bundle.set_defaults(func=cmd_bundle)
    serve = add("serve", "本地预览，修改课程文件后自动重新生成并刷新浏览器")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="预览地址（默认 127.0.0.1:8000）")
    serve.add_argument("--strict", action="store_true", help=strict_help)
    serve.set_defaults(func=cmd_serve)
    importer = commands.add_parser(
        "import",
        help="把政策文件（.txt、.docx、.html）转成政策 YAML",
        description="把政策文件（.txt、.docx、网页 .html）转成政策 YAML；推测之处标有“# 请核对”。",
    )
    importer.add_argument("file", type=Path, metavar="FILE", help="要导入的文件")
    importer.add_argument(
        "--id", dest="policy_id", help="政策 id（小写英文、数字和连字符，如 ten-standards-2018）；默认由文件名生成"
    )
    importer.add_argument("-o", "--output", type=Path, help="写入此 YAML 文件（默认输出到标准输出）")
    importer.add_argument("--simplified", action="store_true", help="用 OpenCC 把繁体字转为简体")
    importer.set_defaults(func=cmd_import)
    return parser


def _report(problems: Iterable[Problem], root: Path) -> None:
    for problem in problems:
        print(problem.format(root), file=sys.stderr)


def _summary(problems: list[Problem], *, strict: bool = False) -> str | None:
    """The closing line of a report with errors (or, with --strict, warnings); None when all is well."""
    found = errors(problems)
    warnings = len(problems) - len(found)
    if strict and warnings and not found:
        return f"发现 {warnings} 个警告；使用了 --strict，警告也按错误处理，请修改后重试。"
    if found:
        return f"发现 {len(found)} 个错误" + (f"、{warnings} 个警告" if warnings else "") + "，请修改后重试。"
    return None


def _load(course_dir: Path, *, strict: bool = False) -> tuple[LoadResult, Course]:
    """The course, its problems reported; stops with the report's closing line when it has errors."""
    result = load_course(course_dir)
    _report(result.problems, course_dir.resolve())
    closing = _summary(result.problems, strict=strict)
    if closing:
        _error(closing, plain=True)
    assert result.course is not None  # no errors, so the loader built it
    return result, result.course


def cmd_validate(args: argparse.Namespace) -> int:
    result, course = _load(args.course, strict=args.strict)
    warnings = sum(1 for p in result.problems if p.severity is Severity.WARNING)
    anchors = sum(len(p.anchors) for p in course.policies.values())
    print(
        f"检查通过：{len(course.policies)} 份政策（{anchors} 个条款）、{len(course.cases)} 个案例、"
        f"{len(course.lessons)} 节警示教育课、{len(course.quizzes)} 套自测"
        + (f"；{warnings} 个警告" if warnings else "")
        + "。"
    )
    return 0


def _protected(course_dir: Path, config: Path | None) -> list[Protected]:
    from generator.publish.target import Protected

    places = [
        Protected(course_dir, "课程文件夹"),
        Protected(Path.cwd(), "当前工作文件夹"),
        Protected(course_dir.parent, "课程所在的项目文件夹"),
        Protected(course_dir / "docs", "手写页面文件夹（docs）"),
    ]
    if config is not None:
        places.append(Protected(config.parent, "配置文件所在的项目文件夹"))
    if Path.home().is_dir():
        places.append(Protected(Path.home(), "用户主文件夹"))
    return places


def cmd_build(args: argparse.Namespace) -> int:
    from generator.publish import target as publish
    from generator.publish.build import build_into

    course_dir = args.course.resolve()
    site_dir = args.site.resolve()
    config = args.config.resolve() if args.config else None
    if config is not None and not config.is_file():
        _error(f"{args.config}: 找不到 MkDocs 配置文件。不用 --config 时使用本程序自带的配置。")
    publish.check_site_target(args.site, _protected(course_dir, config))
    if args.markdown_out:
        publish.check_site_target(args.markdown_out, _protected(course_dir, config))
    publish.recover(site_dir)
    staging = publish.staging_dir(site_dir)
    try:
        outcome = build_into(
            course_dir,
            staging,
            strict=args.strict,
            config_file=config,
            markdown_out=args.markdown_out.resolve() if args.markdown_out else None,
        )
    except BaseException:
        publish.discard(staging)
        raise
    _report(outcome.problems, course_dir)
    closing = _summary(outcome.problems, strict=args.strict)
    if closing or not outcome.ok:
        publish.discard(staging)
        lines = [p.format(course_dir) for p in outcome.engine_errors]
        _error("\n".join([*lines, *([closing] if closing else []), "网站未生成，原有网站保持不变。"]), plain=True)
    publish.swap_into_place(staging, site_dir)
    print(f"网站已生成：{site_dir}（{outcome.pages} 个生成页面）。双击其中的 index.html 即可离线浏览。")
    return 0


def _write(text: str, output: Path | None, *, force: bool = False, ours: bool = False) -> None:
    from generator.publish.target import check_output_file, write_file_atomically

    if output is None:
        sys.stdout.write(text)
        return
    check_output_file(output, force=force, ours=ours)
    write_file_atomically(output, text.encode("utf-8"))
    print(f"已写入 {output}", file=sys.stderr)


def _quiz_ids(course: Course, wanted: list[str]) -> list[str]:
    missing = [q for q in wanted if q not in course.quizzes]
    if missing:
        known = "、".join(sorted(course.quizzes)) or "（课程中没有自测）"
        _error(f"找不到自测“{'、'.join(missing)}”。可用的自测：{known}", plain=True)
    return wanted


def cmd_paper(args: argparse.Namespace) -> int:
    from generator.exports.paper import paper_html

    _, course = _load(args.course)
    _quiz_ids(course, [args.quiz])
    total = len(course.quizzes[args.quiz].item.questions)
    if args.count is not None and not 1 <= args.count <= total:
        _error(f"--count 应在 1 到 {total} 之间（这套自测共 {total} 题）", plain=True)
    if args.minutes is not None and not 1 <= args.minutes <= 600:
        _error(f"--minutes 应在 1 到 600 之间（分钟），现在是 {args.minutes}", plain=True)
    _write(
        paper_html(course, args.quiz, count=args.count, seed=args.seed, with_key=not args.no_key, minutes=args.minutes),
        args.output,
        force=args.force,
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from generator.content.citations import CitationRef
    from generator.exports.platforms import ExportError, export

    _, course = _load(args.course)
    if args.all == bool(args.quiz):
        _error("请指定一套自测的 id，或用 --all 导出全部自测（二者选一）", plain=True)
    ids = sorted(course.quizzes) if args.all else _quiz_ids(course, [args.quiz])

    def cite(text: str) -> str:
        ref = CitationRef.parse(text)
        entry = course.policies[ref.policy_id]
        return entry.anchors[ref.anchor].citation if ref.anchor else f"《{entry.item.title}》"

    try:
        text = export([course.quizzes[i].item for i in ids], args.format, cite)
    except ExportError as failure:
        problems = [
            problem_at(course.quizzes[found.quiz_id].doc, found.path, found.message) for found in failure.problems
        ]
        _report(problems, args.course.resolve())
        _error(f"发现 {len(problems)} 处无法导出的内容，未写出任何文件。", plain=True)
    _write(text, args.output, force=args.force)
    return 0


def cmd_bundle(args: argparse.Namespace) -> int:
    from generator.publish.bundle import is_our_bundle, make_bundle
    from generator.publish.target import check_output_file

    if not (args.site / "index.html").is_file():
        _error(f"{args.site}: 没有找到已生成的网站（缺少 index.html），请先运行 qinglian build")
    check_output_file(args.output, force=args.force, ours=is_our_bundle(args.output))
    count = make_bundle(args.site, args.output)
    print(f"已打包 {count} 个文件：{args.output}（解压后打开 qinglian/index.html）")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.publish.serve import Preview

    host, _, port_text = args.dev_addr.rpartition(":")
    if not host or not port_text.isascii() or not port_text.isdigit() or not 0 <= int(port_text) <= 65535:
        _error(f"--dev-addr“{args.dev_addr}”无效：应写成“地址:端口”，如 127.0.0.1:8000", 2)
    course_dir = args.course.resolve()

    def report(outcome: BuildOutcome, seconds: float) -> None:
        _report(outcome.problems, course_dir)
        closing = _summary(outcome.problems, strict=args.strict)
        for problem in outcome.engine_errors:
            print(problem.format(course_dir), file=sys.stderr)
        if outcome.ok:
            print(f"已重新生成（{outcome.pages} 个页面，{seconds:.1f} 秒）。", file=sys.stderr, flush=True)
        else:
            shown = "浏览器中仍显示上一次成功生成的网站" if preview.current else "浏览器中显示错误说明"
            print(f"{closing or '网站生成失败。'}{shown}；修改并保存后会自动重新生成。", file=sys.stderr, flush=True)

    def interrupted(signum: int, frame: FrameType | None) -> NoReturn:
        raise KeyboardInterrupt

    try:
        preview = Preview(course_dir, host.strip("[]"), int(port_text), report, strict=args.strict)
    except socket.gaierror:  # a name that does not resolve, or an IPv6 address our IPv4 server cannot take
        _error(f"--dev-addr“{args.dev_addr}”无效：找不到这个地址。请写成 IPv4 地址或主机名加端口，如 127.0.0.1:8000", 2)
    # A service manager's stop cleans up like Ctrl+C; the process's own handler comes back afterwards.
    previous = signal.signal(signal.SIGTERM, interrupted)
    try:
        preview.rebuild()
        preview.start()
        print(f"预览地址：{preview.url}（修改课程文件后自动重新生成并刷新浏览器；按 Ctrl+C 停止）", flush=True)
        while True:
            threading.Event().wait(3600)
    except KeyboardInterrupt:
        print("预览已停止。", file=sys.stderr)
        return 0
    finally:
        preview.stop()
        signal.signal(signal.SIGTERM, previous)


def _import_report(result: ImportResult, unit: str) -> None:
    if result.dropped:
        print(f"已丢弃 {len(result.dropped)} 行网页杂项或重复内容：", file=sys.stderr)
        for item in result.dropped:
            text = item.line.text if len(item.line.text) <= 60 else item.line.text[:60] + "……"
            print(f"  第 {item.line.no} {unit}［{item.reason}］{text}", file=sys.stderr)
    if result.guesses:
        print("需要核对的推测（YAML 中以“# 请核对”标出）：", file=sys.stderr)
        for guess in result.guesses:
            print(f"  {guess}", file=sys.stderr)
    for notice in result.notices:
        print(notice if notice.startswith("警告：") else f"提示：{notice}", file=sys.stderr)


def cmd_import(args: argparse.Namespace) -> int:
    import re
    from datetime import date

    from generator.content.model import SLUG_PATTERN
    from generator.importer import ImportFailure, ImportOptions, import_file

    if args.policy_id is not None and not re.fullmatch(SLUG_PATTERN, args.policy_id):
        _error(f"--id“{args.policy_id}”无效：只能用小写英文字母、数字和连字符（如 ten-standards-2018）。", 2)
    options = ImportOptions(policy_id=args.policy_id, simplified=args.simplified, fallback_year=date.today().year)
    try:
        result = import_file(args.file, options)
    except ImportFailure as exc:
        _error(f"{args.file}: {exc}", plain=True)
    _import_report(result, "行" if result.source.kind == "txt" else "段")
    if args.output:
        from generator.importer.readers import write_output

        try:
            write_output(args.output, result.yaml_text)
        except ImportFailure as exc:
            _error(f"{args.output}: {exc}", plain=True)
    else:
        sys.stdout.write(result.yaml_text)
    if result.problems:
        lines = [str(problem) for problem in result.problems]
        _error(
            "\n".join([*lines, "导入结果未通过检查（这是导入程序的缺陷，请反馈）；YAML 已输出，请按上面的提示修改。"]),
            plain=True,
        )
    nodes = result.nodes()
    responsible = sum(1 for node in nodes if node.responsible)
    deadlines = sum(1 for node in nodes if node.deadline)
    where = f"，已写入 {args.output}" if args.output else ""
    print(
        f"导入完成：{result.provision_count} 个条款（{responsible} 个写明责任单位，{deadlines} 个写明时限），"
        f"{len(result.guesses)} 处需要核对{where}。",
        file=sys.stderr,
    )
    return 0


_OS_ERRORS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "位于只读的磁盘上",
    errno.ENOENT: "文件或文件夹不存在",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EEXIST: "已经存在",
    errno.EADDRINUSE: "端口已被占用，请用 --dev-addr 换一个端口",
    errno.EADDRNOTAVAIL: "本机没有这个地址",
    errno.EDQUOT: "超出磁盘配额",
    errno.ENOTEMPTY: "文件夹不是空的",
    errno.EBUSY: "正被其他程序占用",
    errno.EMFILE: "打开的文件太多",
    errno.ELOOP: "符号链接循环",
}


def _os_message(exc: OSError) -> str:
    reason = _OS_ERRORS.get(exc.errno or 0, f"系统错误（{os.strerror(exc.errno) if exc.errno else exc}）")
    where = exc.filename if exc.filename is not None else ""
    return f"{where}: {reason}" if where else reason


class _Exit(Exception):
    def __init__(self, message: str, code: int, *, plain: bool) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.plain = plain


def _error(message: str, code: int = 1, *, plain: bool = False) -> NoReturn:
    """The one way a command stops with an error: main prints the message and returns the code.

    A message in the program's own voice reads "qinglian：…"; ``plain`` ones are a report's lines
    (``file: message``, a closing count) and are printed as they are.
    """
    raise _Exit(message, code, plain=plain)


def _user_errors() -> tuple[type[Exception], ...]:
    """The domain errors whose message is written for the user. The importer is slow to import and only
    ``qinglian import`` loads it: if its module is not loaded, its error cannot have been raised."""
    from generator.publish.target import UnsafeTarget

    found: list[type[Exception]] = [UnsafeTarget]
    readers = sys.modules.get("generator.importer.readers")
    if readers is not None:
        found.append(readers.ImportFailure)
    return tuple(found)


@contextmanager
def _handle_errors() -> Iterator[None]:
    """Every command's failures as ``_error``: refusals and importer failures with their own message,
    an OSError (a full disk, a missing folder, no permission) described in Chinese."""
    try:
        yield
    except _Exit:
        raise
    except OSError as exc:
        _error(f"{_os_message(exc)}。操作未完成，原有文件保持不变。")
    except Exception as exc:
        if not isinstance(exc, _user_errors()):
            raise
        _error(str(exc))


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, or argparse's (Chinese) usage error: a code, not an exit
        return stop.code if isinstance(stop.code, int) else 2
    command: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if command is None:
        parser.print_help()
        return 2
    try:
        with _handle_errors():
            return command(args)
    except _Exit as stop:
        print(stop.message if stop.plain else f"qinglian：{stop.message}", file=sys.stderr)
        return stop.code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
