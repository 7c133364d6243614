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
import json
import logging
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from . import limits
from .protocol import Connection, Outgoing, catalog, encode
from .session import Session
from .static_files import DIST, STATIC, Pages, StaticCache

log = logging.getLogger("glassnet")

SLICE_SECONDS = 0.02
"""The longest a training slice runs before the server looks at its messages again."""

HELLO_WAIT_SECONDS = 2.0
"""How long a new connection waits for a ``hello`` before starting with the defaults."""


def create_app(
    allowed_origins: tuple[str, ...] = (),
    max_sessions: int = limits.MAX_SESSIONS,
    dev: bool = False,
) -> Starlette:
    """The ASGI application.

    Parameters
    ----------
    allowed_origins : tuple of str
        Origins (``"https://example.org"``) besides the server's own whose pages
        may open a session, for embedding. ``"*"`` allows any.
    max_sessions : int
        Sessions at once; one more is refused with a message.
    dev : bool
        Serve the readable modules of ``static/`` instead of the built ``dist/``
        (``glassnet --dev``), so an edited front end needs only a reload.
    """
    sessions: dict[object, str] = {}  # one entry per open session: its client's address
    pages = Pages(dev)
    catalog()  # build it now, not when the first visitor is waiting

    def page(layout: str, request) -> Response:
        headers = request.headers
        return pages.body(layout).response(
            StaticCache.TYPES[".html"], headers.get("if-none-match"), headers.get("accept-encoding")
        )

    async def index(request):
        return page("full", request)

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
            await _serve(websocket)
        finally:
            del sessions[key]

    async def embed(request):
        return page("embed", request)

    files = StaticCache(STATIC if dev else DIST)

    async def static_file(request):
        headers = request.headers
        return files.response(
            request.path_params["path"],
            headers.get("if-none-match"),
            headers.get("accept-encoding"),
        )

    async def favicon(request):
        return files.response("favicon.svg")

    async def health(request):
        return Response(f"ok {len(sessions)} sessions", media_type="text/plain")

    routes = [
        Route("/", index),
        Route("/embed", embed),
        Route("/health", health),
        Route("/favicon.ico", favicon),
        WebSocketRoute("/ws", playground_socket),
        Route("/static/{path:path}", static_file),
    ]
    return Starlette(routes=routes)


async def _serve(websocket: WebSocket):
    """Run one session for one WebSocket until it closes."""
    session = Session()
    connection = Connection(session)
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
        except asyncio.TimeoutError:
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
