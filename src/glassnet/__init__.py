"""glassnet: a neural network you can see through.

>>> from glassnet import Network, Trainer
>>> net = Network([2, 4, 1], activation="tanh", seed=0)

The engine (``glassnet.engine``) trains and records every number; the data
layer (``glassnet.data``) makes and loads datasets; the bridge
(``glassnet.bridge``) opens ml5.js models and writes them (``from_ml5``,
``to_ml5``). In a notebook, ``glassnet.Playground(...)`` is the live playground
(``glassnet.widget``; imported on first use, since it brings the notebook's
widget machinery with it). ``glassnet.publish(playground, "page.html")`` writes
a trained network and its recorded run as one web page that needs no server.
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
    "publish",
    "from_ml5",
    "to_ml5",
]


def publish(source, path, **options):
    """Write a trained network and its recorded run as one web page that needs no server.

    Parameters
    ----------
    source : Playground or Session
        What to publish: a notebook's playground, or a session.
    path : str or Path
        The HTML file to write.
    **options
        ``include_points`` (False leaves the data points out), ``layout``
        (``"embed"``: compact, for an iframe of about 600x450), ``hidden``
        (controls to hide, as ``<name>_hide``), ``explain_points`` and
        ``explain_epochs`` (the steps a reader can step through), ``title``.
        See docs/publishing.md.

    Returns
    -------
    Path
        The file written.
    """
    from pathlib import Path

    from .protocol.publish import publish_page

    if hasattr(source, "publish"):  # a playground: it holds its lock while publishing
        return source.publish(path, **options)
    text = publish_page(source, **options)
    target = Path(path)
    target.write_text(text, encoding="utf-8")
    return target


def __getattr__(name: str):
    if name == "Playground":
        from .widget import Playground

        return Playground
    raise AttributeError(f"module 'glassnet' has no attribute {name!r}")
