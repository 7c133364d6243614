"""Pace: how many epochs are due, so that training runs at the chosen speed.

At 10 epochs per second, the first epoch is due at once, the next after 0.1 s,
and so on, counted from when Play was pressed. A host that falls far behind (a
slow machine, a sleeping laptop) does not try to catch up: the count starts
again. This module knows only a clock.
"""

from __future__ import annotations

import math


class Pace:
    """Counts epochs against a clock.

    Parameters
    ----------
    clock : callable
        Seconds as a float, such as ``time.monotonic``.
    """

    def __init__(self, clock):
        self.clock = clock
        self.restart()

    def restart(self):
        """Start counting now: the next epoch is due at once."""
        self.started = self.clock()
        self.done = 0

    def due(self, speed) -> float:
        """How many epochs are due now at ``speed`` epochs per second (``"max"``: no limit)."""
        if speed == "max":
            return math.inf
        due = math.floor((self.clock() - self.started) * speed) + 1 - self.done
        if due > speed:  # more than a second behind: do not catch up
            self.restart()
            due = 1
        return due

    def count(self, epochs: int):
        """Record epochs that were trained."""
        self.done += epochs

    def seconds_until_due(self, speed) -> float:
        """How long until the next epoch is due (0 at full speed or when one is due)."""
        if speed == "max":
            return 0.0
        return max(0.0, self.started + self.done / speed - self.clock())
