"""New data from outside the settings: an empty drawing, a file, or an opened model's dataset.

Each of :func:`drawing`, :func:`from_file` and :func:`from_dataset` checks what
it was given and returns a :class:`NewData`: the points, the settings they need
(dataset ``custom``, their problem, a given network's layers), the network to
keep, and what undo calls the change. :func:`start` checks those settings like
any change and builds what the session starts over on; nothing here changes
anything.

A file loaded beside an opened ml5.js model is matched to that model's inputs
and labels and keeps its network, so a person can step through the model on
their own data.

This module knows the data layer, the engine's ``Network`` and the session's
points and training; nothing about undo or the web.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .. import limits
from ..data import DataError, Dataset, conform, csv_header, label_column, load_file
from ..engine import Network
from .errors import SessionError
from .points import Points
from .rules import check_changes
from .settings import CUSTOM, Settings
from .training import Training
from .workspace import Workspace, empty_dataset


@dataclass(frozen=True)
class NewData:
    """Points to start over on, and what comes with them."""

    label: str  # what undo calls the change
    points: Points
    changes: dict  # the settings the points need (checked in :func:`start`)
    network: Network | None = None  # weights to keep, instead of fresh ones
    notice: str | None = None  # what a person is told once the data is in use


def drawing(settings: Settings) -> NewData:
    """An empty drawing of the settings' problem and classes (dataset ``custom``)."""
    points = Points.of(empty_dataset(settings.problem, settings.classes), "drawn")
    return NewData("New drawing", points, {"dataset": CUSTOM})


def from_dataset(
    base: Dataset, label: str = "Use data", network: Network | None = None, model: bool = False
) -> NewData:
    """These points (and this network's weights, if given); ``model``: an opened model's data."""
    points = Points.of(base, "model" if model else "file")
    changes = {"dataset": CUSTOM, "problem": base.problem, **network_settings(network)}
    return NewData(label, points, changes, network)


def from_file(
    filename: Any, content: Any, current: Points, network: Network, checkpoint=None
) -> NewData:
    """The points of a file (see :func:`read_file`).

    When the ``current`` points are an opened model's, the file is read beside
    that model, and the session's ``network`` is kept (as a copy).
    """
    beside_model = current.source == "model"
    model = current.base if beside_model else None
    base = read_file(filename, content, model, checkpoint)
    kept = network.copy() if beside_model else None
    new = from_dataset(base, f"Load {filename}", kept, beside_model)
    return replace(new, notice=loaded_notice(base, filename, beside_model))


def start(current: Settings, new: NewData) -> tuple[Settings, Workspace, Training]:
    """What a session starts over on: the settings, the workspace and a training for new data.

    ``new.changes`` are checked as any change of the ``current`` settings. The
    training is at epoch 0, with fresh first weights or the given network's
    (which must have the shape the settings ask for).
    """
    settings = check_changes(current, new.changes, new.points)
    workspace = Workspace.build(settings, new.points)
    training = Training(settings, workspace)
    if new.network is not None:  # (Training measured its own first weights already)
        check_same_shape(training.network, new.network)
        training.set_state(new.network.parameters(), training.trainer.state())
        training.remeasure(workspace)
    return settings, workspace, training


def network_settings(network: Network | None) -> dict:
    """The settings that describe a network: its layers, activations, output and inputs."""
    if network is None:
        return {}
    *hidden, output = network.activation_names
    return {
        "hidden_layers": network.layer_sizes[1:-1],
        "activations": hidden,
        "output_activation": output,
        "loss": network.loss.name,
        "features": [f"x{k}" for k in range(1, network.layer_sizes[0] + 1)],
    }


def check_same_shape(mine: Network, given: Network):
    """A given network must fit the data: as many inputs and outputs as the settings ask."""
    if mine.layer_sizes != given.layer_sizes:
        raise SessionError(
            f"This network has layers {given.layer_sizes}, but its data needs "
            f"{mine.layer_sizes[0]} inputs and {mine.layer_sizes[-1]} outputs."
        )


def read_file(
    filename: Any, content: Any, model: Dataset | None = None, checkpoint=None
) -> Dataset:
    """The points of a CSV or ml5.js JSON file, checked.

    With ``model`` (the dataset of an opened ml5.js model), the file is data
    beside that model: its columns and labels are matched to the model's by name
    and its values rescaled with the model's normalization (``data.conform``).
    ``checkpoint`` is the session's (a long file is read in turns).

    Raises
    ------
    SessionError
        With the data layer's message naming the row and column, or what does
        not fit the model.
    """
    if not isinstance(filename, str) or not isinstance(content, (str, bytes)):
        raise SessionError("A file needs a name and its contents as text.")
    if len(filename) > limits.MAX_NAME_CHARS:
        raise SessionError(
            f"A file's name may have at most {limits.MAX_NAME_CHARS} characters; this one has "
            f"{len(filename):,}. Rename the file and load it again."
        )
    try:
        if model is None:
            return load_file(filename, content, checkpoint)
        csv = filename.lower().endswith(".csv")
        label = label_column(csv_header(content), model) if csv else None
        base = load_file(filename, content, checkpoint, problem=model.problem, label_column=label)
    except DataError as error:
        raise SessionError(f"{filename}: {error}") from None
    try:
        return conform(base, model)
    except DataError as error:
        raise SessionError(
            f"{filename} does not fit the opened model, so nothing changed: {error}"
        ) from None


def loaded_notice(base: Dataset, filename: str, beside_model: bool) -> str:
    """What a person is told after loading a file."""
    if not beside_model:
        return f"Loaded {base.n_points} points from {filename}."
    return (
        f"Loaded {base.n_points} points from {filename} beside the opened model: its network "
        "stays, so you can step through it and train it further."
    )
