"""Undo and redo: snapshots of a session taken before anything that destroys work.

A snapshot holds everything needed to go back: the settings, the points, the
weights, the optimizer's memory, the shuffling state, the epoch, the
history and the recording (arrays are copies; the points are shared, since
edits make new ones, and so is the history, through a :class:`HistoryMark`,
and the recording's keyframes, which never change). It can rebuild the
workspace and the training it was taken from; :class:`UndoStack` keeps
snapshots in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import limits
from .history import HistoryMark
from .points import Points
from .recording import Recording
from .settings import Settings
from .training import Training
from .workspace import Workspace


@dataclass(frozen=True)
class Snapshot:
    """Everything undo needs to bring a session back."""

    label: str
    settings: Settings
    points: Points
    parameters: list
    trainer: dict  # Trainer.state(): optimizer memory, shuffling, pinned weights
    epoch: int
    history: HistoryMark
    recording: Recording = field(default_factory=Recording)

    @classmethod
    def take(cls, label: str, settings: Settings, points: Points, training: Training) -> Snapshot:
        """A snapshot of a session's settings, points and training now (copies)."""
        t = training
        return cls(label, settings, points, t.parameters(), t.trainer.state(), t.epoch,
                   t.history.mark(), t.recording.copy())  # fmt: skip

    def rebuild(self, history_generation: int) -> tuple[Workspace, Training]:
        """The workspace and the training this snapshot was taken of.

        ``history_generation`` is the current history's, so a view knows the
        history it holds was replaced.
        """
        workspace = Workspace.build(self.settings, self.points)
        training = Training(self.settings, workspace)
        training.set_state(self.parameters, self.trainer)
        training.epoch = self.epoch
        training.history = self.history.history(generation=history_generation + 1)
        training.history.truncate(self.epoch)  # a kept history may run ahead of its weights
        training.recording = self.recording.copy()
        training.recording.truncate(self.epoch)
        training.remeasure(workspace)
        return workspace, training


class UndoStack:
    """Snapshots to undo and to redo, at most ``limits.MAX_UNDO`` of each."""

    def __init__(self):
        self.undo: list[Snapshot] = []
        self.redo: list[Snapshot] = []
        self.version = 0  # grows with every change, so a view knows when to keep the steps again
        self.drag = None  # the slider drag whose first edit made the last step

    def push(self, snapshot: Snapshot, drag=None):
        """Remember the state before a new change; a new change forgets what could be redone.

        ``drag`` names a drag of a slider: its first edit makes a step, and the
        rest of the same drag (nothing else pushed between) adds none, so one
        drag is one undo step.
        """
        if drag is not None and drag == self.drag:
            return
        self.drag = drag
        self.undo.append(snapshot)
        del self.undo[: -limits.MAX_UNDO]
        self.redo.clear()
        self.version += 1

    def back(self, now: Snapshot) -> Snapshot | None:
        """The snapshot to go back to (``now`` becomes redoable), or None."""
        if not self.undo:
            return None
        self.drag = None
        self.redo.append(now)
        self.version += 1
        return self.undo.pop()

    def forward(self, now: Snapshot) -> Snapshot | None:
        """The snapshot to go forward to (``now`` becomes undoable), or None."""
        if not self.redo:
            return None
        self.drag = None
        self.undo.append(now)
        self.version += 1
        return self.redo.pop()

    def replace(self, undo: list[Snapshot], redo: list[Snapshot]):
        """Take these steps instead (kept ones, brought back)."""
        self.undo, self.redo = undo[-limits.MAX_UNDO :], redo[-limits.MAX_UNDO :]
        self.drag = None
        self.version += 1

    @property
    def undo_label(self) -> str | None:
        """What undo would take back, or None."""
        return self.undo[-1].label if self.undo else None

    @property
    def redo_label(self) -> str | None:
        """What redo would do again, or None."""
        return self.redo[-1].label if self.redo else None
