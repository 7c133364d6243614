"""The network: layers of neurons, a forward pass and a backward pass.

A network with layer sizes [2, 4, 1] takes 2 inputs, has one hidden layer of 4
neurons and 1 output neuron. Between each pair of neighbouring sizes sits one
*layer* of weights and biases:

    z = a_prev @ W + b          the weighted sum of each neuron, plus its bias
    a = f(z)                    the neuron's output, through its activation

The forward pass applies that layer after layer. The backward pass walks back,
using the chain rule to find how the loss changes with every weight and bias
(the gradient). Training (``training.py``) then moves each parameter a little
against its gradient.

This module knows activations and losses, and nothing about optimizers, data
files or the web.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import numpy as np

from .. import limits
from .activations import HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, Activation, get_activation
from .losses import DEFAULT_LOSS, Loss, check_pair
from .trace import BackwardTrace, ForwardTrace

INITIALIZERS = ("xavier", "he", "uniform", "zeros")
"""How the first weights are chosen:

- ``xavier``: uniform in ±sqrt(6 / (n_in + n_out)), biases 0 (Keras's default)
- ``he``: normal with standard deviation sqrt(2 / n_in), biases 0 (good for ReLU)
- ``uniform``: uniform in ±0.5, biases 0.1 (TensorFlow Playground's)
- ``zeros``: weights 0, biases 0.1 (TensorFlow Playground's ``initZero``)
"""


class Layer:
    """One layer of weights: every neuron of the previous layer to every neuron of this one.

    Attributes
    ----------
    weights : ndarray, shape (n_in, n_out)
        ``weights[i, j]`` connects input neuron i to neuron j (Keras's and
        TF.js's layout; PyTorch stores the transpose). Writable in place.
    biases : ndarray, shape (n_out,)
        One bias per neuron. Writable in place.
    activation : Activation
        What each neuron does with its weighted sum.

    In a network, both arrays are views of the network's ``flat_parameters``.
    Assigning a new array (``layer.weights = w``) copies its numbers into
    place, so the network keeps training what you set.
    """

    def __init__(self, weights, biases, activation: Activation):
        self._weights = np.asarray(weights, dtype=np.float64)
        self._biases = np.asarray(biases, dtype=np.float64)
        self.activation = activation

    @property
    def weights(self) -> np.ndarray:
        return self._weights

    @weights.setter
    def weights(self, value):
        _write_into(self._weights, value, "weights")

    @property
    def biases(self) -> np.ndarray:
        return self._biases

    @biases.setter
    def biases(self, value):
        _write_into(self._biases, value, "biases")

    def __repr__(self) -> str:
        n_in, n_out = self._weights.shape
        return f"Layer({n_in} -> {n_out}, {self.activation.name})"


def _write_into(array: np.ndarray, value, name: str):
    value = np.asarray(value, dtype=np.float64)
    if value.shape != array.shape:
        raise ValueError(f"This layer's {name} have shape {array.shape}; got {value.shape}.")
    array[...] = value


class Network:
    """A fully connected neural network.

    Parameters
    ----------
    layer_sizes : sequence of int
        ``[n_inputs, hidden..., n_outputs]``: 0 to ``limits.MAX_HIDDEN_LAYERS``
        hidden layers of ``limits.MIN_NEURONS`` to ``limits.MAX_NEURONS`` neurons.
    activation : str or sequence of str
        The hidden layers' activation: one name for all, or one per hidden layer.
    output_activation : str, optional
        ``sigmoid``, ``softmax``, ``linear`` or ``tanh``. By default ``softmax``
        when there are several outputs, else ``sigmoid``.
    loss : str, optional
        ``mse``, ``binary_crossentropy`` or ``categorical_crossentropy``. By
        default the natural partner of the output activation: binary
        cross-entropy after sigmoid, categorical after softmax, else mse.
    seed : int, optional
        Seeds the initial weights; the same seed gives the same network.
    init : str
        One of ``INITIALIZERS``.

    Attributes
    ----------
    layers : tuple of Layer
        One per layer of weights, the output layer last. The architecture is
        fixed: to change it, make a new Network (as the playground does).
    flat_parameters : ndarray, shape (n_parameters,)
        Every weight and bias in one array, in the order W0, b0, W1, b1, ...
        (each W row by row). The layers' arrays are views of it, so a training
        step updates all of them at once: for a small network, one NumPy call
        costs less than the numbers it moves.
    weight_mask : ndarray, shape (n_parameters,)
        1 where ``flat_parameters`` holds a weight, 0 where it holds a bias.

    Examples
    --------
    >>> net = Network([2, 4, 1], activation="tanh", seed=0)
    >>> net.layers[0].weights.shape
    (2, 4)
    """

    def __init__(
        self,
        layer_sizes: Sequence[int],
        activation: str | Sequence[str] = "tanh",
        output_activation: str | None = None,
        loss: str | None = None,
        seed: int | None = None,
        init: str = "xavier",
    ):
        sizes = check_layer_sizes(layer_sizes)
        n_hidden = len(sizes) - 2
        names = [activation] * n_hidden if isinstance(activation, str) else list(activation)
        if len(names) != n_hidden:
            raise ValueError(
                f"Got {len(names)} activation names for {n_hidden} hidden layers; "
                "give one name for all of them or exactly one per hidden layer."
            )
        if output_activation is None:
            output_activation = "softmax" if sizes[-1] > 1 else "sigmoid"
        if output_activation == "softmax" and sizes[-1] < 2:
            raise ValueError("A softmax output needs at least 2 output neurons (one per class).")
        if loss is None:
            loss = DEFAULT_LOSS.get(output_activation, "mse")
        if init not in INITIALIZERS:
            raise ValueError(f"Unknown init {init!r}; allowed: {', '.join(INITIALIZERS)}.")

        activations = [get_activation(n, HIDDEN_ACTIVATIONS) for n in names]
        activations.append(get_activation(output_activation, OUTPUT_ACTIVATIONS))
        self.loss: Loss = check_pair(output_activation, loss)
        self.init = init

        rng = np.random.default_rng(seed)
        layers = []
        for n_in, n_out, act in zip(sizes[:-1], sizes[1:], activations):
            weights, biases = _initial_parameters(rng, init, n_in, n_out)
            layers.append(Layer(weights, biases, act))
        # A tuple: a network keeps its layers (their numbers change in place, see Layer).
        self.layers: tuple[Layer, ...] = tuple(layers)
        self._gather_parameters()

    # -- description -------------------------------------------------------

    @property
    def layer_sizes(self) -> list[int]:
        """``[n_inputs, hidden..., n_outputs]``."""
        return [self.layers[0].weights.shape[0]] + [layer.biases.size for layer in self.layers]

    @property
    def activation_names(self) -> list[str]:
        """One activation name per layer of weights, the output layer's last."""
        return [layer.activation.name for layer in self.layers]

    def parameters(self) -> list[np.ndarray]:
        """Every parameter array, in order: W0, b0, W1, b1, ... (the arrays themselves)."""
        return [p for layer in self.layers for p in (layer.weights, layer.biases)]

    def split(self, flat: np.ndarray) -> list[np.ndarray]:
        """Views of a flat array shaped like :meth:`parameters`: W0, b0, W1, b1, ...

        ``flat`` has one number per parameter, as ``flat_parameters`` has; a
        gradient, an optimizer's step or its memory can be read layer by layer.
        """
        if flat.shape != self.flat_parameters.shape:
            raise ValueError(
                f"This network has {self.flat_parameters.size} parameters; "
                f"got an array of shape {flat.shape}."
            )
        return [flat[start:stop].reshape(shape) for start, stop, shape in self._places]

    def copy(self) -> Network:
        """An independent copy with the same architecture and parameter values."""
        twin = object.__new__(Network)
        twin.loss, twin.init = self.loss, self.init
        twin.layers = tuple(
            Layer(layer.weights.copy(), layer.biases.copy(), layer.activation)
            for layer in self.layers
        )
        twin._gather_parameters()
        return twin

    def _gather_parameters(self):
        """Copy every layer's arrays into ``flat_parameters`` and make them views of it."""
        arrays = self.parameters()
        self._places = []
        start = 0
        for array in arrays:
            self._places.append((start, start + array.size, array.shape))
            start += array.size
        self.flat_parameters = np.concatenate([a.ravel() for a in arrays])
        views = self.split(self.flat_parameters)
        for layer, weights, biases in zip(self.layers, views[0::2], views[1::2]):
            layer._weights, layer._biases = weights, biases
        # 1 where a weight sits, 0 for a bias: regularization pulls weights only.
        self.weight_mask = np.zeros(start)
        for weights in self.split(self.weight_mask)[0::2]:
            weights[...] = 1.0

    def __setstate__(self, state: dict):
        # A copy (copy.copy, copy.deepcopy) arrives with its layers' arrays no longer
        # views of its own flat array: give it layers of its own, linked to one array again.
        self.__dict__.update(state)
        self.layers = tuple(Layer(a.weights, a.biases, a.activation) for a in self.layers)
        self._gather_parameters()

    # -- the passes --------------------------------------------------------

    def predict(self, inputs: np.ndarray) -> np.ndarray:
        """The network's outputs, recording nothing.

        Parameters
        ----------
        inputs : array_like, shape (n_samples, n_inputs)

        Returns
        -------
        ndarray, shape (n_samples, n_outputs)
        """
        a = self._check_inputs(inputs)
        for layer in self.layers:
            a = layer.activation.function(a @ layer.weights + layer.biases)
        return a

    def forward(self, inputs: np.ndarray) -> ForwardTrace:
        """Run the inputs through the network, keeping every intermediate value.

        Parameters
        ----------
        inputs : array_like, shape (n_samples, n_inputs)

        Returns
        -------
        ForwardTrace
            ``pre_activations[i]`` (z of layer i), ``activations`` (the
            input first, the output last) and ``slopes[i]`` (f'(z) of layer i).
        """
        a = self._check_inputs(inputs)
        zs, activations, slopes = [], [a], []
        for layer in self.layers:
            z = a @ layer.weights + layer.biases  # (n_samples, n_out)
            a = layer.activation.function(z)
            zs.append(z)
            activations.append(a)
            slopes.append(layer.activation.derivative(z, a))  # the backward pass reuses it
        return ForwardTrace(tuple(zs), tuple(activations), tuple(slopes))

    def backward(self, forward: ForwardTrace, targets: np.ndarray) -> BackwardTrace:
        """Compute the loss and its gradient for every weight and bias.

        Backpropagation, from the output back to the input:

        1. δ of the output layer = dL/dz, from the loss (``Loss.output_delta``)
        2. dL/dW = a_prevᵀ @ δ and dL/db = Σ_samples δ, for this layer
        3. δ of the layer before = (δ @ Wᵀ) · f'(z_prev), and repeat from 2

        f'(z_prev) is the forward pass's ``slopes``: nothing is computed twice.

        Parameters
        ----------
        forward : ForwardTrace
            From :meth:`forward` on the same network.
        targets : array_like, shape (n_samples, n_outputs)
            What the outputs should have been (one-hot rows for softmax). A 1-D
            array is accepted for a single output.

        Returns
        -------
        BackwardTrace
        """
        zs, acts, slopes = forward.pre_activations, forward.activations, forward.slopes
        t = self._check_targets(targets, len(acts[0]))
        output = self.layers[-1].activation
        loss = self.loss.value(zs[-1], acts[-1], t)
        delta = self.loss.output_delta(zs[-1], acts[-1], t, output)

        # The gradient is one flat array, shaped like flat_parameters: the
        # optimizer steps every parameter at once. Each layer's part is a view.
        gradient = np.empty(self.flat_parameters.size)
        grads = self.split(gradient)
        weight_grads, bias_grads = grads[0::2], grads[1::2]
        deltas = [None] * len(self.layers)
        for i in range(len(self.layers) - 1, -1, -1):
            deltas[i] = delta
            weight_grads[i][...] = acts[i].T @ delta  # dL/dW = a_prevᵀ @ δ, (n_in, n_out)
            bias_grads[i][...] = delta.sum(axis=0)  # dL/db = Σ_samples δ, (n_out,)
            if i > 0:
                previous = self.layers[i - 1].activation
                grad_a = delta @ self.layers[i].weights.T  # dL/da of the layer before
                delta = previous.backprop(zs[i - 1], acts[i], grad_a, slopes[i - 1])
        return BackwardTrace(
            loss,
            tuple(deltas),
            tuple(weight_grads),
            tuple(bias_grads),
            gradient=gradient,
            error_of=partial(self.loss.error, acts[-1], t),
        )

    def loss_value(self, inputs: np.ndarray, targets: np.ndarray) -> float:
        """The data loss on these inputs and targets, recording nothing."""
        a = self._check_inputs(inputs)
        for layer in self.layers[:-1]:
            a = layer.activation.function(a @ layer.weights + layer.biases)
        last = self.layers[-1]
        z = a @ last.weights + last.biases
        return self.loss.value(z, last.activation.function(z), self._check_targets(targets, len(a)))

    # -- checks ------------------------------------------------------------

    def _check_inputs(self, inputs) -> np.ndarray:
        x = np.asarray(inputs, dtype=np.float64)
        n_inputs = self.layers[0].weights.shape[0]
        if x.ndim != 2 or x.shape[1] != n_inputs:
            raise ValueError(f"Inputs must have shape (n_samples, {n_inputs}); got {x.shape}.")
        return x

    def _check_targets(self, targets, n_samples: int) -> np.ndarray:
        t = np.asarray(targets, dtype=np.float64)
        n_outputs = self.layers[-1].biases.size
        if t.ndim == 1 and n_outputs == 1:
            t = t[:, None]
        if t.shape != (n_samples, n_outputs):
            raise ValueError(f"Targets must have shape ({n_samples}, {n_outputs}); got {t.shape}.")
        return t


def check_layer_sizes(layer_sizes: Sequence[int]) -> list[int]:
    """Validate ``[n_inputs, hidden..., n_outputs]`` against the limits; return it as ints."""
    sizes = list(layer_sizes)
    if len(sizes) < 2 or not all(isinstance(s, (int, np.integer)) for s in sizes):
        raise ValueError(
            f"layer_sizes must be a list of whole numbers [n_inputs, hidden..., n_outputs]; "
            f"got {layer_sizes!r}."
        )
    sizes = [int(s) for s in sizes]
    if len(sizes) - 2 > limits.MAX_HIDDEN_LAYERS:
        raise ValueError(
            f"A network may have at most {limits.MAX_HIDDEN_LAYERS} hidden layers; "
            f"got {len(sizes) - 2}."
        )
    if not 1 <= sizes[0] <= limits.MAX_INPUTS:
        raise ValueError(f"A network takes 1 to {limits.MAX_INPUTS} inputs; got {sizes[0]}.")
    if not 1 <= sizes[-1] <= limits.MAX_OUTPUTS:
        raise ValueError(f"A network has 1 to {limits.MAX_OUTPUTS} outputs; got {sizes[-1]}.")
    for position, size in enumerate(sizes[1:-1], start=1):
        if not limits.MIN_NEURONS <= size <= limits.MAX_NEURONS:
            raise ValueError(
                f"Hidden layer {position} has {size} neurons; a hidden layer has "
                f"{limits.MIN_NEURONS} to {limits.MAX_NEURONS}."
            )
    return sizes


def _initial_parameters(rng: np.random.Generator, init: str, n_in: int, n_out: int):
    if init == "xavier":
        bound = np.sqrt(6.0 / (n_in + n_out))
        return rng.uniform(-bound, bound, (n_in, n_out)), np.zeros(n_out)
    if init == "he":
        return rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, n_out)), np.zeros(n_out)
    if init == "uniform":
        return rng.uniform(-0.5, 0.5, (n_in, n_out)), np.full(n_out, 0.1)
    return np.zeros((n_in, n_out)), np.full(n_out, 0.1)
