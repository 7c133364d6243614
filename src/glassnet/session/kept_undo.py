"""Undo steps as plain documents, so that a view can keep them and bring them back.

A page keeps its session (``saving.py``) to restore it after a server restart;
with these it keeps its undo and redo steps too. Each step is a small saved
session: its ``label`` and the parts of ``saving.py``'s document, except that

- ``points`` holds only what differs from the document's own points (often
  nothing: then it is left out; after a drawn point, only the drawn ones), and
- ``history`` is thinned to at most ``STEP_HISTORY`` entries: the chart it
  brings back spans the same run, more coarsely.

On the way in every step is checked exactly as a saved session is. A damaged
step is not an error of the session: the steps are left out, and the session
says so.

This module knows snapshots and documents; nothing about JSON text or the web.
"""

from __future__ import annotations

from typing import Any

from .. import limits
from .history import History
from .points import Points
from .saving import (
    FORMAT,
    VERSION,
    SavedSessionError,
    history_part,
    network_part,
    points_part,
    restore_parts,
    training_part,
)
from .undo import Snapshot, UndoStack

STEP_HISTORY = 256
"""The most history entries one kept step holds."""


def with_steps(document: dict, stack: UndoStack, points: Points, since: int) -> dict[str, Any]:
    """A saved session's ``document`` with its ``undo_version``, and the steps if they changed
    since the version ``since`` (the one of the last document a view kept, or -1)."""
    document["undo_version"] = stack.version
    if since != stack.version:
        document.update(steps_document(stack, points))
    return document


def kept_steps(document: dict, notices: list[str]):
    """The steps a kept document brings back as ``(undo, redo)``, or None when it has none.

    Damaged steps are left out with a notice: the session itself still restores.
    """
    if "undo" not in document and "redo" not in document:
        return None
    try:
        return read_steps(document)
    except SavedSessionError as error:
        notices.append(f"The kept undo steps were left out: {error}.")
        return None


def steps_document(stack: UndoStack, points: Points) -> dict[str, Any]:
    """The undo and redo steps, oldest first, for a session whose points are ``points``."""
    mine = points_part(points)
    return {
        "undo": [_step(snap, points, mine) for snap in stack.undo],
        "redo": [_step(snap, points, mine) for snap in stack.redo],
    }


def _step(snap: Snapshot, points: Points, mine: dict) -> dict[str, Any]:
    step = {
        "label": snap.label,
        "settings": snap.settings.to_dict(),
        "network": network_part(snap.parameters),
        "training": training_part(snap.epoch, snap.trainer),
        "history": history_part(_thinned(snap.history.history())),
    }
    if snap.points is not points:
        theirs = points_part(snap.points, with_base=snap.points.base is not points.base)
        step["points"] = {k: v for k, v in theirs.items() if mine.get(k) != v}
    return step


def _thinned(history: History) -> History:
    while len(history) > STEP_HISTORY:
        history.thin()
    return history


def read_steps(document: dict) -> tuple[list[Snapshot], list[Snapshot]]:
    """The undo and redo snapshots a kept document holds (none if it holds none).

    Raises
    ------
    SavedSessionError
        When a step is damaged; the message says which.
    """
    found = []
    for name in ("undo", "redo"):
        steps = document.get(name) or []
        if not isinstance(steps, list) or len(steps) > limits.MAX_UNDO:
            raise SavedSessionError(f"the kept {name} steps are not a list of at most "
                                    f"{limits.MAX_UNDO}")  # fmt: skip
        found.append([_read_step(step, document) for step in steps])
    return found[0], found[1]


def _read_step(step: Any, document: dict) -> Snapshot:
    if not isinstance(step, dict) or not isinstance(step.get("label"), str):
        raise SavedSessionError("a kept undo step has no label")
    points = step.get("points") or {}
    if not isinstance(points, dict) or not isinstance(document.get("points"), dict):
        raise SavedSessionError("a kept undo step's points are not an object")
    whole = {
        "format": FORMAT,
        "version": VERSION,
        "settings": step.get("settings"),
        "points": {**document["points"], **points},
        "network": step.get("network"),
        "training": step.get("training"),
        "history": step.get("history") or history_part(History()),
    }
    return restore_parts(whole, step["label"][:100])
