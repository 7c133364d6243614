"""One WebSocket, relayed to its session in a worker process: the web process's whole part.

For each view that connects, the relay checks it may (its page's origin, the
caps), waits for its ``hello``, and starts its session in a worker, or, when
the hello brings the token of a session kept for it, attaches it to that
session again (a token travels in the hello, not in the URL, so that no proxy
writes it in a log). Then it forwards: the view's messages to the worker as they
came, the worker's answers to the view. It never parses more than a message's
type, so a busy session cannot slow the web process down.

It also keeps each view to its share (docs/limits.md):

- a message over ``MAX_MESSAGE_BYTES`` is answered with an error, not forwarded;
- past ``MAX_MESSAGES_PER_SECOND``, or with ``MAX_IN_FLIGHT`` messages waiting
  for answers, it reads that view's messages no faster (the rest wait in the
  network, so a flood costs nothing) and tells the view once why.

When the view goes, its waiting messages are dropped and its work stopped; the
session is kept ``IDLE_SECONDS`` for the view to come back.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.websockets import WebSocket, WebSocketState

from . import limits, sharing
from .message_rate import NOTICE_EVERY_SECONDS, MessageRate
from .protocol import quick_type
from .workers import Full, Link, Refused, Registry, WorkerPool

HELLO_WAIT_SECONDS = 2.0
"""How long a new connection waits for a ``hello`` before starting with the defaults."""


@dataclass
class Gate:
    """What the relay checks before a view gets a session, and where sessions live."""

    pool: WorkerPool
    registry: Registry
    allowed_origins: tuple[str, ...] = ()


def limit_error(limit: str, message: str) -> str:
    """An ``error`` a view gets from the relay itself: about a limit, not about one request."""
    return json.dumps({"type": "error", "request": None, "message": message, "limit": limit})


async def serve(websocket: WebSocket, gate: Gate):
    """Run one view's connection until it closes (the WebSocket endpoint).

    ``/ws?join=CODE`` follows a shared session; ``/ws`` starts a session, or
    re-attaches its owner to one (docs/screens.md).
    """
    if not _origin_allowed(websocket, gate.allowed_origins):
        await websocket.close(code=1008, reason="This page's origin may not open a session.")
        return
    await gate.pool.start()
    await websocket.accept()
    relay = Relay(websocket, gate.pool)
    try:
        first = await relay.first_message()
        if relay.closed:
            return  # gone before it said hello
        code = websocket.query_params.get("join")
        if code is not None:
            await _follow(relay, gate, code, first)
        else:
            await _own(relay, gate, first)
    except asyncio.CancelledError:
        # The server is stopping, and after its grace time it cancels the views still
        # waiting for answers: their sockets are closed already. That is the end of the
        # view, not a failure of it (uvicorn would log one, with a traceback).
        return
    finally:
        relay.stop()


async def _own(relay: Relay, gate: Gate, first):
    """The owner's view: a new session, or the one its hello's token names."""
    entry = gate.registry.reclaim(hello_token(first))
    try:
        if entry is not None:
            relay.view = gate.pool.attach(entry.sid, relay, entry.token, first)
        else:
            address = relay.websocket.client.host if relay.websocket.client else "?"
            try:
                entry, freed = gate.registry.admit(address)
            except Full as full:
                await relay.refuse("MAX_SESSIONS", str(full))
                return
            for sid in freed:
                gate.pool.close(sid)
            try:
                entry.sid, relay.view = gate.pool.open(relay, entry.token, first)
            except RuntimeError as error:  # the only worker is being replaced
                await relay.refuse("MAX_SESSIONS", f"{error}.")
                return
        relay.sid, entry.owner = entry.sid, relay
        relay.on_share = lambda message: sharing.share(gate.pool, gate.registry, entry, message)
        if entry.code is not None:  # it came back to a session it shares: say so after welcome
            relay.greeting.append(sharing.shared_message(entry))
        await relay.run()
    finally:
        if entry is not None and entry.sid:
            gate.pool.detach(entry.sid, relay.view)
            gate.registry.detach(entry)
        elif entry is not None:
            gate.registry.remove(entry)  # it never started


async def _follow(relay: Relay, gate: Gate, code: str, first):
    """A follower's view on the session shared with ``code``."""
    try:
        entry = gate.registry.join(code)
    except Refused as refused:
        await relay.refuse("MAX_FOLLOWERS", str(refused), code=sharing.LET_GO)
        return
    relay.sid = entry.sid
    relay.view = gate.pool.join(entry.sid, relay, not entry.control, first)
    relay.on_share = lambda message: relay.say(sharing.owner_only(message.get("type")))
    gate.registry.follow(entry, relay.view, relay)
    sharing.tell_owner(entry)
    try:
        await relay.run()
    finally:
        gate.pool.detach(entry.sid, relay.view)
        gate.registry.leave(entry, relay.view)
        sharing.tell_owner(entry)


_TOKEN = re.compile(r'"token"\s*:\s*"([A-Za-z0-9_-]{1,100})"')


def hello_token(first) -> str | None:
    """The token a view's ``hello`` brings back (None without one).

    A small hello is parsed; in a large one (it carries a kept session) the token
    is looked for near the start, where the page puts it, so that the web process
    never parses megabytes.
    """
    if first is None or quick_type(first) != "hello":
        return None
    if len(first) <= 65536:
        try:
            token = json.loads(first).get("token")
        except (ValueError, UnicodeDecodeError, RecursionError, AttributeError):
            return None
        return token if isinstance(token, str) else None
    head = first[:2000]
    match = _TOKEN.search(head if isinstance(head, str) else head.decode("utf-8", "replace"))
    return match.group(1) if match else None


class Relay(Link):
    """The two directions of one view's connection (see the module's docstring)."""

    def __init__(self, websocket: WebSocket, pool: WorkerPool):
        self.websocket = websocket
        self.pool = pool
        self.sid = 0
        self.view = 0
        self.on_share: Callable[[dict], None] | None = None  # share and unshare, in this process
        self.greeting: list[str] = []  # the relay's own messages to send after the welcome
        self.outgoing: asyncio.Queue = asyncio.Queue()
        self.in_flight = 0
        self.room = asyncio.Event()
        self.room.set()
        self.closed = False
        self.told: dict[str, float] = {}  # limit -> when the view was last told
        self.rate = MessageRate()
        self.sender = asyncio.ensure_future(self._send_all())

    # -- from the pool ------------------------------------------------------------------

    def deliver(self, payloads: list, handled: int):
        if self.greeting:  # the first answer of the session starts with its welcome
            payloads, self.greeting = [*payloads, *self.greeting], []
        self.outgoing.put_nowait((payloads, handled))

    def lost(self, reason: str):
        self.end(1011, reason)  # the view restores from its own copy

    def end(self, code: int, reason: str):
        """Close the view, after telling it why (in an ``error``) and what it was sent before."""
        self.say(sharing.error(None, reason))
        self.outgoing.put_nowait(_End(code, reason))

    # -- the view's messages ------------------------------------------------------------

    async def refuse(self, limit: str, message: str, code: int = 1013):
        """Tell a view why it gets no session, and close."""
        await self.websocket.send_text(limit_error(limit, message))
        await self.websocket.close(code=code, reason=message[:120])
        self.closed = True

    async def first_message(self):
        """The view's hello; None when it sent none in time, or one too large to read (it is
        told, and starts with the defaults)."""
        try:
            raw = await asyncio.wait_for(self._receive(), timeout=HELLO_WAIT_SECONDS)
        except TimeoutError:
            return None
        if raw is not None and _size(raw) > limits.MAX_MESSAGE_BYTES:
            self.say(_too_large(raw, _size(raw)))
            return None
        return raw

    async def run(self):
        """Forward the view's messages until it goes."""
        while True:
            raw = await self._receive()
            if raw is None:
                return
            size = _size(raw)
            if size > limits.MAX_MESSAGE_BYTES:
                self.say(_too_large(raw, size))
                continue
            await self._take_turn_to_read()
            kind = quick_type(raw)
            if kind == "ready":
                self.pool.ready(self.sid, self.view)  # never waits: a view waiting for a frame
                continue
            if kind in ("share", "unshare") and self.on_share is not None:
                self.on_share(_small_json(raw))
                continue
            if self.in_flight >= limits.MAX_IN_FLIGHT:
                self._tell("MAX_IN_FLIGHT", _busy_message())
                self.room.clear()
                await self.room.wait()
                if self.closed:
                    return  # it went while it waited: its answers could not be sent
            self.in_flight += 1
            self.pool.message(self.sid, self.view, raw)

    async def _receive(self):
        """The next message's text or bytes; None once the view has gone."""
        message = await self.websocket.receive()
        if message["type"] == "websocket.disconnect":
            self.closed = True
            return None
        text = message.get("text")
        return text if text is not None else (message.get("bytes") or b"")

    async def _take_turn_to_read(self):
        """Wait while the view sends faster than MAX_MESSAGES_PER_SECOND (a token bucket)."""
        wait = self.rate.spend()
        if wait > 0:
            self._tell("MAX_MESSAGES_PER_SECOND", _rate_message())
            await asyncio.sleep(wait)

    def _tell(self, limit: str, message: str):
        now = time.monotonic()
        if now - self.told.get(limit, -NOTICE_EVERY_SECONDS) >= NOTICE_EVERY_SECONDS:
            self.told[limit] = now
            self.say(limit_error(limit, message))

    def say(self, text: str):
        """Send the view a message of the web process's own."""
        self.outgoing.put_nowait(([text], 0))

    # -- to the view --------------------------------------------------------------------

    async def _send_all(self):
        while True:
            item = await self.outgoing.get()
            if isinstance(item, _End):
                await self._close(item.code, item.reason)
                return
            payloads, handled = item
            for data in payloads:
                if not await self._send(data):
                    self.closed = True
                    self.room.set()  # nothing more will be sent: a view waiting for room may end
                    return
            self.in_flight -= handled
            if self.in_flight < limits.MAX_IN_FLIGHT:
                self.room.set()

    async def _send(self, data) -> bool:
        if self.closed or self.websocket.application_state != WebSocketState.CONNECTED:
            return False
        try:
            if isinstance(data, bytes):
                await self.websocket.send_bytes(data)
            else:
                await self.websocket.send_text(data)
        except (RuntimeError, OSError):  # it closed while we sent (Starlette says so this way)
            self.closed = True
            return False
        return True

    async def _close(self, code: int, reason: str):
        with contextlib.suppress(RuntimeError, OSError):
            await self.websocket.close(code=code, reason=reason)
        self.closed = True

    def stop(self):
        self.sender.cancel()
        self.room.set()


@dataclass(frozen=True)
class _End:
    """In a relay's outgoing queue: close the view, after what came before."""

    code: int
    reason: str


def _small_json(raw) -> dict:
    """A small message of the view's, parsed (``{}`` when it is not a JSON object)."""
    try:
        message = json.loads(raw) if _size(raw) <= 65536 else {}
    except (ValueError, UnicodeDecodeError, RecursionError):
        return {}
    return message if isinstance(message, dict) else {}


def _size(raw) -> int:
    """A message's size in bytes (text is counted as UTF-8 only when it could matter)."""
    if isinstance(raw, bytes) or 4 * len(raw) <= limits.MAX_MESSAGE_BYTES:
        return len(raw)
    return len(raw.encode())


def _too_large(raw, size: int) -> str:
    return json.dumps(
        {
            "type": "error",
            "request": quick_type(raw),
            "message": f"A message may be at most {limits.MAX_MESSAGE_BYTES:,} bytes "
            f"(MAX_MESSAGE_BYTES, docs/limits.md); this one has {size:,}, so it was not read. "
            "Nothing changed.",
            "limit": "MAX_MESSAGE_BYTES",
        }
    )


def _rate_message() -> str:
    return (
        f"This view sends more than {limits.MAX_MESSAGES_PER_SECOND} messages a second "
        "(MAX_MESSAGES_PER_SECOND, docs/limits.md), so glassnet reads them no faster and they "
        "take effect late. A controller should send at most one message per frame, with the "
        "latest values only."
    )


def _busy_message() -> str:
    return (
        f"{limits.MAX_IN_FLIGHT} messages of this view are still waiting for their answers "
        "(MAX_IN_FLIGHT, docs/limits.md); glassnet reads the next ones as those are answered. "
        "Wait for an answer before sending more of the same."
    )


def _origin_allowed(websocket: WebSocket, allowed: tuple[str, ...]) -> bool:
    origin = websocket.headers.get("origin")
    if origin is None:
        return True  # not a browser page (a script, a test client): no page to protect
    if "*" in allowed or origin in allowed:
        return True
    host = websocket.headers.get("host", "")
    return urlsplit(origin).netloc == host
