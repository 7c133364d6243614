"""Traces: every number one step of training produced, kept for explanation.

A trace is plain data (frozen dataclasses of NumPy arrays), made by the engine
and read by anything that explains it. Layers are counted from 0 for the first
layer of weights, so for a network with sizes [2, 4, 1]:

- layer 0 has weights (2, 4): inputs -> hidden;  layer 1 has weights (4, 1)
- ``activations[0]`` is the input X, ``activations[1]`` the hidden outputs,
  ``activations[2]`` the network's output
- ``pre_activations[i]`` is z of layer i, so ``activations[i + 1] = f(pre_activations[i])``

Vocabulary (the same on screen, in the docs and on the wire):

- z, ``pre_activations``: a neuron's weighted sum plus bias, z = a_prev @ W + b
- a, ``activations``: a neuron's output, a = f(z)
- f'(z), ``slopes``: the slope of a neuron's activation at its z
- dL/da, ``output_error``: how the loss changes with each output value
- δ = dL/dz, ``deltas``: how the loss changes with each weighted sum
- dL/dW and dL/db, ``weight_grads`` and ``bias_grads``: the gradient, how the
  loss changes with each weight and bias

This module holds data only; the engine fills it in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np


@dataclass(frozen=True)
class ForwardTrace:
    """What a forward pass computed.

    Attributes
    ----------
    pre_activations : tuple of ndarray
        ``pre_activations[i]`` has shape (n_samples, n_units of layer i): z.
    activations : tuple of ndarray
        ``activations[0]`` is the input, shape (n_samples, n_inputs);
        ``activations[i + 1] = f(pre_activations[i])``; the last is the output.
    slopes : tuple of ndarray
        ``slopes[i]`` is f'(z) of layer i, shape (n_samples, n_units of layer i):
        how much a small change of z changes a. For a softmax output it is the
        diagonal of its Jacobian, a (1 - a), shown to people; the backward pass
        uses the full Jacobian there.
    """

    pre_activations: tuple[np.ndarray, ...]
    activations: tuple[np.ndarray, ...]
    slopes: tuple[np.ndarray, ...]

    @property
    def output(self) -> np.ndarray:
        """The network's output, shape (n_samples, n_outputs)."""
        return self.activations[-1]


@dataclass(frozen=True)
class BackwardTrace:
    """What a backward pass computed, for the data loss only (no regularization).

    Attributes
    ----------
    loss : float
        The loss of the batch, averaged as the loss defines.
    deltas : tuple of ndarray
        ``deltas[i]`` is dL/dz for layer i, shape (n_samples, n_units).
    weight_grads : tuple of ndarray
        ``weight_grads[i]`` is dL/dW for layer i, shape (n_in, n_out).
    bias_grads : tuple of ndarray
        ``bias_grads[i]`` is dL/db for layer i, shape (n_out,).
    gradient : ndarray, shape (n_parameters,)
        The whole gradient in one array, in the order of the network's
        ``flat_parameters``; ``weight_grads`` and ``bias_grads`` are views of it.
    output_error : ndarray, shape (n_samples, n_outputs)
        dL/da for the output activations (see the property).
    """

    loss: float
    deltas: tuple[np.ndarray, ...]
    weight_grads: tuple[np.ndarray, ...]
    bias_grads: tuple[np.ndarray, ...]
    gradient: np.ndarray = field(repr=False, compare=False)
    # What output_error is computed from, when it is asked for.
    error_of: Callable[[], np.ndarray] = field(repr=False, compare=False)

    @cached_property
    def output_error(self) -> np.ndarray:
        """dL/da for the output activations, shape (n_samples, n_outputs).

        Computed the first time it is read: explaining a step shows it, but a
        training step never needs it (the output's δ comes straight from the
        loss), and skipping it saves a tenth of a small network's step.
        """
        return self.error_of()


@dataclass(frozen=True)
class ParameterUpdate:
    """How one parameter array (a layer's weights or its biases) changed in one step.

    ``after = before - step`` exactly, and for plain SGD
    ``step = learning_rate * (gradient + regularization)``.

    Attributes
    ----------
    before : ndarray
        The values before the step.
    gradient : ndarray
        dL/dparameter of the data loss.
    regularization : ndarray
        The regularization term added to the gradient (zeros when off, and
        always zeros for biases).
    step : ndarray
        What the optimizer subtracted.
    after : ndarray
        The values after the step.
    """

    before: np.ndarray
    gradient: np.ndarray
    regularization: np.ndarray
    step: np.ndarray
    after: np.ndarray


@dataclass(frozen=True)
class LayerUpdate:
    """The update of one layer: its weights and its biases."""

    weights: ParameterUpdate
    biases: ParameterUpdate


@dataclass(frozen=True)
class StepTrace:
    """Everything one training step did: forward, loss, backward, update.

    Attributes
    ----------
    forward : ForwardTrace
    backward : BackwardTrace
    updates : tuple of LayerUpdate
        One per layer, in order.
    loss : float
        The data loss of the batch (the same as ``backward.loss``).
    penalty : float
        The regularization penalty before the step (0 when off).
    learning_rate : float
    optimizer : str
    regularization : str
    """

    forward: ForwardTrace
    backward: BackwardTrace
    updates: tuple[LayerUpdate, ...]
    loss: float
    penalty: float
    learning_rate: float
    optimizer: str
    regularization: str
