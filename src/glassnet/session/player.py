"""Playing: whether a session trains by itself, and training the epochs due at its speed.

Like TensorFlow Playground's ``Player``: Play starts it, Pause and Step stop
it, and while it plays, the host calls :meth:`Player.advance` often (a
server's worker, the notebook widget's thread). The :class:`Pace` says how
many epochs are due; the training runs them within the host's time budget. An
alert that pauses (training diverged, or there is nothing to train on) stops
playing.

This module knows a ``Training``, its workspace and a clock; nothing about
settings changes, undo or the web.
"""

from __future__ import annotations

from .pace import Pace
from .training import Training
from .workspace import Workspace


class Player:
    """Whether training plays, and its pace. ``clock``: seconds as a float."""

    def __init__(self, clock):
        self.clock = clock
        self.playing = False
        self.pace = Pace(clock)

    def play(self, training: Training):
        """Play from now on; the last alert goes (training raises it again if it still holds)."""
        self.playing = True
        training.alert = None
        self.pace.restart()

    def step(self, training: Training, workspace: Workspace, between=None):
        """Stop playing, and train exactly one epoch."""
        self.playing = False
        training.alert = None
        training.train_epochs(1, workspace, between)

    def advance(
        self, training: Training, workspace: Workspace, speed, budget: float, between=None
    ) -> int:
        """While playing, train the epochs due at ``speed``, for at most ``budget`` seconds.

        Returns the epochs trained. When ``between`` raises (see
        ``Training.train_epochs``), the epochs trained before it count, and the
        error goes on.
        """
        if not self.playing:
            return 0
        start = training.epoch
        try:
            training.run(self.pace.due(speed), budget, self.clock, workspace, between)
        finally:
            self.pace.count(training.epoch - start)
            if training.alert is not None and training.alert.pauses:
                self.playing = False
        return training.epoch - start

    def seconds_until_due(self, speed) -> float:
        """How long until the next epoch is due (0 at full speed, and while paused)."""
        return self.pace.seconds_until_due(speed) if self.playing else 0.0
