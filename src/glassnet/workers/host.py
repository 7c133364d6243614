"""One session in a worker: its Session, its view's Connection, and the thread its work runs on.

A worker holds many sessions and runs one at a time (``turns.py`` says which).
Each session's work runs on a thread of its own, but never two at once: the
worker hands a session its *turn* and waits until the session gives it back.
The session gives it back when its work is done, or at a checkpoint (after each
batch of an epoch) once its slice of time is used up; the rest of the work goes
on at its next turn. So a long request, or a slow epoch, takes turns with other
sessions instead of holding them up, and no lock is needed anywhere: whoever
holds the turn is the only one running.

At a checkpoint the work also stops for good, with :class:`Interrupted`, when
its view went away or when one request has computed longer than its limit. The
session puts back whatever the stopped work had half done. Killing a process is
never how work stops: a worker holds other sessions.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import dataclass
from functools import cache

from .. import limits
from ..lessons import Library
from ..protocol import Connection, encode
from ..session import Interrupted, Session

log = logging.getLogger("glassnet")


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


class Host:
    """One session in a worker, and what its view sent that is still waiting.

    Attributes
    ----------
    attached : bool
        Whether a view is connected (a session without one keeps its state,
        but does not train, until a view attaches again or it is closed).
    used : float
        Seconds of turns it has had (``turns.py`` gives the next turn to the
        session that has had the least).
    busy : bool
        Its work stopped at a checkpoint and goes on at its next turn.
    out : list
        What to send its view (text or bytes), and ``handled``: how many of the
        view's messages that answers.
    """

    def __init__(self, sid: int, token: str | None, options: Options):
        self.sid = sid
        self.options = options
        self.token = token
        self.session = Session()
        self.session.checkpoint = self.checkpoint
        self.connection: Connection | None = None
        self.inbox: deque[tuple[str, str | bytes | None]] = deque()  # ("start"|"receive", raw)
        self.attached = False
        self.wants_updates = False  # the view became ready for a frame
        self.used = 0.0
        self.busy = False
        self.out: list[str | bytes] = []
        self.handled = 0
        self._view = 0  # grows when a view goes: work begun for an earlier one answers nobody
        self._cancelled = False
        self._closing = False
        self._done = False
        self._request_started: float | None = None
        self._turn_started = 0.0
        self._go = threading.Semaphore(0)
        self._back = threading.Semaphore(0)
        self._thread: threading.Thread | None = None

    # -- what the worker asks, between turns ---------------------------------------------

    def attach(self, first: str | bytes | None, fresh: bool):
        """A view connected: it gets everything anew, starting with its first message."""
        lessons = library(self.options.lessons)
        self.connection = Connection(self.session, lessons=lessons, token=self.token, fresh=fresh)
        self.attached = True
        self.inbox.append(("start", first))

    def detach(self):
        """The view went away: forget what it sent, stop what it asked for, keep the session."""
        self.attached = False
        self._view += 1
        self.inbox.clear()
        self.wants_updates = False
        self.out.clear()
        self.handled = 0
        if self.busy:
            self._cancelled = True

    def receive(self, raw: str | bytes):
        """Queue one message of the view for the session's next turns."""
        if self.attached:
            self.inbox.append(("receive", raw))

    def ready(self):
        """The view can take a frame (no turn of work needed to know it)."""
        if self.attached and self.connection is not None:
            self.connection.ready = True
            self.wants_updates = True

    def runnable(self) -> bool:
        """Whether it has something to do now."""
        if self.busy:
            return True
        if not self.attached:
            return False
        if self.inbox or self.wants_updates:
            return True
        return self.session.playing and self.session.seconds_until_due() == 0

    def seconds_until_due(self) -> float | None:
        """How long until it has something to do by itself (None: only when a message comes)."""
        if self.attached and self.session.playing:
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
        if time.perf_counter() - self._turn_started >= self.options.slice_seconds:
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
                if self.attached and self.connection is not None:
                    message = "Training stopped because of a bug in glassnet."
                    self._send(self.connection.error(message))
            self.busy = False
            if not self._closing:
                self._cancelled = False
            self._back.release()

    def _work(self):
        connection, view = self.connection, self._view
        if self.inbox:
            kind, raw = self.inbox.popleft()
            self._request_started = time.thread_time()
            try:
                replies = connection.start(raw) if kind == "start" else connection.receive(raw)
            finally:
                self._request_started = None
            if self._send(replies, view) and kind == "receive":
                self.handled += 1
        elif self.wants_updates:
            self.wants_updates = False
            self._send(connection.updates(), view)
        elif self.session.playing:
            self.session.advance(self.options.slice_seconds)
            self._send(connection.updates(), view)

    def _send(self, outgoing, view: int | None = None) -> bool:
        """Queue what a connection answered, if its view is still the one attached."""
        if not self.attached or view not in (None, self._view):
            return False
        self.out.extend(encode(o) for o in outgoing)
        return True
