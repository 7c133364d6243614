"""Training: move every weight a little downhill, batch after batch.

One training step on a batch of examples:

1. forward pass: the network's outputs for the batch       (``Network.forward``)
2. loss: how wrong those outputs are                        (``Loss.value``)
3. backward pass: the gradient of the loss for every weight (``Network.backward``)
4. regularization: add the pull towards zero, weights only  (``Regularizer.gradient``)
5. update: the optimizer turns gradients into steps, and
   every parameter becomes ``parameter - step``             (``Optimizer.steps``)

An *epoch* shuffles the training examples and takes one step per mini-batch
until every example was used once.

If the loss or a weight stops being a finite number, training has diverged:
:class:`DivergenceError` says so in plain words instead of carrying on with NaN.

This module knows the network, optimizers and regularizers; nothing about data
files or the web.
"""

from __future__ import annotations

import math

import numpy as np

from .network import Network
from .optimizers import MEMORY, Optimizer
from .regularizers import get_regularizer
from .trace import LayerUpdate, ParameterUpdate, StepTrace


class DivergenceError(ArithmeticError):
    """Training produced a loss or a weight that is not a finite number.

    Attributes
    ----------
    reason : str
        ``"loss"`` when the loss became infinite or NaN before the step (the
        weights were left as they were), ``"weights"`` when a step made a
        weight infinite or NaN.
    message : str
        A plain-language explanation with what to try.
    """

    def __init__(self, reason: str, learning_rate: float):
        self.reason = reason
        what = "the loss" if reason == "loss" else "some weights"
        self.message = (
            f"Training diverged: {what} grew too large to be a number. This usually means the "
            f"learning rate ({learning_rate:g}) is too high: each step overshoots the bottom of "
            "the valley and lands higher up the other side, further every time. Try a "
            "learning rate 10 times smaller."
        )
        super().__init__(self.message)


def all_finite(arrays: list[np.ndarray]) -> bool:
    """True if every number in these arrays is finite (no NaN, no infinity).

    The arrays are joined and checked at once: for a small network's handful of
    little arrays, one NumPy call each costs four times as long. (A training
    step checks its one flat array of parameters directly.)
    """
    if not arrays:
        return True
    return bool(np.isfinite(np.concatenate([a.ravel() for a in arrays])).all())


class Trainer:
    """Trains one network with one set of settings.

    Parameters
    ----------
    network : Network
        Trained in place.
    learning_rate : float
        How big a step to take against the gradient; positive and finite.
    optimizer : str
        ``sgd``, ``momentum`` or ``adam``.
    regularization : str
        ``none``, ``l1`` or ``l2``.
    regularization_rate : float
        How strong the pull towards zero is; zero or positive.
    batch_size : int
        How many examples each step averages over.
    seed : int, optional
        Seeds the shuffling of each epoch.
    """

    def __init__(
        self,
        network: Network,
        learning_rate: float = 0.03,
        optimizer: str = "sgd",
        regularization: str = "none",
        regularization_rate: float = 0.0,
        batch_size: int = 10,
        seed: int | None = None,
    ):
        self.network = network
        self.optimizer = Optimizer(optimizer)
        self.learning_rate = learning_rate
        self.regularization = regularization
        self.regularization_rate = regularization_rate
        self.batch_size = batch_size
        self.rng = np.random.default_rng(seed)
        self._pinned: np.ndarray | None = None  # per parameter: l1_pin holds it at 0

    # Settings are checked when set, so a bad value never reaches a step.

    @property
    def learning_rate(self) -> float:
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value: float):
        if not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
            raise ValueError(f"The learning rate must be a positive number; got {value!r}.")
        self._learning_rate = float(value)

    @property
    def regularization(self) -> str:
        return self._regularizer.name

    @regularization.setter
    def regularization(self, name: str):
        self._regularizer = get_regularizer(name)

    @property
    def regularization_rate(self) -> float:
        return self._regularization_rate

    @regularization_rate.setter
    def regularization_rate(self, value: float):
        if not (isinstance(value, (int, float)) and math.isfinite(value) and value >= 0):
            raise ValueError(
                f"The regularization rate must be zero or a positive number; got {value!r}."
            )
        self._regularization_rate = float(value)

    @property
    def batch_size(self) -> int:
        return self._batch_size

    @batch_size.setter
    def batch_size(self, value: int):
        if not (isinstance(value, (int, np.integer)) and value >= 1):
            raise ValueError(f"The batch size must be a whole number of at least 1; got {value!r}.")
        self._batch_size = int(value)

    # -- training ------------------------------------------------------------

    def step(self, inputs: np.ndarray, targets: np.ndarray, trace: bool = False):
        """One step of training on one batch.

        Parameters
        ----------
        inputs : ndarray, shape (n_samples, n_inputs)
        targets : ndarray, shape (n_samples, n_outputs)
        trace : bool
            Record every number of the step.

        Returns
        -------
        float or StepTrace
            The batch's data loss before the step; with ``trace=True`` a
            :class:`StepTrace` holding everything the step computed.

        Raises
        ------
        DivergenceError
            If the loss is not finite (the weights are left untouched) or the
            step made a weight non-finite.
        """
        # Overflow is not an error here: a non-finite loss or weight is caught
        # below and reported as divergence, with a reason, instead of a warning.
        with np.errstate(over="ignore", invalid="ignore"):
            return self._step(inputs, targets, trace)

    def _step(self, inputs, targets, trace):
        net = self.network
        forward = net.forward(inputs)
        backward = net.backward(forward, targets)
        if not math.isfinite(backward.loss):
            raise DivergenceError("loss", self._learning_rate)

        # Every parameter in one flat array (W0, b0, W1, b1, ...; the layers' arrays are
        # views of it), and the gradient in the same order: one update moves them all.
        params = net.flat_parameters
        grad = backward.gradient
        rate = self._regularization_rate
        reg_term = None
        if self._regularizer.name != "none" and rate > 0:
            # Biases are not regularized: the mask is 0 there.
            reg_term = self._regularizer.gradient(params, rate) * net.weight_mask
            grad = grad + reg_term
        [step] = self.optimizer.steps([grad], self._learning_rate)
        if reg_term is not None and self._regularizer.pins_at_zero:
            step = self._pin_at_zero(params, step, reg_term)

        if not trace:
            params -= step
            if not np.isfinite(params).all():
                raise DivergenceError("weights", self._learning_rate)
            return backward.loss

        penalty = self.penalty()
        before = params.copy()
        params -= step
        if reg_term is None:
            reg_term = np.zeros_like(params)
        # The same numbers, one array per layer's weights and biases.
        parts = [net.split(a) for a in (before, backward.gradient, reg_term, step, params.copy())]
        updates = [ParameterUpdate(*arrays) for arrays in zip(*parts)]
        layer_updates = tuple(
            LayerUpdate(updates[k], updates[k + 1]) for k in range(0, len(updates), 2)
        )
        result = StepTrace(
            forward=forward,
            backward=backward,
            updates=layer_updates,
            loss=backward.loss,
            penalty=penalty,
            learning_rate=self._learning_rate,
            optimizer=self.optimizer.name,
            regularization=self.regularization,
        )
        if not np.isfinite(params).all():
            raise DivergenceError("weights", self._learning_rate)
        return result

    def _pin_at_zero(self, params, step, reg_term):
        """TensorFlow Playground's L1: a weight the penalty pushes across zero stays at zero.

        The Playground first takes the data's step, landing at ``w1``, then the
        penalty's step; if that crosses zero the weight becomes 0 and is never
        updated again. ``w1`` is the new value plus the penalty's share of the
        step, ``learning_rate * reg``: exact for SGD (the Playground's only
        optimizer), and the same rule for the others. A bias is never pinned
        (its penalty is 0, so both land on the same side).
        """
        if self._pinned is None or self._pinned.size != params.size:
            self._pinned = np.zeros(params.size, dtype=bool)
        after = params - step
        data_only = after + self._learning_rate * reg_term
        self._pinned |= data_only * after < 0
        return np.where(self._pinned, params, step)  # so that pinned weights end at 0

    @property
    def pinned(self) -> list[np.ndarray] | None:
        """Per layer, which weights ``l1_pin`` holds at zero (None before its first step)."""
        if self._pinned is None:
            return None
        return self.network.split(self._pinned)[0::2]

    def epoch(self, inputs: np.ndarray, targets: np.ndarray, between=None) -> float:
        """One pass over all examples in shuffled mini-batches.

        ``between``, if given, is called with no arguments after each batch. A
        host that shares one core between many sessions takes turns there, and
        may raise to stop the epoch halfway (then the weights are half trained:
        the caller puts them back).

        Returns
        -------
        float
            The mean of the batches' losses, each weighted by its batch's size.
        """
        inputs = np.asarray(inputs, dtype=np.float64)
        targets = np.asarray(targets, dtype=np.float64)
        if targets.ndim == 1:
            targets = targets[:, None]
        n = len(inputs)
        # Shuffled once; each batch is then the next slice of the shuffled examples.
        order = self.rng.permutation(n)
        inputs, targets = inputs[order], targets[order]
        total = 0.0
        for start in range(0, n, self._batch_size):
            x = inputs[start : start + self._batch_size]
            t = targets[start : start + self._batch_size]
            total += self.step(x, t) * len(x)
            if between is not None:
                between()
        return total / n

    def fit(self, inputs: np.ndarray, targets: np.ndarray, epochs: int) -> list[float]:
        """Train for a number of epochs; return each epoch's mean batch loss."""
        return [self.epoch(inputs, targets) for _ in range(epochs)]

    def state(self) -> dict:
        """What the trainer remembers between steps, as plain data (copies).

        The optimizer's memory (one array per parameter array, like
        ``Network.parameters``), the shuffling generator's state, and which
        weights ``l1_pin`` holds at zero: with the weights, exactly what decides
        the next step.
        """
        optimizer = self.optimizer.state()
        for name in MEMORY:  # the optimizer keeps one flat array: give it layer by layer
            if optimizer[name] is not None:
                optimizer[name] = [m.copy() for m in self.network.split(optimizer[name][0])]
        pinned = self.pinned
        return {
            "optimizer": optimizer,
            "shuffle_state": self.rng.bit_generator.state,
            "pinned": None if pinned is None else [m.copy() for m in pinned],
        }

    def state_as_lists(self) -> dict:
        """:meth:`state` with every array as nested lists: ready for JSON or a script."""
        return as_lists(self.state())

    def load_state(self, state: dict):
        """Restore what :meth:`state` returned."""
        optimizer = dict(state["optimizer"])
        for name in MEMORY:
            if optimizer.get(name) is not None:
                optimizer[name] = [np.concatenate([np.ravel(m) for m in optimizer[name]])]
        self.optimizer.load_state(optimizer)
        self.rng.bit_generator.state = state["shuffle_state"]
        pinned = state.get("pinned")
        self._pinned = None
        if pinned is not None:
            self._pinned = np.zeros(self.network.flat_parameters.size, dtype=bool)
            for mine, saved in zip(self.network.split(self._pinned)[0::2], pinned):
                mine[...] = np.asarray(saved, dtype=bool)

    def penalty(self) -> float:
        """The regularization penalty of the current weights (0 when off)."""
        if self._regularizer.name == "none":
            return 0.0
        rate = self._regularization_rate
        return sum(self._regularizer.penalty(layer.weights, rate) for layer in self.network.layers)


def as_lists(value):
    """Arrays (and NumPy numbers) to lists and Python numbers, recursively."""
    if isinstance(value, dict):
        return {k: as_lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_lists(v) for v in value]
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value
