"""Input features: the columns a network can be given, computed from a point's raw inputs.

A point has raw inputs x1, x2, ... (two for the generated sets, one for the
1-D ``sine``, as many as a loaded file has columns). A *feature* is a column
computed from them: x1 itself, x1 squared, sin(x1), ... Giving a network
x1^2 + x2^2 makes the circle easy; giving it only x1 and x2 makes it learn that
curve itself.

``FEATURES`` registers TensorFlow Playground's seven features. Data with more
than two inputs (a file of RGB colours, iris measurements, a hand pose) also
has one plain feature per input, ``x3``, ``x4``, ... up to ``limits.MAX_INPUTS``:
see :func:`feature`.

The formulas are plain on purpose: the browser computes the same ones to draw each
feature's picture, so the two must stay in step. This module does not know
datasets, networks or the web; it maps an array of raw inputs to an array of
features.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from glassnet.limits import MAX_INPUTS


@dataclass(frozen=True)
class Feature:
    """One input feature.

    Attributes
    ----------
    name : str
        Its name, e.g. ``"x1^2"``.
    label : str
        How it is written on screen, e.g. ``"x₁²"``.
    needs : tuple of str
        The raw inputs it reads: ``("x1",)``, ``("x2",)`` or ``("x1", "x2")``.
    compute : callable
        ``compute(inputs) -> values``: from the raw inputs, shape (n_points,
        n_inputs), the feature's values, shape (n_points,).
    code : str
        The same formula as NumPy code of columns named ``x1``, ``x2``, ...
        (written into exported scripts; a test keeps it equal to ``compute``).
    """

    name: str
    label: str
    needs: tuple[str, ...]
    compute: Callable[[np.ndarray], np.ndarray]
    code: str


FEATURES: dict[str, Feature] = {
    feature.name: feature
    for feature in [
        Feature("x1", "x₁", ("x1",), lambda x: x[:, 0], "x1"),
        Feature("x2", "x₂", ("x2",), lambda x: x[:, 1], "x2"),
        Feature("x1^2", "x₁²", ("x1",), lambda x: x[:, 0] * x[:, 0], "x1 * x1"),
        Feature("x2^2", "x₂²", ("x2",), lambda x: x[:, 1] * x[:, 1], "x2 * x2"),
        Feature("x1*x2", "x₁x₂", ("x1", "x2"), lambda x: x[:, 0] * x[:, 1], "x1 * x2"),
        Feature("sin(x1)", "sin(x₁)", ("x1",), lambda x: np.sin(x[:, 0]), "np.sin(x1)"),
        Feature("sin(x2)", "sin(x₂)", ("x2",), lambda x: np.sin(x[:, 1]), "np.sin(x2)"),
    ]
}
"""TensorFlow Playground's features by name, in the order it lists them."""

DEFAULT_FEATURES = ("x1", "x2")
"""The features a new network on two inputs starts with (the Playground's default too)."""

_PLAIN_INPUT = re.compile(r"x([1-9][0-9]*)")
_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def feature(name: str) -> Feature | None:
    """The feature called ``name``: one of ``FEATURES``, or a plain input ``x3`` ... ``x64``.

    Returns None for a name that is neither.
    """
    if name in FEATURES:
        return FEATURES[name]
    match = _PLAIN_INPUT.fullmatch(name) if isinstance(name, str) else None
    if match is None or int(match[1]) > MAX_INPUTS:
        return None
    column = int(match[1]) - 1
    label = "x" + match[1].translate(_SUBSCRIPTS)
    return Feature(name, label, (name,), lambda x: x[:, column], name)


def input_features(n_inputs: int) -> tuple[str, ...]:
    """The plain features of data with ``n_inputs`` raw inputs: ``("x1", ..., "xn")``."""
    return tuple(f"x{k}" for k in range(1, n_inputs + 1))


def default_features(n_inputs: int) -> tuple[str, ...]:
    """The features a network on data with ``n_inputs`` inputs starts with: each input once."""
    return DEFAULT_FEATURES if n_inputs == 2 else input_features(n_inputs)


def features_fit(names, n_inputs: int) -> bool:
    """Whether every feature in ``names`` can be computed from ``n_inputs`` raw inputs."""
    available = set(input_features(n_inputs))
    return all((f := feature(n)) is not None and set(f.needs) <= available for n in names)


def compute_features(inputs, names) -> np.ndarray:
    """Compute chosen features for every point.

    Parameters
    ----------
    inputs : array_like, shape (n_points, n_inputs)
        Raw inputs: column 0 is x1, column 1 is x2, and so on.
    names : sequence of str
        Feature names (see :func:`feature`), each at most once, at least one.

    Returns
    -------
    ndarray of float64, shape (n_points, len(names))
        Column j holds feature ``names[j]``.

    Raises
    ------
    ValueError
        For an unknown or repeated name, no names, or a feature that needs an
        input the data does not have.
    """
    inputs = np.asarray(inputs, dtype=np.float64)
    if inputs.ndim != 2 or not 1 <= inputs.shape[1] <= MAX_INPUTS:
        raise ValueError(
            f"features are made from a table of points with 1 to {MAX_INPUTS} inputs "
            f"(x1, x2, ...), but these inputs have shape {inputs.shape}"
        )
    n_inputs = inputs.shape[1]
    names = list(names)
    if not names:
        raise ValueError("choose at least one feature")
    for name in names:
        found = feature(name)
        if found is None:
            raise ValueError(
                f"there is no feature {name!r}; choose from: {', '.join(FEATURES)}, "
                "or x3, x4, ... for data with more inputs"
            )
        if names.count(name) > 1:
            raise ValueError(f"feature {name!r} is chosen twice; choose each at most once")
        missing = [need for need in found.needs if int(need[1:]) > n_inputs]
        if missing:
            has = "only one input, x1" if n_inputs == 1 else f"{n_inputs} inputs"
            raise ValueError(f"feature {name!r} needs {missing[0]}, but this data has {has}")

    columns = [feature(name).compute(inputs) for name in names]
    return np.column_stack(columns).astype(np.float64, copy=False)  # (n_points, len(names))
