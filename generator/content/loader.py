"""Load a course folder: read every YAML file, validate each, derive outlines, run cross-file checks."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from generator.content import checks
from generator.content.anonymity import check_anonymity
from generator.content.course import Course, Entry, PolicyEntry
from generator.content.fieldchecks import check_fields
from generator.content.model import KINDS, Case, CourseSettings, Lesson, Policy, Quiz
from generator.content.outline import build_outline
from generator.content.units import unit_map_problems
from generator.content.validation import Checked, check_document
from generator.content.yamlsource import KeyPath, YamlDocument, os_error_message, read_yaml
from generator.problems import Problem, errors, problem_at, sort_problems

OPTIONAL_KINDS = ("cases", "lessons", "quizzes")


@dataclass
class LoadResult:
    course: Course | None
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return self.course is not None and not errors(self.problems)


MAX_FILES = 5000  # per folder; a county's whole policy library is a few hundred
_YAML_SUFFIXES = (".yml", ".yaml")
_ID_LINE = re.compile(r"""^id:[ \t]*(["']?)([^"'#\s]+)\1[ \t]*(?:#.*)?$""", re.MULTILINE)


def yaml_files(folder: Path) -> list[Path]:
    return _scan(folder)[0]


def _scan(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The YAML files of a folder (any case of .yml/.yaml), and a problem for every entry that
    looks like content but cannot be read: a dangling link, a FIFO, a device, a folder."""
    if not folder.is_dir():
        if folder.exists() or folder.is_symlink():
            return [], [Problem(folder, 1, 1, f"“{folder.name}”应为文件夹，而不是文件（或指向不存在位置的链接）")]
        return [], []
    found: list[Path] = []
    problems: list[Problem] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        return [], [Problem(folder, 1, 1, f"无法读取文件夹：{os_error_message(exc)}")]
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        is_yaml = path.suffix.lower() in _YAML_SUFFIXES
        try:
            info = os.stat(path)  # follows links; never opens (a FIFO would block)
        except OSError as exc:
            if entry.is_symlink():
                problems.append(Problem(path, 1, 1, "符号链接指向不存在的文件，已跳过：请修复或删除这个链接"))
            elif is_yaml:
                problems.append(Problem(path, 1, 1, f"无法读取文件：{os_error_message(exc)}"))
            continue
        if stat.S_ISREG(info.st_mode):
            if is_yaml:
                found.append(path)
        elif not stat.S_ISDIR(info.st_mode):
            problems.append(Problem(path, 1, 1, "不是普通文件（可能是管道、设备或套接字），无法读取，请删除它"))
        elif is_yaml:
            problems.append(Problem(path, 1, 1, "这是一个文件夹，不是 YAML 文件：请改名或移走"))
    if len(found) > MAX_FILES:
        problems.append(
            Problem(
                folder,
                1,
                1,
                f"文件夹中的 YAML 文件过多（{len(found)} 个，最多 {MAX_FILES} 个），只读取了前 {MAX_FILES} 个",
            )
        )
        found = found[:MAX_FILES]
    return found, problems


def _settings_file(root: Path) -> tuple[Path, list[Problem]]:
    """course.yml, or course.yaml in any case of the name; more than one of them is an error."""
    try:
        candidates = sorted(p for p in root.iterdir() if p.name.lower() in ("course.yml", "course.yaml"))
    except OSError as exc:
        return root / "course.yml", [Problem(root, 1, 1, f"无法读取课程文件夹：{os_error_message(exc)}")]
    if not candidates:
        return root / "course.yml", []
    chosen = next((p for p in candidates if p.name == "course.yml"), candidates[0])
    if len(candidates) == 1:
        return chosen, []
    names = "、".join(p.name for p in candidates)
    others = [p for p in candidates if p != chosen]
    return chosen, [
        Problem(p, 1, 1, f"课程文件夹中同时有 {names}：只能保留一个站点设置文件，请合并后删除 {p.name}") for p in others
    ]


def _written_id(doc: YamlDocument) -> str | None:
    """The id a broken document was meant to have: from its data, or from an `id:` line."""
    if isinstance(doc.data, dict):
        value = doc.data.get("id")
        return value.strip() if isinstance(value, str) else doc.raw.get(("id",))
    match = _ID_LINE.search("\n".join(doc.lines))
    return match.group(2) if match else None


def load_course(root: Path) -> LoadResult:
    root = root.resolve()
    problems: list[Problem] = []
    if not root.is_dir():
        return LoadResult(None, [Problem(root, 1, 1, "课程文件夹不存在")])
    settings_path, found = _settings_file(root)
    problems += found
    settings = None
    readable_settings = None
    settings_doc = YamlDocument(path=settings_path, data=None)
    if settings_path.exists() or settings_path.is_symlink():
        settings_doc, found = read_yaml(settings_path)
        problems += found
        if settings_doc.data is not None:
            checked = check_document(settings_doc, CourseSettings)
            if not found:  # a file with YAML mistakes is checked against the model once they are fixed
                problems += checked.problems
                settings = checked.item
            readable_settings = checked.item or checked.salvaged
    else:
        problems.append(Problem(settings_path, 1, 1, "缺少 course.yml：课程文件夹必须包含站点设置文件 course.yml"))
    if not (root / "policies").exists() and not (root / "policies").is_symlink():
        problems.append(Problem(root / "policies", 1, 1, "缺少 policies/ 文件夹：课程至少需要一份政策文件"))

    # A course.yml that could not be read still lets every other file be checked against the rest.
    fallback = readable_settings or CourseSettings.model_construct(title="", organization="")
    course = Course(root=root, settings=settings or fallback, settings_doc=settings_doc)
    owners: dict[str, dict[str, YamlDocument]] = {kind: {} for kind in KINDS}
    for kind, model in KINDS.items():
        paths, found = _scan(root / kind)
        problems += found
        if kind == "policies" and (root / "policies").is_dir() and not paths and not found:
            problems.append(Problem(root / "policies", 1, 1, "policies/ 文件夹中没有 .yml 政策文件"))
        for path in paths:
            doc, found = read_yaml(path)
            problems += found
            if doc.data is None:
                _broken(course, kind, _written_id(doc), None)
                continue
            checked = check_document(doc, model)
            if found:  # YAML mistakes first: the model's view of a half-read file would only confuse
                checked = Checked(None, [], checked.item or checked.salvaged, checked.lost)
            problems += checked.problems
            if checked.item is not None:
                entry: Entry[Policy] | Entry[Case] | Entry[Lesson] | Entry[Quiz] = Entry(checked.item, doc)
                if kind == "policies":
                    roots, anchors, found = build_outline(checked.item, doc)
                    problems += found
                    entry = PolicyEntry(checked.item, doc, roots, anchors)
                problems += _register(owners[kind], checked.item.id, doc, kind)
                getattr(course, kind).setdefault(checked.item.id, entry)
                continue
            readable = checked.salvaged
            if readable is None or ("id",) in checked.lost:
                _broken(course, kind, _written_id(doc), None)
                continue
            partial = None
            if kind == "policies":
                partial, outline_problems = _partial_policy(readable, doc, checked.lost)
                problems += outline_problems if not found else []
            problems += _register(owners[kind], readable.id, doc, kind)
            _broken(course, kind, readable.id, partial)

    problems += checks.check_references(course)
    problems += check_anonymity(course)
    problems += unit_map_problems(course)
    problems += check_fields(course)
    return LoadResult(course if settings is not None else None, sort_problems(problems))


def _register(owners: dict[str, YamlDocument], item_id: str, doc: YamlDocument, kind: str) -> list[Problem]:
    first = owners.setdefault(item_id, doc)
    if first is doc:
        return []
    at = first.position(("id",))
    return [
        problem_at(
            doc,
            ("id",),
            f"{checks.KIND_NAMES[kind]}标识符“{item_id}”重复：{first.path.name}:{at.line} 已使用，同类内容的 id 必须唯一",
        )
    ]


def _broken(course: Course, kind: str, item_id: str | None, partial: PolicyEntry | None) -> None:
    if item_id and item_id not in getattr(course, kind):
        course.broken[kind].setdefault(item_id, partial)


# What a provision's anchor depends on: a lost one of these leaves the anchor list partial.
_ANCHOR_FIELDS = ("number", "anchor", "provisions")


def _partial_policy(policy: Policy, doc: YamlDocument, lost: list[KeyPath]) -> tuple[PolicyEntry, list[Problem]]:
    """The anchors of a policy that failed validation elsewhere (a bad date, a missing title)."""
    complete = not any(p and p[0] == "provisions" and (p[-1] in _ANCHOR_FIELDS or isinstance(p[-1], int)) for p in lost)
    roots, anchors, found = build_outline(policy, doc)
    # With every number and anchor read, duplicate anchors are real mistakes; otherwise guesses.
    return PolicyEntry(policy, doc, roots, anchors, complete=complete), found if complete else []
