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

A session may also be shared live (docs/screens.md): its owner gets a join
code, and views that open the server with it (``/ws?join=CODE``) follow the
session. A shared session is kept while anyone follows it, even with its owner
gone; the owner comes back to it with its token as before. A code is 96 random
bits from ``secrets`` (or one the operator named at start, ``named_codes``), and
the owner may revoke it (its followers are then let go).

This module is plain bookkeeping; the pool frees what it is told to, and the
relay tells the views.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field

from .. import limits


@dataclass
class Entry:
    """One session: its number in the pool, its client's address, and whether a view is on it.

    ``code`` is its join code while it is shared, ``control`` whether followers may
    change it, ``followers`` their views (view number -> what the relay needs to
    let one go) and ``owner`` the owner's view while attached.
    """

    token: str
    sid: int
    address: str
    attached: bool = True
    idle_since: float = 0.0
    code: str | None = None
    control: bool = False
    followers: dict[int, object] = field(default_factory=dict)
    owner: object | None = None

    @property
    def watched(self) -> bool:
        """Whether anyone is on it: its owner or a follower."""
        return self.attached or bool(self.followers)


class Full(Exception):
    """No room for another session; the message says which cap and what to do."""


class Refused(Exception):
    """A join code that cannot be followed; the message says why and what to do."""


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
    named_codes : tuple of str
        Join codes named when the server started (``--osc-session CODE``): the first
        sessions shared get them, in order, instead of random ones, so that a
        controller can know its session's code before anyone shares it.
    """

    def __init__(
        self,
        max_sessions: int = limits.MAX_SESSIONS,
        max_per_address: int = limits.MAX_SESSIONS_PER_CLIENT,
        idle_seconds: float = limits.IDLE_SECONDS,
        clock=time.monotonic,
        named_codes: tuple[str, ...] = (),
    ):
        self.named_codes = list(dict.fromkeys(named_codes))
        self.max_sessions = max_sessions
        self.max_per_address = max_per_address
        self.idle_seconds = idle_seconds
        self.clock = clock
        self.entries: dict[str, Entry] = {}
        self.codes: dict[str, Entry] = {}  # join code -> its shared session

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
        """Its owner's view went away: keep it for ``idle_seconds`` once nobody follows it."""
        entry.attached = False
        entry.owner = None
        self._idle_if_unwatched(entry)

    def remove(self, entry: Entry):
        self.entries.pop(entry.token, None)
        self.codes.pop(entry.code, None)

    def forget(self, sids: list[int]):
        """Sessions that are gone (their worker died)."""
        lost = set(sids)
        for entry in [e for e in self.entries.values() if e.sid in lost]:
            self.remove(entry)

    def sweep(self) -> list[int]:
        """Free the sessions idle longer than ``idle_seconds``; return their numbers."""
        now = self.clock()
        old = [e for e in self.entries.values() if not e.watched]
        old = [e for e in old if now - e.idle_since > self.idle_seconds]
        for entry in old:
            self.remove(entry)
        return [e.sid for e in old]

    def _free_idlest(self, among: list[Entry], message: str) -> list[int]:
        idle = [e for e in among if not e.watched]
        if not idle:
            raise Full(message)
        idlest = min(idle, key=lambda e: e.idle_since)
        self.remove(idlest)
        return [idlest.sid]

    # -- sharing live -------------------------------------------------------------------

    def share(self, entry: Entry, control: bool) -> str:
        """Share a session (or change whether its followers may control it); return its code."""
        if entry.code is None:
            free = [code for code in self.named_codes if code not in self.codes]
            entry.code = free[0] if free else secrets.token_urlsafe(12)  # 96 bits
            self.codes[entry.code] = entry
        entry.control = control
        return entry.code

    def revoke(self, entry: Entry) -> dict[int, object]:
        """Stop sharing: the code no longer works; return the followers to let go."""
        self.codes.pop(entry.code, None)
        entry.code = None
        followers, entry.followers = entry.followers, {}
        self._idle_if_unwatched(entry)
        return followers

    def join(self, code: str) -> Entry:
        """The session shared with ``code``, which has room for one more follower.

        Raises
        ------
        Refused
            For a code that is not (or no longer) shared, or a session with
            ``MAX_FOLLOWERS`` followers already.
        """
        entry = self.codes.get(code)
        if entry is None:
            raise Refused(
                "This join link does not open a shared session: its owner stopped sharing "
                "it, or the session ended. Ask for a new link."
            )
        if len(entry.followers) >= limits.MAX_FOLLOWERS:
            raise Refused(
                f"This shared session already has {limits.MAX_FOLLOWERS} screens following it, "
                "the most one session may have (MAX_FOLLOWERS, docs/limits.md)."
            )
        return entry

    def follow(self, entry: Entry, view: int, link: object):
        """A follower's view is on the session now."""
        entry.followers[view] = link

    def leave(self, entry: Entry, view: int):
        """A follower's view went away."""
        entry.followers.pop(view, None)
        self._idle_if_unwatched(entry)

    def _idle_if_unwatched(self, entry: Entry):
        if not entry.watched:
            entry.idle_since = self.clock()  # kept IDLE_SECONDS from the last view's leaving

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
