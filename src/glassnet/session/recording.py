"""The recording: the network's weights as they were along the way, for replaying a run.

While a network trains, the recording keeps keyframes: every parameter at an
epoch. It keeps every epoch at first (the early epochs change the most), then
spaces them out: once it is full it keeps every other late keyframe and from
then on records every second epoch (then every fourth, ...), as the loss
history does. Its size is capped in bytes (``limits.MAX_RECORDING_BYTES``), so
a large network keeps fewer keyframes than a small one.

Keyframes never change once made, so a copy of a recording (for undo) shares
their arrays. A published page replays a recording; a saved session keeps it,
since training cannot be run again to reproduce weights typed along the way.

This module knows only NumPy and the limits.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

import numpy as np

from .. import limits


@dataclass(frozen=True, eq=False)
class Keyframe:
    """Every parameter of the network after an epoch: W0, b0, W1, ... flattened, read-only."""

    epoch: int
    parameters: np.ndarray


@dataclass
class Recording:
    """Keyframes in order of epoch: dense early, spaced later, capped in bytes.

    Attributes
    ----------
    keyframes : list of Keyframe
    stride : int
        Record every ``stride``-th epoch past the dense start.
    """

    keyframes: list[Keyframe] = field(default_factory=list)
    stride: int = 1

    DENSE_EPOCHS = 50
    """Every epoch before this one is kept, however long the run."""

    def record(self, epoch: int, parameters: list[np.ndarray]):
        """Keep the parameters after ``epoch`` if it falls on the stride (or is early).

        Recording the same epoch again (after a typed weight) replaces it; an
        epoch before the last one (after undo) forgets what came after it.
        """
        n = sum(p.size for p in parameters)
        if epoch >= self._dense(n) and epoch % self.stride:
            return
        flat = np.concatenate([p.ravel() for p in parameters])
        flat.setflags(write=False)
        if self.keyframes and self.keyframes[-1].epoch >= epoch:
            self.truncate(epoch - 1)
        self.keyframes.append(Keyframe(epoch, flat))
        if len(self.keyframes) > self.capacity(n):
            self._thin(self._dense(n))

    @staticmethod
    def capacity(n_parameters: int) -> int:
        """How many keyframes of this many parameters fit the byte budget (at least 16)."""
        return max(16, limits.MAX_RECORDING_BYTES // (8 * max(1, n_parameters)))

    def _dense(self, n_parameters: int) -> int:
        # At most half the budget goes to the dense start, so a big network still fits.
        return min(self.DENSE_EPOCHS, self.capacity(n_parameters) // 2)

    def _thin(self, dense: int):
        self.stride *= 2
        last = self.keyframes[-1]
        self.keyframes = [
            k for k in self.keyframes if k.epoch < dense or k.epoch % self.stride == 0 or k is last
        ]

    def truncate(self, epoch: int):
        """Forget keyframes after ``epoch`` (the weights went back to it)."""
        keep = bisect_left([k.epoch for k in self.keyframes], epoch + 1)
        del self.keyframes[keep:]

    def nearest(self, epoch: int) -> Keyframe | None:
        """The keyframe closest to ``epoch`` (the earlier one on a tie), or None if empty."""
        if not self.keyframes:
            return None
        epochs = [k.epoch for k in self.keyframes]
        i = bisect_left(epochs, epoch)
        candidates = self.keyframes[max(0, i - 1) : i + 1]
        return min(candidates, key=lambda k: (abs(k.epoch - epoch), k.epoch))

    def copy(self) -> Recording:
        """An independent list sharing the (read-only) keyframes: cheap enough for undo."""
        return Recording(list(self.keyframes), self.stride)

    @property
    def n_bytes(self) -> int:
        """The bytes its parameters take."""
        return sum(k.parameters.nbytes for k in self.keyframes)
