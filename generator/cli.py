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
    serve = add("serve", "本地预览，修改 YAML 后自动重新生成")
    serve.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs 配置文件（默认 mkdocs.yml）")
    serve.add_argument("--dev-addr", help="预览地址，如 127.0.0.1:8000")
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


def cmd_serve(args: argparse.Namespace) -> int:
    if _load(args.course) is None:
        return 1
    from .mkdocs_engine import serve

    serve(args.config.resolve(), args.course.resolve(), args.dev_addr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    handler = {"validate": cmd_validate, "build": cmd_build, "serve": cmd_serve}[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
