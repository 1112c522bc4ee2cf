"""Put a freshly built site in place of the old one only once the build has fully succeeded."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def staging_dir(site_dir: Path) -> Path:
    """A new empty folder beside site_dir (same filesystem, so the swap is a rename)."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))


def swap_into_place(built: Path, site_dir: Path) -> None:
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    built.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(built: Path) -> None:
    shutil.rmtree(built, ignore_errors=True)


def write_markdown(pages: dict[str, str], assets: dict[str, bytes], nav_yaml: str, out_dir: Path) -> None:
    """The generated Markdown and assets as files, for diffing or for another engine."""
    for path, text in pages.items():
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for path, content in assets.items():
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    (out_dir / "nav.yml").write_text(nav_yaml, encoding="utf-8")
