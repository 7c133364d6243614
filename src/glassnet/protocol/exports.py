"""Exports of a session: the bridge's functions given the session's network, data and names.

Each function returns files as bytes by name, ready to download or write; the
bridge (``glassnet.bridge``) does the work, this module only gathers what it
needs from a session.
"""

from __future__ import annotations

import numpy as np

from ..bridge import ml5_files
from ..bridge.numpy_script import ScriptData, numpy_script
from ..session import Session


def script_data(session: Session) -> ScriptData:
    """A session's points, split, features and names, as a script trains on them."""
    w = session.workspace
    inputs, labels = w.points.all_inputs(), w.points.all_targets()
    return ScriptData(
        train_points=inputs[w.train],
        train_labels=labels[w.train],
        test_points=inputs[w.test],
        test_labels=labels[w.test],
        features=w.feature_names,
        kind=w.kind,
        class_names=session.data_view().class_names if w.kind != "regression" else (),
        title=f"glassnet on {w.points.base.name}",
    )


def numpy_script_file(session: Session, epochs: int = 100) -> dict[str, bytes]:
    """``glassnet-NAME.py``: the network, its data and settings as a NumPy-only script."""
    text = numpy_script(session.network, session.trainer, script_data(session), epochs)
    return {f"glassnet-{_safe(session.points.base.name)}.py": text.encode()}


def ml5_model_files(session: Session) -> dict[str, bytes]:
    """``model.json``, ``model.weights.bin``, ``model_meta.json`` of the session's network."""
    w = session.workspace
    labels = list(session.data_view().class_names) if w.kind != "regression" else None
    plain = w.feature_names == tuple(f"x{k}" for k in range(1, w.points.n_inputs + 1))
    norm = w.points.base.normalization if plain else None
    names = list(w.points.base.input_names) if norm is not None else list(w.feature_names)
    return ml5_files(session.network, labels=labels, input_names=names, normalization=norm)


def _safe(name: str) -> str:
    """A name fit for a file name: letters, digits, - and _ only."""
    cleaned = "".join(c if c.isalnum() or c in "-_" else "-" for c in name.rsplit(".", 1)[0])
    return cleaned.strip("-")[:40] or "network"


__all__ = ["ml5_model_files", "numpy_script_file", "script_data"]
_ = np  # arrays pass through untouched
