"""A deterministic course of generated policies and cases, for benchmarks.

    python3 bench/corpus.py OUT_DIR --policies 1000 --cases 1000 [--seed 1]

Sentences are recombined from the phrases of real county policy documents (the shipped
course), so word lengths, punctuation and numbering look like the real thing.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
NUMERALS = "一二三四五六七八九十"
UNITS = [
    "县教育局党组",
    "县教育局机关党委",
    "各学校党组织",
    "教师股",
    "教育股",
    "督导办",
    "计财股",
    "机关纪委",
    "各学校",
]
CATEGORIES = ["有偿补课", "收受礼品礼金", "体罚学生", "校外培训机构兼职", "招生考试", "经费使用"]
STAGES = ["小学", "初中", "高中", "中职", "幼儿园"]
PENALTIES = [
    "党内警告",
    "党内严重警告",
    "政务警告",
    "政务记过",
    "诫勉谈话",
    "取消评优评先资格",
    "调离教学岗位",
    "退还违规所得",
]


def phrases() -> list[str]:
    """Clauses of the shipped policies, split at Chinese punctuation."""
    found: list[str] = []
    for path in sorted((REPO / "course" / "policies").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        for clause in re.split(r"[，。；：、\n]", text):
            clause = re.sub(r"[^\u4e00-\u9fff“”《》]", "", clause)
            if 4 <= len(clause) <= 30:
                found.append(clause)
    return sorted(set(found))


def sentence(rng: random.Random, pool: list[str]) -> str:
    parts = rng.sample(pool, rng.randint(2, 5))
    return "，".join(parts) + "。"


def paragraph(rng: random.Random, pool: list[str], chars: int) -> str:
    out = ""
    while len(out) < chars:
        out += sentence(rng, pool)
    return out


def policy(rng: random.Random, pool: list[str], index: int) -> dict:
    provisions = []
    item = 0
    for section in range(rng.randint(3, 5)):
        children = []
        for _ in range(rng.randint(2, 4)):
            item += 1
            children.append(
                {
                    "number": str(item),
                    "title": rng.choice(pool)[:12],
                    "text": paragraph(rng, pool, rng.randint(170, 290)),
                    "responsible": rng.sample(UNITS, rng.randint(1, 3)),
                }
            )
        provisions.append({"number": NUMERALS[section], "title": rng.choice(pool)[:10], "provisions": children})
    year = 2015 + index % 10
    return {
        "id": f"policy-{index:05d}",
        "title": f"某县关于{rng.choice(pool)[:16]}的实施意见（第{index}号）",
        "doc_number": f"某教发〔{year}〕{index % 97 + 1}号",
        "issuers": ["某县教育局"],
        "issued": f"{year}-{index % 12 + 1:02d}-{index % 28 + 1:02d}",
        "level": "county",
        "summary": sentence(rng, pool),
        "preamble": paragraph(rng, pool, 150),
        "provisions": provisions,
    }


def case(rng: random.Random, pool: list[str], index: int, policy_count: int) -> dict:
    cited = f"policy-{rng.randrange(policy_count):05d}#1.1"
    return {
        "id": f"case-{index:05d}",
        "title": f"某县某校教师{rng.choice('张王李赵刘陈杨黄')}某{rng.choice(CATEGORIES)}问题（{index}）",
        "date": f"{2018 + index % 7}-{index % 12 + 1:02d}",
        "stage": rng.choice(STAGES),
        "categories": [rng.choice(CATEGORIES)],
        "fictional": True,
        "facts": paragraph(rng, pool, 300),
        "violations": [cited],
        "handling": paragraph(rng, pool, 120),
        "penalties": rng.sample(PENALTIES, 2),
        "analysis": paragraph(rng, pool, 300),
    }


def write_corpus(out: Path, policies: int, cases: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    pool = phrases()
    (out / "policies").mkdir(parents=True, exist_ok=True)
    (out / "cases").mkdir(parents=True, exist_ok=True)
    (out / "course.yml").write_text("title: 基准测试课程\norganization: 某县教育局\n", encoding="utf-8")
    for i in range(policies):
        text = yaml.safe_dump(policy(rng, pool, i), allow_unicode=True, sort_keys=False)
        (out / "policies" / f"policy-{i:05d}.yml").write_text(text, encoding="utf-8")
    for i in range(cases):
        text = yaml.safe_dump(case(rng, pool, i, policies), allow_unicode=True, sort_keys=False)
        (out / "cases" / f"case-{i:05d}.yml").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--policies", type=int, default=100)
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_corpus(args.out, args.policies, args.cases, args.seed)


if __name__ == "__main__":
    main()
