"""Saving a whole session, and bringing it back exactly.

A saved session is one plain document (dicts, lists, numbers and text, ready
for JSON): the settings, every point (generated, loaded and drawn), the trained
weights, the optimizer's memory, the shuffling state, the epoch and the loss
history. Loading it gives back the same network: the same weights, the same
predictions, and the same next training step.

It is a *session*, not a model: a model export (weights and settings, no data)
is something else. ``FORMAT`` and ``VERSION`` mark the document; one from
another version, or a damaged one, is refused with a message and changes
nothing.

This module knows the session's parts, nothing about JSON text or the web.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .. import __version__
from ..data import DataError, Dataset, Normalization
from ..engine import Optimizer
from .history import History
from .points import Points

FORMAT = "glassnet-session"
VERSION = 1


class SavedSessionError(ValueError):
    """A saved session that cannot be loaded; the message says why."""


def to_document(session, include_history: bool = True) -> dict[str, Any]:
    """Everything needed to bring this session back, as plain data.

    Parameters
    ----------
    session : Session
    include_history : bool
        Leave the loss history out to make the document small (a view that
        keeps the history itself can add it back).
    """
    points = session.points
    base = points.base
    norm = base.normalization
    trainer = session.trainer
    document = {
        "format": FORMAT,
        "version": VERSION,
        "saved_by": f"glassnet {__version__}",
        "settings": _plain(session.settings),
        "points": {
            "source": points.source,
            "name": base.name,
            "problem": base.problem,
            "input_names": list(base.input_names),
            "class_names": list(base.class_names),
            "inputs": base.inputs.tolist(),
            "targets": base.targets.tolist(),
            "normalization": None
            if norm is None
            else {
                "input_min": list(norm.input_min),
                "input_max": list(norm.input_max),
                "target_min": norm.target_min,
                "target_max": norm.target_max,
            },
            "drawn_inputs": points.drawn_inputs.tolist(),
            "drawn_targets": points.drawn_targets.tolist(),
            "removed": sorted(points.removed),
        },
        "network": {
            "layer_sizes": session.network.layer_sizes,
            "parameters": [p.tolist() for p in session.network.parameters()],
        },
        "training": {
            "epoch": session.epoch,
            "optimizer": _plain(trainer.optimizer.state()),
            "shuffle_state": _plain(trainer.rng.bit_generator.state),
            "pinned": None if trainer.pinned is None else [m.tolist() for m in trainer.pinned],
        },
    }
    if include_history:
        h = session.history
        document["history"] = {"stride": h.stride, **{n: list(getattr(h, n)) for n in h.SERIES}}
    return document


def read_document(document: Any):
    """Check a saved session and turn it into its parts, or raise SavedSessionError.

    Returns
    -------
    dict
        ``settings``, ``points`` (Points), ``layer_sizes``, ``parameters`` (list of
        ndarray), ``trainer`` (as ``Trainer.state``), ``epoch``, ``history`` (History or None).
    """
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SavedSessionError(
            'This is not a glassnet session file (it has no "format": '
            f'"{FORMAT}"). Save one with the Save button, then load that file.'
        )
    version = document.get("version")
    if version != VERSION:
        raise SavedSessionError(
            f"This session file has format version {version!r}; this glassnet "
            f"({__version__}) reads version {VERSION} only."
        )
    try:
        return _read_parts(document)
    except (KeyError, TypeError, ValueError, IndexError, ArithmeticError, DataError) as error:
        detail = f"missing {error}" if isinstance(error, KeyError) else str(error)
        raise SavedSessionError(
            f"This session file is damaged and was not loaded ({detail}). Nothing was changed."
        ) from None


def check_fit(parts: dict, settings: dict, n_outputs: int):
    """Check that the saved weights and optimizer memory fit the saved settings.

    Raises
    ------
    SavedSessionError
        When they do not, naming what does not fit.
    """
    sizes = [len(settings["features"]), *settings["hidden_layers"], n_outputs]
    if sizes != parts["layer_sizes"]:
        raise SavedSessionError(
            damaged_message(f"its network {parts['layer_sizes']} does not fit its settings")
        )
    shapes = [shape for a, b in zip(sizes, sizes[1:]) for shape in ((a, b), (b,))]
    if [p.shape for p in parts["parameters"]] != shapes:
        raise SavedSessionError(damaged_message("its weights do not have the network's shapes"))
    trainer = parts["trainer"]
    weight_shapes = shapes[0::2]
    pinned = trainer["pinned"]
    if pinned is not None and [np.shape(m) for m in pinned] != weight_shapes:
        raise SavedSessionError(damaged_message("its pinned weights do not fit the network"))
    try:
        optimizer = Optimizer(settings["optimizer"])
        optimizer.load_state(trainer["optimizer"])
        np.random.default_rng().bit_generator.state = trainer["shuffle"]
    except (KeyError, TypeError, ValueError, ArithmeticError) as error:
        raise SavedSessionError(
            damaged_message(f"its training state is unreadable: {error}")
        ) from None
    for memory in (optimizer.velocity, optimizer.first_moment, optimizer.second_moment):
        if memory is not None and [m.shape for m in memory] != shapes:
            raise SavedSessionError(
                damaged_message("its optimizer memory does not fit the network")
            )


def damaged_message(detail: str) -> str:
    """The message for a saved session that cannot be read, with what was wrong."""
    return f"This session file is damaged and was not loaded ({detail}). Nothing was changed."


def _read_parts(document: dict) -> dict:
    settings = document["settings"]
    if not isinstance(settings, dict):
        raise ValueError("settings must be an object")
    p = document["points"]
    norm = p["normalization"]
    base = Dataset(
        inputs=np.array(p["inputs"], dtype=np.float64).reshape(len(p["inputs"]), -1)
        if p["inputs"]
        else np.zeros((0, len(p["input_names"]))),
        # An empty list would read as floats; class targets are whole numbers.
        targets=np.array(
            p["targets"], dtype=np.int64 if p["problem"] == "classification" else None
        ),
        problem=p["problem"],
        input_names=tuple(p["input_names"]),
        class_names=tuple(p["class_names"]),
        name=str(p["name"]),
        normalization=None
        if norm is None
        else Normalization(
            tuple(norm["input_min"]),
            tuple(norm["input_max"]),
            norm["target_min"],
            norm["target_max"],
        ),
    )
    n_inputs = base.n_inputs
    if n_inputs > 2:
        raise ValueError(f"its data has {n_inputs} inputs; the playground shows one or two")
    # Drawn points get the checks a drawing gets: inside the view, classes in range.
    empty = Points.of(base)
    drawn_inputs, drawn_targets = empty.drawn_inputs, empty.drawn_targets
    if len(p["drawn_targets"]) or len(p["drawn_inputs"]):
        drawn = Dataset.from_points(
            np.array(p["drawn_inputs"], dtype=np.float64).reshape(-1, n_inputs),
            p["drawn_targets"],
            base.problem,
            class_names=base.class_names if base.problem == "classification" else None,
        )
        drawn_inputs, drawn_targets = drawn.inputs.copy(), drawn.targets.copy()
    removed = frozenset(int(i) for i in p["removed"])
    if any(not 0 <= i < base.n_points for i in removed):
        raise ValueError("a removed point does not exist")
    if p["source"] not in ("generated", "file", "drawn"):
        raise ValueError(f"unknown source {p['source']!r}")
    points = Points(base, drawn_inputs, drawn_targets, removed, p["source"])

    net = document["network"]
    parameters = [np.array(a, dtype=np.float64) for a in net["parameters"]]
    if not all(np.isfinite(a).all() for a in parameters):
        raise ValueError("a weight is not a finite number")
    training = document["training"]
    epoch = _whole(training["epoch"], "the epoch", low=0)
    history = None
    if "history" in document:
        h = document["history"]
        history = History(stride=_whole(h["stride"], "the history's stride", low=1))
        lengths = {len(h[name]) for name in History.SERIES}
        if len(lengths) != 1:
            raise ValueError("the history's lists have different lengths")
        for name in History.SERIES:
            setattr(history, name, [_number_or_none(v) for v in h[name]])
    return {
        "settings": settings,
        "points": points,
        "layer_sizes": [int(n) for n in net["layer_sizes"]],
        "parameters": parameters,
        "trainer": {
            "optimizer": training["optimizer"],
            "shuffle": training["shuffle_state"],
            "pinned": training.get("pinned"),
        },
        "epoch": epoch,
        "history": history,
    }


def _whole(value, what: str, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ValueError(f"{what} must be a whole number of at least {low}, not {value!r:.40}")
    return value


def _number_or_none(v):
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        raise ValueError(f"{v!r} in the history is not a number")
    return v


def _plain(value):
    """Arrays to lists, recursively, so the document is plain data."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value
