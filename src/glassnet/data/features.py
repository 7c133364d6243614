"""The seven input features of TensorFlow Playground, registered in ``FEATURES``.

A feature is a column the network sees, computed from a point's raw inputs x1
and x2: x1 itself, x1 squared, sin(x1), ... Giving a network x1^2 + x2^2 makes
the circle easy; giving it only x1 and x2 makes it learn that curve itself.

The formulas are plain on purpose: the browser computes the same ones to draw each
feature's picture, so the two must stay in step. This module does not know
datasets, networks or the web; it maps an array of raw inputs to an array of
features.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Feature:
    """One input feature.

    Attributes
    ----------
    name : str
        The key in ``FEATURES``, e.g. ``"x1^2"``.
    label : str
        How it is written on screen, e.g. ``"x₁²"``.
    needs : tuple of str
        The raw inputs it reads: ``("x1",)``, ``("x2",)`` or ``("x1", "x2")``.
    compute : callable
        ``compute(x1, x2) -> values``, each an array of shape ``(n_points,)``.
        ``x2`` is None for 1-D data; only features that need x1 alone run then.
    """

    name: str
    label: str
    needs: tuple[str, ...]
    compute: Callable[[np.ndarray, np.ndarray | None], np.ndarray]


FEATURES: dict[str, Feature] = {
    feature.name: feature
    for feature in [
        Feature("x1", "x₁", ("x1",), lambda x1, x2: x1),
        Feature("x2", "x₂", ("x2",), lambda x1, x2: x2),
        Feature("x1^2", "x₁²", ("x1",), lambda x1, x2: x1 * x1),
        Feature("x2^2", "x₂²", ("x2",), lambda x1, x2: x2 * x2),
        Feature("x1*x2", "x₁x₂", ("x1", "x2"), lambda x1, x2: x1 * x2),
        Feature("sin(x1)", "sin(x₁)", ("x1",), lambda x1, x2: np.sin(x1)),
        Feature("sin(x2)", "sin(x₂)", ("x2",), lambda x1, x2: np.sin(x2)),
    ]
}
"""Every feature by name, in the order the Playground lists them."""

DEFAULT_FEATURES = ("x1", "x2")
"""The features a new network starts with (the Playground's default too)."""


def compute_features(inputs, names) -> np.ndarray:
    """Compute chosen features for every point.

    Parameters
    ----------
    inputs : array_like, shape (n_points, 2) or (n_points, 1)
        Raw inputs: column 0 is x1, column 1 (if there) is x2.
    names : sequence of str
        Feature names from ``FEATURES``, each at most once, at least one.

    Returns
    -------
    ndarray of float64, shape (n_points, len(names))
        Column j holds feature ``names[j]``.

    Raises
    ------
    ValueError
        For an unknown or repeated name, no names, a feature that needs x2 on
        1-D data, or inputs that are not 1 or 2 columns.
    """
    inputs = np.asarray(inputs, dtype=np.float64)
    if inputs.ndim != 2 or inputs.shape[1] not in (1, 2):
        raise ValueError(
            "features are made from 1 or 2 inputs (x1, x2), but these inputs have shape "
            f"{inputs.shape}; with more inputs, give the network the inputs themselves"
        )
    names = list(names)
    if not names:
        raise ValueError("choose at least one feature")
    for name in names:
        if name not in FEATURES:
            raise ValueError(f"there is no feature {name!r}; choose from: {', '.join(FEATURES)}")
        if names.count(name) > 1:
            raise ValueError(f"feature {name!r} is chosen twice; choose each at most once")
        if "x2" in FEATURES[name].needs and inputs.shape[1] < 2:
            raise ValueError(f"feature {name!r} needs x2, but this data has only one input, x1")

    x1 = inputs[:, 0]  # (n_points,)
    x2 = inputs[:, 1] if inputs.shape[1] == 2 else None
    columns = [FEATURES[name].compute(x1, x2) for name in names]
    return np.column_stack(columns).astype(np.float64, copy=False)  # (n_points, len(names))
