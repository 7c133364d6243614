"""Each sample's own gradient, and how a batch averages them.

A training step on a batch of n points uses the mean gradient of the batch. That
mean is made of one gradient per point: the gradient the point's loss alone
would give. Showing them side by side shows how each point pulls the weights,
and how the batch's step is their average.

The backward pass already holds everything: a point's own gradient is its row
of the batch's deltas times its inputs, times n (the batch loss divided each
point's share by n; a point's own loss does not).

This module knows the traces, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .trace import BackwardTrace, ForwardTrace


@dataclass(frozen=True)
class SampleGradients:
    """The gradient of each sample's own loss.

    Attributes
    ----------
    weight_grads : tuple of ndarray
        ``weight_grads[i][s]`` is dL_s/dW of layer i for sample s,
        shape (n_samples, n_in, n_out).
    bias_grads : tuple of ndarray
        ``bias_grads[i][s]`` is dL_s/db of layer i, shape (n_samples, n_out).
    """

    weight_grads: tuple[np.ndarray, ...]
    bias_grads: tuple[np.ndarray, ...]


def sample_gradients(forward: ForwardTrace, backward: BackwardTrace) -> SampleGradients:
    """Split a batch's gradient into each sample's own gradient.

    The mean over samples of the result equals ``backward.weight_grads`` and
    ``backward.bias_grads`` (the batch's gradient).

    Parameters
    ----------
    forward, backward : ForwardTrace, BackwardTrace
        Of the same batch.

    Returns
    -------
    SampleGradients
    """
    n = len(forward.activations[0])
    # Every loss here is a mean over the samples, so a sample's share of the
    # batch's delta is its own delta divided by n.
    weight_grads = tuple(
        n * a[:, :, None] * d[:, None, :]  # (n, n_in, n_out)
        for a, d in zip(forward.activations[:-1], backward.deltas)
    )
    bias_grads = tuple(n * d for d in backward.deltas)  # (n, n_out)
    return SampleGradients(weight_grads, bias_grads)
