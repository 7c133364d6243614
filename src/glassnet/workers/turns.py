"""Fair turns: which session of a worker runs next.

The next turn goes to the session that has had the least time so far, among
those with something to do (a message, a frame to send, an epoch due, or work
that stopped at a checkpoint). A session that asks for more than its share
(floods expensive requests, trains a huge network at full speed) runs when the
others have had as much, so it slows itself, not them.

A session that had nothing to do for a while has not "saved up" time: when it
wakes it is counted as having had nearly as much as the least-served busy one
(one slice less, so a message from a quiet view is answered next). This is how
Linux's CFS scheduler treats a task that wakes up.

This module knows hosts only by ``used``, ``runnable()`` and
``seconds_until_due()``; nothing about sessions or sockets.
"""

from __future__ import annotations


class Turns:
    """The sessions of one worker, and whose turn is next.

    Parameters
    ----------
    slice_seconds : float
        The longest turn: a woken session starts one slice ahead of the others.
    """

    def __init__(self, slice_seconds: float):
        self.slice = slice_seconds
        self.hosts: dict[int, object] = {}
        self.floor = 0.0  # the least time any session with something to do has had

    def next(self):
        """The host to run now, or None when none has anything to do."""
        ready = [h for h in self.hosts.values() if h.runnable()]
        if not ready:
            return None
        for host in ready:  # a host that just woke has not saved up time
            host.used = max(host.used, self.floor - self.slice)
        chosen = min(ready, key=lambda h: h.used)
        self.floor = max(self.floor, chosen.used)
        return chosen

    def wait(self) -> float | None:
        """How long the worker may wait for messages before some host has work (None: forever)."""
        if any(h.runnable() for h in self.hosts.values()):
            return 0.0
        waits = [h.seconds_until_due() for h in self.hosts.values()]
        waits = [w for w in waits if w is not None]
        return min(waits) if waits else None
