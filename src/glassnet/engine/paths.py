"""Chain-rule paths: why did this weight change?

A weight w from neuron i (in the layer before) to neuron j changes the loss
only through what comes after it: w changes z_j, which changes a_j, which
changes every z_k in the next layer (through the weights W[j, k]), and so on
until the output and the loss. The chain rule says:

    dL/dw = Σ over every path from w to the loss of
            (the product of the local derivatives along that path)

For one sample, each path is a list of hops:

    dz_j/dw = a_i                 the input the weight multiplies
    da_j/dz_j = f'(z_j)           the slope of j's activation
    dz_k/da_j = W[j, k]           the next weight along the path
    ...
    dL/dz_out                     how the loss changes with the output's sum
                                  (for cross-entropy outputs: (a - t) / n), or
    da_out/dz_out, dL/da_out      (for the other outputs: two hops)

Paths multiply with depth (8 neurons over 5 layers is already 32,768), so they
are listed only up to ``limits.MAX_CHAIN_PATHS``. Past that the same sum is
given one hop at a time: dL/dw = a_i × δ_j, and each δ_j = f'(z_j) ×
Σ_k W[j, k] δ_k (:func:`delta_breakdown`), which a view can expand on demand.

This module knows the network and its traces, nothing else.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np

from .. import limits
from .network import Network
from .trace import BackwardTrace, ForwardTrace


@dataclass(frozen=True)
class Hop:
    """One local derivative along a path.

    Attributes
    ----------
    kind : str
        ``input`` (dz/dw = a_i), ``activation`` (da/dz = f'(z)), ``weight``
        (dz_next/da = W[j, k]), ``loss`` (dL/da of an output) or ``loss_sum``
        (dL/dz of an output, for the cross-entropies).
    layer : int
        The layer of weights the hop belongs to.
    unit : int
        The neuron the hop arrives at (for ``weight``, the next neuron; for
        ``input``, the neuron the weight feeds).
    value : float
    """

    kind: str
    layer: int
    unit: int
    value: float


@dataclass(frozen=True)
class ChainPath:
    """One path from a weight to the loss, with its local derivatives.

    Attributes
    ----------
    units : tuple of int
        The neuron visited in each layer from the weight's own layer to the
        output layer (so ``units[0]`` is the neuron the weight feeds).
    hops : tuple of Hop
    product : float
        The product of every hop's value: this path's share of the gradient.
    """

    units: tuple[int, ...]
    hops: tuple[Hop, ...]
    product: float


@dataclass(frozen=True)
class ChainRule:
    """The gradient of one weight for one sample, explained.

    Attributes
    ----------
    layer, source, target : int
        The weight ``network.layers[layer].weights[source, target]``.
    gradient : float
        dL/dw for this sample: ``input_value * delta``.
    input_value : float
        a_i, the value the weight multiplies.
    delta : float
        δ_j = dL/dz of the neuron the weight feeds.
    path_count : int
        How many paths lead from the weight to the loss.
    paths : tuple of ChainPath, or None
        Every path, when ``path_count <= max_paths``; otherwise None, and
        :func:`delta_breakdown` gives the same sum one hop at a time.
    """

    layer: int
    source: int
    target: int
    gradient: float
    input_value: float
    delta: float
    path_count: int
    paths: tuple[ChainPath, ...] | None

    @property
    def path_sum(self) -> float | None:
        """The sum of every path's product (None when the paths are not listed)."""
        return None if self.paths is None else math.fsum(p.product for p in self.paths)


@dataclass(frozen=True)
class DeltaTerm:
    """One term of δ_j = f'(z_j) × Σ_k W[j, k] δ_k."""

    unit: int
    weight: float
    next_delta: float
    product: float


@dataclass(frozen=True)
class DeltaBreakdown:
    """How one neuron's δ = dL/dz comes from the layer after it.

    For a hidden neuron: ``delta = slope * sum(term.product for term in terms)``,
    where ``slope`` is f'(z). For an output neuron ``terms`` is empty and
    ``delta`` comes from the loss: ``delta = slope * output_error`` for
    elementwise outputs with mse, or directly ``(a - t) / n`` for the
    cross-entropies (``fused`` is True and ``slope`` and ``output_error`` are
    given for display only).
    """

    layer: int
    unit: int
    z: float
    activation: float
    slope: float
    delta: float
    terms: tuple[DeltaTerm, ...]
    output_error: float | None
    fused: bool


def sample_traces(network: Network, x: np.ndarray, t: np.ndarray):
    """Forward and backward traces of a single sample, as a batch of one.

    Parameters
    ----------
    x : array_like, shape (n_inputs,)
    t : array_like, shape (n_outputs,)
    """
    forward = network.forward(np.asarray(x, dtype=np.float64).reshape(1, -1))
    backward = network.backward(forward, np.asarray(t, dtype=np.float64).reshape(1, -1))
    return forward, backward


def chain_rule(
    network: Network,
    x: np.ndarray,
    t: np.ndarray,
    layer: int,
    source: int,
    target: int,
    max_paths: int = limits.MAX_CHAIN_PATHS,
) -> ChainRule:
    """Explain dL/dw for the weight ``layers[layer].weights[source, target]`` on one sample.

    Parameters
    ----------
    network : Network
    x : array_like, shape (n_inputs,)
        One sample's inputs.
    t : array_like, shape (n_outputs,)
        Its target.
    layer, source, target : int
        Which weight.
    max_paths : int
        List paths one by one only up to this many.

    Returns
    -------
    ChainRule
        ``sum(p.product for p in result.paths)`` equals ``result.gradient``, which
        equals ``network.backward`` of this sample's weight gradient.
    """
    _check_weight(network, layer, source, target)
    forward, backward = sample_traces(network, x, t)
    input_value = float(forward.activations[layer][0, source])
    delta = float(backward.deltas[layer][0, target])
    widths = [lay.biases.size for lay in network.layers[layer + 1 :]]
    path_count = math.prod(widths)
    paths = None
    if path_count <= max_paths:
        paths = tuple(
            _path(network, forward, backward, layer, source, (target, *rest))
            for rest in itertools.product(*(range(w) for w in widths))
        )
    return ChainRule(
        layer=layer,
        source=source,
        target=target,
        gradient=input_value * delta,
        input_value=input_value,
        delta=delta,
        path_count=path_count,
        paths=paths,
    )


def delta_breakdown(network: Network, x: np.ndarray, t: np.ndarray, layer: int, unit: int):
    """Explain δ = dL/dz of one neuron on one sample, one hop at a time.

    Parameters
    ----------
    layer : int
        The layer of weights that feeds the neuron (its z is ``pre_activations[layer]``).
    unit : int
        The neuron within that layer.

    Returns
    -------
    DeltaBreakdown
    """
    if not 0 <= layer < len(network.layers) or not 0 <= unit < network.layers[layer].biases.size:
        raise ValueError(f"There is no neuron {unit} in layer {layer}.")
    forward, backward = sample_traces(network, x, t)
    return _breakdown(network, forward, backward, layer, unit)


def _breakdown(network, forward: ForwardTrace, backward: BackwardTrace, layer: int, unit: int):
    z = float(forward.pre_activations[layer][0, unit])
    a = float(forward.activations[layer + 1][0, unit])
    act = network.layers[layer].activation
    slope = float(forward.slopes[layer][0, unit])
    delta = float(backward.deltas[layer][0, unit])
    if layer == len(network.layers) - 1:
        return DeltaBreakdown(
            layer=layer,
            unit=unit,
            z=z,
            activation=a,
            slope=slope,
            delta=delta,
            terms=(),
            output_error=float(backward.output_error[0, unit]),
            fused=network.loss.fused_with == act.name,
        )
    weights = network.layers[layer + 1].weights
    next_deltas = backward.deltas[layer + 1][0]
    terms = tuple(
        DeltaTerm(k, float(weights[unit, k]), float(next_deltas[k]), float(weights[unit, k] * d))
        for k, d in enumerate(next_deltas)
    )
    return DeltaBreakdown(layer, unit, z, a, slope, delta, terms, None, False)


def _path(network, forward, backward, layer, source, units) -> ChainPath:
    """Build the path that visits ``units[0]`` in ``layer``, ``units[1]`` in the next, ..."""
    hops = [Hop("input", layer, units[0], float(forward.activations[layer][0, source]))]
    last = len(network.layers) - 1
    for offset, unit in enumerate(units):
        here = layer + offset
        if here == last:
            hops.extend(_output_hops(network, forward, backward, unit))
            break
        hops.append(Hop("activation", here, unit, float(forward.slopes[here][0, unit])))
        following = units[offset + 1]
        hops.append(
            Hop(
                "weight",
                here + 1,
                following,
                float(network.layers[here + 1].weights[unit, following]),
            )
        )
    return ChainPath(tuple(units), tuple(hops), math.prod(h.value for h in hops))


def _output_hops(network, forward, backward, unit) -> list[Hop]:
    last = len(network.layers) - 1
    act = network.layers[last].activation
    if network.loss.fused_with == act.name:
        # Cross-entropy after its own activation: the two slopes cancel into
        # dL/dz = (a - t) / n, which is also what backward() used.
        return [Hop("loss_sum", last, unit, float(backward.deltas[last][0, unit]))]
    return [
        Hop("activation", last, unit, float(forward.slopes[last][0, unit])),
        Hop("loss", last, unit, float(backward.output_error[0, unit])),
    ]


def _check_weight(network: Network, layer: int, source: int, target: int):
    if not 0 <= layer < len(network.layers):
        raise ValueError(f"There is no layer {layer}; layers are 0 to {len(network.layers) - 1}.")
    n_in, n_out = network.layers[layer].weights.shape
    if not (0 <= source < n_in and 0 <= target < n_out):
        raise ValueError(
            f"Layer {layer} has weights from {n_in} neurons to {n_out}; "
            f"there is no weight [{source}, {target}]."
        )
