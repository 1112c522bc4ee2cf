"""A policy's provision tree with anchors: explicit ``anchor`` wins, otherwise the numbers' path."""

from __future__ import annotations

from generator.content.course import ProvisionNode
from generator.content.model import Policy, Provision
from generator.content.numerals import anchor_value, auto_anchor, cite_number
from generator.content.yamlsource import KeyPath, YamlDocument
from generator.problems import Problem, problem_at


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def build_outline(
    policy: Policy, doc: YamlDocument
) -> tuple[tuple[ProvisionNode, ...], dict[str, ProvisionNode], list[Problem]]:
    anchors: dict[str, ProvisionNode] = {}
    owners: dict[str, KeyPath] = {}
    problems: list[Problem] = []

    def build(
        items: list[Provision], numbers: list[int], cited: tuple[str, ...], base: KeyPath, depth: int
    ) -> tuple[ProvisionNode, ...]:
        nodes = []
        for index, provision in enumerate(items):
            key_path = base + (index,)
            value = anchor_value(provision.number, index + 1)
            if value is None:
                value = index + 1  # the path goes on; an explicit anchor makes the unreadable number harmless
                if provision.anchor is None:
                    problems.append(
                        problem_at(
                            doc,
                            key_path + ("number",),
                            f"无法从编号“{_short(provision.number or '')}”推导锚点（应为 一、（一）、1.、（1）、① 或 第一条 等形式），请为此条款写明 anchor",
                        )
                    )
            path = numbers + [value]
            cite = cited + (cite_number(provision.number) if provision.number else "",)
            anchor = provision.anchor or auto_anchor(path)
            duplicate = anchor in owners
            if duplicate:
                first = doc.position(owners[anchor])
                problems.append(
                    problem_at(
                        doc,
                        key_path + ("anchor",) if provision.anchor else key_path,
                        f"条款锚点“{anchor}”重复（第 {first.line} 行的条款已使用）：请修正编号，或用 anchor 指定不同的锚点",
                    )
                )
            else:
                owners[anchor] = key_path  # reserve now so the page order stays parent-first
            children = build(list(provision.provisions), path, cite, key_path + ("provisions",), depth + 1)
            node = ProvisionNode(policy, provision, anchor, key_path, depth, cite, children)
            if not duplicate:
                anchors[anchor] = node
            nodes.append(node)
        return tuple(nodes)

    roots = build(list(policy.provisions), [], (), ("provisions",), 1)
    ordered = {anchor: anchors[anchor] for anchor in owners}
    return roots, ordered, problems
