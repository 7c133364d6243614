"""Saving a whole session, and bringing it back exactly.

A saved session is one plain document (dicts, lists, numbers and text, ready
for JSON): the settings, every point (generated, loaded and drawn), the trained
weights, the optimizer's memory, the shuffling state, the epoch and the loss
history, (from version 2) the recording: the weights along the way, for
replaying the run, and (from version 3, optional) the page's MIDI mappings
(``midi.py``). Loading it gives back the same network: the same weights,
the same predictions, and the same next training step. A version 1 document
(no recording) still loads; its recording starts at its epoch. A document
without MIDI mappings (versions 1 and 2) leaves the session's mappings as they are.

It is a *session*, not a model: a model export (weights and settings, no data)
is something else. ``FORMAT`` and ``VERSION`` mark the document; one from
another version, or a damaged one, is refused with a message and changes
nothing. Every number and name is checked on the way in, against the same
limits a session keeps.

This module knows the session's parts, nothing about JSON text or the web.
"""

from __future__ import annotations

import base64
import math
from typing import Any

import numpy as np

from .. import __version__, limits
from ..data import DataError, Dataset, Normalization
from ..engine import Optimizer
from ..engine.optimizers import MEMORY
from ..engine.training import all_finite, as_lists
from .errors import SessionError
from .history import History
from .midi import MidiError, read_midi
from .points import Points
from .recording import Keyframe, Recording
from .rules import check_changes, describe, n_outputs
from .settings import Settings, SettingsError
from .training import Training
from .undo import Snapshot
from .workspace import Workspace

FORMAT = "glassnet-session"
VERSION = 3
READS = (1, 2, 3)
"""The format versions this glassnet reads."""


class SavedSessionError(SessionError):
    """A saved session that cannot be loaded; the message says why."""


def to_document(
    settings: Settings,
    training: Training,
    points: Points,
    include_history: bool = True,
    include_points: bool = True,
    midi: list[dict] | None = None,
) -> dict[str, Any]:
    """Everything needed to bring a session back, as plain data.

    Parameters
    ----------
    include_history : bool
        Leave the loss history and the recording out to make the document
        small (a view that keeps the history itself can add it back).
    include_points : bool
        Leave the points out (a view that kept them can put them back).
    midi : list of dict, optional
        The page's MIDI mappings (``midi.py``); left out when there are none.
    """
    document = {
        "format": FORMAT,
        "version": VERSION,
        "saved_by": f"glassnet {__version__}",
        "settings": settings.to_dict(),
        "network": network_part(training.network.parameters()),
        "training": training_part(training.epoch, training.trainer.state()),
    }
    if include_points:  # a tab's kept copy often leaves them out: not turned into lists for nothing
        document["points"] = points_part(points)
    if include_history:
        document["history"] = history_part(training.history)
        document["recording"] = recording_part(training.recording)
    if midi:
        document["midi"] = [dict(m) for m in midi]
    return document


def midi_of(document: dict) -> list[dict] | None:
    """A checked document's MIDI mappings, or None when it has none (versions 1 and 2).

    Raises
    ------
    SavedSessionError
        For mappings that are not a list of good ones; the message says what is allowed.
    """
    if document.get("version", 0) < 3 or "midi" not in document:
        return None
    try:
        return read_midi(document["midi"])
    except MidiError as error:
        raise SavedSessionError(
            f"This session file's MIDI mappings are refused, so it was not loaded: {error} "
            "Nothing was changed."
        ) from None


def points_part(points: Points, with_base: bool = True) -> dict[str, Any]:
    """A document's ``points``: the base points (unless ``with_base`` is false) and the edits."""
    part = {
        "source": points.source,
        "drawn_inputs": points.drawn_inputs.tolist(),
        "drawn_targets": points.drawn_targets.tolist(),
        "removed": sorted(points.removed),
    }
    if not with_base:
        return part
    base = points.base
    norm = base.normalization
    return {
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
        **part,
    }


def network_part(parameters: list) -> dict[str, Any]:
    """A document's ``network``: its sizes and every parameter, W0, b0, W1, b1, ..."""
    weights = parameters[0::2]
    sizes = [int(weights[0].shape[0]), *(int(w.shape[1]) for w in weights)]
    return {"layer_sizes": sizes, "parameters": [p.tolist() for p in parameters]}


def training_part(epoch: int, trainer_state: dict) -> dict[str, Any]:
    """A document's ``training``: the epoch and the trainer's memory (``Trainer.state``)."""
    return {
        "epoch": epoch,
        "optimizer": as_lists(trainer_state["optimizer"]),
        "shuffle_state": as_lists(trainer_state["shuffle_state"]),
        "pinned": as_lists(trainer_state["pinned"]),
    }


def history_part(history: History) -> dict[str, Any]:
    """A document's ``history``: its stride and every series."""
    return {"stride": history.stride, **{n: list(getattr(history, n)) for n in history.SERIES}}


def recording_part(recording: Recording) -> dict[str, Any]:
    """A document's ``recording``: its stride, the epochs of its keyframes, and their parameters.

    ``parameters`` is base64 text of every keyframe's parameters one after
    another (each W0, b0, W1, b1, ... flattened), as little-endian float64:
    exact, and about half the size of the same numbers written out.
    """
    frames = [k.parameters for k in recording.keyframes]
    flat = np.concatenate(frames) if frames else np.zeros(0)
    return {
        "stride": recording.stride,
        "epochs": [k.epoch for k in recording.keyframes],
        "parameters": base64.b64encode(flat.astype("<f8").tobytes()).decode("ascii"),
    }


def restore_parts(document: Any, label: str) -> Snapshot:
    """Check a saved session completely and turn it into a snapshot to restore.

    Raises
    ------
    SavedSessionError
        For a document of another format or version, or a damaged one.
    """
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SavedSessionError(
            'This is not a glassnet session file (it has no "format": '
            f'"{FORMAT}"). Save one with the Save button, then load that file.'
        )
    version = document.get("version")
    if version not in READS:
        raise SavedSessionError(
            f"This session file has format version {version!r:.20}; this glassnet "
            f"({__version__}) reads version {', '.join(map(str, READS))}."
        )
    try:
        parts = _read_parts(document)
        settings = check_changes(Settings(), parts["settings"], parts["points"])
        _check_fit(parts, settings)
    except SettingsError as error:
        raise SavedSessionError(damaged_message(str(error))) from None
    except (KeyError, TypeError, ValueError, IndexError, ArithmeticError, DataError) as error:
        detail = f"missing {error}" if isinstance(error, KeyError) else str(error)
        raise SavedSessionError(damaged_message(detail)) from None
    return Snapshot(
        label, settings, parts["points"], parts["parameters"], parts["trainer"],
        parts["epoch"], (parts["history"] or History()).mark(), parts["recording"],
    )  # fmt: skip


def rebuild_checked(snapshot: Snapshot, history_generation: int) -> tuple[Workspace, Training]:
    """The workspace and training of a checked saved session (``Snapshot.rebuild``).

    One that still fails to rebuild (a bug of ours, since it was checked) is
    refused as damaged: nothing has changed yet.
    """
    try:
        return snapshot.rebuild(history_generation)
    except Exception as error:
        raise SessionError(damaged_message(f"{type(error).__name__}: {error}")) from None


def damaged_message(detail: str) -> str:
    """The message for a saved session that cannot be read, with what was wrong."""
    return f"This session file is damaged and was not loaded ({detail:.300}). Nothing was changed."


def _check_fit(parts: dict, settings: Settings):
    """The saved weights and optimizer memory must fit the saved settings."""
    points = parts["points"]
    outputs = n_outputs(settings, describe(settings, points))
    sizes = [len(settings.features), *settings.hidden_layers, outputs]
    if sizes != parts["layer_sizes"]:
        raise ValueError(f"its network {parts['layer_sizes']} does not fit its settings")
    shapes = [shape for a, b in zip(sizes, sizes[1:]) for shape in ((a, b), (b,))]
    if [p.shape for p in parts["parameters"]] != shapes:
        raise ValueError("its weights do not have the network's shapes")
    trainer = parts["trainer"]
    pinned = trainer["pinned"]
    if pinned is not None and [np.shape(m) for m in pinned] != shapes[0::2]:
        raise ValueError("its pinned weights do not fit the network")
    optimizer = Optimizer(settings.optimizer)
    try:
        optimizer.load_state(trainer["optimizer"])
        np.random.default_rng().bit_generator.state = trainer["shuffle_state"]
    except (KeyError, TypeError, ValueError, ArithmeticError) as error:
        raise ValueError(f"its training state is unreadable: {error}") from None
    for memory in (getattr(optimizer, name) for name in MEMORY):
        if memory is None:
            continue
        if [m.shape for m in memory] != shapes:
            raise ValueError("its optimizer memory does not fit the network")
        if not all_finite(memory):
            raise ValueError("its optimizer memory holds a value that is not a finite number")
    if optimizer.second_moment is not None and any((m < 0).any() for m in optimizer.second_moment):
        raise ValueError("its optimizer's second moments must be 0 or more (they are squares)")


def _read_parts(document: dict) -> dict:
    settings = document["settings"]
    if not isinstance(settings, dict):
        raise ValueError("settings must be an object")
    points = _read_points(document["points"])
    net = document["network"]
    parameters = [np.array(a, dtype=np.float64) for a in net["parameters"]]
    if not all_finite(parameters):
        raise ValueError("a weight is not a finite number")
    training = document["training"]
    pinned = training.get("pinned")
    return {
        "settings": settings,
        "points": points,
        "layer_sizes": [_whole(n, "a layer size", low=1) for n in net["layer_sizes"]],
        "parameters": parameters,
        "trainer": {
            "optimizer": training["optimizer"],
            "shuffle_state": training["shuffle_state"],
            "pinned": None if pinned is None else [np.array(m, dtype=bool) for m in pinned],
        },
        "epoch": _whole(training["epoch"], "the epoch", low=0),
        "history": _read_history(document["history"]) if "history" in document else None,
        "recording": _read_recording(document.get("recording"), parameters),
    }


def _read_points(p: dict) -> Points:
    norm = p["normalization"]
    names = p["input_names"]
    classes = p["class_names"]
    for what, texts in (("input names", names), ("class names", classes)):
        if not isinstance(texts, list) or not all(isinstance(n, str) and n for n in texts):
            raise ValueError(f"{what} must be non-empty text")
        if any(len(n) > limits.MAX_NAME_CHARS for n in texts):
            raise ValueError(f"{what} may have at most {limits.MAX_NAME_CHARS} characters each")
    base = Dataset(
        inputs=np.array(p["inputs"], dtype=np.float64).reshape(len(p["inputs"]), -1)
        if p["inputs"]
        else np.zeros((0, len(names))),
        # An empty list would read as floats; class targets are whole numbers.
        targets=np.array(
            p["targets"], dtype=np.int64 if p["problem"] == "classification" else None
        ),
        problem=p["problem"],
        input_names=tuple(names),
        class_names=tuple(classes),
        name=_text(p["name"], "the dataset's name")[: limits.MAX_NAME_CHARS],
        normalization=None
        if norm is None
        else Normalization(
            tuple(norm["input_min"]),
            tuple(norm["input_max"]),
            norm["target_min"],
            norm["target_max"],
        ),
    )
    # Drawn points get the checks a drawing gets: inside the view, classes in range.
    empty = Points.of(base)
    drawn_inputs, drawn_targets = empty.drawn_inputs, empty.drawn_targets
    if len(p["drawn_targets"]) or len(p["drawn_inputs"]):
        drawn = Dataset.from_points(
            np.array(p["drawn_inputs"], dtype=np.float64).reshape(-1, base.n_inputs),
            p["drawn_targets"],
            base.problem,
            class_names=base.class_names if base.problem == "classification" else None,
        )
        drawn_inputs, drawn_targets = drawn.inputs.copy(), drawn.targets.copy()
    removed = frozenset(_whole(i, "a removed point", low=0) for i in p["removed"])
    if any(i >= base.n_points for i in removed):
        raise ValueError("a removed point does not exist")
    if base.n_points + len(drawn_targets) > limits.MAX_POINTS:  # removed ones count too
        raise ValueError(f"it holds more than {limits.MAX_POINTS} points")
    if p["source"] not in ("generated", "file", "drawn", "model"):
        raise ValueError(f"unknown source {p['source']!r:.40}")
    return Points(base, drawn_inputs, drawn_targets, removed, p["source"])


def _read_history(h: dict) -> History:
    history = History(stride=_whole(h["stride"], "the history's stride", low=1))
    lengths = {len(h[name]) for name in History.SERIES}
    if len(lengths) != 1:
        raise ValueError("the history's lists have different lengths")
    epochs = [_whole(e, "an epoch of the history", low=0) for e in h["epochs"]]
    if any(a >= b for a, b in zip(epochs, epochs[1:])):
        raise ValueError("the history's epochs do not go up one after another")
    series = {name: [_number_or_none(v) for v in h[name]] for name in History.SERIES[1:]}
    history.epochs = epochs
    for name, values in series.items():
        setattr(history, name, values)
    history.cap()  # a history longer than a session keeps is thinned as it would have been
    return history


def _read_recording(r, parameters: list[np.ndarray]) -> Recording:
    """A document's recording (an empty one when it has none: version 1, or no history)."""
    if r is None:
        return Recording()
    n = sum(p.size for p in parameters)
    epochs = [_whole(e, "an epoch of the recording", low=0) for e in r["epochs"]]
    if any(a >= b for a, b in zip(epochs, epochs[1:])):
        raise ValueError("the recording's epochs do not go up one after another")
    text = _text(r["parameters"], "the recording's parameters")
    if len(text) > 2 * limits.MAX_RECORDING_BYTES:  # base64 takes 4 characters for 3 bytes
        raise ValueError("the recording is larger than a session keeps")
    flat = np.frombuffer(base64.b64decode(text, validate=True), dtype="<f8")
    if flat.size != n * len(epochs):
        raise ValueError("the recording's parameters do not fit its network and epochs")
    if not np.isfinite(flat).all():
        raise ValueError("a recorded weight is not a finite number")
    frames = flat.astype(np.float64).reshape(len(epochs), n)
    frames.setflags(write=False)
    keyframes = [Keyframe(e, frames[i]) for i, e in enumerate(epochs)]
    return Recording(keyframes, _whole(r["stride"], "the recording's stride", low=1))


def _text(value, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{what} must be text, not {value!r:.40}")
    return value


def _whole(value, what: str, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ValueError(f"{what} must be a whole number of at least {low}, not {value!r:.40}")
    return value


def _number_or_none(v):
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        raise ValueError(f"{v!r:.40} in the history is not a number")
    return v
