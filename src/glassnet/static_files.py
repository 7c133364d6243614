"""The page and its files: which folder is served, from memory, compressed when asked.

Two folders hold the front end. ``static/`` has the readable modules, the source;
``dist/`` has what ``scripts/build.mjs`` made of them (minified, the page split into
an entry and parts loaded on first use, and one file for notebooks), which ships
inside the package. The server serves ``dist/`` at ``/static/``; ``glassnet --dev``
serves ``static/`` there instead, so editing the front end needs no build step.
The paths are the same in both: ``/static/page.js`` is the page's entry either way.

This module knows files and HTTP headers; nothing about sessions.
"""

from __future__ import annotations

import gzip
import hashlib
import posixpath
import re
from pathlib import Path, PurePosixPath

from starlette.responses import Response

STATIC = Path(__file__).parent / "static"
"""The readable front end: the source, served by ``glassnet --dev``."""

DIST = Path(__file__).parent / "dist"
"""The built front end (``scripts/build.mjs``), served by default."""

COMPRESS_AT_LEAST = 1000
"""Smaller files are sent as they are: gzip's header would eat what it saves."""


class StaticCache:
    """The page's files, served from memory, each compressed once with gzip.

    Read from disk, files would each wait on a read in a worker thread (about
    45 ms apiece in Chromium's measurements); from memory they take under a
    millisecond. A browser that accepts gzip gets the compressed copy, made when
    the file is first read. A file that changed on disk is read again, so editing
    the front end needs no restart.
    """

    TYPES = {
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".svg": "image/svg+xml",
        ".json": "application/json",
        ".map": "application/json",
    }

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.files: dict[str, tuple[float, Body]] = {}

    def response(
        self, path: str, if_none_match: str | None = None, accept_encoding: str | None = None
    ) -> Response:
        """The file at ``path`` under the root (404 outside it); 304 for a matching ETag."""
        not_found = Response("Not found", status_code=404, media_type="text/plain")
        try:  # a NUL byte or a name too long for the file system: not a file here either
            full = (self.root / path).resolve()
            if self.root not in full.parents or not full.is_file() or full.suffix not in self.TYPES:
                return not_found
            mtime = full.stat().st_mtime
        except (ValueError, OSError):
            return not_found
        key = str(full)  # one entry per file, however its path was spelled
        cached = self.files.get(key)
        if cached is None or cached[0] != mtime:
            cached = (mtime, Body(full.read_bytes()))
            self.files[key] = cached
        return cached[1].response(self.TYPES[full.suffix], if_none_match, accept_encoding)


class Body:
    """One file's bytes, their gzip copy, and an ETag for each (a hash of the content)."""

    def __init__(self, raw: bytes):
        self.raw = raw
        # The same ETag in every process (Python's hash() is not), and another for the gzip copy.
        self.etag = f'"{hashlib.sha1(raw).hexdigest()[:16]}-{len(raw)}"'
        self.gzipped = gzip.compress(raw, 9, mtime=0) if len(raw) >= COMPRESS_AT_LEAST else None
        self.gzip_etag = self.etag[:-1] + '-gz"'

    def response(
        self,
        media_type: str,
        if_none_match: str | None = None,
        accept_encoding: str | None = None,
        cache: str = "no-cache",
    ) -> Response:
        """The body as it should go to a browser that sent these headers."""
        compress = self.gzipped is not None and accepts_gzip(accept_encoding)
        etag = self.gzip_etag if compress else self.etag
        headers = {"ETag": etag, "Cache-Control": cache}
        if self.gzipped is not None:
            headers["Vary"] = "Accept-Encoding"  # caches must keep both copies apart
        if if_none_match == etag:
            return Response(status_code=304, headers=headers)
        if compress:
            headers["Content-Encoding"] = "gzip"
            return Response(self.gzipped, media_type=media_type, headers=headers)
        return Response(self.raw, media_type=media_type, headers=headers)


def accepts_gzip(accept_encoding: str | None) -> bool:
    """Whether an ``Accept-Encoding`` header allows gzip (``gzip;q=0`` refuses it)."""
    for part in (accept_encoding or "").lower().split(","):
        name, _, params = part.strip().partition(";")
        if name.strip() in ("gzip", "*"):
            q = params.strip().removeprefix("q=").strip() if "q=" in params else "1"
            try:
                return float(q) > 0
            except ValueError:
                return False
    return False


# `import {a} from "./x.js"`, `export * from "./x.js"` and `import "./x.js"`, readable or minified
# (where one statement follows another after a ";" on the same line).
STATIC_IMPORT = re.compile(
    r"""(?:^|;)\s*(?:import|export)\b[^;'"()]*?\bfrom\s*["'](\.{1,2}/[^"']+)["']""", re.M
)
SIDE_EFFECT_IMPORT = re.compile(r"""(?:^|;)\s*import\s*["'](\.{1,2}/[^"']+)["']""", re.M)


def static_modules(root: Path, entry: str = "page.js") -> list[str]:
    """Every module the page imports statically, starting from ``entry``, as paths under root.

    The page preloads them all at once (``<link rel="modulepreload">``) instead of
    discovering them one import at a time. Modules loaded later with ``import()``
    are left out on purpose.
    """
    seen, todo = [], [entry]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.append(name)
        text = (root / name).read_text()
        base = PurePosixPath(name).parent
        for match in STATIC_IMPORT.findall(text) + SIDE_EFFECT_IMPORT.findall(text):
            todo.append(posixpath.normpath(str(base / match)))
    return seen


class Pages:
    """The page and the embed page, made once and again whenever the front end was rebuilt.

    The page names the modules to preload, which a new build names differently
    (their names carry a hash of their content), so a server that keeps running
    through ``scripts/build`` must not keep announcing the old ones.
    """

    def __init__(self, dev: bool = False):
        self.dev = dev
        self.entry = (STATIC if dev else DIST) / "page.js"
        self.made: dict[str, tuple[float, Body]] = {}
        for layout in ("full", "embed"):
            self.body(layout)  # now, not when the first visitor is waiting

    def body(self, layout: str) -> Body:
        mtime = self.entry.stat().st_mtime
        made = self.made.get(layout)
        if made is None or made[0] != mtime:
            made = (mtime, Body(page_html(layout, self.dev).encode()))
            self.made[layout] = made
        return made[1]


def page_html(layout: str = "full", dev: bool = False) -> str:
    """The page, with its modules and stylesheets announced in its head.

    ``layout="embed"`` is the compact page for an iframe (``/embed``); ``dev``
    announces the readable modules instead of the built ones.
    """
    root = STATIC if dev else DIST
    modules = "".join(
        f'    <link rel="modulepreload" href="/static/{m}">\n' for m in static_modules(root)
    )
    # index.html links glassnet.css, the stylesheets of all that is on screen at start.
    page = (STATIC / "index.html").read_text().replace("    <!-- preload -->\n", modules)
    if layout == "embed":
        page = page.replace("<body>", '<body data-layout="embed">')
    return page if dev else _compact(page)


def _compact(page: str) -> str:
    """The page without its indentation and its script's comment lines: fewer bytes before the
    first drawn network (index.html keeps them for the reader)."""
    lines = (line.strip() for line in page.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("// ")) + "\n"
