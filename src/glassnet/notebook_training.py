"""How the notebook widget trains: on a background thread while a view plays, or in the cell.

Play in a view: a :class:`PlayThread` calls the widget's ``train_slice``, which
trains for a moment (holding the session's lock, so a message can come between
two slices, as in the web server's worker) and returns how long until the next
epoch is due; the thread waits that long, or until woken. While nothing plays
it sleeps until :meth:`PlayThread.wake`.

``pg.train(epochs)``: :func:`train_in_cell` trains in the calling thread (the
kernel is busy meanwhile, so no view's ``ready`` can arrive): it pushes a
frame at a capped rate, the whole state now and then for views drawn
meanwhile, and stops between two whole epochs when the kernel is interrupted.

This module knows threads, the interrupts and a session's public methods;
what a slice, a push and a greeting send is the widget's.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from .interrupts import interrupts_between_steps
from .session import Session

TRAIN_FRAMES_PER_SECOND = 20
"""How often :func:`train_in_cell` pushes a frame to the views (it trains between)."""

GREET_EVERY_SECONDS = 2.0
"""While :func:`train_in_cell` holds the kernel, how often the whole state goes out again.

A view drawn after the kernel got busy (Run All: the cell that shows ``pg``, then
the cell that trains it) says hello, but the kernel hears it only when training
ends; until then, this is how it learns the catalog, the data and that it must wait."""


class PlayThread:
    """Calls ``train_slice()`` while ``playing()``, on one daemon thread started on demand."""

    def __init__(self, playing: Callable[[], bool], train_slice: Callable[[], float]):
        self.playing = playing
        self.train_slice = train_slice
        self.thread: threading.Thread | None = None
        self.stopped = False
        self._wake = threading.Event()

    def wake(self):
        """The playground may play now: start the thread, or wake it if it sleeps."""
        self._wake.set()
        if self.thread is None or not self.thread.is_alive():
            self.thread = threading.Thread(target=self._run, name="glassnet-play", daemon=True)
            self.thread.start()

    def stop(self):
        """End the thread after its slice, and wait for it (a few seconds at most)."""
        self.stopped = True
        self._wake.set()
        if self.thread is not None and self.thread is not threading.current_thread():
            self.thread.join(timeout=5)

    def _run(self):
        while not self.stopped:
            if not self.playing():
                self._wake.wait()
                self._wake.clear()
                continue
            delay = self.train_slice()
            # At least a moment, so a waiting message can take the lock.
            self._wake.wait(max(delay, 0.001))
            self._wake.clear()


def train_in_cell(session: Session, epochs: int, lock, push: Callable, greet: Callable) -> bool:
    """Train up to ``epochs`` epochs in this thread, each one holding ``lock``.

    ``greet()`` sends the whole state (at once, then every ``GREET_EVERY_SECONDS``),
    ``push()`` a frame (after an epoch, at most ``TRAIN_FRAMES_PER_SECOND`` times a
    second). Training stops early for an alert that pauses, and between two whole
    epochs when the kernel is interrupted. Returns whether it was interrupted.
    """
    pushed, greeted = 0.0, 0.0
    with interrupts_between_steps() as stop:
        for _ in range(epochs):
            if stop.requested:
                break
            with lock:
                if time.monotonic() - greeted >= GREET_EVERY_SECONDS:
                    greeted = time.monotonic()
                    greet()
                session.step()
                if time.monotonic() - pushed >= 1 / TRAIN_FRAMES_PER_SECOND:
                    pushed = time.monotonic()
                    push()
            if session.alert is not None and session.alert.pauses:
                break
    return stop.requested
