"""The settings of a session: every knob a person can turn, checked on the way in.

Each setting is declared once in ``SETTINGS`` with its default, what values it
allows, and what changing it does to the session (nothing, a new network, or
new data). ``check_changes`` validates a batch of changes against the current
settings and returns the new settings, or raises :class:`SettingsError` with a
sentence that names the bad value and what is allowed; then nothing changed.

The names here are the wire names (``docs/protocol.md``) and the Python names.
TensorFlow Playground's URL names are translated elsewhere, in one table.

This module knows the registries of the engine and the data layer (to list
what is allowed), and nothing about networks in use, threads or the web.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import limits
from ..data import DATASETS, FEATURES
from ..engine import HIDDEN_ACTIVATIONS, INITIALIZERS, OPTIMIZERS, REGULARIZERS
from .errors import is_finite_number

PROBLEMS = ("classification", "regression")
CUSTOM = "custom"
"""The dataset name of points a person drew or loaded from a file."""

SPEEDS = (1, 2, 5, 10, 30, 60, 120, 300, 1000, "max")
"""Training speeds in epochs per second; ``"max"`` trains as fast as the machine can."""

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

MIN_CLASSES = 2
MAX_DRAW_CLASSES = 6
"""Classes a drawn or blobs dataset may have (files may have up to limits.MAX_CLASSES)."""


class SettingsError(ValueError):
    """A setting's value is not allowed. The message says which values are."""


@dataclass(frozen=True)
class Setting:
    """One setting.

    Attributes
    ----------
    name : str
        Its name in Python, on the wire and in the docs.
    default : Any
    check : callable
        ``check(value) -> value``: the value cleaned up (an int for 3.0), or a
        SettingsError.
    description : str
        One sentence for people, used in the docs.
    """

    name: str
    default: Any
    check: Callable[[Any], Any]
    description: str


def _choice(name: str, allowed) -> Callable[[Any], Any]:
    allowed = tuple(allowed)

    def check(value):
        if isinstance(value, str) and value in allowed:
            return value
        raise SettingsError(
            f"{name} cannot be {value!r}; allowed: {', '.join(str(a) for a in allowed)}."
        )

    return check


def _number(name: str, low: float, high: float, *, integer=False, low_open=False):
    def check(value):
        ok = is_finite_number(value)
        if ok and integer and float(value).is_integer():
            value = int(value)
        ok = ok and (not integer or isinstance(value, int))
        ok = ok and (low < value if low_open else low <= value) and value <= high
        if not ok:
            kind = "a whole number" if integer else "a number"
            bound = f"above {low:g} and at most" if low_open else f"from {low:g} to"
            raise SettingsError(f"{name} must be {kind} {bound} {high:,}; got {value!r:.80}.")
        return value

    return check


def _flag(name: str):
    def check(value):
        if isinstance(value, bool):
            return value
        raise SettingsError(f"{name} must be true or false; got {value!r}.")

    return check


def _hidden_layers(value):
    if not isinstance(value, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) for n in value
    ):
        raise SettingsError(
            f"hidden_layers must be a list of neuron counts, such as [4, 2]; got {value!r}."
        )
    if len(value) > limits.MAX_HIDDEN_LAYERS:
        raise SettingsError(
            f"A network may have at most {limits.MAX_HIDDEN_LAYERS} hidden layers; "
            f"got {len(value)}."
        )
    for i, n in enumerate(value, start=1):
        if not limits.MIN_NEURONS <= n <= limits.MAX_NEURONS:
            raise SettingsError(
                f"Hidden layer {i} would have {n} neurons; a layer has "
                f"{limits.MIN_NEURONS} to {limits.MAX_NEURONS}."
            )
    return list(value)


def _activations(value):
    if not isinstance(value, list):
        raise SettingsError(
            f"activations must be a list with one activation per hidden layer; got {value!r}."
        )
    for name in value:
        _choice("activation", HIDDEN_ACTIVATIONS)(name)
    return list(value)


def _features(value):
    if not isinstance(value, list) or not value:
        raise SettingsError(
            f"features must be a non-empty list of feature names from {', '.join(FEATURES)}; "
            f"got {value!r}."
        )
    for name in value:
        _choice("feature", FEATURES)(name)
    if len(set(value)) != len(value):
        raise SettingsError(f"features lists a feature twice: {value!r}.")
    # Always in the registry's order, so that the same choice gives the same network.
    return [name for name in FEATURES if name in value]


def _speed(value):
    if value == "max" or (isinstance(value, (int, float)) and value in SPEEDS):
        return value if value == "max" else int(value)
    raise SettingsError(
        f"speed must be one of {', '.join(map(str, SPEEDS))} (epochs per second); "
        f"got {value!r:.80}."
    )


_DATASET_CHOICES = (*DATASETS, CUSTOM)

SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting(
            "dataset",
            "circle",
            _choice("dataset", _DATASET_CHOICES),
            "Which data to learn: a generated set, or custom for points you drew or loaded.",
        ),
        Setting(
            "problem",
            "classification",
            _choice("problem", PROBLEMS),
            "Classification (predict a class) or regression (predict a number).",
        ),
        Setting(
            "classes",
            3,
            _number("classes", MIN_CLASSES, MAX_DRAW_CLASSES, integer=True),
            "How many classes the blobs set and drawn points have.",
        ),
        Setting(
            "noise",
            0,
            _number("noise", 0, 50, integer=True),
            "How noisy the generated data is, in percent (0 to 50).",
        ),
        Setting(
            "train_percent",
            50,
            _number("train_percent", 10, 90, integer=True),
            "The percentage of points used for training; the rest test the network.",
        ),
        Setting(
            "seed",
            1,
            _number("seed", 0, 2**31 - 1, integer=True),
            "Seeds the data, the split, the first weights and the shuffling.",
        ),
        Setting(
            "features",
            ["x1", "x2"],
            _features,
            "The input features the network sees, computed from each point's x1 and x2.",
        ),
        Setting(
            "hidden_layers",
            [4, 2],
            _hidden_layers,
            "How many neurons each hidden layer has; the list's length is the number of layers.",
        ),
        Setting(
            "activations",
            ["tanh", "tanh"],
            _activations,
            "The activation function of each hidden layer.",
        ),
        Setting(
            "output_activation",
            "sigmoid",
            _choice("output_activation", ("sigmoid", "softmax", "linear", "tanh")),
            "The output neurons' activation; what is allowed depends on the problem.",
        ),
        Setting(
            "loss",
            "binary_crossentropy",
            _choice("loss", ("mse", "binary_crossentropy", "categorical_crossentropy")),
            "How wrongness is measured; what is allowed depends on the output.",
        ),
        Setting(
            "init", "xavier", _choice("init", INITIALIZERS), "How the first weights are chosen."
        ),
        Setting(
            "learning_rate",
            0.03,
            _number("learning_rate", 0, 10, low_open=True),
            "How big a step each update takes.",
        ),
        Setting(
            "optimizer",
            "sgd",
            _choice("optimizer", OPTIMIZERS),
            "How gradients become steps: plain SGD, momentum or Adam.",
        ),
        Setting(
            "regularization",
            "none",
            _choice("regularization", REGULARIZERS),
            "A pull of every weight towards zero, to keep the network simple.",
        ),
        Setting(
            "regularization_rate",
            0.0,
            _number("regularization_rate", 0, 100),
            "How strong the pull towards zero is.",
        ),
        Setting(
            "batch_size",
            10,
            _number("batch_size", 1, limits.MAX_POINTS, integer=True),
            "How many points each step averages its gradient over.",
        ),
        Setting("speed", 60, _speed, "How many epochs to train per second while playing."),
        Setting("show_test", False, _flag("show_test"), "Show the test points on the output map."),
        Setting(
            "discretize",
            False,
            _flag("discretize"),
            "Show the output map as hard class regions instead of shades of confidence.",
        ),
    ]
}
"""Every setting, by name, in the order the docs list them."""


def defaults() -> dict[str, Any]:
    """A fresh copy of every default."""
    return {name: _copy(s.default) for name, s in SETTINGS.items()}


def _copy(value):
    return list(value) if isinstance(value, list) else value


def problem_kind(problem: str, n_classes: int) -> str:
    """``binary``, ``multiclass`` or ``regression``: what decides the output layer."""
    if problem == "regression":
        return "regression"
    return "binary" if n_classes <= 2 else "multiclass"


@dataclass(frozen=True)
class DataShape:
    """What the settings need to know about the data they would give."""

    n_inputs: int
    n_classes: int


def check_changes(
    current: dict[str, Any], changes: Any, describe: Callable[[dict], DataShape]
) -> dict[str, Any]:
    """Validate a batch of changes and return the complete new settings.

    Settings that depend on each other are brought into line with the ones the
    person changed: a new dataset sets its problem; a new problem picks its
    first dataset and its default output; new hidden layers get activations.

    Parameters
    ----------
    current : dict
        The settings now (already valid).
    changes : dict
        Setting names to new values.
    describe : callable
        ``describe(settings) -> DataShape`` for the data these settings give,
        from the session (which knows drawn and loaded data).

    Raises
    ------
    SettingsError
        For an unknown name or a value that is not allowed, with nothing changed.
    """
    if not isinstance(changes, dict):
        raise SettingsError(
            f"Settings changes must be an object of names and values; got {changes!r}."
        )
    unknown = [name for name in changes if name not in SETTINGS]
    if unknown:
        raise SettingsError(
            f"Unknown setting {unknown[0]!r}; the settings are: {', '.join(SETTINGS)}."
        )
    new = dict(current)
    for name, value in changes.items():
        new[name] = SETTINGS[name].check(value)

    # Dataset and problem follow each other.
    if "dataset" in changes and new["dataset"] != CUSTOM:
        new["problem"] = DATASETS[new["dataset"]].problem
    elif new["dataset"] != CUSTOM and DATASETS[new["dataset"]].problem != new["problem"]:
        # A new problem picks the first dataset of its kind.
        new["dataset"] = next(n for n, s in DATASETS.items() if s.problem == new["problem"])

    # One activation per hidden layer: new layers take the last layer's activation.
    n_hidden = len(new["hidden_layers"])
    if "activations" in changes and len(new["activations"]) != n_hidden:
        raise SettingsError(
            f"activations must name one activation per hidden layer ({n_hidden}); "
            f"got {len(new['activations'])}."
        )
    fill = (new["activations"] or current["activations"] or ["tanh"])[-1]
    new["activations"] = (new["activations"] + [fill] * n_hidden)[:n_hidden]

    # Features that need x2 make no sense for data with one input; coming back
    # from such data brings back the default features the 1-D data had dropped.
    shape = describe(new)
    one_input = [name for name, f in FEATURES.items() if f.needs == ("x1",)]
    back_to_2d = shape.n_inputs == 2 and describe(current).n_inputs == 1
    if back_to_2d and "features" not in changes and set(new["features"]) <= set(one_input):
        new["features"] = list(SETTINGS["features"].default)
    if shape.n_inputs == 1:
        one_d = [f for f in new["features"] if FEATURES[f].needs == ("x1",)]
        if "features" in changes and "dataset" not in changes and one_d != new["features"]:
            raise SettingsError(
                "This data has one input, x1, so only x1, x1^2 and sin(x1) can be features."
            )
        new["features"] = one_d or ["x1"]

    # The output layer must suit the problem.
    kind = problem_kind(new["problem"], shape.n_classes)
    pairs = OUTPUTS[kind]
    pair = (new["output_activation"], new["loss"])
    if pair not in pairs:
        # Follow the one the person chose: a new loss picks its activation, a new
        # activation its loss, a new problem keeps what still fits.
        if "loss" in changes and "output_activation" not in changes:
            fitting = [p for p in pairs if p[1] == new["loss"]]
        else:
            fitting = [p for p in pairs if p[0] == new["output_activation"]]
        both = "output_activation" in changes and "loss" in changes
        either = "output_activation" in changes or "loss" in changes
        if both or (either and not fitting):
            allowed = "; ".join(f"{a} with {b}" for a, b in pairs)
            raise SettingsError(
                f"A {kind.replace('multiclass', 'multi-class')} problem cannot use a "
                f"{pair[0]} output with {pair[1]} loss. Allowed: {allowed}."
            )
        new["output_activation"], new["loss"] = fitting[0] if fitting else pairs[0]
    return new
