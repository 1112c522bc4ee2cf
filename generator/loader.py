"""Load a course folder: read every YAML file, validate each, derive outlines, run cross-file checks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import checks
from .anonymity import check_anonymity
from .quizcheck import check_quizzes
from .course import Course, Entry, PolicyEntry
from .model import KINDS, CourseSettings
from .outline import build_outline
from .problems import Problem, errors, sort_problems
from .validation import validate_document
from .yamlsource import read_yaml

OPTIONAL_KINDS = ("cases", "lessons", "quizzes")


@dataclass
class LoadResult:
    course: Course | None
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return self.course is not None and not errors(self.problems)


def yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".yml", ".yaml") and not p.name.startswith("."))


def load_course(root: Path) -> LoadResult:
    root = root.resolve()
    problems: list[Problem] = []
    if not root.is_dir():
        return LoadResult(None, [Problem(root, 1, 1, "课程文件夹不存在")])
    settings_path = root / "course.yml"
    if not settings_path.is_file() and (root / "course.yaml").is_file():
        settings_path = root / "course.yaml"
    settings = None
    settings_doc = None
    if settings_path.is_file():
        settings_doc, found = read_yaml(settings_path)
        problems += found
        if not found:
            settings, found = validate_document(settings_doc, CourseSettings)
            problems += found
    else:
        problems.append(Problem(settings_path, 1, 1, "缺少 course.yml：课程文件夹必须包含站点设置文件 course.yml"))
    if not (root / "policies").is_dir():
        problems.append(Problem(root / "policies", 1, 1, "缺少 policies/ 文件夹：课程至少需要一份政策文件"))

    loaded: dict[str, list[Entry]] = {}
    for kind, model in KINDS.items():
        loaded[kind] = []
        for path in yaml_files(root / kind):
            doc, found = read_yaml(path)
            problems += found
            if found:
                continue
            item, found = validate_document(doc, model)
            problems += found
            if item is not None:
                loaded[kind].append(Entry(item, doc))
    if (root / "policies").is_dir() and not yaml_files(root / "policies"):
        problems.append(Problem(root / "policies", 1, 1, "policies/ 文件夹中没有 .yml 政策文件"))

    if settings is None or settings_doc is None:
        return LoadResult(None, sort_problems(problems))

    course = Course(root=root, settings=settings, settings_doc=settings_doc)
    for entry in loaded["policies"]:
        roots, anchors, found = build_outline(entry.item, entry.doc)
        problems += found
        policy_entry = PolicyEntry(entry.item, entry.doc, roots, anchors)
        problems += checks.register(course.policies, policy_entry, "政策")
    for kind in OPTIONAL_KINDS:
        for entry in loaded[kind]:
            problems += checks.register(getattr(course, kind), entry, checks.KIND_NAMES[kind])
    problems += checks.check_references(course)
    problems += check_anonymity(course)
    problems += check_quizzes(course)
    return LoadResult(course, sort_problems(problems))
