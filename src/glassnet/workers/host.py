"""One session in a worker: its Session, its views' Connections, and the thread its work runs on.

A worker holds many sessions and runs one at a time (``turns.py`` says which).
Each session's work runs on a thread of its own, but never two at once: the
worker hands a session its *turn* and waits until the session gives it back.
The session gives it back when its work is done, or at a checkpoint (after each
batch of an epoch) once its slice of time is used up; the rest of the work goes
on at its next turn. So a long request, or a slow epoch, takes turns with other
sessions instead of holding them up, and no lock is needed anywhere: whoever
holds the turn is the only one running. A session with nothing else waiting in
its worker (no message, no other session with work) keeps the turn for up to
ALONE_SLICES slices: each turn costs two thread handoffs and the frames it
sends, which a lone session would otherwise pay every few milliseconds for nothing.

At a checkpoint the work also stops for good, with :class:`Interrupted`, when
the view that asked for it went away (or every view did), or when one request
has computed longer than its limit. The session puts back whatever the stopped
work had half done. Killing a process is never how work stops: a worker holds
other sessions.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from functools import cache

from .. import limits
from ..lessons import Library
from ..protocol import Connection, encode
from ..session import Interrupted, Session

log = logging.getLogger("glassnet")


ALONE_SLICES = 4
"""How many slices a session keeps its turn when nothing else waits in its worker."""


@dataclass(frozen=True)
class Options:
    """How a worker shares its core (the defaults are docs/limits.md's)."""

    slice_seconds: float = limits.SLICE_SECONDS
    request_seconds: float = limits.MAX_REQUEST_SECONDS
    lessons: str | None = None  # a teacher's folder of lessons (glassnet --lessons DIR)


@cache
def library(folder: str | None) -> Library:
    """The lessons a worker's sessions may open, read once per worker."""
    return Library(folder)


@dataclass
class View:
    """One screen on a session: its Connection, and what is waiting to be sent to it.

    ``handled`` counts the screen's own messages that ``out`` finishes answering;
    ``started``: it was sent its ``welcome`` (nothing may come before it).
    """

    connection: Connection
    out: list[str | bytes] = field(default_factory=list)
    handled: int = 0
    started: bool = False


class Host:
    """One session in a worker, the screens that view it, and what they sent that is waiting.

    A session has one view usually; a shared one (docs/screens.md) has its owner's
    and its followers', each with its own :class:`Connection` (so each gets its own
    frames, coalesced: a screen is sent the newest frame once it has drawn the last).
    Views are numbered by the pool, uniquely across the server.

    Attributes
    ----------
    views : dict
        The views connected, by number (a session without one keeps its state,
        but does not train, until a view attaches again or it is closed).
    used : float
        Seconds of turns it has had (``turns.py`` gives the next turn to the
        session that has had the least).
    busy : bool
        Its work stopped at a checkpoint and goes on at its next turn.
    """

    def __init__(self, sid: int, token: str | None, options: Options):
        self.sid = sid
        self.options = options
        self.token = token
        self.session = Session()
        self.session.checkpoint = self.checkpoint
        self.views: dict[int, View] = {}
        self.inbox: deque[tuple[int, str, str | bytes | None]] = deque()  # (view, kind, raw)
        self.wants_updates = False  # a view became ready for a frame, or its role changed
        self.used = 0.0
        self.busy = False
        self._working_for: int | None = None  # the view whose request is under way
        self._cancelled = False
        self._closing = False
        self._done = False
        self._request_started: float | None = None
        self._turn_started = 0.0
        self._go = threading.Semaphore(0)
        self._back = threading.Semaphore(0)
        self._thread: threading.Thread | None = None
        # Whether anything else waits for the worker (a message, another session's work):
        # the worker sets it; alone, the turn may last ALONE_SLICES slices.
        self.others_waiting = lambda: True

    @property
    def attached(self) -> bool:
        """Whether any view is connected."""
        return bool(self.views)

    # -- what the worker asks, between turns ---------------------------------------------

    def attach(self, view: int, first: str | bytes | None, fresh: bool):
        """The owner's view connected: it gets everything anew, starting with its first message."""
        lessons = self._lessons()
        connection = Connection(self.session, lessons=lessons, token=self.token, fresh=fresh)
        self._add(view, first, connection)

    def join(self, view: int, first: str | bytes | None, read_only: bool):
        """A follower's view joined the session (its hello changes nothing of it)."""
        connection = Connection(self.session, lessons=self._lessons(), fresh=False)
        connection.follower, connection.read_only = True, read_only
        self._add(view, first, connection)

    def role(self, view: int, read_only: bool):
        """The owner let a follower control the session, or took that back."""
        if view in self.views:
            self.views[view].connection.read_only = read_only
            self.wants_updates = True  # its next updates say so

    def _lessons(self) -> Library:
        return library(self.options.lessons)

    def _add(self, view: int, first, connection: Connection):
        self.views[view] = View(connection)
        connection.share_notices = self._share_notices
        connection.tell_others = lambda notice: self._tell_others(connection, notice)
        self.inbox.append((view, "start", first))

    def detach(self, view: int):
        """A view went away: forget what it sent and stop what it asked for; keep the session."""
        self.views.pop(view, None)
        self.inbox = deque(item for item in self.inbox if item[0] != view)
        if self.busy and (self._working_for == view or not self.views):
            self._cancelled = True

    def receive(self, view: int, raw: str | bytes):
        """Queue one message of a view for the session's next turns."""
        if view in self.views:
            self.inbox.append((view, "receive", raw))

    def ready(self, view: int):
        """A view can take a frame (no turn of work needed to know it)."""
        if view in self.views:
            self.views[view].connection.ready = True
            self.wants_updates = True

    def runnable(self) -> bool:
        """Whether it has something to do now."""
        if self.busy:
            return True
        if not self.views:
            return False
        if self.inbox or self.wants_updates:
            return True
        return self.session.playing and self.session.seconds_until_due() == 0

    def seconds_until_due(self) -> float | None:
        """How long until it has something to do by itself (None: only when a message comes)."""
        if self.views and self.session.playing:
            return self.session.seconds_until_due()
        return None

    def take_turn(self) -> float:
        """Run until the session gives the turn back; return how long that took."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, daemon=True, name="glassnet-session")
            self._thread.start()
        self._turn_started = time.perf_counter()
        self._go.release()
        self._back.acquire()
        return time.perf_counter() - self._turn_started

    def close(self):
        """Stop its work and its thread for good."""
        self._closing = self._cancelled = True
        while self._thread is not None and not self._done:
            self._go.release()
            self._back.acquire()

    # -- on the session's own thread -----------------------------------------------------

    def checkpoint(self):
        """Called by the session between slices of long work (see the module's docstring)."""
        if self._cancelled:
            raise Interrupted("Its view went away, so the work was stopped.")
        started = self._request_started
        if started is not None and time.thread_time() - started > self.options.request_seconds:
            raise Interrupted(
                f"This request took more than {self.options.request_seconds:g} s of computing, "
                "the most one request may take (MAX_REQUEST_SECONDS in docs/limits.md), so it "
                "was stopped and nothing changed. Fewer points, a smaller network or a larger "
                "batch size make it faster."
            )
        turn = time.perf_counter() - self._turn_started
        if turn >= self.options.slice_seconds and (
            turn >= ALONE_SLICES * self.options.slice_seconds or self.others_waiting()
        ):
            self.busy = True
            self._back.release()  # give the turn back ...
            self._go.acquire()  # ... and wait for the next one
            if self._cancelled:
                raise Interrupted("Its view went away, so the work was stopped.")

    def _run(self):
        while True:
            self._go.acquire()
            if self._closing:
                self._done = True
                self._back.release()
                return
            try:
                self._work()
            except Interrupted:
                pass  # stopped because the view went away: nobody waits for an answer
            except Exception:  # a bug of ours: say so, keep the session
                log.exception("a session's turn failed")
                self.session.playing = False
                for number, view in self.views.items():
                    message = "Training stopped because of a bug in glassnet."
                    self._send(number, view.connection.error(message))
            self._working_for = None
            self.busy = False
            if not self._closing:
                self._cancelled = False
            self._back.release()

    def _work(self):
        if self.inbox:
            number, kind, raw = self.inbox.popleft()
            connection = self.views[number].connection
            self._working_for = number
            self._request_started = time.thread_time()
            try:
                replies = connection.start(raw) if kind == "start" else connection.receive(raw)
            finally:
                self._request_started = None
            if self._send(number, replies):
                self.views[number].started = True
                self.views[number].handled += kind == "receive"
            self._update(but=number)  # what it changed reaches the other screens
        else:  # a view is ready for a frame, or training plays: one turn does both
            self.wants_updates = False
            if self.session.playing:
                alone = not self.others_waiting()
                self.session.advance(self.options.slice_seconds * (ALONE_SLICES if alone else 1))
            self._update()

    def _update(self, but: int | None = None):
        """Queue for every view (but one) what changed since it was last sent anything."""
        for number, view in list(self.views.items()):
            if number != but and view.started:
                self._send(number, view.connection.updates())

    def _share_notices(self, notices: list[str]):
        """The session's notices concern every screen that shows it: each view gets them."""
        for view in self.views.values():
            view.connection.notices.extend(notices)

    def _tell_others(self, connection: Connection, notice: str):
        """A notice for every view but the one whose request it is about."""
        for view in self.views.values():
            if view.connection is not connection:
                view.connection.notices.append(notice)

    def _send(self, number: int, outgoing) -> bool:
        """Queue what a connection answered, if its view is still connected."""
        view = self.views.get(number)
        if view is None:
            return False
        view.out.extend(encode(o) for o in outgoing)
        return True
