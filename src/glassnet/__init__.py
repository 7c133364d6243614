"""glassnet: a neural network you can see through.

>>> from glassnet import Network, Trainer
>>> net = Network([2, 4, 1], activation="tanh", seed=0)

The engine (``glassnet.engine``) trains and records every number; the data
layer (``glassnet.data``) makes and loads datasets; the bridge
(``glassnet.bridge``) opens ml5.js models and writes them (``from_ml5``,
``to_ml5``). In a notebook, ``glassnet.Playground(...)`` is the live playground
(``glassnet.widget``; imported on first use, since it brings the notebook's
widget machinery with it).
"""

__version__ = "0.1.0"

from .bridge import from_ml5, to_ml5  # noqa: E402  (the bridge reads __version__)
from .engine import DivergenceError, Network, Trainer, chain_rule, delta_breakdown  # noqa: E402

__all__ = [
    "DivergenceError",
    "Network",
    "Playground",
    "Trainer",
    "__version__",
    "chain_rule",
    "delta_breakdown",
    "from_ml5",
    "to_ml5",
]


def __getattr__(name: str):
    if name == "Playground":
        from .widget import Playground

        return Playground
    raise AttributeError(f"module 'glassnet' has no attribute {name!r}")
