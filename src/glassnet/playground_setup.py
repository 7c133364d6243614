"""The session a notebook ``Playground`` starts with, from its Python arguments.

    Playground(X, y, activation="tanh", hidden_layers=[4], learning_rate=0.1)

``X`` and ``y`` (or a data frame with its labels in the column ``label``) are
the points, read as the CSV loader reads a file (``data.dataset_from_arrays``);
``activation`` is TensorFlow Playground's one activation for every hidden
layer; every other keyword is a setting. The session checks each value as it
checks the page's, so a bad one raises the session's own sentence.

This module knows the session and the data layer; nothing about widgets.
"""

from __future__ import annotations

from .data import dataset_from_arrays
from .session import Session


def session_for(X=None, y=None, label=None, activation=None, **settings) -> Session:
    """A new session with these points (if given) and settings; no notices are left."""
    session = Session()
    if activation is not None:
        if "activations" in settings:
            raise TypeError("give activation (one for every layer) or activations, not both")
        layers = settings.get("hidden_layers", session.settings.hidden_layers)
        settings["activations"] = [activation] * len(layers)
    if X is not None or y is not None or label is not None:
        problem = settings.get("problem")
        session.use_dataset(dataset_from_arrays(X, y, label=label, problem=problem), "Data")
    session.change_settings(settings, undoable=False)
    session.take_notices()
    return session
