"""Arrays and data frames as a ``Dataset``, the way a loaded file becomes one.

``dataset_from_arrays(X, y)`` takes a table of inputs (a NumPy array, a list of
rows, or a data frame) and one label per row, and hands them to
``reading.build_dataset``, the step the CSV loader ends with: so the same rules
decide classification or regression, name the classes and rescale the inputs,
and the same sentences say what is wrong.

A data frame is anything with ``columns`` and ``to_numpy()`` (pandas, polars):
pandas is never imported. This module knows NumPy and the data layer only.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .dataset import Dataset
from .errors import DataError
from .reading import build_dataset


def dataset_from_arrays(
    X: Any, y: Any = None, *, label: str | None = None, problem: str | None = None
) -> Dataset:
    """A normalized ``Dataset`` from inputs and labels.

    Parameters
    ----------
    X : array-like, shape (n_points, n_inputs), or a data frame
        The inputs, numbers only. A data frame's columns name them; otherwise
        they are called x1, x2, ...
    y : array-like, shape (n_points,), optional
        One label per row: class names or numbers (see ``build_dataset``).
    label : str, optional
        With a data frame instead of ``y``: the column that holds the labels;
        every other column is an input.
    problem : {"classification", "regression"} or None
        None decides from the labels, as for a CSV file.

    Raises
    ------
    DataError
        For inputs that are not numbers, a missing label column, or labels that
        do not fit (``build_dataset`` says which row).
    """
    columns = getattr(X, "columns", None)
    if columns is not None and hasattr(X, "to_numpy"):
        names = [str(c) for c in columns]
        if label is not None:
            if y is not None:
                raise DataError("give the labels as y or as a label column, not both")
            if label not in names:
                listed = ", ".join(names)
                raise DataError(f"there is no column {label!r}; the columns are: {listed}")
            y = X[columns[names.index(label)]]
            kept = [c for c, name in zip(columns, names) if name != label]
            X, names = X[kept], [name for name in names if name != label]
        table = _numbers(X.to_numpy(), names)
    else:
        if label is not None:
            raise DataError("label= names a column of a data frame; with arrays, give y")
        table = _numbers(np.asarray(X, dtype=object), None)
        names = [f"x{j + 1}" for j in range(table.shape[1])]
    if y is None:
        raise DataError("give the labels: y=..., or label='column' with a data frame")
    labels = [_label_text(v) for v in _flat(y)]
    if len(labels) != len(table):
        raise DataError(f"X has {len(table)} rows but there are {len(labels)} labels")
    where = f'the label column "{label}"' if label is not None else "the labels (y)"
    return build_dataset(
        table,
        labels,
        input_names=names,
        label_where=where,
        describe_row=lambda i: f"row {i + 1} of {where}",
        problem=problem,
        name="data",
    )


def _numbers(values: np.ndarray, names: list[str] | None) -> np.ndarray:
    """The inputs as finite float64, shape (n_points, n_inputs), or a DataError naming the cell."""
    if values.ndim == 1:
        values = values.reshape(-1, 1)
    if values.ndim != 2 or values.shape[0] == 0 or values.shape[1] == 0:
        shape = values.shape
        raise DataError(f"X must be a table of shape (n_points, n_inputs); got shape {shape}")
    try:
        table = values.astype(np.float64)
    except (TypeError, ValueError):
        table = None
    if table is not None and np.isfinite(table).all():
        return table
    for (i, j), value in np.ndenumerate(values):  # find the first bad cell, to name it
        try:
            bad = not np.isfinite(float(value))
        except (TypeError, ValueError):
            bad = True
        if bad:
            column = repr(names[j]) if names else str(j + 1)
            raise DataError(
                f"row {i + 1}, column {column} of X is {value!r}: every input must be a finite "
                "number. Fill in or remove missing values; give words as labels, not inputs."
            )
    raise AssertionError("unreachable: some cell was not a finite number")


def _flat(y: Any) -> list:
    values = y.to_numpy() if hasattr(y, "to_numpy") else np.asarray(y, dtype=object)
    return list(np.asarray(values, dtype=object).reshape(-1))


def _label_text(value: Any) -> str:
    """A label as the text a file would hold: 3 for 3.0, words as they are."""
    if value is None:
        return "nan"  # a missing label: build_dataset says which row
    if isinstance(value, (bool, np.bool_)):
        return str(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    return str(value)
