"""The Dataset record: the points a network learns from, with their names.

A ``Dataset`` holds the inputs (one row per point), the targets (a class index or
a number per point), and the names that tell a person what the columns and
classes mean. It checks itself when it is made and its arrays are read-only, so
every other layer can trust its shapes and values.

It does not know where the points came from (a generator, a drawing, a file),
how they will be split or turned into features, or anything about networks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from glassnet.limits import MAX_CLASSES, MAX_INPUTS, MAX_POINTS

from .errors import DataError
from .normalization import Normalization

PROBLEMS = ("classification", "regression")
"""The two kinds of task, named as in ml5.js and TensorFlow Playground."""

VIEW = (-6.0, 6.0)
"""The playground's view: every input of every dataset lies in this range."""


@dataclass(frozen=True, eq=False)
class Dataset:
    """Points to learn from: inputs, targets and their names.

    Attributes
    ----------
    inputs : ndarray of float64, shape (n_points, n_inputs)
        One row per point. Every value is finite and inside the view, -6..6.
        Generated 2-D sets have 2 inputs (x1, x2); the ``sine`` set has 1.
    targets : ndarray, shape (n_points,)
        Classification: int64 class indices 0..n_classes-1.
        Regression: float64 numbers (generated and loaded sets keep them near -1..1).
    problem : str
        ``"classification"`` or ``"regression"``.
    input_names : tuple of str, one per input column
        ``("x1", "x2")`` for generated sets, the column names for loaded files.
    class_names : tuple of str
        The name of each class, in class-index order; ``()`` for regression.
    name : str
        The dataset's name (``"circle"``) or the file's name (``"iris.csv"``).
    normalization : Normalization or None
        For loaded files, how raw values were rescaled into the view, so it can be
        undone; None for generated and drawn points.

    Notes
    -----
    Two datasets are equal only if they are the same object; compare arrays with
    ``np.array_equal`` instead.
    """

    inputs: np.ndarray
    targets: np.ndarray
    problem: str
    input_names: tuple[str, ...]
    class_names: tuple[str, ...] = ()
    name: str = "data"
    normalization: Normalization | None = None

    def __post_init__(self) -> None:
        if self.problem not in PROBLEMS:
            raise DataError(
                f'problem must be "classification" or "regression", not {self.problem!r}'
            )
        try:
            inputs = _read_only(np.array(self.inputs, dtype=np.float64))
        except (TypeError, ValueError):
            raise DataError("inputs must be a table of numbers") from None
        if inputs.ndim != 2 or not 1 <= inputs.shape[1] <= MAX_INPUTS:
            raise DataError(
                f"inputs must be a table of shape (n_points, n_inputs) with 1 to {MAX_INPUTS} "
                f"inputs, not shape {inputs.shape}"
            )
        n_points, n_inputs = inputs.shape
        if n_points > MAX_POINTS:
            raise DataError(f"a dataset holds at most {MAX_POINTS} points, not {n_points}")
        if not np.isfinite(inputs).all():
            raise DataError("every input must be a finite number (no NaN or infinity)")
        if np.abs(inputs).max(initial=0.0) > VIEW[1]:
            raise DataError(f"every input must lie inside the view, {VIEW[0]:g} to {VIEW[1]:g}")

        input_names = tuple(self.input_names)
        if len(input_names) != n_inputs or len(set(input_names)) != n_inputs:
            raise DataError(f"need {n_inputs} different input names, got {input_names}")

        targets = np.asarray(self.targets)
        if targets.shape != (n_points,):
            raise DataError(f"need one target per point: shape ({n_points},), not {targets.shape}")
        class_names = tuple(self.class_names)
        if self.problem == "classification":
            targets = _check_class_targets(targets, class_names)
        else:
            targets = _check_regression_targets(targets, class_names)

        _check_normalization(self.normalization, n_inputs, self.problem)
        object.__setattr__(self, "inputs", inputs)
        object.__setattr__(self, "targets", _read_only(targets))
        object.__setattr__(self, "input_names", input_names)
        object.__setattr__(self, "class_names", class_names)

    @property
    def n_points(self) -> int:
        """How many points (rows) the dataset has."""
        return self.inputs.shape[0]

    @property
    def n_inputs(self) -> int:
        """How many inputs (columns) each point has."""
        return self.inputs.shape[1]

    @property
    def n_classes(self) -> int:
        """How many classes (``len(class_names)``); 0 for regression."""
        return len(self.class_names)

    @classmethod
    def from_points(
        cls,
        inputs,
        targets,
        problem: str,
        *,
        class_names=None,
        name: str = "my points",
    ) -> Dataset:
        """Make a dataset from points a person drew or sent, checking each one.

        Parameters
        ----------
        inputs : array_like, shape (n_points, 2) or (n_points, 1)
            Point coordinates in the view; each must be finite and within -6..6.
            A 1-column table is for 1-D regression (x only). May be empty.
        targets : array_like, shape (n_points,)
            Classification: whole-number class indices 0..n_classes-1.
            Regression: finite numbers.
        problem : {"classification", "regression"}
        class_names : sequence of str, optional
            Classification only. The default names classes "0", "1", ... with at
            least two classes and enough for the largest label.
        name : str
            The dataset's name.

        Returns
        -------
        Dataset
            With input names ``("x1", "x2")`` (or ``("x1",)``) and no normalization.

        Raises
        ------
        DataError
            Naming the first bad point (counting from 1) and what is allowed.
        """
        if problem not in PROBLEMS:
            raise DataError(f'problem must be "classification" or "regression", not {problem!r}')
        points = _points_table(inputs)
        n_points = points.shape[0]
        if n_points > MAX_POINTS:
            raise DataError(f"there are {n_points} points; glassnet holds at most {MAX_POINTS}")
        _check_points_in_view(points)
        labels = _labels_list(targets, n_points)

        if problem == "regression":
            if class_names:
                raise DataError("class_names are for classification; regression has no classes")
            values = _regression_values(labels)
            names: tuple[str, ...] = ()
        else:
            values = _class_indices(labels)
            names = _default_class_names(values) if class_names is None else tuple(class_names)
            _check_class_names(names)
            _check_labels_in_range(values, names)

        input_names = ("x1", "x2")[: points.shape[1]]
        return cls(points, values, problem, input_names, names, name)


def _read_only(array: np.ndarray) -> np.ndarray:
    # The dataclass is frozen; making the arrays read-only stops values changing
    # underneath it too (for example a view holding a reference and editing it).
    array = np.array(array)  # a private copy, so the caller's array stays writable
    array.setflags(write=False)
    return array


def _check_class_targets(targets: np.ndarray, class_names: tuple[str, ...]) -> np.ndarray:
    if targets.dtype.kind not in "iu":
        raise DataError(f"classification targets must be integers, not {targets.dtype}")
    _check_class_names(class_names)
    targets = targets.astype(np.int64)
    if targets.size and (targets.min() < 0 or targets.max() >= len(class_names)):
        raise DataError(f"class indices must be from 0 to {len(class_names) - 1}")
    return targets


def _check_regression_targets(targets: np.ndarray, class_names: tuple[str, ...]) -> np.ndarray:
    if class_names:
        raise DataError("regression data has no class names; pass class_names=()")
    try:
        targets = targets.astype(np.float64)
    except (TypeError, ValueError):
        raise DataError("regression targets must be numbers") from None
    if not np.isfinite(targets).all():
        raise DataError("every target must be a finite number (no NaN or infinity)")
    return targets


def _check_class_names(names: tuple[str, ...]) -> None:
    if not 2 <= len(names) <= MAX_CLASSES:
        raise DataError(
            f"a classification dataset needs 2 to {MAX_CLASSES} classes, not {len(names)}"
        )
    if not all(isinstance(n, str) and n for n in names) or len(set(names)) != len(names):
        raise DataError(f"class names must be different, non-empty strings: {names}")


def _check_normalization(norm: Normalization | None, n_inputs: int, problem: str) -> None:
    if norm is None:
        return
    if len(norm.input_min) != n_inputs or len(norm.input_max) != n_inputs:
        raise DataError("the normalization must have one range per input column")
    if (norm.target_min is not None) != (problem == "regression"):
        raise DataError("the normalization has a target range exactly when the data is regression")


def _points_table(inputs) -> np.ndarray:
    try:
        points = np.array(inputs, dtype=np.float64)
    except (TypeError, ValueError):
        points = None
    if points is not None and points.size == 0:
        return np.zeros((0, 2))
    if points is None or points.ndim != 2 or points.shape[1] not in (1, 2):
        raise DataError(
            "points must be a list of [x1, x2] pairs of numbers, like [[1.5, -2.0], [0.3, 4.1]] "
            "(or of [x1] for 1-D data)"
        )
    return points


def _check_points_in_view(points: np.ndarray) -> None:
    low, high = VIEW
    # Name only the first bad point: one clear fix at a time.
    bad = ~np.isfinite(points).all(axis=1) | (np.abs(points) > high).any(axis=1)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        where = f"point {i + 1} of {len(points)}, at ({', '.join(f'{v:g}' for v in points[i])}),"
        if not np.isfinite(points[i]).all():
            raise DataError(f"{where} has a coordinate that is not a finite number")
        raise DataError(f"{where} is outside the view; coordinates go from {low:g} to {high:g}")


def _labels_list(targets, n_points: int) -> list:
    labels = np.asarray(targets, dtype=object)  # objects, so "cat" and 2.5 survive to be named
    if labels.ndim != 1:
        raise DataError("targets must be a flat list with one label per point")
    if len(labels) != n_points:
        raise DataError(f"there are {n_points} points but {len(labels)} labels; need one each")
    return list(labels)


def _regression_values(labels: list) -> np.ndarray:
    values = np.zeros(len(labels))
    for i, label in enumerate(labels, start=1):
        if not _is_number(label):
            raise DataError(f"point {i} has target {label!r}; regression targets must be numbers")
        if not np.isfinite(label):
            raise DataError(f"point {i} has target {label}; targets must be finite numbers")
        values[i - 1] = label
    return values


def _class_indices(labels: list) -> np.ndarray:
    values = np.zeros(len(labels), dtype=np.int64)
    for i, label in enumerate(labels, start=1):
        # 2.0 from JSON is fine; 2.5 or "cat" is not a class index.
        if not _is_number(label) or not np.isfinite(label) or label != int(label) or label < 0:
            raise DataError(
                f"point {i} has label {label!r}; a label is a class number 0, 1, 2, ..."
            )
        values[i - 1] = int(label)
    return values


def _is_number(value) -> bool:
    # bool is a kind of int in Python, but True is not a label anyone means.
    real = (int, float, np.integer, np.floating)
    return isinstance(value, real) and not isinstance(value, (bool, np.bool_))


def _default_class_names(values: np.ndarray) -> tuple[str, ...]:
    n_classes = max(2, int(values.max(initial=0)) + 1)
    if n_classes > MAX_CLASSES:
        raise DataError(
            f"a point has label {n_classes - 1}, but there can be at most {MAX_CLASSES} "
            f"classes (labels 0 to {MAX_CLASSES - 1})"
        )
    return tuple(str(k) for k in range(n_classes))


def _check_labels_in_range(values: np.ndarray, names: tuple[str, ...]) -> None:
    for i, label in enumerate(values, start=1):
        if label >= len(names):
            raise DataError(
                f"point {i} has label {label}, but there are only {len(names)} classes "
                f"(labels 0 to {len(names) - 1})"
            )
