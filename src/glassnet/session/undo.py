"""Undo and redo: snapshots of a session taken before anything that destroys work.

A snapshot holds everything needed to go back: the settings, the points, the
weights, the optimizer's memory, the shuffling state, the epoch and the
history (arrays are copies). The session takes them; this module keeps them in
order and knows nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import limits
from .history import History
from .points import Points


@dataclass(frozen=True)
class Snapshot:
    """Everything undo needs to bring a session back."""

    label: str
    settings: dict
    points: Points
    parameters: list
    trainer: dict  # Trainer.state(): optimizer memory, shuffling, pinned weights
    epoch: int
    history: History


class UndoStack:
    """Snapshots to undo and to redo, at most ``limits.MAX_UNDO`` of each."""

    def __init__(self):
        self.undo: list[Snapshot] = []
        self.redo: list[Snapshot] = []

    def push(self, snapshot: Snapshot):
        """Remember the state before a new change; a new change forgets what could be redone."""
        self.undo.append(snapshot)
        del self.undo[: -limits.MAX_UNDO]
        self.redo.clear()

    def back(self, now: Snapshot) -> Snapshot | None:
        """The snapshot to go back to (``now`` becomes redoable), or None."""
        if not self.undo:
            return None
        self.redo.append(now)
        return self.undo.pop()

    def forward(self, now: Snapshot) -> Snapshot | None:
        """The snapshot to go forward to (``now`` becomes undoable), or None."""
        if not self.redo:
            return None
        self.undo.append(now)
        return self.redo.pop()

    @property
    def undo_label(self) -> str | None:
        """What undo would take back, or None."""
        return self.undo[-1].label if self.undo else None

    @property
    def redo_label(self) -> str | None:
        """What redo would do again, or None."""
        return self.redo[-1].label if self.redo else None
