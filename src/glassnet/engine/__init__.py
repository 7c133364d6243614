"""The engine: a small, transparent neural network in NumPy.

Read it in this order, like a textbook chapter:

1. ``activations.py``: what one neuron does with its weighted sum
2. ``losses.py``: how wrong the network is
3. ``network.py``: the forward pass and the backward pass
4. ``regularizers.py`` and ``optimizers.py``: how a gradient becomes a step
5. ``training.py``: one step, one epoch, and divergence
6. ``paths.py``: the chain rule, one path at a time
7. ``samples.py``: each point's own share of a batch's gradient
8. ``trace.py``: the names of every number the engine records

The engine imports only NumPy and the standard library: no web, no files.
"""

from .activations import ACTIVATIONS, HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, Activation
from .losses import ALLOWED_PAIRS, LOSSES, Loss
from .network import INITIALIZERS, Layer, Network, check_layer_sizes
from .optimizers import OPTIMIZERS, Optimizer
from .paths import ChainPath, ChainRule, DeltaBreakdown, Hop, chain_rule, delta_breakdown
from .regularizers import REGULARIZERS, Regularizer
from .samples import SampleGradients, sample_gradients
from .trace import BackwardTrace, ForwardTrace, LayerUpdate, ParameterUpdate, StepTrace
from .training import DivergenceError, Trainer

__all__ = [
    "ACTIVATIONS",
    "ALLOWED_PAIRS",
    "HIDDEN_ACTIVATIONS",
    "INITIALIZERS",
    "LOSSES",
    "OPTIMIZERS",
    "OUTPUT_ACTIVATIONS",
    "REGULARIZERS",
    "Activation",
    "BackwardTrace",
    "ChainPath",
    "ChainRule",
    "DeltaBreakdown",
    "DivergenceError",
    "ForwardTrace",
    "Hop",
    "Layer",
    "LayerUpdate",
    "Loss",
    "Network",
    "Optimizer",
    "ParameterUpdate",
    "Regularizer",
    "SampleGradients",
    "StepTrace",
    "Trainer",
    "chain_rule",
    "check_layer_sizes",
    "delta_breakdown",
    "sample_gradients",
]
