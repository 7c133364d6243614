"""How fast one view may send: ``MAX_MESSAGES_PER_SECOND`` as a token bucket.

The relay uses it for a page's messages, a controller (``controllers/``) for
its own: one limit, written once. It knows nothing of sockets or sessions.
"""

from __future__ import annotations

import time

from . import limits

NOTICE_EVERY_SECONDS = 10.0
"""A view told it went past a limit (or a controller that it has no session) is told again
at most this often."""


class MessageRate:
    """A bucket of ``MAX_MESSAGES_PER_SECOND`` tokens, refilled at that rate.

    Each message spends one token; when the bucket is empty, the next message
    waits until a token has come back.
    """

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.tokens = float(limits.MAX_MESSAGES_PER_SECOND)
        self.refilled = clock()

    def _refill(self):
        now, rate = self.clock(), limits.MAX_MESSAGES_PER_SECOND
        self.tokens = min(rate, self.tokens + (now - self.refilled) * rate)
        self.refilled = now

    def wait(self) -> float:
        """Seconds until the next message may go (0: now), spending nothing."""
        self._refill()
        return max(0.0, (1 - self.tokens) / limits.MAX_MESSAGES_PER_SECOND)

    def spend(self) -> float:
        """Spend a token for one message; return how long it must wait first (0: none)."""
        self._refill()
        self.tokens -= 1
        return max(0.0, -self.tokens / limits.MAX_MESSAGES_PER_SECOND)
