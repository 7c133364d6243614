"""The web server: static files and one WebSocket per browser tab. No network logic here.

Each WebSocket gets its own :class:`~glassnet.session.Session` and a
:class:`~glassnet.protocol.Connection`. Incoming messages go to the connection;
what it answers goes back. While a session plays, a task runs its training in a
worker thread in short slices, so the event loop (and every other tab) stays
responsive, and sends a frame whenever the page says it is ready for one.

Allowed origins: a page may open the WebSocket only from this server's own
origin, or from an origin given with ``allowed_origins`` (for pages that
embed the playground). The number of sessions is capped (``limits.MAX_SESSIONS``).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import posixpath
import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from . import limits
from .lessons import Library
from .protocol import Connection, Outgoing, catalog, encode
from .session import Session

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("glassnet")


def _docs_folder() -> Path:
    """The docs' Markdown: in the installed package (the wheel carries it), or the checkout's."""
    packaged = Path(__file__).parent / "docs"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "docs"


DOCS = _docs_folder()
DOC_NAME = re.compile(r"[a-z0-9_-]+\.md")

SLICE_SECONDS = 0.02
"""The longest a training slice runs before the server looks at its messages again."""

HELLO_WAIT_SECONDS = 2.0
"""How long a new connection waits for a ``hello`` before starting with the defaults."""


def create_app(
    allowed_origins: tuple[str, ...] = (),
    max_sessions: int = limits.MAX_SESSIONS,
    lessons: Path | str | None = None,
) -> Starlette:
    """The ASGI application.

    Parameters
    ----------
    allowed_origins : tuple of str
        Origins (``"https://example.org"``) besides the server's own whose pages
        may open a session, for embedding. ``"*"`` allows any.
    max_sessions : int
        Sessions at once; one more is refused with a message.
    lessons : path, optional
        A teacher's folder of lessons, offered besides the built-in ones.
    """
    sessions: dict[object, str] = {}  # one entry per open session: its client's address
    pages = {layout: page_html(layout) for layout in ("full", "embed")}
    catalog()  # build it now, not when the first visitor is waiting
    library = Library(lessons)

    async def index(request):
        return HTMLResponse(pages["full"], headers={"Cache-Control": "no-cache"})

    async def playground_socket(websocket: WebSocket):
        if not _origin_allowed(websocket, allowed_origins):
            await websocket.close(code=1008, reason="This page's origin may not open a session.")
            return
        client = websocket.client.host if websocket.client else "?"
        full = len(sessions) >= max_sessions
        crowded = sum(1 for c in sessions.values() if c == client) >= limits.MAX_SESSIONS_PER_CLIENT
        if full or crowded:
            per_client = limits.MAX_SESSIONS_PER_CLIENT
            reason = (
                f"This glassnet server already runs {max_sessions} sessions, its limit."
                if full
                else f"This computer has {per_client} sessions open here already."
            )
            await websocket.accept()
            await websocket.send_text(
                json.dumps(
                    {
                        "type": "error",
                        "request": None,
                        "message": f"{reason} Close a tab and reload.",
                    }
                )
            )
            await websocket.close(code=1013)
            return
        key = object()
        sessions[key] = client  # counted before the first await, so the cap cannot be raced
        try:
            await websocket.accept()
            await _serve(websocket, library)
        finally:
            del sessions[key]

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
        return Response(f"ok {len(sessions)} sessions", media_type="text/plain")

    routes = [
        Route("/", index),
        Route("/embed", embed),
        Route("/health", health),
        Route("/favicon.ico", favicon),
        WebSocketRoute("/ws", playground_socket),
        Route("/static/{path:path}", static_file),
        Route("/docs/{name}", doc),
    ]
    return Starlette(routes=routes)


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
        full = (self.root / path).resolve()
        if self.root not in full.parents or not full.is_file() or full.suffix not in self.TYPES:
            return Response("Not found", status_code=404, media_type="text/plain")
        key = str(full)  # one entry per file, however its path was spelled
        mtime = full.stat().st_mtime
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


async def _serve(websocket: WebSocket, library: Library):
    """Run one session for one WebSocket until it closes."""
    session = Session()
    connection = Connection(session, lessons=library)
    lock = asyncio.Lock()  # one thing at a time touches the session
    send_lock = asyncio.Lock()
    wake = asyncio.Event()

    async def send(outgoing: list[Outgoing]):
        async with send_lock:
            for out in outgoing:
                data = encode(out)
                if isinstance(data, bytes):
                    await websocket.send_bytes(data)
                else:
                    await websocket.send_text(data)

    async def receive() -> str | bytes:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            raise WebSocketDisconnect(message.get("code", 1000))
        return message.get("text") or message.get("bytes") or b""

    async def train():
        while True:
            if not session.playing:
                await wake.wait()
                wake.clear()
                continue
            try:
                async with lock:
                    await asyncio.to_thread(session.advance, SLICE_SECONDS)
                    outgoing = connection.updates()
            except Exception:  # a bug of ours: stop training and say so, keep the session
                log.exception("training stopped")
                session.pause()
                outgoing = connection.error("Training stopped because of a bug in glassnet.")
            await send(outgoing)
            delay = session.seconds_until_due()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(wake.wait(), timeout=delay)  # 0 still yields once
            wake.clear()

    trainer = asyncio.create_task(train())
    try:
        # The page says hello first (with its settings); a client that does not
        # is started with the defaults.
        try:
            first = await asyncio.wait_for(receive(), timeout=HELLO_WAIT_SECONDS)
        except TimeoutError:
            first = None
        async with lock:
            replies = connection.start(first)
        await send(replies)
        while True:
            raw = await receive()
            async with lock:
                replies = connection.receive(raw)
            await send(replies)
            wake.set()
    except WebSocketDisconnect:
        pass
    finally:
        session.playing = False
        trainer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await trainer


def _origin_allowed(websocket: WebSocket, allowed: tuple[str, ...]) -> bool:
    origin = websocket.headers.get("origin")
    if origin is None:
        return True  # not a browser page (a script, a test client): no page to protect
    if "*" in allowed or origin in allowed:
        return True
    host = websocket.headers.get("host", "")
    return urlsplit(origin).netloc == host
