"""Data beside a model: a loaded file's points, in the inputs, units and classes a model knows.

An ml5.js model carries no data, only what its data looked like: the inputs by
name with their ranges (its normalization) and the class names. A file of the
data it learned from (a CSV, or the JSON ``saveData()`` writes) is read like any
other file, rescaled to its *own* ranges. :func:`conform` puts those points
into the model's terms instead:

- columns by name, in the model's input order (other columns are left out);
- raw values rescaled with the model's normalization, not the file's ranges, so
  a point lands where the model expects it;
- classes by label, numbered as the model numbers them (a regression target
  rescaled with the model's target range).

Anything that does not fit (a missing column, a label the model does not know,
a value far outside the range the model saw) raises ``DataError`` naming it.
This module knows datasets and normalization, nothing about networks or files.
"""

from __future__ import annotations

import numpy as np

from .dataset import VIEW, Dataset
from .errors import DataError
from .normalization import INPUT_RANGE, Normalization
from .reading import read_number


def conform(loaded: Dataset, model: Dataset) -> Dataset:
    """The points of ``loaded`` as the model described by ``model`` takes them.

    Parameters
    ----------
    loaded : Dataset
        A file's points, with the normalization they were loaded with.
    model : Dataset
        The model's (usually empty) dataset: its input names, class names,
        problem and normalization say what the model takes.

    Returns
    -------
    Dataset
        ``loaded``'s points with the model's input names (columns picked by
        name), class names, normalization and problem; named as ``loaded``.

    Raises
    ------
    DataError
        For a missing input column, another problem, a label the model does not
        know, or a value outside the view after the model's rescaling (more than
        a tenth of its range beyond the range the model saw).
    """
    if loaded.problem != model.problem:
        raise DataError(
            f"the model does {model.problem}, but these points were read for {loaded.problem}"
        )
    columns = [_column(loaded, name) for name in model.input_names]
    raw = _raw_inputs(loaded)[:, columns]  # (n_points, n_model_inputs)
    inputs = _rescale(raw, model.normalization, model.input_names)
    if model.problem == "classification":
        targets = _class_targets(loaded, model.class_names)
    else:
        values = loaded.targets
        if loaded.normalization is not None:
            values = loaded.normalization.denormalize_targets(values)
        if model.normalization is not None:
            values = model.normalization.normalize_targets(values)
        targets = values
    return Dataset(inputs, targets, model.problem, model.input_names, model.class_names,
                   loaded.name, model.normalization)  # fmt: skip


def label_column(header: list[str], model: Dataset) -> str | None:
    """The label column of a CSV file beside a model: its one column the model does not take.

    (A model's input may be called ``y`` or ``class``, names that would otherwise
    be taken for the labels.) None when that is not exactly one column.
    """
    inputs = {name.casefold() for name in model.input_names}
    others = [name for name in header if name.casefold() not in inputs]
    return others[0] if len(others) == 1 else None


def _column(loaded: Dataset, name: str) -> int:
    """The column of ``loaded`` named ``name`` (any case, if that is unique)."""
    names = list(loaded.input_names)
    if name in names:
        return names.index(name)
    folded = [n.casefold() for n in names]
    if folded.count(name.casefold()) == 1:
        return folded.index(name.casefold())
    has = ", ".join(f'"{n}"' for n in names)
    raise DataError(
        f'the model takes an input "{name}", and this file has no column of that name '
        f"(its inputs are {has[:300]}); name the columns as the model's inputs"
    )


def _raw_inputs(loaded: Dataset) -> np.ndarray:
    """The file's values in its own units, shape (n_points, n_inputs)."""
    if loaded.normalization is None:
        return np.array(loaded.inputs)
    return loaded.normalization.denormalize_inputs(loaded.inputs)


def _rescale(raw: np.ndarray, norm: Normalization | None, names) -> np.ndarray:
    """Raw values as the model's view coordinates, checked to lie inside the view."""
    inputs = raw if norm is None else norm.normalize_inputs(raw)
    outside = np.abs(inputs) > VIEW[1]
    if outside.any():
        i, j = np.argwhere(outside)[0]
        if norm is None:
            seen = f"the model takes values from {VIEW[0]:g} to {VIEW[1]:g}"
        else:
            lo, hi = norm.input_min[j], norm.input_max[j]
            margin = (VIEW[1] - INPUT_RANGE[1]) / (INPUT_RANGE[1] - INPUT_RANGE[0])
            seen = (
                f"the model learned from {lo:g} to {hi:g}, and glassnet shows up to "
                f"{margin:.0%} of that range beyond it"
            )
        raise DataError(
            f"point {i + 1} has {names[j]} = {raw[i, j]:g}, far outside the range of the "
            f"model's input: {seen}. Is this the data the model learned from?"
        )
    return inputs


def _class_targets(loaded: Dataset, classes: tuple[str, ...]) -> np.ndarray:
    """Each point's class, numbered as the model numbers its classes."""
    index = {}
    for k, label in enumerate(loaded.class_names):
        match = _same_label(label, classes)
        if match is None:
            listed = ", ".join(f'"{c}"' for c in classes)
            raise DataError(
                f'this file has the label "{label[:60]}", which the model does not know; its '
                f"classes are {listed[:300]}"
            )
        index[k] = match
    return np.array([index[int(t)] for t in loaded.targets], dtype=np.int64)


def _same_label(label: str, classes: tuple[str, ...]) -> int | None:
    """The model's class of this label: the same text, or the same number ("1" and "1.0")."""
    if label in classes:
        return classes.index(label)
    value = read_number(label)
    if value is None:
        return None
    same = [k for k, c in enumerate(classes) if read_number(c) == value]
    return same[0] if len(same) == 1 else None
