"""``qinglian serve``: build, show the last good site, rebuild when the course changes, reload the browser.

Engine-neutral: each build goes through ``builder.build_into`` into a fresh folder, and our own small
HTTP server shows whichever build last succeeded. A content error is reported (located, in Chinese)
and the previous site stays on show; before any build has succeeded, the browser gets a Chinese page
listing the errors. Pages poll a version number and reload themselves after a successful rebuild.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jinja2

from generator.publish.build import BuildOutcome, build_into

VERSION_PATH = "/__qinglian__/version"
POLL_SECONDS = 0.4
_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("generator.publish", "templates"), autoescape=True, undefined=jinja2.StrictUndefined
)
# Appended after the document's end, where a browser still runs it (as if it stood at the end of the body).
_RELOAD = _TEMPLATES.get_template("reload.html.j2").render(version_path=VERSION_PATH).encode("utf-8")


def snapshot(folder: Path) -> dict[str, float]:
    """Modification times of every file under the course, to notice edits without extra packages."""
    found: dict[str, float] = {}
    for path in folder.rglob("*"):
        try:
            if path.is_file():
                found[str(path)] = path.stat().st_mtime_ns
        except OSError:
            continue
    return found


class Preview:
    """The server and the watcher; ``report`` receives every build's outcome (the CLI prints it)."""

    def __init__(
        self,
        course_dir: Path,
        host: str,
        port: int,
        report: Callable[[BuildOutcome, float], None],
        *,
        strict: bool = False,
    ) -> None:
        self.course_dir = course_dir
        self.report = report
        self.strict = strict
        self.workdir = Path(tempfile.mkdtemp(prefix="qinglian-serve-"))
        self.current: Path | None = None
        self.last: BuildOutcome | None = None
        self.version = 0
        self._count = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        preview = self

        class Handler(SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                root = preview.current or preview.workdir
                super().__init__(*args, directory=str(root), **kwargs)

            def log_message(self, format, *args):
                pass  # one line per request would drown the build reports

            def do_GET(self):
                if self.path.split("?")[0] == VERSION_PATH:
                    return self._send(str(preview.version).encode(), "text/plain; charset=utf-8")
                if preview.current is None:
                    return self._send(
                        preview.error_page().encode("utf-8"), "text/html; charset=utf-8", HTTPStatus.SERVICE_UNAVAILABLE
                    )
                path = Path(self.translate_path(self.path))
                if path.is_dir():
                    path = path / "index.html"
                if path.suffix == ".html" and path.is_file():
                    body = path.read_bytes() + _RELOAD
                    return self._send(body, "text/html; charset=utf-8")
                return super().do_GET()

            def _send(self, body: bytes, kind: str, status: HTTPStatus = HTTPStatus.OK):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        assert isinstance(host, str)  # an IP socket's address, never a Unix socket's bytes
        return f"http://{host}:{port}/"

    def error_page(self) -> str:
        last = self.last
        return _TEMPLATES.get_template("serve-error.html.j2").render(
            located=[p.format(self.course_dir) for p in last.problems] if last else [],
            general=[p.format(self.course_dir) for p in last.engine_errors] if last else [],
            version_path=VERSION_PATH,
        )

    def rebuild(self) -> BuildOutcome:
        with self._lock:
            self._count += 1
            target = self.workdir / f"build-{self._count}"
            target.mkdir()
            started = time.monotonic()
            outcome = build_into(self.course_dir, target, strict=self.strict)
            self.last = outcome
            if outcome.ok:
                previous, self.current = self.current, target
                if previous is not None:
                    shutil.rmtree(previous, ignore_errors=True)
            else:
                shutil.rmtree(target, ignore_errors=True)
            self.version += 1  # the error page reloads too, so a fix shows at once
            self.report(outcome, time.monotonic() - started)
            return outcome

    def watch(self) -> None:
        seen = snapshot(self.course_dir)
        while not self._stop.wait(POLL_SECONDS):
            now = snapshot(self.course_dir)
            if now != seen:
                time.sleep(POLL_SECONDS)  # let an editor finish saving
                seen = snapshot(self.course_dir)
                self.rebuild()

    def start(self) -> None:
        """Serve in the background and watch the course (returns at once; ``stop`` ends both)."""
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        threading.Thread(target=self.watch, daemon=True).start()

    def stop(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()
        shutil.rmtree(self.workdir, ignore_errors=True)
