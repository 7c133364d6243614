"""Regularization: a gentle pull of every weight towards zero.

A network with large weights can bend its decision boundary around every noisy
point (overfitting). Regularization adds a penalty for large weights to the
loss, so training trades a little accuracy on the training data for a simpler
network:

- ``l1``: penalty = rate x Σ|w|, whose gradient is rate x sign(w). It pushes
  every weight towards zero by the same amount, so small weights reach zero and
  stay there (a sparse network).
- ``l2``: penalty = rate x Σw² / 2, whose gradient is rate x w. It shrinks each
  weight in proportion to its size (PyTorch's ``weight_decay`` and TensorFlow
  Playground's L2 mean the same).
- ``l1_pin``: L1 as TensorFlow Playground does it: a weight that the penalty's
  share of a step pushes across zero is set to zero and stays there (pinned).

Only weights are regularized, never biases. The regularization term is added to
the data loss's gradient *before* the optimizer sees it, so with momentum or
Adam it is smoothed like the rest of the gradient (as PyTorch's weight decay).

This module knows nothing about networks or training.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Regularizer:
    """One kind of regularization.

    Attributes
    ----------
    name : str
    formula : str
        The penalty as text, for display.
    penalty : callable
        ``penalty(weights, rate) -> float`` for one weight array.
    gradient : callable
        ``gradient(weights, rate) -> ndarray`` of the same shape.
    pins_at_zero : bool
        A weight pushed across zero by the penalty stays at zero (see ``Trainer``).
    """

    name: str
    formula: str
    penalty: Callable[[np.ndarray, float], float]
    gradient: Callable[[np.ndarray, float], np.ndarray]
    pins_at_zero: bool = False


REGULARIZERS: dict[str, Regularizer] = {
    r.name: r
    for r in [
        Regularizer("none", "0", lambda w, rate: 0.0, lambda w, rate: np.zeros_like(w)),
        Regularizer(
            "l1",
            "rate × Σ|w|",
            lambda w, rate: float(rate * np.sum(np.abs(w))),
            lambda w, rate: rate * np.sign(w),
        ),
        Regularizer(
            "l1_pin",
            "rate × Σ|w|, a weight crossing zero stays 0",
            lambda w, rate: float(rate * np.sum(np.abs(w))),
            lambda w, rate: rate * np.sign(w),
            pins_at_zero=True,
        ),
        Regularizer(
            "l2",
            "rate × Σw² / 2",
            lambda w, rate: float(rate * 0.5 * np.sum(w * w)),
            lambda w, rate: rate * w,
        ),
    ]
}
"""Every regularizer by name."""


def get_regularizer(name: str) -> Regularizer:
    """Look up a regularizer by name, with an error that lists the allowed ones."""
    if name not in REGULARIZERS:
        raise ValueError(f"Unknown regularization {name!r}; allowed: {', '.join(REGULARIZERS)}.")
    return REGULARIZERS[name]
