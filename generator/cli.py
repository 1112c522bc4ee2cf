"""Command line: ``qinglian validate | build | serve``. The only place that prints or exits."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from .loader import load_course
from .problems import Severity, errors


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own messages are English; keep ours Chinese
        self.print_usage(sys.stderr)
        self.exit(2, f"qinglian：命令参数有误（{message}）。用 qinglian --help 查看用法。\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="qinglian", description="清廉学堂：把政策 YAML 生成可离线使用的学习网站。")
    commands = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--course", type=Path, default=Path("course"), help="课程文件夹（默认 course/）")
        return sub

    add("validate", "检查课程内容，列出全部问题")
    build = add("build", "检查并生成静态网站")
    build.add_argument("--site", type=Path, default=Path("site"), help="网站输出文件夹（默认 site/）")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs 配置文件（默认 mkdocs.yml）")
    build.add_argument("--markdown-out", type=Path, help="另把生成的 Markdown 写到此文件夹，便于查看或比较")
    paper = add("paper", "生成可打印的试卷（含答案与解析），可随机抽题")
    paper.add_argument("quiz", metavar="QUIZ", help="自测的 id")
    paper.add_argument("--count", type=int, help="抽取的题数（默认全部）")
    paper.add_argument("--seed", type=int, default=1, help="抽题的随机种子：种子相同，试卷相同（默认 1）")
    paper.add_argument("--no-key", action="store_true", help="不附答案与解析")
    paper.add_argument("-o", "--output", type=Path, help="写入文件（默认输出到屏幕）")
    export = add("export", "把自测导出为 Moodle GIFT、Moodle XML 或纯文本题库")
    export.add_argument("quiz", metavar="QUIZ", nargs="?", help="自测的 id（或用 --all）")
    export.add_argument("--all", action="store_true", help="导出全部自测")
    export.add_argument("--format", choices=["gift", "moodle-xml", "text"], default="gift", help="格式（默认 gift）")
    export.add_argument("-o", "--output", type=Path, help="写入文件（默认输出到屏幕）")
    bundle = commands.add_parser("bundle", help="把生成的网站打包成一个 zip，解压后双击 index.html 即可离线使用",
                                 description="把生成的网站打包成一个 zip，解压后双击 index.html 即可离线使用")
    bundle.add_argument("--site", type=Path, default=Path("site"), help="已生成的网站文件夹（默认 site/）")
    bundle.add_argument("-o", "--output", type=Path, default=Path("qinglian-site.zip"), help="zip 文件（默认 qinglian-site.zip）")
    serve = add("serve", "本地预览，修改 YAML 后自动重新生成")
    serve.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs 配置文件（默认 mkdocs.yml）")
    serve.add_argument("--dev-addr", help="预览地址，如 127.0.0.1:8000")
    importer = commands.add_parser("import", help="把政策文件（.txt、.docx、.html）转成政策 YAML",
                                   description="把政策文件（.txt、.docx、网页 .html）转成政策 YAML；推测之处标有“# 请核对”。")
    importer.add_argument("file", type=Path, metavar="FILE", help="要导入的文件")
    importer.add_argument("--id", dest="policy_id", help="政策 id（小写英文、数字和连字符，如 ten-standards-2018）；默认由文件名生成")
    importer.add_argument("-o", "--output", type=Path, help="写入此 YAML 文件（默认输出到标准输出）")
    importer.add_argument("--simplified", action="store_true", help="用 OpenCC 把繁体字转为简体")
    return parser


def _report(problems, root: Path) -> None:
    for problem in problems:
        print(problem.format(root), file=sys.stderr)


def _load(course_dir: Path):
    result = load_course(course_dir)
    root = course_dir.resolve()
    _report(result.problems, root)
    found = errors(result.problems)
    warnings = len(result.problems) - len(found)
    if found:
        print(f"发现 {len(found)} 个错误" + (f"、{warnings} 个警告" if warnings else "") + "，请修改后重试。", file=sys.stderr)
        return None
    return result


def cmd_validate(args: argparse.Namespace) -> int:
    result = _load(args.course)
    if result is None:
        return 1
    course = result.course
    warnings = sum(1 for p in result.problems if p.severity is Severity.WARNING)
    anchors = sum(len(p.anchors) for p in course.policies.values())
    print(f"检查通过：{len(course.policies)} 份政策（{anchors} 个条款）、{len(course.cases)} 个案例、"
          f"{len(course.lessons)} 节警示教育课、{len(course.quizzes)} 套自测" + (f"；{warnings} 个警告" if warnings else "") + "。")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from . import publish
    from .site import generate

    result = _load(args.course)
    if result is None:
        print("网站未生成，原有网站保持不变。", file=sys.stderr)
        return 1
    config_file = args.config.resolve()
    if not config_file.is_file():
        print(f"{args.config}: 找不到 MkDocs 配置文件，请在项目根目录运行，或用 --config 指定。", file=sys.stderr)
        return 1
    from .mkdocs_engine import build_site, docs_dir_of

    home = "index.md" if (docs_dir_of(config_file) / "index.md").is_file() else None
    site = generate(result.course, home=home)
    if args.markdown_out:
        publish.write_markdown(site.pages, {a.path: a.content for a in site.assets},
                               yaml.safe_dump(site.nav, allow_unicode=True, sort_keys=False), args.markdown_out)
    site_dir = args.site.resolve()
    staging = publish.staging_dir(site_dir)
    problems = build_site(config_file, site, staging)
    if problems:
        publish.discard(staging)
        for message in problems:
            print(message, file=sys.stderr)
        print("网站生成失败，原有网站保持不变。", file=sys.stderr)
        return 1
    publish.swap_into_place(staging, site_dir)
    print(f"网站已生成：{site_dir}（{len(site.pages)} 个生成页面）。双击其中的 index.html 即可离线浏览。")
    return 0


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        print(f"已写入 {output}", file=sys.stderr)


def _quiz_ids(course, wanted: list[str]) -> list[str] | None:
    missing = [q for q in wanted if q not in course.quizzes]
    if missing:
        known = "、".join(sorted(course.quizzes)) or "（课程中没有自测）"
        print(f"找不到自测“{'、'.join(missing)}”。可用的自测：{known}", file=sys.stderr)
        return None
    return wanted


def cmd_paper(args: argparse.Namespace) -> int:
    from .paper import paper_html

    result = _load(args.course)
    if result is None or _quiz_ids(result.course, [args.quiz]) is None:
        return 1
    total = len(result.course.quizzes[args.quiz].item.questions)
    if args.count is not None and not 1 <= args.count <= total:
        print(f"--count 应在 1 到 {total} 之间（这套自测共 {total} 题）", file=sys.stderr)
        return 1
    _write(paper_html(result.course, args.quiz, count=args.count, seed=args.seed, with_key=not args.no_key), args.output)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .citations import CitationRef
    from .exports import export

    result = _load(args.course)
    if result is None:
        return 1
    course = result.course
    if args.all == bool(args.quiz):
        print("请指定一套自测的 id，或用 --all 导出全部自测（二者选一）", file=sys.stderr)
        return 1
    ids = sorted(course.quizzes) if args.all else _quiz_ids(course, [args.quiz])
    if ids is None:
        return 1

    def cite(text: str) -> str:
        ref = CitationRef.parse(text)
        entry = course.policies[ref.policy_id]
        return entry.anchors[ref.anchor].citation if ref.anchor else f"《{entry.item.title}》"

    _write(export([course.quizzes[i].item for i in ids], args.format, cite), args.output)
    return 0


def cmd_bundle(args: argparse.Namespace) -> int:
    from .bundle import make_bundle

    if not (args.site / "index.html").is_file():
        print(f"{args.site}: 没有找到已生成的网站（缺少 index.html），请先运行 qinglian build", file=sys.stderr)
        return 1
    count = make_bundle(args.site, args.output)
    print(f"已打包 {count} 个文件：{args.output}（解压后打开 qinglian/index.html）")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    if _load(args.course) is None:
        return 1
    from .mkdocs_engine import serve

    serve(args.config.resolve(), args.course.resolve(), args.dev_addr)
    return 0


def _import_report(result, unit: str) -> None:
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
        print(f"提示：{notice}", file=sys.stderr)


def cmd_import(args: argparse.Namespace) -> int:
    import re
    from datetime import date

    from .importer import ImportFailure, ImportOptions, import_file
    from .model import SLUG_PATTERN

    if args.policy_id is not None and not re.fullmatch(SLUG_PATTERN, args.policy_id):
        print(f"qinglian：--id“{args.policy_id}”无效：只能用小写英文字母、数字和连字符（如 ten-standards-2018）。", file=sys.stderr)
        return 2
    options = ImportOptions(policy_id=args.policy_id, simplified=args.simplified, fallback_year=date.today().year)
    try:
        result = import_file(args.file, options)
    except ImportFailure as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    _import_report(result, "行" if result.source.kind == "txt" else "段")
    if args.output:
        try:
            args.output.parent.mkdir(parents=True, exist_ok=True)
            args.output.write_text(result.yaml_text, encoding="utf-8")
        except OSError as exc:
            print(f"{args.output}: 无法写入：{exc.strerror or exc}", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(result.yaml_text)
    if result.problems:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print("导入结果未通过检查（这是导入程序的缺陷，请反馈）；YAML 已输出，请按上面的提示修改。", file=sys.stderr)
        return 1
    nodes = result.nodes()
    responsible = sum(1 for node in nodes if node.responsible)
    deadlines = sum(1 for node in nodes if node.deadline)
    where = f"，已写入 {args.output}" if args.output else ""
    print(f"导入完成：{result.provision_count} 个条款（{responsible} 个写明责任单位，{deadlines} 个写明时限），"
          f"{len(result.guesses)} 处需要核对{where}。", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    handler = {"validate": cmd_validate, "build": cmd_build, "serve": cmd_serve, "paper": cmd_paper,
               "export": cmd_export, "import": cmd_import, "bundle": cmd_bundle}[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
