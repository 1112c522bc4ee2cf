"""The importer from paragraphs to policy YAML: clean → drop junk → locate parts → metadata → tree → YAML.

Pure: it takes a read Source and options and returns the YAML with a report; printing and
exit codes belong to the CLI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from slugify import slugify

from generator.content import yamlsource
from generator.content.model import SLUG_PATTERN, Policy
from generator.content.numerals import auto_anchor
from generator.content.outline import build_outline
from generator.content.validation import validate_document
from generator.content.yamlsource import parse_yaml
from generator.importer import cleanup, junk, layout, metadata, structure
from generator.importer.chars import traditional_count
from generator.importer.emit import Draft, comment_text, data, emit
from generator.importer.lines import Dropped, Line
from generator.importer.readers import MAX_PARAGRAPHS, ImportFailure, Source, read_source
from generator.problems import Problem

HEADER = "由 qinglian import 从“{name}”导入。\n标有“请核对”的注释是导入程序的推测：请对照原文核对，改好后删去该注释。"
NOT_A_POLICY = (
    "警告：这份文件不像政策文件——找不到发文机关和发文日期，也没有条款编号"
    "（可能是网页评论、新闻或解读文章）。仍已按段落导入，请确认确实要把它作为政策收录。"
)
# How metadata.extract says it had no date of the document's own (a web page's publishing time is not one).
_UNDATED = ("取自网页的发布时间", "只知道标题中的年份", "只知道标题前的年份", "原文没有日期")


@dataclass(frozen=True)
class ImportOptions:
    policy_id: str | None = None
    simplified: bool = False
    fallback_year: int = 2024  # the CLI passes the current year: used only when the text has no date at all


@dataclass
class ImportResult:
    yaml_text: str
    draft: Draft
    source: Source
    dropped: list[Dropped] = field(default_factory=list)
    guesses: list[str] = field(default_factory=list)  # what carries a "# 请核对" comment, for the report
    notices: list[str] = field(default_factory=list)  # what the importer changed or noticed
    problems: list[Problem] = field(default_factory=list)  # the YAML's own check; empty unless the importer has a bug

    @property
    def provision_count(self) -> int:
        return structure.count(self.draft.provisions)

    def nodes(self) -> list[structure.Node]:
        return list(structure.walk(self.draft.provisions))


def derive_id(file_name: str, issued: str) -> str:
    base = slugify(Path(file_name).stem, max_length=40, word_boundary=True)
    if not re.fullmatch(SLUG_PATTERN, base or ""):
        base = "policy"
    year = issued[:4]
    return base if year in base else f"{base}-{year}"


def _notices(
    source: Source, repairs: cleanup.Repairs, meta: metadata.Metadata, lines: list[Line], simplified: bool
) -> list[str]:
    notes = []
    if source.encoding and source.encoding != "UTF-8":
        notes.append(f"文件编码为 {source.encoding}，已按此读取")
    if repairs.punctuation:
        notes.append(f"已把中文语境中的 {repairs.punctuation} 个半角标点（, : ; ( ) 等）改为全角")
    if repairs.pinyin:
        notes.append(f"已删去 {repairs.pinyin} 处夹注的拼音，如“關(guān)”中的“(guān)”")
    if repairs.quotes:
        notes.append(f"已把 {repairs.quotes} 个“〝〞”改为中文引号")
    if repairs.lost_marks:
        notes.append(f"已删去 {repairs.lost_marks} 处成串的问号“??”（编码转换丢失的字符，多为空格）")
    if repairs.split_lines:
        notes.append(f"原文把多段挤在一行，已按连续空格拆成 {repairs.split_lines} 段")
    if repairs.joined:
        where = "、".join(str(n) for n in repairs.joined[:12])
        notes.append(f"第 {where} 行像是被断开的句子，已接回上一段")
    if repairs.simplified:
        notes.append(f"已用 OpenCC 把 {repairs.simplified} 个繁体字转为简体")
    elif not simplified and traditional_count("".join(line.text for line in lines)) >= 20:
        notes.append("原文是繁体字，已按原样保留；如需转为简体，请加 --simplified")
    if meta.addressees:
        notes.append(f"主送机关：{'、'.join(meta.addressees)}（已放入 preamble，不作为条款）")
    return notes


def looks_like_policy(meta: metadata.Metadata, numbered: bool) -> bool:
    """A policy has at least one of: numbered provisions, a 文号, an issuer, a date of its own."""
    if numbered or meta.doc_number:
        return True
    issuer_note = meta.notes.get("issuers", "")
    no_issuer = meta.issuers == [metadata.PLACEHOLDER] or "来源/发布者" in issuer_note
    no_date = meta.notes.get("issued", "").startswith(_UNDATED)
    return not (no_issuer and no_date)


def _guesses(meta: metadata.Metadata, draft: Draft, tree: structure.Tree) -> list[str]:
    guesses = [f"{key}：{note}" for key, note in meta.notes.items()]
    if draft.id_note:
        guesses.append(f"id：{draft.id_note}")

    def walk(nodes: list[structure.Node], path: list[int]) -> None:
        for position, node in enumerate(nodes, start=1):
            here = path + [node.value or position]
            label = node.anchor or auto_anchor(here)
            guesses.extend(f"条款 {label}：{note}" for note in node.notes)
            walk(node.children, here)

    walk(draft.provisions, [])
    return guesses + tree.notes


def _first_difference(read: Any, meant: Any, path: str = "") -> str | None:
    if isinstance(meant, dict) and isinstance(read, dict):
        for key in list(meant) + [k for k in read if k not in meant]:
            if key not in read or key not in meant:
                return f"{path}{key}"
            found = _first_difference(read[key], meant[key], f"{path}{key}.")
            if found:
                return found
        return None
    if isinstance(meant, list) and isinstance(read, list) and len(meant) == len(read):
        for index, (a, b) in enumerate(zip(read, meant, strict=False)):
            found = _first_difference(a, b, f"{path}{index}.")
            if found:
                return found
        return None
    return None if read == meant and type(read) is type(meant) else path.rstrip(".") or "（整个文件）"


MISMATCH = "读回的 YAML 与导入的内容不一致"


def _node_count(value: Any) -> int:
    """Values and keys, as the YAML reader counts them against its limit."""
    if isinstance(value, dict):
        return 1 + sum(1 + _node_count(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(_node_count(v) for v in value)
    return 1


def _check_size(yaml_text: str, meant: dict[str, Any], provisions: int) -> None:
    """A policy file larger than ``qinglian validate`` accepts is refused here, in words the author can act on."""
    too_big = len(yaml_text.encode("utf-8")) > yamlsource.MAX_BYTES or _node_count(meant) > yamlsource.MAX_NODES
    if too_big:
        raise ImportFailure(
            f"导入结果太大（{provisions} 个条款），超过单个政策文件的上限：请把原文拆成几个文件分别导入"
        )


def self_check(yaml_text: str, name: str, meant: dict[str, Any] | None = None) -> list[Problem]:
    """The emitted YAML read back the way ``qinglian validate`` reads a policy file.

    With ``meant``, the values read back must also be exactly the ones the importer wrote: a file
    name or a text that smuggled a line break or a key into the YAML is caught here, not published.
    """
    doc, problems = parse_yaml(yaml_text, Path(name))
    if not problems and meant is not None:
        where = _first_difference(doc.data, meant)
        if where is not None:
            return [Problem.in_file(Path(name), f"{MISMATCH}（{where}），导入结果不可用")]
    if not problems:
        policy, problems = validate_document(doc, Policy)
        if policy is not None:
            problems += build_outline(policy, doc)[2]
    return problems


def import_source(source: Source, options: ImportOptions) -> ImportResult:
    lines, repairs = cleanup.normalise(source.lines, options.simplified)
    if not lines:
        raise ImportFailure("文件中没有文字内容")
    if len(lines) > MAX_PARAGRAPHS:  # a flattened line may split into many paragraphs: the reader's cap again
        raise ImportFailure(
            f"段落太多（{len(lines)} 段，超过 {MAX_PARAGRAPHS // 10000} 万段的上限）："
            "这不像一份政策文件，请只导入文件本身"
        )
    filtered = junk.filter_lines(lines)
    kept = cleanup.join_broken(filtered.kept, repairs)
    parts = layout.locate(kept)
    tree = structure.build(parts.body)
    preamble_lines = parts.notice + parts.preamble
    provisions = tree.roots
    numbered = bool(provisions)
    if not provisions:
        # No numbering at all: keep every paragraph, as unnumbered provisions, rather than lose the text.
        paragraphs = parts.preamble + tree.leading
        opening = paragraphs[:1] if paragraphs and metadata.addressees(paragraphs[:1]) else []
        provisions = structure.paragraphs_as_provisions(paragraphs[len(opening) :])
        preamble_lines = parts.notice + opening
        structure.assign_anchors(provisions)
        tree.notes.append("原文没有可识别的编号，每段作为一个无编号条款，请按原文补上层级")
    else:
        preamble_lines = preamble_lines + tree.leading
    if not provisions:
        raise ImportFailure("没有找到正文：去掉网页杂项后只剩标题，请检查文件内容")
    meta = metadata.extract(parts, filtered.meta, source.name, options.fallback_year)
    policy_id = options.policy_id or derive_id(source.name, meta.issued)
    warnings = [] if looks_like_policy(meta, numbered) else [NOT_A_POLICY]
    draft = Draft(
        policy_id=policy_id,
        meta=meta,
        preamble="\n\n".join(line.text for line in preamble_lines) or None,
        provisions=provisions,
        header="\n".join([HEADER.format(name=comment_text(source.name))] + warnings),
        id_note=None if options.policy_id else "id 由文件名生成，可改为有意义的英文短名（或导入时用 --id 指定）",
    )
    yaml_text = emit(draft)
    _check_size(yaml_text, data(draft), structure.count(provisions))
    dropped = sorted(filtered.dropped + parts.dropped, key=lambda d: d.line.no)
    result = ImportResult(
        yaml_text=yaml_text,
        draft=draft,
        source=source,
        dropped=dropped,
        guesses=_guesses(meta, draft, tree),
        notices=warnings + _notices(source, repairs, meta, kept, options.simplified),
        problems=self_check(yaml_text, f"{policy_id}.yml", data(draft)),
    )
    if any(problem.message.startswith(MISMATCH) for problem in result.problems):
        # Never hand out YAML whose values are not the ones meant: it could carry keys nobody wrote.
        raise ImportFailure(f"{result.problems[0].message}，为安全起见没有输出（这是导入程序的缺陷，请反馈）")
    return result


def import_file(path: Path, options: ImportOptions) -> ImportResult:
    return import_source(read_source(path), options)
