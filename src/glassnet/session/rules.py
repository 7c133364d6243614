"""How settings depend on each other, and what data they describe.

Each setting checks its own value (``settings.py``). Some also depend on
others, and on the data: a generated dataset decides the problem; each hidden
layer needs an activation; data with one input cannot use x2; a problem with
several classes needs a softmax output. :func:`check_changes` brings the other
settings into line with the ones a person changed, or refuses the change with
a sentence that says what is allowed.

This module knows the settings, the data layer's registries and the session's
points; nothing about networks in use or the web.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..data import DATASETS, FEATURES, default_features, features_fit
from .points import Points
from .settings import CUSTOM, SETTINGS, Settings, SettingsError, check_values

OUTPUTS = {
    # problem kind -> allowed (output activation, loss) pairs, the default first
    "binary": (("sigmoid", "binary_crossentropy"), ("sigmoid", "mse"), ("tanh", "mse")),
    "multiclass": (("softmax", "categorical_crossentropy"),),
    "regression": (("linear", "mse"), ("tanh", "mse")),
}
"""Which output activation and loss each kind of problem may use.

A binary classification has one output neuron: sigmoid with targets 0/1, or tanh
with targets -1/+1 (TensorFlow Playground's choice). Several classes need a
softmax output, one neuron per class. Regression predicts a number."""


@dataclass(frozen=True)
class DataShape:
    """What the settings need to know about the data they would give."""

    n_inputs: int
    n_classes: int


def problem_kind(problem: str, n_classes: int) -> str:
    """``binary``, ``multiclass`` or ``regression``: what decides the output layer."""
    if problem == "regression":
        return "regression"
    return "binary" if n_classes <= 2 else "multiclass"


def describe(settings: Settings, points: Points) -> DataShape:
    """How many inputs and classes the data of these settings has.

    ``points`` are the session's current points: a loaded file keeps its own
    inputs and classes while the settings still ask for custom data of its kind.
    """
    if settings.dataset == CUSTOM:
        if points.source in ("file", "model") and settings.problem == points.problem:
            return DataShape(points.n_inputs, points.base.n_classes)
        n_classes = settings.classes if settings.problem == "classification" else 0
        return DataShape(2, n_classes)
    spec = DATASETS[settings.dataset]
    n_classes = settings.classes if "classes" in spec.options else spec.classes
    return DataShape(spec.inputs, n_classes)


def n_outputs(settings: Settings, shape: DataShape) -> int:
    """Output neurons: one per class for several classes, else one."""
    kind = problem_kind(settings.problem, shape.n_classes)
    return shape.n_classes if kind == "multiclass" else 1


def check_changes(current: Settings, changes: Any, points: Points) -> Settings:
    """Validate a batch of changes and return the complete new settings.

    Settings that depend on each other are brought into line with the ones the
    person changed: a new dataset sets its problem; a new problem picks its
    first dataset and its default output; new hidden layers get activations;
    new data gets features it can compute.

    Raises
    ------
    SettingsError
        For an unknown name or a value that is not allowed, with nothing changed.
    """
    changed = check_values(changes)
    new = current.replace(**changed)
    new = _dataset_and_problem(new, changed)
    new = _activations(new, changed, current)
    new = _features(new, changed, describe(new, points), describe(current, points))
    return _output(new, changed, describe(new, points))


def _dataset_and_problem(new: Settings, changed: dict) -> Settings:
    if "dataset" in changed and new.dataset != CUSTOM:
        return new.replace(problem=DATASETS[new.dataset].problem)
    if new.dataset != CUSTOM and DATASETS[new.dataset].problem != new.problem:
        # A new problem picks the first dataset of its kind.
        first = next(n for n, s in DATASETS.items() if s.problem == new.problem)
        return new.replace(dataset=first)
    return new


def _activations(new: Settings, changed: dict, current: Settings) -> Settings:
    """One activation per hidden layer: new layers take the last layer's activation."""
    n_hidden = len(new.hidden_layers)
    if "activations" in changed and len(new.activations) != n_hidden:
        raise SettingsError(
            f"activations must name one activation per hidden layer ({n_hidden}); "
            f"got {len(new.activations)}."
        )
    fill = (new.activations or current.activations or ("tanh",))[-1]
    return new.replace(activations=(*new.activations, *[fill] * n_hidden)[:n_hidden])


def _features(new: Settings, changed: dict, shape: DataShape, before: DataShape) -> Settings:
    """Features the data can compute, each once, in a fixed order.

    Data with more inputs than before starts from its own default features;
    data with fewer keeps the features that still fit.
    """
    features = list(new.features)
    if "features" in changed:
        if not features:
            raise SettingsError(
                "features must be a non-empty list of feature names, such as "
                f"{SETTINGS['features'].default}; got []."
            )
        if len(set(features)) != len(features):
            raise SettingsError(f"features lists a feature twice: {features!r}.")
    fitting = [f for f in features if features_fit([f], shape.n_inputs)]
    if "features" in changed and "dataset" not in changed and fitting != features:
        if shape.n_inputs == 1:
            raise SettingsError(
                "This data has one input, x1, so only x1, x1^2 and sin(x1) can be features."
            )
        raise SettingsError(
            f"This data has {shape.n_inputs} inputs, x1 to x{shape.n_inputs}, so "
            f"{next(f for f in features if f not in fitting)} cannot be a feature."
        )
    if shape.n_inputs > before.n_inputs and "features" not in changed:
        fitting = list(default_features(shape.n_inputs))
    fitting = fitting or list(default_features(shape.n_inputs))
    # Always in the same order, so that the same choice gives the same network.
    return new.replace(features=tuple(sorted(fitting, key=_feature_order)))


def _feature_order(name: str) -> tuple[int, int]:
    registry = list(FEATURES)
    return (registry.index(name), 0) if name in registry else (len(registry), int(name[1:]))


def _output(new: Settings, changed: dict, shape: DataShape) -> Settings:
    """The output layer must suit the problem; follow what the person chose."""
    kind = problem_kind(new.problem, shape.n_classes)
    pairs = OUTPUTS[kind]
    pair = (new.output_activation, new.loss)
    if pair in pairs:
        return new
    # A new loss picks its activation, a new activation its loss, a new problem
    # keeps what still fits.
    if "loss" in changed and "output_activation" not in changed:
        fitting = [p for p in pairs if p[1] == new.loss]
    else:
        fitting = [p for p in pairs if p[0] == new.output_activation]
    both = "output_activation" in changed and "loss" in changed
    either = "output_activation" in changed or "loss" in changed
    if both or (either and not fitting):
        allowed = "; ".join(f"{a} with {b}" for a, b in pairs)
        raise SettingsError(
            f"A {kind.replace('multiclass', 'multi-class')} problem cannot use a "
            f"{pair[0]} output with {pair[1]} loss. Allowed: {allowed}."
        )
    output_activation, loss = fitting[0] if fitting else pairs[0]
    return new.replace(output_activation=output_activation, loss=loss)
