"""The workspace: the data a network trains on, from points to features, targets and split.

A :class:`Workspace` is built from the settings and the points in one go, and
never changes: an edit of the points or a change of settings builds a new one.
It holds everything the training and the views need about the data:

    points  ->  features      each point's inputs, as the network sees them
            ->  targets       what the output layer should produce for each point
            ->  train, test   which points train and which test

:func:`measure` is the loss and accuracy of a network on a workspace.

This module knows the data layer and the session's points; nothing about
networks in use, undo or the web.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..data import DATASETS, Dataset, generate
from ..engine import Network
from .points import Points, encode_targets, features_of, predicted_classes
from .rules import describe, n_outputs, problem_kind
from .settings import CUSTOM, Settings
from .views import Metrics

# Seeds for the separate random streams, derived from the one ``seed`` setting
# so that the same seed gives the same data, split, weights and shuffling.
DATA_SEED, SPLIT_SEED, INIT_SEED, SHUFFLE_SEED = 0, 1, 2, 3


@dataclass(frozen=True, eq=False)
class Workspace:
    """The points, and everything the settings make of them.

    Attributes
    ----------
    points : Points
    feature_names : tuple of str
    features : ndarray, shape (n_points, n_features)
        Every point's features (removed points too, so indices match ``points``).
    targets : ndarray, shape (n_points, n_outputs)
        Every point's target, encoded as the output layer learns it.
    train, test : ndarray of int
        Indices of the training and the test points (removed points are in neither).
    kind : str
        ``binary``, ``multiclass`` or ``regression``.
    n_classes : int
        0 for regression.
    n_outputs : int
    output_activation : str
        The output the targets are encoded for (tanh learns -1/+1, sigmoid 0/1).
    """

    points: Points
    feature_names: tuple[str, ...]
    features: np.ndarray
    targets: np.ndarray
    train: np.ndarray
    test: np.ndarray
    kind: str
    n_classes: int
    n_outputs: int
    output_activation: str

    @classmethod
    def build(cls, settings: Settings, points: Points) -> Workspace:
        """Features, targets and the split of these points under these settings."""
        shape = describe(settings, points)
        kind = problem_kind(settings.problem, shape.n_classes)
        outputs = n_outputs(settings, shape)
        train, test = points.split(settings.train_percent, settings.seed + SPLIT_SEED)
        return cls(
            points=points,
            feature_names=settings.features,
            features=features_of(points.all_inputs(), settings.features),
            targets=encode_targets(points.all_targets(), kind, settings.output_activation, outputs),
            train=train,
            test=test,
            kind=kind,
            n_classes=shape.n_classes,
            n_outputs=outputs,
            output_activation=settings.output_activation,
        )

    def same_data(self, other: Workspace) -> bool:
        """Whether both hold the same points with the same split (what a data view shows)."""
        return (
            self.points is other.points
            and np.array_equal(self.train, other.train)
            and np.array_equal(self.test, other.test)
        )


def measure(network: Network, workspace: Workspace) -> Metrics:
    """Loss and accuracy of a network on the training and the test points.

    Values that do not exist (no test points, accuracy of a regression) are None.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        train_loss, train_accuracy = _loss_and_accuracy(network, workspace, workspace.train)
        test_loss, test_accuracy = _loss_and_accuracy(network, workspace, workspace.test)
    return Metrics(train_loss, test_loss, train_accuracy, test_accuracy)


def _loss_and_accuracy(network: Network, w: Workspace, indices) -> tuple:
    """The loss and the accuracy on some of the points, from one forward pass."""
    if len(indices) == 0:
        return None, None
    forward = network.forward(w.features[indices])
    loss = network.loss.value(forward.pre_activations[-1], forward.output, w.targets[indices])
    if w.kind == "regression":
        return loss, None
    predicted = predicted_classes(forward.output, w.output_activation)
    return loss, float(np.mean(predicted == w.points.all_targets()[indices]))


def generated_points(settings: Settings) -> Points:
    """The points of a generated dataset, as these settings ask for them."""
    spec = DATASETS[settings.dataset]
    options = {"classes": settings.classes} if "classes" in spec.options else {}
    return Points.of(
        generate(spec.name, noise=settings.noise, seed=settings.seed + DATA_SEED, **options)
    )


def data_key(settings: Settings) -> tuple:
    """What decides the base points: the same key, the same points."""
    if settings.dataset == CUSTOM:
        return (CUSTOM, settings.problem, settings.classes)
    # Noise and seed mean nothing to drawn data, classes only to datasets that have them.
    classes = settings.classes if "classes" in DATASETS[settings.dataset].options else None
    return (settings.dataset, settings.noise, settings.seed, classes)


def empty_dataset(problem: str, classes: int) -> Dataset:
    """No points yet, ready to be drawn on: two inputs, and classes named 0, 1, ..."""
    if problem == "regression":
        return Dataset.from_points(np.zeros((0, 2)), [], "regression")
    names = tuple(str(i) for i in range(classes))
    return Dataset.from_points(np.zeros((0, 2)), [], "classification", class_names=names)
