"""Loss functions: one number that says how wrong the network is.

Each loss compares the network's outputs ``a`` with the targets ``t`` and is
averaged over the batch, with the same meaning as in Keras, TF.js and PyTorch:

- ``mse``: mean over every element of (a - t)²
- ``binary_crossentropy``: mean over every element of -(t ln a + (1 - t) ln(1 - a)),
  for a sigmoid output and targets 0 or 1
- ``categorical_crossentropy``: mean over samples of -Σ_k t_k ln a_k, for a
  softmax output and one-hot targets

Training needs the loss's slope with respect to the output layer's weighted sums
``z``: that is where backpropagation starts. For the two cross-entropies the
slope has a famously simple form, (a - t) / n, because the activation's slope
cancels against the loss's. Using that form directly is also what keeps it
numerically stable: computing ln(a) on a saturated sigmoid would give ln(0).

This module knows activations (to pair them) but nothing about layers or training.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .activations import Activation

CLIP = 1e-7
"""How close to 0 or 1 a probability may get in ``output_error`` (Keras's epsilon).
Only that display value is clipped; the loss and every gradient are exact."""


def _log_softmax(z: np.ndarray) -> np.ndarray:
    shifted = z - np.max(z, axis=1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))


# The means below are sums over sizes: np.mean costs more than the rest of a small
# batch's loss (about 15 µs of Python per call), and the loss is taken at every step.


def _mse_value(z, a, t):
    return float(((a - t) ** 2).sum()) / a.size


def _mse_error(a, t):
    return 2.0 * (a - t) / a.size


def _bce_value(z, a, t):
    # -(t ln σ(z) + (1 - t) ln σ(-z)), from z directly: -ln σ(z) = ln(1 + e^-z), and
    # np.logaddexp(0, x) is ln(e^0 + e^x), computed without overflowing e^x.
    per_output = t * np.logaddexp(0.0, -z) + (1.0 - t) * np.logaddexp(0.0, z)
    return float(per_output.sum()) / z.size


def _bce_error(a, t):
    p = np.clip(a, CLIP, 1.0 - CLIP)
    return (p - t) / (p * (1.0 - p)) / a.size


def _cce_value(z, a, t):
    return float(-np.sum(t * _log_softmax(z)) / len(z))


def _cce_error(a, t):
    return -t / np.clip(a, CLIP, 1.0) / len(a)


@dataclass(frozen=True)
class Loss:
    """One loss function.

    Attributes
    ----------
    name : str
        The name used in code, on the wire and in the UI.
    formula : str
        The loss as text, for display.
    value : callable
        ``value(z, a, t) -> float``: the loss of a batch. It receives the output
        layer's weighted sums ``z`` as well as its activations ``a`` so that the
        cross-entropies can be computed from ``z`` without taking ln(0).
    error : callable
        ``error(a, t) -> dL/da``, shape (n_samples, n_outputs).
    fused_with : str or None
        The output activation whose slope cancels with this loss's, so that
        dL/dz = (a - t) / n exactly (``sigmoid`` for binary cross-entropy,
        ``softmax`` for categorical cross-entropy).
    """

    name: str
    formula: str
    value: Callable[[np.ndarray, np.ndarray, np.ndarray], float]
    error: Callable[[np.ndarray, np.ndarray], np.ndarray]
    fused_with: str | None = None

    def output_delta(self, z: np.ndarray, a: np.ndarray, t: np.ndarray, activation: Activation):
        """dL/dz of the output layer: where backpropagation starts.

        Parameters
        ----------
        z, a, t : ndarray, shape (n_samples, n_outputs)
            Weighted sums, outputs and targets.
        activation : Activation
            The output layer's activation.
        """
        if activation.name == self.fused_with:
            # Cross-entropy after its own activation: dL/dz = (a - t) / n, where
            # n counts what the loss averages over (elements for binary,
            # samples for categorical).
            n = a.size if self.name == "binary_crossentropy" else len(a)
            return (a - t) / n
        return activation.backprop(z, a, self.error(a, t))


LOSSES: dict[str, Loss] = {
    loss.name: loss
    for loss in [
        Loss("mse", "mean of (a - t)²", _mse_value, _mse_error),
        Loss(
            "binary_crossentropy",
            "mean of -(t ln a + (1 - t) ln(1 - a))",
            _bce_value,
            _bce_error,
            fused_with="sigmoid",
        ),
        Loss(
            "categorical_crossentropy",
            "mean over samples of -Σ t ln a",
            _cce_value,
            _cce_error,
            fused_with="softmax",
        ),
    ]
}
"""Every loss by name."""

ALLOWED_PAIRS: tuple[tuple[str, str], ...] = (
    ("sigmoid", "binary_crossentropy"),
    ("softmax", "categorical_crossentropy"),
    ("linear", "mse"),
    ("tanh", "mse"),
    ("sigmoid", "mse"),
)
"""(output activation, loss) pairs a network may use."""

DEFAULT_LOSS = {"sigmoid": "binary_crossentropy", "softmax": "categorical_crossentropy"}
"""The natural loss for an output activation; any other output uses ``mse``."""


def check_pair(output_activation: str, loss: str) -> Loss:
    """Return the loss if it may follow this output activation, else raise ValueError."""
    if loss not in LOSSES:
        raise ValueError(f"Unknown loss {loss!r}; allowed: {', '.join(LOSSES)}.")
    if (output_activation, loss) not in ALLOWED_PAIRS:
        allowed = "; ".join(f"{act} with {name}" for act, name in ALLOWED_PAIRS)
        raise ValueError(
            f"The output activation {output_activation!r} cannot be trained with the loss "
            f"{loss!r}. Allowed pairs: {allowed}."
        )
    return LOSSES[loss]
