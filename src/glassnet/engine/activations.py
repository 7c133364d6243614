"""Activation functions: what a neuron does with its weighted sum.

A neuron adds up its weighted inputs plus its bias into one number, ``z``, and
then passes ``z`` through an activation function to get its output ``a = f(z)``.
Training needs the slope of that function too, ``f'(z)``, to know how a small
change of ``z`` changes ``a``.

Each activation is defined once here: its function, its derivative, and its
formula as text for display. Adding one is adding one entry to ``ACTIVATIONS``.

This module knows nothing about networks, losses or training.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

LEAKY_RELU_SLOPE = 0.01
"""The slope of leaky ReLU for negative inputs (PyTorch's and TF.js's default)."""


@dataclass(frozen=True)
class Activation:
    """One activation function.

    Attributes
    ----------
    name : str
        The name used in code, on the wire and in the UI (``"tanh"``).
    function : callable
        ``function(z) -> a``, elementwise on an array of any shape.
    derivative : callable
        ``derivative(z, a) -> da/dz``, elementwise. It receives both ``z`` and
        ``a = function(z)`` because some slopes are cheapest from ``a``
        (tanh: ``1 - a**2``). Softmax has no elementwise derivative; see
        :meth:`backprop`.
    formula : str
        The function as text, for display.
    derivative_formula : str
        The derivative as text, for display.
    label : str
        The name shown to people ("Leaky ReLU").
    elementwise : bool
        False only for softmax, whose outputs depend on every input at once.
    """

    name: str
    function: Callable[[np.ndarray], np.ndarray]
    derivative: Callable[[np.ndarray, np.ndarray], np.ndarray]
    formula: str
    derivative_formula: str
    label: str
    elementwise: bool = True

    def backprop(
        self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray, slope: np.ndarray | None = None
    ) -> np.ndarray:
        """Turn dL/da into dL/dz (the chain rule through this activation).

        Parameters
        ----------
        z, a : ndarray, shape (n_samples, n_units)
            The weighted sums and the activations of one layer.
        grad_a : ndarray, shape (n_samples, n_units)
            dL/da, how the loss changes with each activation.
        slope : ndarray, shape (n_samples, n_units), optional
            f'(z), when the forward pass already computed it.

        Returns
        -------
        ndarray, shape (n_samples, n_units)
            dL/dz.
        """
        if self.elementwise:
            return grad_a * (self.derivative(z, a) if slope is None else slope)
        # Softmax: a_k depends on every z_j, with da_k/dz_j = a_k (1[k=j] - a_j).
        # Summing over k gives dL/dz_j = a_j (g_j - sum_k g_k a_k).
        return a * (grad_a - np.sum(grad_a * a, axis=1, keepdims=True))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # 1 / (1 + e^-z) overflows e^-z for large negative z. Written as
    # exp(-ln(1 + e^-z)) nothing overflows: np.logaddexp(0, -z) is ln(e^0 + e^-z),
    # computed without forming e^-z. Exact to the last digit, and 1 and 0 at ±infinity.
    return np.exp(-np.logaddexp(0.0, -z))


def _softmax(z: np.ndarray) -> np.ndarray:
    # Subtracting the row maximum changes nothing mathematically and keeps
    # exp() from overflowing.
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def _elu(z: np.ndarray) -> np.ndarray:
    # expm1 is exp(z) - 1 without losing digits near 0; the minimum keeps it
    # from overflowing on the branch np.where throws away.
    return np.where(z > 0, z, np.expm1(np.minimum(z, 0.0)))


def _softplus(z: np.ndarray) -> np.ndarray:
    # ln(1 + e^z): np.logaddexp(0, z) is ln(e^0 + e^z), computed without overflowing e^z.
    return np.logaddexp(0.0, z)


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in [
        Activation(
            "tanh",
            np.tanh,
            lambda z, a: 1.0 - a * a,
            "tanh(z)",
            "1 - tanh(z)²",
            "Tanh",
        ),
        Activation(
            "relu",
            lambda z: np.maximum(z, 0.0),
            lambda z, a: (z > 0).astype(z.dtype),
            "max(0, z)",
            "1 if z > 0, else 0",
            "ReLU",
        ),
        Activation(
            "sigmoid",
            _sigmoid,
            lambda z, a: a * (1.0 - a),
            "1 / (1 + e^(-z))",
            "σ(z) (1 - σ(z))",
            "Sigmoid",
        ),
        Activation(
            "linear",
            lambda z: z,
            lambda z, a: np.ones_like(z),
            "z",
            "1",
            "Linear",
        ),
        Activation(
            "leaky_relu",
            lambda z: np.where(z > 0, z, LEAKY_RELU_SLOPE * z),
            lambda z, a: np.where(z > 0, 1.0, LEAKY_RELU_SLOPE),
            f"z if z > 0, else {LEAKY_RELU_SLOPE} z",
            f"1 if z > 0, else {LEAKY_RELU_SLOPE}",
            "Leaky ReLU",
        ),
        Activation(
            "elu",
            _elu,
            lambda z, a: np.where(z > 0, 1.0, a + 1.0),
            "z if z > 0, else e^z - 1",
            "1 if z > 0, else e^z",
            "ELU",
        ),
        Activation(
            "softplus",
            _softplus,
            lambda z, a: _sigmoid(z),
            "ln(1 + e^z)",
            "1 / (1 + e^(-z))",
            "Softplus",
        ),
        Activation(
            "sine",
            np.sin,
            lambda z, a: np.cos(z),
            "sin(z)",
            "cos(z)",
            "Sine",
        ),
        Activation(
            "softmax",
            _softmax,
            lambda z, a: a * (1.0 - a),  # the diagonal only; backprop uses the full Jacobian
            "e^(z_k) / Σ_j e^(z_j)",
            "a_k (1[k=j] - a_j)",
            "Softmax",
            elementwise=False,
        ),
    ]
}
"""Every activation by name."""

HIDDEN_ACTIVATIONS = ("tanh", "relu", "sigmoid", "linear", "leaky_relu", "elu", "softplus", "sine")
"""Activations a hidden layer may use."""

OUTPUT_ACTIVATIONS = ("sigmoid", "softmax", "linear", "tanh")
"""Activations the output layer may use."""


def get_activation(name: str, allowed: tuple[str, ...] = HIDDEN_ACTIVATIONS) -> Activation:
    """Look up an activation by name, with an error that lists the allowed ones."""
    if name not in allowed:
        raise ValueError(f"Unknown activation {name!r}; allowed: {', '.join(allowed)}.")
    return ACTIVATIONS[name]
