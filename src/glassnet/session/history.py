"""The history of a training run: loss and accuracy after every epoch, for the chart.

A long run at full speed makes hundreds of epochs a second, so the history
thins itself: once it holds ``MAX_HISTORY`` entries it keeps every other one and
from then on records every second epoch (then every fourth, ...). The chart
still spans the whole run, and memory and frames stay small.

Undo keeps up to ``MAX_UNDO`` histories as they were. It does not copy them: a
:class:`HistoryMark` shares the history's lists, which is safe because a history
changes its lists in only three ways: it appends, it replaces its last entry, or
it swaps in new lists. The entries before a mark's last one never change.

This module knows nothing about networks or the web.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .. import limits


@dataclass
class History:
    """Metrics after each recorded epoch. Missing values (no test points) are None.

    Attributes
    ----------
    epochs : list of int
    train_loss, test_loss, train_accuracy, test_accuracy : list of float or None
    stride : int
        Record every ``stride``-th epoch.
    generation : int
        Grows every time entries are dropped or replaced (thinning, reset,
        undo), so that a view knows to reload instead of appending.
    """

    epochs: list = field(default_factory=list)
    train_loss: list = field(default_factory=list)
    test_loss: list = field(default_factory=list)
    train_accuracy: list = field(default_factory=list)
    test_accuracy: list = field(default_factory=list)
    stride: int = 1
    generation: int = 0

    SERIES = ("epochs", "train_loss", "test_loss", "train_accuracy", "test_accuracy")

    def record(self, epoch: int, metrics: dict):
        """Add the metrics after ``epoch`` if it falls on the stride.

        Measuring the same epoch again (after a typed weight, say) replaces its
        entry, so each epoch appears at most once.
        """
        if epoch % self.stride:
            return
        if self.epochs and self.epochs[-1] == epoch:
            self._drop_last()
        self.epochs.append(epoch)
        for name in self.SERIES[1:]:
            value = metrics.get(name)
            getattr(self, name).append(value if value is None or math.isfinite(value) else None)
        if len(self.epochs) >= limits.MAX_HISTORY:
            self.thin()

    def _drop_last(self):
        for name in self.SERIES:
            getattr(self, name).pop()

    def thin(self):
        """Keep every other entry: those whose epoch falls on the doubled stride."""
        self.stride *= 2
        keep = [i for i, e in enumerate(self.epochs) if e % self.stride == 0]
        for name in self.SERIES:
            series = getattr(self, name)
            setattr(self, name, [series[i] for i in keep])
        self.generation += 1

    def cap(self):
        """Thin a history that holds ``MAX_HISTORY`` entries or more (one read from a file)."""
        while len(self.epochs) >= limits.MAX_HISTORY:
            self.thin()

    def truncate(self, epoch: int):
        """Forget entries after ``epoch`` (the weights went back to it)."""
        keep = sum(1 for e in self.epochs if e <= epoch)
        if keep == len(self.epochs):
            return
        for name in self.SERIES:  # new lists, not shortened ones: marks may share these
            setattr(self, name, getattr(self, name)[:keep])
        self.generation += 1

    def clear(self):
        """Forget everything (a new network)."""
        for name in self.SERIES:
            setattr(self, name, [])
        self.stride = 1
        self.generation += 1

    def copy(self) -> History:
        """An independent copy."""
        twin = History(stride=self.stride, generation=self.generation)
        for name in self.SERIES:
            setattr(twin, name, list(getattr(self, name)))
        return twin

    def mark(self) -> HistoryMark:
        """This history as it is now, for undo: it shares the lists instead of copying them."""
        series = tuple(getattr(self, name) for name in self.SERIES)
        last = tuple(values[-1] for values in series) if self.epochs else ()
        return HistoryMark(series, len(self.epochs), last, self.stride)

    def __len__(self) -> int:
        return len(self.epochs)

    def since(self, start: int) -> dict:
        """Every series from entry ``start`` on, as plain lists."""
        return {name: getattr(self, name)[start:] for name in self.SERIES}


@dataclass(frozen=True)
class HistoryMark:
    """A history as it was when marked, sharing its lists (see the module's docstring).

    ``series`` are the history's lists then, in ``History.SERIES`` order; only
    their first ``length - 1`` entries are read, and ``last`` is a copy of the
    entry after them, which the history may have replaced since.
    """

    series: tuple[list, ...]
    length: int
    last: tuple
    stride: int

    def history(self, generation: int = 0) -> History:
        """A new history with the marked entries (copies), at ``generation``."""
        twin = History(stride=self.stride, generation=generation)
        for name, values, last in zip(History.SERIES, self.series, self.last):
            setattr(twin, name, [*values[: self.length - 1], last])
        return twin
