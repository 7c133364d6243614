"""Sharing a session live, the web process's part: join codes, roles, letting followers go.

The owner's view asks to ``share`` (with or without control) or ``unshare``;
the relay hands those requests here, since the join codes live in the web
process's registry (``workers/registry.py``), where ``/ws?join=CODE`` is routed.
Followers' roles go to the session's worker, which enforces them
(``Connection.read_only``); the owner's view is told how its session is shared
in ``shared`` messages. docs/screens.md tells the whole story.

This module knows the registry, the pool and the messages it sends; nothing
about WebSockets (a view here is what the relay gives: ``say`` and ``end``).
"""

from __future__ import annotations

import json

from . import limits
from .workers import Entry, Registry, WorkerPool

LET_GO = 4403
"""The close code for a follower let go: its join code was revoked, or never worked."""


def share(pool: WorkerPool, registry: Registry, entry: Entry, message: dict):
    """The owner's ``share`` or ``unshare``: carried out here, where the join codes are."""
    if message.get("type") == "share":
        control = message.get("control", False)
        if not isinstance(control, bool):
            entry.owner.say(error("share", "The 'control' field of 'share' is true or false."))
            return
        registry.share(entry, control)
        for view in entry.followers:
            pool.role(entry.sid, view, not control)
    else:
        for follower in registry.revoke(entry).values():
            follower.end(LET_GO, REVOKED)
    tell_owner(entry)


REVOKED = (
    "The owner of this shared session stopped sharing it, so this screen no longer "
    "follows it. Ask for a new link."
)


def tell_owner(entry: Entry):
    """The owner's view hears how its session is shared, and how many follow it."""
    if entry.owner is not None:
        entry.owner.say(shared_message(entry))


def shared_message(entry: Entry) -> str:
    """A ``shared`` message: the join code (None: not shared), control, and the followers."""
    return json.dumps(
        {
            "type": "shared",
            "code": entry.code,
            "control": entry.control,
            "followers": len(entry.followers),
            "max_followers": limits.MAX_FOLLOWERS,
        }
    )


def owner_only(kind) -> str:
    return error(kind, "Only the owner of a shared session may share it or stop sharing it.")


def error(kind, message: str) -> str:
    return json.dumps({"type": "error", "request": kind, "message": message})
