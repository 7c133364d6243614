"""The web server: static files, and one WebSocket per browser tab. No network logic here.

Sessions do not run here: they live in worker processes (``workers/``), as
many as the machine has cores, and each WebSocket is relayed to its session's
worker (``relay.py``). So however hard the sessions work, this process answers
pages, sockets and ``/health`` at once.

Allowed origins: a page may open the WebSocket only from this server's own
origin, or from an origin given with ``allowed_origins`` (for pages that
embed the playground). Allowed names: requests must name this server in their
``Host`` header (``hostnames.py``). The number of sessions is capped in all and
per address (``limits.MAX_SESSIONS``, ``limits.MAX_SESSIONS_PER_CLIENT``).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import posixpath
import re
from dataclasses import replace
from pathlib import Path, PurePosixPath

from starlette.applications import Starlette
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket

from . import limits, relay
from .hostnames import HostCheck, HostNames
from .protocol import catalog
from .workers import Options, Registry, WorkerPool, default_size

STATIC = Path(__file__).parent / "static"


def _docs_folder() -> Path:
    """The docs' Markdown: in the installed package (the wheel carries it), or the checkout's."""
    packaged = Path(__file__).parent / "docs"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "docs"


DOCS = _docs_folder()
DOC_NAME = re.compile(r"[a-z0-9_-]+\.md")


def create_app(
    allowed_origins: tuple[str, ...] = (),
    max_sessions: int = limits.MAX_SESSIONS,
    *,
    workers: int | None = None,
    max_sessions_per_address: int = limits.MAX_SESSIONS_PER_CLIENT,
    host_names: HostNames | None = None,
    idle_seconds: float = limits.IDLE_SECONDS,
    options: Options | None = None,
    lessons: Path | str | None = None,
):
    """The ASGI application.

    Parameters
    ----------
    allowed_origins : tuple of str
        Origins (``"https://example.org"``) besides the server's own whose pages
        may open a session, for embedding. ``"*"`` allows any.
    max_sessions : int
        Sessions at once; one more is refused with a message.
    workers : int, optional
        Worker processes for the sessions (default: one per core).
    max_sessions_per_address : int
        Sessions one client address may hold.
    host_names : HostNames, optional
        The names the server answers to (default: localhost's).
    idle_seconds : float
        How long a session whose view went away is kept for it to come back.
    options : Options, optional
        How workers share their cores (tests shorten the longest request).
    lessons : path, optional
        A teacher's folder of lessons, offered besides the built-in ones.
    """
    registry = Registry(max_sessions, max_sessions_per_address, idle_seconds)
    options = replace(options or Options(), lessons=None if lessons is None else str(lessons))
    pool = WorkerPool(workers or default_size(), options, on_lost=registry.forget)
    gate = relay.Gate(pool, registry, tuple(allowed_origins))
    pages = {layout: page_html(layout) for layout in ("full", "embed")}
    catalog()  # build it now, not when the first visitor is waiting

    async def index(request):
        return HTMLResponse(pages["full"], headers={"Cache-Control": "no-cache"})

    async def playground_socket(websocket: WebSocket):
        await relay.serve(websocket, gate)

    async def embed(request):
        return HTMLResponse(pages["embed"], headers={"Cache-Control": "no-cache"})

    files = StaticCache(STATIC)

    async def static_file(request):
        return files.response(request.path_params["path"], request.headers.get("if-none-match"))

    async def favicon(request):
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    async def doc(request):
        # The docs the page links to (Embed, Help, lessons), offline and read-only, as plain text.
        name = request.path_params["name"]
        if not DOC_NAME.fullmatch(name) or not (DOCS / name).is_file():
            return Response("Not found", status_code=404, media_type="text/plain")
        return Response((DOCS / name).read_text(), media_type="text/plain; charset=utf-8")

    async def health(request):
        return Response(
            f"ok {len(registry)} sessions, {pool.size} workers", media_type="text/plain"
        )

    @contextlib.asynccontextmanager
    async def lifespan(app):
        await pool.start()
        sweeper = asyncio.ensure_future(_free_idle_sessions(registry, pool))
        try:
            yield
        finally:
            sweeper.cancel()
            await pool.stop()

    routes = [
        Route("/", index),
        Route("/embed", embed),
        Route("/health", health),
        Route("/favicon.ico", favicon),
        WebSocketRoute("/ws", playground_socket),
        Route("/static/{path:path}", static_file),
        Route("/docs/{name}", doc),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.pool, app.state.registry = pool, registry
    return HostCheck(app, host_names or HostNames())


async def _free_idle_sessions(registry: Registry, pool: WorkerPool):
    """Every second, free the sessions whose views have been gone for too long."""
    while True:
        await asyncio.sleep(1.0)
        for sid in registry.sweep():
            pool.close(sid)


class StaticCache:
    """The page's files, served from memory.

    Thirty small modules would otherwise each wait on a file read in a worker
    thread (about 45 ms apiece in Chromium's measurements); from memory they take
    under a millisecond. A file that changed on disk is read again, so editing the
    front end needs no restart.
    """

    TYPES = {
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".svg": "image/svg+xml",
        ".json": "application/json",
    }

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.files: dict[str, tuple[float, bytes, str]] = {}

    def response(self, path: str, if_none_match: str | None = None) -> Response:
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
            body = full.read_bytes()
            # A hash of the content, the same in every process (Python's hash() is not).
            cached = (mtime, body, f'"{hashlib.sha1(body).hexdigest()[:16]}-{len(body)}"')
            self.files[key] = cached
        _, body, etag = cached
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if if_none_match == etag:
            return Response(status_code=304, headers=headers)
        return Response(body, media_type=self.TYPES[full.suffix], headers=headers)


STATIC_IMPORT = re.compile(
    r"""^\s*(?:import|export)\b[^;'"]*?from\s+["'](\.{1,2}/[^"']+)["']""", re.M
)
SIDE_EFFECT_IMPORT = re.compile(r"""^\s*import\s+["'](\.{1,2}/[^"']+)["']""", re.M)


def static_modules(entry: str = "page.js") -> list[str]:
    """Every module the page imports statically, starting from ``entry``, as paths under static/.

    The page preloads them all at once (``<link rel="modulepreload">``) instead of
    discovering them one import at a time: no bundler, and no waterfall either.
    Modules loaded later with ``import()`` are left out on purpose.
    """
    seen, todo = [], [entry]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.append(name)
        text = (STATIC / name).read_text()
        base = PurePosixPath(name).parent
        for match in STATIC_IMPORT.findall(text) + SIDE_EFFECT_IMPORT.findall(text):
            todo.append(posixpath.normpath(str(base / match)))
    return seen


def page_html(layout: str = "full") -> str:
    """The page, with its modules and stylesheets announced in its head.

    ``layout="embed"`` is the compact page for an iframe (``/embed``).
    """
    modules = "".join(
        f'    <link rel="modulepreload" href="/static/{m}">\n' for m in static_modules()
    )
    # The stylesheet of each view that loads at start: views/<folder>/x.js has views/<folder>/x.css
    # beside it. (A view loaded later with import() links its own, as app.js does.)
    css = [m[:-3] + ".css" for m in static_modules() if (STATIC / (m[:-3] + ".css")).exists()]
    sheets = "".join(f'    <link rel="stylesheet" href="/static/{path}">\n' for path in css)
    page = (STATIC / "index.html").read_text().replace("    <!-- preload -->\n", modules + sheets)
    if layout == "embed":
        page = page.replace("<body>", '<body data-layout="embed">')
    return page
