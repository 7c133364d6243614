"""What a session shows: frozen view objects, in Python's words.

The session hands these to whoever shows it (the protocol turns them into
messages for a page or a notebook widget; Python code reads them directly).
They are snapshots: changing the session later does not change a view already
made. None of them knows JSON.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..data import Normalization
from .history import History
from .points import features_of

if TYPE_CHECKING:
    from .workspace import Workspace


@dataclass(frozen=True)
class Metrics:
    """Loss and accuracy on the training and the test points; None where undefined."""

    train_loss: float | None = None
    test_loss: float | None = None
    train_accuracy: float | None = None
    test_accuracy: float | None = None

    def as_dict(self) -> dict[str, float | None]:
        """The four numbers by name."""
        return asdict(self)


@dataclass(frozen=True)
class Alert:
    """Something about training a person must know.

    Attributes
    ----------
    kind : str
        ``diverged`` (training stopped: the loss or weights stopped being numbers),
        ``no_data`` (nothing to train on) or ``unstable`` (training goes on, but
        the learning rate is probably too high).
    message : str
        What happened and what to do, in plain words.
    reason : str or None
        For ``diverged``: ``loss`` or ``weights``.
    """

    kind: str
    message: str
    reason: str | None = None

    @property
    def pauses(self) -> bool:
        """Whether training stops because of it."""
        return self.kind in ("diverged", "no_data")


@dataclass(frozen=True)
class NetworkView:
    """The network's shape and every parameter.

    Attributes
    ----------
    layer_sizes : list of int
        ``[n_inputs, hidden..., n_outputs]``.
    activations : list of str
        One per layer of weights, the output layer's last.
    loss : str
    features : tuple of str
        The names of the network's inputs.
    n_raw_inputs : int
        How many raw inputs each point has (features are computed from them).
    parameters : ndarray, shape (n_parameters,)
        W0 row by row, b0, W1, b1, ... (a copy).
    """

    layer_sizes: list[int]
    activations: list[str]
    loss: str
    features: tuple[str, ...]
    n_raw_inputs: int
    parameters: np.ndarray

    @classmethod
    def of(cls, network, workspace: Workspace) -> NetworkView:
        """The view of a network that trains on this workspace."""
        return cls(
            layer_sizes=network.layer_sizes,
            activations=network.activation_names,
            loss=network.loss.name,
            features=workspace.feature_names,
            n_raw_inputs=workspace.points.n_inputs,
            parameters=np.concatenate([p.ravel() for p in network.parameters()]),
        )


@dataclass(frozen=True)
class FrameView:
    """The session at one moment: what a view draws.

    ``history`` is the session's own history object: read it before the
    session trains again (the protocol sends only the entries a view lacks).
    """

    version: int
    epoch: int
    playing: bool
    metrics: Metrics
    history: History
    network: NetworkView
    undo: str | None
    redo: str | None
    alert: Alert | None


@dataclass(frozen=True)
class DataView:
    """The points, which train and which test, and their names.

    Attributes
    ----------
    version : int
        Grows whenever the points or the split change.
    name, source, problem, kind : str
        The dataset's or file's name; ``generated``, ``file`` or ``drawn``;
        ``classification`` or ``regression``; ``binary``, ``multiclass`` or ``regression``.
    input_names, class_names : tuple of str
    points : ndarray, shape (n_points, n_inputs)
    targets : ndarray, shape (n_points,)
        A class index or a number per point.
    train, test : ndarray of int
    n_base : int
        Points from index ``n_base`` on were drawn by the person.
    normalization : Normalization or None
        How a file's (or an opened model's) raw values map to the view, so a
        view can show them in the person's own units; None for generated and drawn points.
    """

    version: int
    name: str
    source: str
    problem: str
    kind: str
    input_names: tuple[str, ...]
    class_names: tuple[str, ...]
    points: np.ndarray
    targets: np.ndarray
    train: np.ndarray
    test: np.ndarray
    n_base: int
    normalization: Normalization | None = None

    @classmethod
    def of(cls, workspace: Workspace, version: int) -> DataView:
        """The view of a workspace's points."""
        points, base = workspace.points, workspace.points.base
        return cls(
            version=version,
            name=base.name,
            source=points.source,
            problem=points.problem,
            kind=workspace.kind,
            input_names=base.input_names,
            class_names=base.class_names or tuple(str(i) for i in range(workspace.n_classes)),
            points=points.all_inputs(),
            targets=points.all_targets(),
            train=workspace.train,
            test=workspace.test,
            n_base=base.n_points,
            normalization=base.normalization,
        )


@dataclass(frozen=True)
class ProbeView:
    """Every neuron's value for one point, as the network computes it now (``Session.probe``).

    Attributes
    ----------
    point : tuple of float
        The point's inputs, as asked.
    features : tuple of float
        What the network takes in for it (its input features), named by ``feature_names``.
    pre_activations : tuple of tuple of float
        The weighted sum z of each neuron, layer by layer (hidden layers, then the output).
    activations : tuple of tuple of float
        Each neuron's activation f(z), in the same order; the last layer's is the output.
    """

    version: int
    epoch: int
    point: tuple[float, ...]
    feature_names: tuple[str, ...]
    features: tuple[float, ...]
    pre_activations: tuple[tuple[float, ...], ...]
    activations: tuple[tuple[float, ...], ...]

    @classmethod
    def of(cls, network, workspace: Workspace, point, version: int, epoch: int) -> ProbeView:
        """What the network computes now for ``point`` (checked: [x1, x2], or [x1] for 1-D)."""
        features = features_of(np.array([point]), workspace.feature_names)  # (1, n_features)
        trace = network.forward(features)
        return cls(
            version, epoch, tuple(point), tuple(workspace.feature_names),
            tuple(features[0].tolist()),
            tuple(tuple(z[0].tolist()) for z in trace.pre_activations),
            tuple(tuple(a[0].tolist()) for a in trace.activations[1:]),
        )  # fmt: skip
