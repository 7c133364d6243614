"""Ctrl-C between whole epochs: an interrupt that training checks instead of one that cuts it.

A KeyboardInterrupt raised in the middle of an epoch could leave some layers
updated and others not. :func:`interrupts_between_steps` turns SIGINT (Ctrl-C,
a notebook kernel's stop button) into a request that a training loop checks
between two epochs, so the network is always as it was after a whole one.
"""

from __future__ import annotations

import contextlib
import signal
import threading


class _Stop:
    """Whether an interrupt asked training to stop."""

    requested = False


@contextlib.contextmanager
def interrupts_between_steps():
    """Turn Ctrl-C (SIGINT, the kernel's stop button) into a request checked between epochs.

    A KeyboardInterrupt raised in the middle of an epoch could leave some layers
    updated and others not. Instead, while this holds in the main thread, SIGINT
    only sets ``stop.requested``; the loop finishes its epoch and stops. Outside
    the main thread no signal arrives, and nothing is installed.
    """
    stop = _Stop()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def request(_signum, _frame):
        stop.requested = True

    previous = signal.signal(signal.SIGINT, request)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)
