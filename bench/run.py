"""Benchmark: generation, build, MkDocs-only build, memory, page size, search data, search latency.

    python3 bench/run.py --sizes 100 1000 [--work DIR]

Each size N is a generated course of N policies and N cases (bench/corpus.py). Prints one table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402 (after the path is set)


def run(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of a child process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024


GENERATE = """
import sys, time
from pathlib import Path
from generator.content.loader import load_course
from generator.pages.site import generate
start = time.perf_counter()
result = load_course(Path(sys.argv[1]))
assert result.ok, result.problems[:5]
site = generate(result.course)
print(time.perf_counter() - start)
"""


def generation_seconds(course: Path) -> float:
    out = subprocess.run(
        [sys.executable, "-c", GENERATE, str(course)], cwd=REPO, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def mkdocs_only(markdown: Path, work: Path) -> tuple[float, float]:
    """The same Markdown built by MkDocs + Material alone (search and offline, no qinglian plugin)."""
    docs = work / "plain-docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(markdown, docs)
    nav = yaml.safe_load((docs / "nav.yml").read_text(encoding="utf-8"))
    (docs / "nav.yml").unlink()
    base = (REPO / "generator" / "engines" / "mkdocs-base.yml").read_text(encoding="utf-8")
    config = yaml.safe_load(base.replace("!ENV [QINGLIAN_COURSE, course]", "course"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "qinglian" in p)]
    config.update(
        {
            "docs_dir": str(docs),
            "site_dir": str(work / "plain-site"),
            "nav": nav,
            "extra_css": ["assets/qinglian/qinglian.css"],
            "extra_javascript": ["assets/qinglian/qinglian.js"],
        }
    )
    config.pop("validation", None)
    (work / "plain.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "plain.yml")], REPO)


def site_figures(site: Path) -> dict:
    pages = [p for p in site.rglob("*.html")]
    html_bytes = sum(p.stat().st_size for p in pages)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["qinglian"]
    text_bytes = sum(len((row[2] + row[3]).encode("utf-8")) for row in index["sections"])
    search_bytes = (site / "search" / "search_index.js").stat().st_size
    return {
        "pages": len(pages),
        "bytes_per_page": html_bytes / len(pages),
        "max_page": max(p.stat().st_size for p in pages),
        "text_bytes": text_bytes,
        "search_bytes": search_bytes,
    }


def first_result_seconds(site: Path, query: str = "清廉") -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        page.goto((site / "index.html").as_uri())
        box = page.locator("input.md-search__input")
        box.click()
        page.wait_for_function(
            "() => (document.querySelector('.md-search-result__meta') || {}).textContent === '键入以开始搜索'",
            timeout=120000,
        )
        page.evaluate("""() => { window.__firstResult = null; new MutationObserver(() => {
            if (window.__firstResult === null && document.querySelector('.md-search-result__item'))
                window.__firstResult = performance.now(); }).observe(document.body, {childList: true, subtree: true}); }""")
        box.fill(query)
        start = page.evaluate("performance.now()")
        box.press("End")  # Material queries on keyup: this is the last keystroke
        page.wait_for_function("() => window.__firstResult !== null", timeout=120000)
        elapsed = (page.evaluate("window.__firstResult") - start) / 1000
        browser.close()
    return elapsed


def bench(size: int, work: Path) -> dict:
    course = write_corpus(work / f"course-{size}", size, size)
    generation = generation_seconds(course)
    site, markdown = work / f"site-{size}", work / f"md-{size}"
    shutil.rmtree(markdown, ignore_errors=True)
    build, memory = run(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "build",
            "--course",
            str(course),
            "--site",
            str(site),
            "--markdown-out",
            str(markdown),
        ],
        REPO,
    )
    plain, plain_memory = mkdocs_only(markdown, work)
    figures = site_figures(site)
    return {
        "size": size,
        "generation": generation,
        "build": build,
        "mkdocs": plain,
        "memory": memory,
        "plain_memory": plain_memory,
        **figures,
        "first_result": first_result_seconds(site),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="qinglian-bench-"))
    rows = [bench(size, work) for size in args.sizes]
    print(
        "| 政策+案例 | 页面数 | 生成 Markdown 秒 | 完整构建秒 | 仅 MkDocs 秒 | 生成占比 | 构建/仅MkDocs | 峰值内存 MB | 平均页面 KB | 最大页面 KB | 搜索数据/文本 | 首个搜索结果秒 |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(
            f"| {r['size']}+{r['size']} | {r['pages']} | {r['generation']:.1f} | {r['build']:.1f} | {r['mkdocs']:.1f} | "
            f"{r['generation'] / r['build']:.0%} | {r['build'] / r['mkdocs']:.2f} | {r['memory']:.0f} | "
            f"{r['bytes_per_page'] / 1024:.1f} | {r['max_page'] / 1024:.1f} | "
            f"{r['search_bytes'] / 1e6:.1f} MB / {r['text_bytes'] / 1e6:.1f} MB = {r['search_bytes'] / r['text_bytes']:.2f} | "
            f"{r['first_result']:.2f} |"
        )


if __name__ == "__main__":
    main()
