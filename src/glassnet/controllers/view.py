"""A controller's view of a session: what OSC and serial both drive, in the web process.

A controller is one more screen on a session, like a follower of a shared
session (docs/screens.md): the pool gives it a view, its requests go to the
session's worker as a page's do, and the session checks them (setting names,
ranges, roles) and answers with ``error`` messages, which are logged here. No
neural-network logic lives here.

Which session: the one shared with ``code`` (as ``/ws?join=CODE``: its
followers' role applies), or without a code the oldest session with a page on
it. The view looks again every ``LOOK_SECONDS``, so it follows a revoked
code, a closed session or a new one.

What it sends is coalesced so that a knob's stream never meets the limits of
docs/limits.md: one message at a time waits for its answer (``MAX_IN_FLIGHT``),
at most ``MAX_MESSAGES_PER_SECOND`` of them, and while one waits only the
latest value of each setting and of the point is kept.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable

from ..message_rate import NOTICE_EVERY_SECONDS, MessageRate
from ..protocol import PROTOCOL_VERSION
from ..workers import Entry, Link, Registry, WorkerPool

log = logging.getLogger("glassnet.controllers")

LOOK_SECONDS = 0.25
"""How often a controller checks that its session is still the one to drive."""

FRAMES_PER_SECOND = 60
"""The most frames a controller asks for (it says ``ready`` no faster)."""

HELLO = json.dumps({"type": "hello", "protocol": PROTOCOL_VERSION})


class ControllerView(Link):
    """One controller's view: pending requests in, the session's answers out.

    Parameters
    ----------
    name : str
        Says which controller in the log ("OSC", "serial").
    pool, registry : WorkerPool, Registry
        The web process's sessions.
    code : str, optional
        The join code of the session to drive; None: the oldest session.
    on_frame : callable, optional
        Called with each ``frame`` message (a dict); frames are asked for only if given.
    on_probed : callable, optional
        Called with each ``probed`` message, the answer for the current point.
    """

    def __init__(
        self,
        name: str,
        pool: WorkerPool,
        registry: Registry,
        code: str | None = None,
        on_frame: Callable[[dict], None] | None = None,
        on_probed: Callable[[dict], None] | None = None,
    ):
        self.name, self.pool, self.registry, self.code = name, pool, registry, code
        self.on_frame, self.on_probed = on_frame, on_probed
        self.entry: Entry | None = None
        self.sid = self.view = 0
        self.read_only = False
        self.in_flight = 0
        self.rate = MessageRate()
        self.actions: list[str] = []  # play, pause, step: in order
        self.changes: dict[str, object] = {}  # setting -> its latest value
        self.point: list[float] | None = None
        self.probe_wanted = False
        self.pump_timer: asyncio.Handle | None = None  # a send waiting for MessageRate
        self.ready_timer: asyncio.Handle | None = None  # a ready waiting for its frame time
        self.looking: asyncio.Task | None = None
        self.told_none = -NOTICE_EVERY_SECONDS

    def start(self):
        self.looking = asyncio.ensure_future(self._look())

    def stop(self):
        if self.looking is not None:
            self.looking.cancel()
        self._leave()

    def target(self, code: str | None):
        """Drive the session shared with ``code`` from now on (None: the oldest session)."""
        self.code = code
        self._retarget()

    # -- what the controller asks -------------------------------------------------------

    def act(self, action: str):
        """Play, pause or step. A play or pause replaces one not sent yet; so does a step."""
        if not self._driving():
            return
        if action in ("play", "pause"):
            self.actions = [a for a in self.actions if a not in ("play", "pause")]
        if action not in self.actions:
            self.actions.append(action)
        self._pump()

    def set(self, setting: str, value):
        """Change one setting (the latest value wins while an earlier one waits)."""
        if not self._driving():
            return
        self.changes.pop(setting, None)  # to the end of the line
        self.changes[setting] = value
        self._pump()

    def move(self, point: list[float]):
        """The point whose activations are asked for (kept for the next session too)."""
        self.point = point
        self.probe_wanted = True
        self._pump()

    def _driving(self) -> bool:
        """Whether there is a session to drive; if not, say so (at most every 10 s)."""
        if self.view:
            return True
        now = time.monotonic()
        if now - self.told_none >= NOTICE_EVERY_SECONDS:
            self.told_none = now
            where = f"shared with code {self.code}" if self.code else "open on this server"
            log.warning("%s: there is no session %s to drive, so it was ignored.", self.name, where)
        return False

    # -- sending, one at a time ---------------------------------------------------------

    def _next(self) -> dict | None:
        if self.actions:
            return {"type": self.actions.pop(0)}
        if self.changes:
            setting = next(iter(self.changes))
            return {"type": "set", "changes": {setting: self.changes.pop(setting)}}
        if self.probe_wanted and self.point is not None and self.on_probed is not None:
            self.probe_wanted = False
            return {"type": "probe", "x": self.point}
        return None

    def _pump(self):
        if not self.view or self.in_flight or self.pump_timer is not None:
            return
        wait = self.rate.wait()
        if wait > 0:  # only a very quick session gets here: wait, then send the latest
            self.pump_timer = asyncio.get_running_loop().call_later(wait, self._pump_later)
            return
        message = self._next()
        if message is not None:
            self.rate.spend()
            self.in_flight += 1
            self.pool.message(self.sid, self.view, json.dumps(message))

    def _pump_later(self):
        self.pump_timer = None
        self._pump()

    # -- from the pool (Link) -----------------------------------------------------------

    def deliver(self, payloads: list, handled: int):
        for payload in payloads:
            if isinstance(payload, str):
                self._answer(json.loads(payload))
        self.in_flight = max(0, self.in_flight - handled)
        self._pump()

    def lost(self, reason: str):
        log.warning("%s: %s It looks for a session again.", self.name, reason)
        self.entry, self.sid, self.view, self.in_flight = None, 0, 0, 0

    def _answer(self, message: dict):
        kind = message.get("type")
        if kind == "welcome":
            shared = f", shared with code {self.code}" if self.code else ""
            log.info("%s drives session %d%s.", self.name, self.sid, shared)
        elif kind == "error":
            log.warning("%s: the session refused it: %s", self.name, message.get("message"))
        elif kind == "role" and not message.get("control"):
            log.warning(
                "%s: this shared session is watch-only, so it refuses what %s asks. Its owner "
                "lets controllers drive it with Share live, 'Followers may change it too'.",
                self.name,
                self.name,
            )
        elif kind == "frame" and self.on_frame is not None:
            self.on_frame(message)
            self.probe_wanted = True  # the weights moved: the point's activations too
            if self.ready_timer is None:
                loop = asyncio.get_running_loop()
                self.ready_timer = loop.call_later(1 / FRAMES_PER_SECOND, self._ready)
        elif kind == "probed" and self.on_probed is not None:
            self.on_probed(message)

    def _ready(self):
        self.ready_timer = None
        if self.view:
            self.pool.ready(self.sid, self.view)
        self._pump()

    # -- which session ------------------------------------------------------------------

    def _wanted(self) -> Entry | None:
        if self.code is not None:  # shared with that code, still by its owner's entry
            return self.registry.codes.get(self.code)
        # The oldest session someone is on: not one kept for a tab that went away, which
        # would train unseen with a controller on it.
        seen = [e for e in self.registry.entries.values() if e.sid and e.watched]
        return min(seen, key=lambda e: e.sid, default=None)

    async def _look(self):
        while True:
            self._retarget()
            await asyncio.sleep(LOOK_SECONDS)

    def _retarget(self):
        """Join the session to drive if it is not the one driven; follow its owner's role."""
        entry = self._wanted()
        if entry is not self.entry or (entry is not None and entry.sid != self.sid):
            self._leave()
            if entry is not None:
                self._join(entry)
        elif entry is not None and self.code is not None and entry.control == self.read_only:
            self.read_only = not entry.control
            self.pool.role(self.sid, self.view, self.read_only)

    def _join(self, entry: Entry):
        self.entry, self.sid = entry, entry.sid
        self.read_only = self.code is not None and not entry.control
        self.view = self.pool.join(entry.sid, self, self.read_only, HELLO)
        self.in_flight = 0
        self._pump()  # a point asked for before: its activations in this session

    def _leave(self):
        if self.view:
            self.pool.detach(self.sid, self.view)
            log.info("%s left session %d.", self.name, self.sid)
        for timer in (self.pump_timer, self.ready_timer):
            if timer is not None:
                timer.cancel()
        self.pump_timer = self.ready_timer = None
        self.actions, self.changes = [], {}  # meant for that session, not the next one
        self.entry, self.sid, self.view, self.in_flight = None, 0, 0, 0
