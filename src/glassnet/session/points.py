"""The points a session trains on: a base set, the points a person drew, and a split.

The base set is generated from the settings (``circle``, ``spiral``, ...), loaded
from a file, or empty (``custom`` with nothing loaded). On top of it a person
can draw points and remove points. Drawn points always train (a person placed
them to be learned); base points are split into training and test points by
``train_percent``.

``Points`` is immutable: every edit returns a new one, which keeps undo simple.
This module knows the data layer, nothing about networks or the web.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from ..data import Dataset, compute_features, train_test_split


@dataclass(frozen=True, eq=False)
class Points:
    """A base dataset plus drawn and removed points.

    Attributes
    ----------
    base : Dataset
        Generated, loaded or empty.
    drawn_inputs : ndarray, shape (n_drawn, n_inputs)
    drawn_targets : ndarray, shape (n_drawn,)
        Class indices (int) or numbers (float), as the base's targets.
    removed : frozenset of int
        Indices of base points the person removed.
    source : str
        Where the base came from: ``"generated"``, ``"file"`` or ``"drawn"``; ``"model"``
        for an opened ml5.js model's inputs and classes (with the data loaded beside it).
    """

    base: Dataset
    drawn_inputs: np.ndarray
    drawn_targets: np.ndarray
    removed: frozenset = field(default_factory=frozenset)
    source: str = "generated"

    @classmethod
    def of(cls, base: Dataset, source: str = "generated") -> Points:
        """Points with nothing drawn or removed yet."""
        dtype = np.int64 if base.problem == "classification" else np.float64
        return cls(base, np.zeros((0, base.n_inputs)), np.zeros(0, dtype), frozenset(), source)

    # -- what there is ---------------------------------------------------------

    @property
    def problem(self) -> str:
        return self.base.problem

    @property
    def n_inputs(self) -> int:
        return self.base.n_inputs

    @property
    def n_drawn(self) -> int:
        return len(self.drawn_targets)

    def all_inputs(self) -> np.ndarray:
        """Base then drawn inputs, shape (n_base + n_drawn, n_inputs); removed ones included."""
        return np.concatenate([self.base.inputs, self.drawn_inputs])

    def all_targets(self) -> np.ndarray:
        """Base then drawn targets, matching :meth:`all_inputs`."""
        return np.concatenate([self.base.targets, self.drawn_targets])

    def split(self, train_percent: int, seed: int):
        """Indices into :meth:`all_inputs` of the training and the test points.

        Removed points are in neither; drawn points are always training points.
        """
        n_base = self.base.n_points
        train, test = train_test_split(n_base, train_percent, seed)
        keep = np.array([i not in self.removed for i in range(n_base)], dtype=bool)
        drawn = np.arange(n_base, n_base + self.n_drawn)
        return np.concatenate([train[keep[train]], drawn]), test[keep[test]]

    # -- edits -------------------------------------------------------------------

    def with_point(self, x: list[float], target) -> Points:
        """A copy with one more drawn point. The caller has checked the values."""
        inputs = np.vstack([self.drawn_inputs, np.asarray(x, dtype=np.float64)[None]])
        targets = np.append(self.drawn_targets, target).astype(self.drawn_targets.dtype)
        return replace(self, drawn_inputs=inputs, drawn_targets=targets)

    def without_point(self, index: int) -> Points:
        """A copy without the point at ``index`` of :meth:`all_inputs`."""
        n_base = self.base.n_points
        if index < n_base:
            return replace(self, removed=self.removed | {index})
        keep = np.arange(self.n_drawn) != index - n_base
        return replace(
            self, drawn_inputs=self.drawn_inputs[keep], drawn_targets=self.drawn_targets[keep]
        )

    def without_drawn(self) -> Points:
        """A copy with every drawn point gone and every removed point back."""
        return Points.of(self.base, self.source)


def encode_targets(targets: np.ndarray, kind: str, output_activation: str, n_outputs: int):
    """Turn class indices or numbers into what the output layer should produce.

    Parameters
    ----------
    targets : ndarray, shape (n_points,)
    kind : str
        ``binary``, ``multiclass`` or ``regression``.
    output_activation : str
        A tanh output for two classes learns -1 and +1 (TensorFlow Playground's
        labels); a sigmoid output learns 0 and 1.
    n_outputs : int

    Returns
    -------
    ndarray, shape (n_points, n_outputs)
    """
    if kind == "regression":
        return targets.astype(np.float64)[:, None]
    if kind == "multiclass":
        return np.eye(n_outputs)[targets.astype(np.int64)]
    ones = targets.astype(np.float64)[:, None]
    return 2.0 * ones - 1.0 if output_activation == "tanh" else ones


def predicted_classes(outputs: np.ndarray, output_activation: str) -> np.ndarray:
    """The class each row of outputs predicts, shape (n_points,)."""
    if outputs.shape[1] > 1:
        return np.argmax(outputs, axis=1)
    threshold = 0.0 if output_activation == "tanh" else 0.5
    return (outputs[:, 0] > threshold).astype(np.int64)


def features_of(inputs: np.ndarray, names: list[str]) -> np.ndarray:
    """The network's inputs for these points, shape (n_points, len(names))."""
    if len(inputs) == 0:
        return np.zeros((0, len(names)))
    return compute_features(inputs, names)
