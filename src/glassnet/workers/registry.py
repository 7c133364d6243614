"""The sessions a server holds: who may start one, who may come back to one, and when one is freed.

Each session is known by a token, a secret given to its view at the start
(``welcome``). When the view's connection drops (a reload, a laptop lid, a
flaky network) the session is kept for ``IDLE_SECONDS``: a view that comes back
with the token within that time re-attaches to it, undo and all, instead of
restoring a second copy. After that the session is freed, and a view that comes
back later restores from its own copy as before.

Kept sessions count against the caps (``MAX_SESSIONS`` in all, and per client
address), so that coming back always has room; but when a new view would be
refused because of them, the session idle the longest is freed for it.

This module is plain bookkeeping; the pool frees what it is told to.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

from .. import limits


@dataclass
class Entry:
    """One session: its number in the pool, its client's address, and whether a view is on it."""

    token: str
    sid: int
    address: str
    attached: bool = True
    idle_since: float = 0.0


class Full(Exception):
    """No room for another session; the message says which cap and what to do."""


class Registry:
    """Every session of a server, by token.

    Parameters
    ----------
    max_sessions, max_per_address : int
        The caps (``--max-sessions``, ``--max-sessions-per-address``).
    idle_seconds : float
        How long a session without a view is kept.
    clock : callable
        Seconds, ``time.monotonic`` unless a test needs another.
    """

    def __init__(
        self,
        max_sessions: int = limits.MAX_SESSIONS,
        max_per_address: int = limits.MAX_SESSIONS_PER_CLIENT,
        idle_seconds: float = limits.IDLE_SECONDS,
        clock=time.monotonic,
    ):
        self.max_sessions = max_sessions
        self.max_per_address = max_per_address
        self.idle_seconds = idle_seconds
        self.clock = clock
        self.entries: dict[str, Entry] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def reclaim(self, token: str | None) -> Entry | None:
        """The kept session a returning view's token names, now attached again (or None)."""
        entry = self.entries.get(token) if token else None
        if entry is None or entry.attached:
            return None  # unknown, freed, or another view has it (a duplicated tab)
        entry.attached = True
        return entry

    def admit(self, address: str) -> tuple[Entry, list[int]]:
        """Room for a new session from ``address``: its entry, and the kept sessions to free.

        The entry counts at once (its ``sid`` is set when the session starts), so
        that views arriving together cannot all squeeze past a cap.

        Raises
        ------
        Full
            When the caps are reached by sessions that have views.
        """
        freed = []
        mine = [e for e in self.entries.values() if e.address == address]
        if len(mine) >= self.max_per_address:
            freed += self._free_idlest(mine, self._crowded_message())
        if len(self.entries) >= self.max_sessions:
            freed += self._free_idlest(list(self.entries.values()), self._full_message())
        entry = Entry(secrets.token_urlsafe(18), 0, address)
        self.entries[entry.token] = entry
        return entry, freed

    def detach(self, entry: Entry):
        """Its view went away: keep it for ``idle_seconds``."""
        entry.attached = False
        entry.idle_since = self.clock()

    def remove(self, entry: Entry):
        self.entries.pop(entry.token, None)

    def forget(self, sids: list[int]):
        """Sessions that are gone (their worker died)."""
        lost = set(sids)
        for token in [t for t, e in self.entries.items() if e.sid in lost]:
            del self.entries[token]

    def sweep(self) -> list[int]:
        """Free the sessions idle longer than ``idle_seconds``; return their numbers."""
        now = self.clock()
        old = [e for e in self.entries.values() if not e.attached]
        old = [e for e in old if now - e.idle_since > self.idle_seconds]
        for entry in old:
            del self.entries[entry.token]
        return [e.sid for e in old]

    def _free_idlest(self, among: list[Entry], message: str) -> list[int]:
        idle = [e for e in among if not e.attached]
        if not idle:
            raise Full(message)
        idlest = min(idle, key=lambda e: e.idle_since)
        del self.entries[idlest.token]
        return [idlest.sid]

    def _full_message(self) -> str:
        return (
            f"This glassnet server already runs {self.max_sessions} sessions, its limit "
            "(--max-sessions). Close a tab and reload."
        )

    def _crowded_message(self) -> str:
        return (
            f"This computer has {self.max_per_address} sessions open here already, the most "
            "one address may hold (--max-sessions-per-address). Close a tab and reload."
        )
