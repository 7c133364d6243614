"""Optimizers: how a gradient becomes a step.

Every optimizer turns the gradient g of each parameter into a step s, and the
parameter becomes ``p - s``. They follow ``torch.optim`` exactly:

- ``sgd``: s = lr × g
- ``momentum``: v = μ v + g (v starts as g), s = lr × v. The step keeps some of
  its previous direction, like a ball rolling downhill.
- ``adam``: m = β1 m + (1 - β1) g, v = β2 v + (1 - β2) g²,
  m̂ = m / (1 - β1^t), v̂ = v / (1 - β2^t), s = lr × m̂ / (√v̂ + ε). Each
  parameter gets its own step size, from how large and steady its gradient is.

This module knows nothing about networks: it sees lists of arrays.
"""

from __future__ import annotations

import numpy as np

OPTIMIZERS = ("sgd", "momentum", "adam")
"""Every optimizer by name."""

MEMORY = ("velocity", "first_moment", "second_moment")
"""What an optimizer remembers between steps: one array per parameter array, or None."""


class Optimizer:
    """Turns gradients into steps, remembering what it needs between steps.

    Parameters
    ----------
    name : str
        One of ``OPTIMIZERS``.
    momentum : float
        μ for ``momentum``.
    beta1, beta2, epsilon : float
        Adam's constants (PyTorch's defaults).
    """

    def __init__(self, name="sgd", momentum=0.9, beta1=0.9, beta2=0.999, epsilon=1e-8):
        if name not in OPTIMIZERS:
            raise ValueError(f"Unknown optimizer {name!r}; allowed: {', '.join(OPTIMIZERS)}.")
        self.name = name
        self.momentum, self.beta1, self.beta2, self.epsilon = momentum, beta1, beta2, epsilon
        self.reset()

    def reset(self):
        """Forget the history (velocities, moments, step count)."""
        self.t = 0
        self.velocity: list[np.ndarray] | None = None
        self.first_moment: list[np.ndarray] | None = None
        self.second_moment: list[np.ndarray] | None = None

    def steps(self, grads: list[np.ndarray], learning_rate: float) -> list[np.ndarray]:
        """The step for each parameter; the caller subtracts it.

        Parameters
        ----------
        grads : list of ndarray
            One gradient per parameter array, always in the same order. The
            math is number by number, so any split works: ``Trainer`` passes
            one flat array holding the whole network's gradient.
        learning_rate : float

        Returns
        -------
        list of ndarray
            One step per parameter, shaped like its gradient.
        """
        self.t += 1
        if self.name == "sgd":
            return [learning_rate * g for g in grads]
        if self.name == "momentum":
            if self.velocity is None:
                self.velocity = [g.copy() for g in grads]
            else:
                for v, g in zip(self.velocity, grads):
                    v *= self.momentum
                    v += g
            return [learning_rate * v for v in self.velocity]
        # adam
        b1, b2 = self.beta1, self.beta2
        if self.first_moment is None:
            self.first_moment = [np.zeros_like(g) for g in grads]
            self.second_moment = [np.zeros_like(g) for g in grads]
        correction1 = 1.0 - b1**self.t
        correction2 = 1.0 - b2**self.t
        steps = []
        for m, v, g in zip(self.first_moment, self.second_moment, grads):
            m *= b1
            m += (1.0 - b1) * g
            v *= b2
            v += (1.0 - b2) * g * g
            steps.append(
                learning_rate * (m / correction1) / (np.sqrt(v / correction2) + self.epsilon)
            )
        return steps

    def state(self) -> dict:
        """The optimizer's memory as plain data (arrays are copied)."""
        state = {"t": self.t}
        for name in MEMORY:
            arrays = getattr(self, name)
            state[name] = None if arrays is None else [a.copy() for a in arrays]
        return state

    def load_state(self, state: dict):
        """Restore what :meth:`state` returned."""
        self.t = int(state["t"])
        for name in MEMORY:
            arrays = state[name]
            copies = None if arrays is None else [np.array(a, dtype=np.float64) for a in arrays]
            setattr(self, name, copies)
