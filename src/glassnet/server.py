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
import re
from dataclasses import replace
from pathlib import Path

from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket

from . import limits, relay
from .hostnames import HostCheck, HostNames
from .protocol import catalog
from .static_files import DIST, STATIC, Pages, StaticCache
from .workers import Options, Registry, WorkerPool, default_size


def _docs_folder() -> Path:
    """The docs' Markdown: in the installed package (the wheel carries it), or the checkout's."""
    packaged = Path(__file__).parent / "docs"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "docs"


DOCS = _docs_folder()


def _examples_folder() -> Path:
    """The examples glassnet serves (/examples/...): in the installed package, or the checkout's."""
    packaged = Path(__file__).parent / "examples"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "examples"


EXAMPLES = _examples_folder()
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
    dev: bool = False,
    controllers: tuple = (),
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
    dev : bool
        Serve the readable modules of ``static/`` instead of the built ``dist/``
        (``glassnet --dev``), so an edited front end needs only a reload.
    controllers : tuple
        ``controllers.OscOptions`` and ``controllers.SerialOptions``: OSC and serial
        devices that drive a session (docs/controllers.md), started with the server.
    """
    named = tuple(c.session for c in controllers if c.session)  # --osc-session CODE and the like
    registry = Registry(max_sessions, max_sessions_per_address, idle_seconds, named_codes=named)
    options = replace(options or Options(), lessons=None if lessons is None else str(lessons))
    pool = WorkerPool(workers or default_size(), options, on_lost=registry.forget)
    gate = relay.Gate(pool, registry, tuple(allowed_origins))
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
        await relay.serve(websocket, gate)

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

    examples = StaticCache(EXAMPLES)

    async def example_file(request):
        # A p5.js controller (docs/protocol.md) served from here, so its Origin is allowed.
        path = request.path_params["path"]
        if path.endswith("/"):
            path += "index.html"
        return examples.response(path, request.headers.get("if-none-match"))

    async def favicon(request):
        return files.response("favicon.svg")

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
        running = [await c.start(pool, registry) for c in controllers]
        try:
            yield
        finally:
            for controller in running:
                controller.stop()
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
        Route("/examples/{path:path}", example_file),
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
