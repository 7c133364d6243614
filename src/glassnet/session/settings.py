"""The settings of a session: every knob a person can turn, declared once, as data.

``Settings`` is a frozen dataclass with one field per setting. Each field is
declared with what the setting allows (a range or a list of choices), its
default, a label and a help sentence for people, and what changing it rebuilds:

- ``data``: new points or a new split, and so a new network
- ``network``: new first weights
- ``training``: the same weights, trained differently from the next step on
- ``nothing``: only how the playground looks or how fast it plays

``SETTINGS`` lists the same declarations by name. Everything else comes from
that one table: the check of a value and its error sentence (:meth:`Setting.check`),
the catalog a view is sent, the settings table of docs/protocol.md, and the
page's sliders, menus and link parser (a generated module, ``static/lib/tables.js``).
Where the engine or the data layer owns a limit, the setting refers to it.

The names here are the wire names and the Python names. How settings depend on
each other (a dataset decides its problem, ...) is in ``rules.py``.

This module knows the registries of the engine and the data layer, nothing
about networks in use, threads or the web.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from .. import limits
from ..data import (
    DATASETS,
    FEATURES,
    MAX_BLOBS,
    MAX_NOISE,
    MAX_TRAIN_PERCENT,
    MIN_BLOBS,
    MIN_TRAIN_PERCENT,
    PROBLEMS,
    feature,
)
from ..engine import (
    HIDDEN_ACTIVATIONS,
    INITIALIZERS,
    LOSSES,
    OPTIMIZERS,
    OUTPUT_ACTIVATIONS,
    REGULARIZERS,
)
from .errors import SessionError, is_finite_number

CUSTOM = "custom"
"""The dataset name of points a person drew or loaded from a file."""

SPEEDS = (1, 2, 5, 10, 30, 60, 120, 300, 1000, "max")
"""Training speeds in epochs per second; ``"max"`` trains as fast as the machine can."""

REBUILDS = ("data", "network", "training", "nothing")
"""What a change of setting may rebuild, from the most to the least."""

MAX_SEED = 2**31 - 1


class SettingsError(SessionError):
    """A setting's value is not allowed. The message says which values are."""


@dataclass(frozen=True)
class Setting:
    """What one setting allows, as plain data.

    Attributes
    ----------
    name : str
        Its name in Python, on the wire, in links and in the docs.
    kind : str
        ``choice`` (one of ``choices``), ``whole`` (a whole number from ``low``
        to ``high``), ``number`` (a number from ``low`` to ``high``; above
        ``low`` when ``low_open``), ``flag`` (true or false), ``whole_list``
        (at most ``max_items`` whole numbers from ``low`` to ``high``) or
        ``choice_list`` (a list of choices).
    default : Any
    label : str
        Its name on screen.
    help : str
        One sentence for people (the docs and the page's help use it).
    rebuilds : str
        One of ``REBUILDS``: what a change of it needs rebuilt.
    low, high : float or None
    low_open : bool
    choices : tuple
    max_items : int or None
    item_label : str
        What one item of a list is called in messages ("layer").
    more_choices : str
        Choices a list takes besides ``choices``, in words (the features of data
        with many inputs: ``x3``, ``x4``, ...).
    """

    name: str
    kind: str
    default: Any
    label: str
    help: str
    rebuilds: str
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    choices: tuple = ()
    max_items: int | None = None
    more_choices: str = ""
    item_label: str = "item"

    def check(self, value: Any) -> Any:
        """The value, cleaned up (an int for 3.0, a tuple for a list), or a SettingsError."""
        if self.kind == "flag":
            if isinstance(value, bool):
                return value
            raise SettingsError(f"{self.name} must be true or false; got {_short(value)}.")
        if self.kind == "choice":
            found = next((c for c in self.choices if _same(value, c)), None)
            if found is None:
                raise SettingsError(
                    f"{self.name} cannot be {_short(value)}; allowed: {_listed(self.choices)}."
                )
            return found
        if self.kind in ("whole", "number"):
            return self._number(value, self.name)
        if not isinstance(value, (list, tuple)):
            raise SettingsError(f"{self.name} must be a list, such as {_example(self)}; got "
                                f"{_short(value)}.")  # fmt: skip
        if self.max_items is not None and len(value) > self.max_items:
            raise SettingsError(
                f"{self.name} may have at most {self.max_items} {self.item_label}s; "
                f"got {len(value)}."
            )
        if self.kind == "whole_list":
            what = self.item_label.capitalize()
            return tuple(
                self._number(v, f"{what} {i} of {self.name}") for i, v in enumerate(value, 1)
            )
        for item in value:
            if not self.allows(item):
                more = f", or {self.more_choices}" if self.more_choices else ""
                raise SettingsError(
                    f"{self.name} cannot list {_short(item)}; allowed: "
                    f"{_listed(self.choices)}{more}."
                )
        return tuple(value)

    def allows(self, item: Any) -> bool:
        """Whether a choice setting, or an item of a choice list, may be ``item``."""
        if any(_same(item, c) for c in self.choices):
            return True
        return self.name == "features" and isinstance(item, str) and feature(item) is not None

    def _number(self, value, what: str):
        whole = self.kind in ("whole", "whole_list")
        ok = is_finite_number(value)
        if ok and whole and float(value).is_integer():
            value = int(value)
        ok = ok and (not whole or isinstance(value, int))
        ok = (
            ok and (self.low < value if self.low_open else self.low <= value) and value <= self.high
        )
        if not ok:
            kind = "a whole number" if whole else "a number"
            bound = f"above {self.low:g} and at most" if self.low_open else f"from {self.low:g} to"
            raise SettingsError(
                f"{what} must be {kind} {bound} {self.high:,}; got {_short(value)}."
            )
        return value if whole else float(value)

    def describe(self) -> dict:
        """This setting as plain data for a view (the catalog and the page's table)."""
        entry = {
            "name": self.name,
            "kind": self.kind,
            "default": list(self.default) if isinstance(self.default, tuple) else self.default,
            "label": self.label,
            "help": self.help,
            "rebuilds": self.rebuilds,
        }
        if self.low is not None:
            entry.update(low=self.low, high=self.high, low_open=self.low_open)
        if self.choices:
            entry["choices"] = list(self.choices)
        if self.max_items is not None:
            entry["max_items"] = self.max_items
        return entry


def _setting(kind: str, default, *, label: str, help: str, rebuilds: str, **allowed):
    """A dataclass field that carries its Setting (named once the class exists)."""
    spec = Setting("", kind, default, label, help, rebuilds, **allowed)
    return field(default=default, metadata={"setting": spec})


@dataclass(frozen=True)
class Settings:
    """Every setting of a session; each field's declaration says what it allows.

    Make a changed copy with :meth:`replace`; check a change with ``rules.check_changes``.
    """

    # fmt: off
    dataset: str = _setting(
        "choice", "circle", choices=(*DATASETS, CUSTOM), rebuilds="data", label="Dataset",
        help="Which data to learn: a generated set, or custom for points you drew or loaded.",
    )
    problem: str = _setting(
        "choice", "classification", choices=PROBLEMS, rebuilds="data", label="Problem type",
        help="Classification (predict a class) or regression (predict a number).",
    )
    classes: int = _setting(
        "whole", 3, low=MIN_BLOBS, high=MAX_BLOBS, rebuilds="data", label="Classes",
        help="How many classes the blobs set and drawn points have.",
    )
    noise: int = _setting(
        "whole", 0, low=0, high=MAX_NOISE, rebuilds="data", label="Noise",
        help="How noisy the generated data is, in percent.",
    )
    train_percent: int = _setting(
        "whole", 50, low=MIN_TRAIN_PERCENT, high=MAX_TRAIN_PERCENT, rebuilds="data",
        label="Ratio of training to test data",
        help="The percentage of points used for training; the rest test the network.",
    )
    seed: int = _setting(
        "whole", 1, low=0, high=MAX_SEED, rebuilds="data", label="Seed",
        help="Seeds the data, the split, the first weights and the shuffling: "
        "the same seed gives the same start.",
    )
    features: tuple[str, ...] = _setting(
        "choice_list", ("x1", "x2"), choices=tuple(FEATURES), rebuilds="network",
        more_choices="x3, x4, ... for data with more inputs", item_label="feature",
        label="Features",
        help="The input features the network sees, computed from each point's inputs.",
    )
    hidden_layers: tuple[int, ...] = _setting(
        "whole_list", (4, 2), low=limits.MIN_NEURONS, high=limits.MAX_NEURONS,
        max_items=limits.MAX_HIDDEN_LAYERS, item_label="layer", rebuilds="network",
        label="Hidden layers",
        help="How many neurons each hidden layer has; the list's length is the number of layers.",
    )
    activations: tuple[str, ...] = _setting(
        "choice_list", ("tanh", "tanh"), choices=HIDDEN_ACTIVATIONS,
        max_items=limits.MAX_HIDDEN_LAYERS, item_label="activation", rebuilds="training",
        label="Activation",
        help="The activation function of each hidden layer.",
    )
    output_activation: str = _setting(
        "choice", "sigmoid", choices=OUTPUT_ACTIVATIONS, rebuilds="training", label="Output",
        help="The output neurons' activation; what is allowed depends on the problem.",
    )
    loss: str = _setting(
        "choice", "binary_crossentropy", choices=tuple(LOSSES), rebuilds="training",
        label="Loss",
        help="How wrongness is measured; what is allowed depends on the output.",
    )
    init: str = _setting(
        "choice", "xavier", choices=INITIALIZERS, rebuilds="network", label="First weights",
        help="How the first weights are chosen.",
    )
    learning_rate: float = _setting(
        "number", 0.03, low=0, high=10, low_open=True, rebuilds="training",
        label="Learning rate",
        help="How big a step each update takes.",
    )
    optimizer: str = _setting(
        "choice", "sgd", choices=OPTIMIZERS, rebuilds="training", label="Optimizer",
        help="How gradients become steps: plain SGD, momentum or Adam.",
    )
    regularization: str = _setting(
        "choice", "none", choices=tuple(REGULARIZERS), rebuilds="training",
        label="Regularization",
        help="A pull of every weight towards zero, to keep the network simple.",
    )
    regularization_rate: float = _setting(
        "number", 0.0, low=0, high=100, rebuilds="training", label="Regularization rate",
        help="How strong the pull towards zero is.",
    )
    batch_size: int = _setting(
        "whole", 10, low=1, high=limits.MAX_POINTS, rebuilds="training", label="Batch size",
        help="How many points each step averages its gradient over.",
    )
    speed: int | str = _setting(
        "choice", 60, choices=SPEEDS, rebuilds="nothing", label="Speed",
        help="How many epochs to train per second while playing.",
    )
    show_test: bool = _setting(
        "flag", False, rebuilds="nothing", label="Show test data",
        help="Show the test points on the output map.",
    )
    discretize: bool = _setting(
        "flag", False, rebuilds="nothing", label="Discretize output",
        help="Show the output map as hard class regions instead of shades of confidence.",
    )
    # fmt: on

    def replace(self, **changes) -> Settings:
        """A copy with some values changed (not checked: see ``rules.check_changes``)."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Every setting by name, lists as lists: ready for JSON."""
        return {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in ((f.name, getattr(self, f.name)) for f in dataclasses.fields(self))
        }


SETTINGS: dict[str, Setting] = {
    f.name: dataclasses.replace(f.metadata["setting"], name=f.name)
    for f in dataclasses.fields(Settings)
}
"""Every setting by name, in the order the docs and the page list them."""


def check_values(changes: Any) -> dict[str, Any]:
    """Check each value of a change on its own; return them cleaned up.

    Raises
    ------
    SettingsError
        For a change that is not an object, an unknown name, or a value the
        setting does not allow.
    """
    if not isinstance(changes, dict):
        raise SettingsError(
            f"Settings changes must be an object of names and values; got {_short(changes)}."
        )
    unknown = [name for name in changes if name not in SETTINGS]
    if unknown:
        raise SettingsError(
            f"Unknown setting {_short(unknown[0])}; the settings are: {', '.join(SETTINGS)}."
        )
    return {name: SETTINGS[name].check(value) for name, value in changes.items()}


def rebuilt_by(old: Settings, new: Settings) -> set[str]:
    """What going from ``old`` to ``new`` rebuilds: a subset of REBUILDS."""
    return {s.rebuilds for name, s in SETTINGS.items() if getattr(old, name) != getattr(new, name)}


def _same(value, choice) -> bool:
    """Whether a value is this choice: 60.0 is the speed 60, but true is not the speed 1."""
    if isinstance(choice, str):
        return isinstance(value, str) and value == choice
    return is_finite_number(value) and value == choice


def _listed(choices) -> str:
    return ", ".join(str(c) for c in choices)


def _short(value) -> str:
    """A value for an error sentence: a huge number or text is cut, not echoed whole."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _example(setting: Setting) -> str:
    return "[" + ", ".join(str(v) for v in setting.default) + "]"
