"""The worker processes, seen from the web process: start them, route to them, stop them.

Every session lives in one worker process, chosen when it starts (the one with
the fewest sessions) and kept for its whole life. The web process only forwards:
a view's messages go to its session's worker as they came, and what the worker
sends back (already encoded) goes to the view. No training, explaining or
parsing of requests happens in the web process, so it answers at once whatever
the sessions are doing.

Each worker is a fresh ``python -m glassnet.workers.worker`` with its end of a
socket pair. (Not multiprocessing: its ``spawn`` and ``forkserver`` run the
parent's main script again in each child, which starts a second server when
that script does not guard itself with ``if __name__ == "__main__"``.) A worker
runs in a session of its own, so Ctrl-C in a terminal reaches only the web
process, which stops the workers; and a worker stops by itself when the web
process is gone. A worker that dies (a bug, the out-of-memory killer) is
replaced, and the views of its sessions are told, so that they restore from
their own copies.

When there is a worker for every core (the default), each worker is kept on a
core of its own (Linux's CPU affinity). A worker's sessions hand the turn to one
another between two threads hundreds of times a second (``host.py``); on one
core that is a plain switch, while threads that wander between cores wait to be
woken there: kept apart, the workers used 77% of their cores, kept on one each,
85%, and a second client's round trip during a flood had a p95 of 16-19 ms
instead of 130-150 (``benchmarks/load.py``). With fewer workers than cores
(several glassnet servers on one machine, say) the system places them.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from . import channel
from .host import Options

log = logging.getLogger("glassnet")


def usable_cores() -> list[int]:
    """The cores this process may run on (all of them where the system cannot say)."""
    try:
        return sorted(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return list(range(os.cpu_count() or 1))


def default_size() -> int:
    """As many workers as this process may use cores."""
    return len(usable_cores())


class Link:
    """What the pool needs of a view: where its session's answers go."""

    def deliver(self, payloads: list, handled: int):
        """WebSocket messages for the view, and how many of its messages they answer."""
        raise NotImplementedError

    def lost(self, reason: str):
        """The session is gone (its worker died); say so and close."""
        raise NotImplementedError


@dataclass
class _Worker:
    process: subprocess.Popen
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    core: int | None = None  # the core it is kept on, if any (see the module's docstring)
    sessions: set[int] = field(default_factory=set)
    task: asyncio.Task | None = None


class WorkerPool:
    """Worker processes that hold the sessions.

    Parameters
    ----------
    size : int
        How many worker processes (``default_size()``: one per core).
    options : Options
        How each worker shares its core (slices, the longest request).
    on_lost : callable, optional
        Called with the numbers of sessions lost with a worker that died.
    """

    def __init__(self, size: int, options: Options | None = None, on_lost: Callable = None):
        if size < 1:
            raise ValueError(f"a pool needs at least one worker, not {size}")
        self.size = size
        self.options = options or Options()
        self.on_lost = on_lost or (lambda sids: None)
        self.workers: list[_Worker] = []
        self.links: dict[int, tuple[int, Link]] = {}  # view number -> (its session, its link)
        self.where: dict[int, _Worker] = {}  # session number -> its worker
        self.next_sid = 1
        self.next_view = 1
        self.stopping = False
        self._started: asyncio.Task | None = None

    async def start(self):
        """Start the workers (once; later calls wait for the first)."""
        if self._started is None:
            self._started = asyncio.ensure_future(self._start())
        await self._started

    async def _start(self):
        cores = usable_cores()
        pinned = self.size >= len(cores) and hasattr(os, "sched_setaffinity")
        places = [cores[k % len(cores)] if pinned else None for k in range(self.size)]
        self.workers = list(await asyncio.gather(*(self._spawn(core) for core in places)))

    async def _spawn(self, core: int | None) -> _Worker:
        # Starting a process blocks (the first one also starts the fork server): not on the loop.
        process, sock = await asyncio.to_thread(self._start_process, core)
        reader, writer = await asyncio.open_connection(sock=sock, limit=1 << 20)
        worker = _Worker(process, reader, writer, core)
        worker.task = asyncio.ensure_future(self._read(worker))
        return worker

    def _start_process(self, core: int | None):
        mine, theirs = socket.socketpair()
        with theirs:
            options = json.dumps(asdict(self.options))
            command = [sys.executable, "-m", "glassnet.workers.worker", str(theirs.fileno()),
                       options]  # fmt: skip
            process = subprocess.Popen(command, pass_fds=[theirs.fileno()], start_new_session=True)
        if core is not None:
            with contextlib.suppress(OSError):  # gone already, or the core was taken away
                os.sched_setaffinity(process.pid, {core})
        return process, mine

    async def _read(self, worker: _Worker):
        try:
            while True:
                _, sid, view, payloads, handled = await channel.read(worker.reader)
                if view in self.links:
                    self.links[view][1].deliver(payloads, handled)
        except (asyncio.IncompleteReadError, ConnectionError):
            if not self.stopping:
                await self._replace(worker)

    async def _replace(self, dead: _Worker):
        self.workers.remove(dead)  # no new session goes there
        dead.writer.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            await asyncio.to_thread(dead.process.wait, 1.0)
        log.error(
            "A glassnet worker process stopped (exit code %s); its %d sessions are lost and "
            "their views restore them from their own copies.",
            dead.process.returncode,
            len(dead.sessions),
        )
        lost = sorted(dead.sessions)
        for sid in lost:
            self.where.pop(sid, None)
        for view, (sid, link) in list(self.links.items()):
            if sid in dead.sessions:
                del self.links[view]
                link.lost("The glassnet process running this session stopped.")
        self.on_lost(lost)
        if not self.stopping:
            self.workers.append(await self._spawn(dead.core))

    # -- sessions --------------------------------------------------------------------

    def open(self, link: Link, token: str | None, first) -> tuple[int, int]:
        """Start a session for a view on the least busy worker; return its and the view's numbers.

        Raises
        ------
        RuntimeError
            In the moment when the only worker died and its replacement starts.
        """
        if not self.workers:
            raise RuntimeError("no glassnet worker is running; try again in a moment")
        worker = min(self.workers, key=lambda w: len(w.sessions))
        sid, self.next_sid = self.next_sid, self.next_sid + 1
        worker.sessions.add(sid)
        self.where[sid] = worker
        view = self._add(sid, link)
        self._send(sid, ("open", sid, view, token, first))
        return sid, view

    def attach(self, sid: int, link: Link, token: str | None, first) -> int:
        """The owner's view again, for a session it left; return the view's number."""
        view = self._add(sid, link)
        self._send(sid, ("attach", sid, view, token, first))
        return view

    def join(self, sid: int, link: Link, read_only: bool, first) -> int:
        """A follower's view for a shared session; return its number."""
        view = self._add(sid, link)
        self._send(sid, ("join", sid, view, read_only, first))
        return view

    def _add(self, sid: int, link: Link) -> int:
        view, self.next_view = self.next_view, self.next_view + 1
        self.links[view] = (sid, link)
        return view

    def role(self, sid: int, view: int, read_only: bool):
        self._send(sid, ("role", sid, view, read_only))

    def message(self, sid: int, view: int, raw):
        self._send(sid, ("message", sid, view, raw))

    def ready(self, sid: int, view: int):
        self._send(sid, ("ready", sid, view))

    def detach(self, sid: int, view: int):
        """The view went away; the session stays (until :meth:`close`)."""
        self.links.pop(view, None)
        self._send(sid, ("detach", sid, view))

    def close(self, sid: int):
        """Free a session."""
        for view in [v for v, (s, _) in self.links.items() if s == sid]:
            del self.links[view]
        self._send(sid, ("close", sid))
        worker = self.where.pop(sid, None)
        if worker is not None:
            worker.sessions.discard(sid)

    def _send(self, sid: int, message: tuple):
        worker = self.where.get(sid)
        if worker is not None and not worker.writer.is_closing():
            channel.write(worker.writer, message)

    def pids(self) -> list[int]:
        """The workers' process ids (for a benchmark that measures them)."""
        return [w.process.pid for w in self.workers]

    async def stop(self, timeout: float = 1.0):
        """Ask every worker to stop; one that has not within ``timeout`` is killed."""
        self.stopping = True
        if self._started is not None and not self._started.done():
            self._started.cancel()
        for worker in self.workers:
            if not worker.writer.is_closing():
                channel.write(worker.writer, ("stop",))
                worker.writer.close()
        await asyncio.gather(*(asyncio.to_thread(self._end, w, timeout) for w in self.workers))
        for worker in self.workers:
            if worker.task is not None:
                worker.task.cancel()
        self.workers = []

    @staticmethod
    def _end(worker: _Worker, timeout: float):
        try:
            worker.process.wait(timeout)
        except subprocess.TimeoutExpired:
            worker.process.kill()
            worker.process.wait()
