"""glassnet: a neural network you can see through.

>>> from glassnet import Network, Trainer
>>> net = Network([2, 4, 1], activation="tanh", seed=0)

The engine (``glassnet.engine``) trains and records every number; the data
layer (``glassnet.data``) makes and loads datasets.
"""

from .engine import DivergenceError, Network, Trainer, chain_rule, delta_breakdown

__version__ = "0.1.0"

__all__ = ["DivergenceError", "Network", "Trainer", "__version__", "chain_rule", "delta_breakdown"]
