"""Task kinds: what a lesson's step may ask a person to do, each a check of the session's state.

``TASKS`` is the one registry: a lesson names a kind and its numbers
(``kind = "accuracy"``, ``percent = 90``, ``on = "test"``), and adding a kind
is adding one entry. Each kind declares its fields (what each allows, its
default), makes a sentence for people from its numbers ("Reach 90% test
accuracy."), and checks whether it is done.

A check (``checks.py``) reads only the session's own state (the engine's
numbers, the points, the settings, the explained step) and a
:class:`~.checks.Baseline`: the session as it was when the step's scene was
applied, so "make the loss rise" compares with where the step began. Nothing
a page says is trusted. A few tasks are done by something the session does that
leaves its state as it was (an export of the network): the runner tells them
(``LessonRunner.exported``), and their kind says which ones count (``exports``).

This module knows the session and its settings; nothing about lesson files or the web.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..session import SETTINGS, Session, SettingsError
from . import checks
from .checks import Baseline
from .fields import Field, TaskError

ON = ("train", "test")
"""Which points a number is measured on: the training points or the test points."""

STAGES = ("explained", "applied")
"""How far a step-through goes: a step explained (forward, loss, backward shown), or its
update applied to the network (the step-through passed its update stage)."""

DIRECTIONS = ("vertical", "horizontal")

EXPORT_LABELS = {
    "ml5": "Model for ml5.js",
    "sketch": "p5.js sketch",
    "numpy": "Python (NumPy)",
    "weights_json": "Weights (JSON)",
    "weights_csv": "Weights (CSV)",
}
"""The session's exports by name (``protocol.exports.EXPORTS``), with their labels in the
Export menu. Lessons may not import the protocol, so the names are written here too;
tests/lessons/test_tasks.py checks that they are the same."""


@dataclass(frozen=True)
class TaskKind:
    """One kind of task: its fields, its sentence and its check.

    Attributes
    ----------
    name : str
    help : str
        What it asks, for the docs.
    fields : tuple of Field
    sentence : callable (numbers) -> str
    check : callable (session, baseline, numbers) -> bool
    validate : callable (numbers) -> None, optional
        Checks that need several fields at once; raises TaskError.
    fits : callable (session, numbers) -> str or None, optional
        Whether the task can be done with the network a scene set up: None, or
        a sentence saying why not (a lesson is checked with it when it opens).
    said_on : callable (session, numbers) -> str, optional
        The sentence for the network the session has, when it depends on it (a
        neuron of the first layer is the output neuron when there is no hidden layer).
    exports : callable (format, numbers) -> bool, optional
        For a task done by exporting: whether an export of this format does it.
    """

    name: str
    help: str
    fields: tuple[Field, ...]
    sentence: Callable[[dict], str]
    check: Callable[[Session, Baseline, dict], bool]
    validate: Callable[[dict], None] | None = None
    fits: Callable[[Session, dict], str | None] | None = None
    said_on: Callable[[Session, dict], str] | None = None
    exports: Callable[[str, dict], bool] | None = None


@dataclass(frozen=True)
class Task:
    """A task of a lesson's step: its kind and its numbers (checked, with defaults filled in)."""

    kind: str
    numbers: dict

    @property
    def sentence(self) -> str:
        """What to do, for people: "Reach 90% test accuracy." """
        return TASKS[self.kind].sentence(self.numbers)

    def said_on(self, session: Session) -> str:
        """What to do, for people, in the words of the session's network."""
        said_on = TASKS[self.kind].said_on
        return self.sentence if said_on is None else said_on(session, self.numbers)

    def done(self, session: Session, baseline: Baseline) -> bool:
        """Whether the session's state now completes the task."""
        return bool(TASKS[self.kind].check(session, baseline, self.numbers))

    def unfit(self, session: Session) -> str | None:
        """Why the task cannot be done on this session's network, or None."""
        fits = TASKS[self.kind].fits
        return None if fits is None else fits(session, self.numbers)

    def done_by_export(self, format: str) -> bool:
        """Whether an export of this format (the session made it) completes the task."""
        exports = TASKS[self.kind].exports
        return exports is not None and exports(format, self.numbers)


def read_task(table: Any) -> Task:
    """A task from a lesson's ``task`` table: ``kind`` and its fields.

    Raises
    ------
    TaskError
        For an unknown kind, an unknown or missing field, or a value not allowed.
    """
    if not isinstance(table, dict):
        raise TaskError(None, f"A task must be a table with a kind; got {table!r:.40}.")
    kind = table.get("kind")
    if kind not in TASKS:
        raise TaskError(
            "kind" if "kind" in table else None,
            f"A task's kind must be one of {', '.join(TASKS)}; got {kind!r:.40}.",
        )
    spec = TASKS[kind]
    names = [f.name for f in spec.fields]
    for name in table:
        if name != "kind" and name not in names:
            allowed = ", ".join(names) or "no fields"
            raise TaskError(name, f"A {kind} task has no field {name!r}; it takes {allowed}.")
    numbers = {}
    for f in spec.fields:
        if f.name not in table:
            if f.required:
                raise TaskError(None, f"A {kind} task needs {f.name}: {f.help}")
            numbers[f.name] = f.default
        else:
            numbers[f.name] = f.check(table[f.name])
    if spec.validate is not None:
        spec.validate(numbers)
    return Task(kind, numbers)


def _on(numbers: dict) -> str:
    return "test" if numbers["on"] == "test" else "training"


# -- the sentences ------------------------------------------------------------------------------


def _setting_sentence(n: dict) -> str:
    setting = SETTINGS[n["name"]]
    what = f"the {setting.label[0].lower()}{setting.label[1:]}"
    if setting.kind == "flag" and n["value"] is not None:
        return f"Turn {what} {'on' if n['value'] else 'off'}."
    if n["value"] is not None:
        return f"Set {what} to {_shown(n['value'])}."
    if n["low"] is not None and n["high"] is not None:
        return f"Set {what} to a value from {n['low']:g} to {n['high']:g}."
    if n["low"] is not None:
        return f"Set {what} to {n['low']:g} or more."
    return f"Set {what} to {n['high']:g} or less."


def _shown(value) -> str:
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) if value else "none"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _check_setting_task(n: dict):
    """A setting task names a value the setting allows, or a range of a number setting."""
    setting = SETTINGS[n["name"]]
    has_range = n["low"] is not None or n["high"] is not None
    if (n["value"] is None) == (not has_range):
        raise TaskError(None, "A setting task needs a value, or a low and/or a high; not both.")
    if n["value"] is not None:
        try:
            n["value"] = setting.check(n["value"])
        except SettingsError as error:
            raise TaskError("value", str(error)) from None
    elif setting.kind not in ("whole", "number"):
        raise TaskError(
            "low" if n["low"] is not None else "high",
            f"{n['name']} is not a number, so a task gives it a value, not a range.",
        )


def _neuron_line_sentence(n: dict, output: str | None = None) -> str:
    """Neuron 1 of the first layer; or, when the first layer is the output, ``output``."""
    neuron = output or f"neuron {n['unit'] + 1} of the first layer"
    return f"Make {neuron} draw a {n['direction']} line (tilted {n['degrees']:g}° at most)."


def _neuron_line_said_on(session: Session, n: dict) -> str:
    """Named as the diagram's "Look at" names it (lessonMarks.js neuronName)."""
    sizes = session.network.layer_sizes  # (inputs, first layer, ..., outputs)
    if len(sizes) > 2:
        return _neuron_line_sentence(n)
    if sizes[-1] == 1:
        return _neuron_line_sentence(n, "the output neuron")
    names = session.data_view().class_names
    name = names[n["unit"]] if n["unit"] < len(names) else n["unit"]
    return _neuron_line_sentence(n, f"the output for class {name}")


def _exported_sentence(n: dict) -> str:
    """The Export menu's buttons that count, by their labels."""
    formats = n["format"] or tuple(EXPORT_LABELS)
    if len(formats) == len(EXPORT_LABELS):
        return "Open Export and save the network as any of its files."
    labels = [f'"{EXPORT_LABELS[f]}"' for f in formats]
    either = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} or {labels[-1]}"
    return f"Open Export and press {either} to save the file."


def _own_data_sentence(n: dict) -> str:
    accuracy = f" and reach {n['percent']}% training accuracy" if n["percent"] else ""
    return f"Draw or load at least {n['at_least']} points of your own{accuracy}."


ON_FIELD = Field("on", "choice", "Measured on the training points or the test points.",
                 default="test", choices=ON)  # fmt: skip

TASKS: dict[str, TaskKind] = {
    k.name: k
    for k in [
        TaskKind(
            "accuracy", "Reach an accuracy on the training or the test points.",
            (Field("percent", "whole", "The accuracy to reach, in percent.", required=True,
                   low=1, high=100), ON_FIELD),
            lambda n: f"Reach {n['percent']}% {_on(n)} accuracy.",
            checks.accuracy,
        ),
        TaskKind(
            "loss_below", "Bring the training or the test loss below a value.",
            (Field("value", "number", "The loss to go below.", required=True, low=0.0001,
                   high=100), Field("on", "choice", ON_FIELD.help, default="train",
                                    choices=ON)),
            lambda n: f"Bring the {_on(n)} loss below {n['value']:g}.",
            checks.loss_below,
        ),
        TaskKind(
            "loss_rises", "Make the training or the test loss go up while training (a "
            "learning rate too big does it to the training loss; overfitting to the test "
            "loss): the loss now is a given percentage above the lowest it was since the step "
            "began, and training went on after that lowest point.",
            (Field("percent", "whole", "How far above its lowest point, in percent.",
                   default=20, low=1, high=1000),
             Field("on", "choice", ON_FIELD.help, default="train", choices=ON)),
            lambda n: f"Train until the {_on(n)} loss goes up: {n['percent']}% above the "
            "lowest it was in this step.",
            checks.loss_rises,
        ),
        TaskKind(
            "epochs", "Train until the epoch counter reaches a number.",
            (Field("at_least", "whole", "The epoch to reach.", required=True, low=1,
                   high=1_000_000),),
            lambda n: f"Train until the epoch counter reaches {n['at_least']}.",
            checks.epochs,
        ),
        TaskKind(
            "setting", "Change a setting to a value, or to a value within a range (for number "
            "settings).",
            (Field("name", "setting", "The setting, by its name in the settings table.",
                   required=True),
             Field("value", "value", "The value to set (any value the setting allows)."),
             Field("low", "number", "The lowest value allowed.", low=-1e9, high=1e9),
             Field("high", "number", "The highest value allowed.", low=-1e9, high=1e9)),
            _setting_sentence,
            checks.setting,
            _check_setting_task,
        ),
        TaskKind(
            "neuron_line", "Make a neuron of the first layer after the inputs draw a vertical "
            "or horizontal line: the ratio of its two input weights (x1 and x2 must be the "
            "only features).",
            (Field("unit", "whole", "Which neuron of the first layer, counted from 0.",
                   default=0, low=0, high=31),
             Field("direction", "choice", "vertical or horizontal.", required=True,
                   choices=DIRECTIONS),
             Field("degrees", "number", "How far from straight the line may tilt, in degrees.",
                   default=5.0, low=0.1, high=45)),
            _neuron_line_sentence,
            checks.neuron_line,
            fits=checks.neuron_fits,
            said_on=_neuron_line_said_on,
        ),
        TaskKind(
            "step_through", "Explain a training step on a point (the step-through), and "
            "optionally go on until its update is applied to the network.",
            (Field("stage", "choice", "explained (the step was explained) or applied (its "
                   "update was applied).", default="applied", choices=STAGES),),
            lambda n: "Pick a training point and step through how the network learns from it."
            if n["stage"] == "explained"
            else "Step through one training step to its end, so that its update is applied.",
            checks.step_through,
        ),
        TaskKind(
            "draw_points", "Draw points of every class (on drawn data).",
            (Field("at_least", "whole", "How many points of each class.", required=True,
                   low=1, high=100),),
            lambda n: f"Draw at least {n['at_least']} points of each class.",
            checks.draw_points,
        ),
        TaskKind(
            "own_data", "Train on data of your own: points drawn (on any data) or a file "
            "loaded, and optionally reach a training accuracy on them.",
            (Field("at_least", "whole", "How many points of your own.", default=10, low=1,
                   high=5000),
             Field("percent", "whole", "A training accuracy to reach, in percent (0: none).",
                   default=0, low=0, high=100)),
            _own_data_sentence,
            checks.own_data,
        ),
        TaskKind(
            "exported", "Export the network from the Export menu (a file the session makes: "
            "not a picture, which the page makes), optionally as one of some formats.",
            (Field("format", "choices", "The export that counts, or a list of them: "
                   f"{', '.join(EXPORT_LABELS)} (by default any of them).",
                   choices=tuple(EXPORT_LABELS)),),
            _exported_sentence,
            checks.never,
            exports=checks.exported,
        ),
    ]
}  # fmt: skip
"""Every kind of task a lesson may ask, by name."""
