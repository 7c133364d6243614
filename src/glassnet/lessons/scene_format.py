"""A step's scene as a lesson file writes it: the keys a scene may have, read and checked.

A scene is one table of a step's front matter (docs/lessons.md)::

    [steps.scene]
    settings = { hidden_layers = [], learning_rate = 0.1 }
    highlight = [0, 0]

:func:`read_scene` checks each key on its own: setting names and values with
the settings table's own checks, control names (``glassnet.controls``), points
inside the view, weights and biases as whole-number indices and a number. It
turns the table into a :class:`Scene`; ``scenes.py`` sets one up on a session.
A mistake goes to the ``fail`` it is given, which names the line.

This module knows the settings table and the controls; nothing about sessions
in use or the web.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import limits
from ..controls import CONTROLS
from ..data import VIEW
from ..session import SETTINGS, SettingsError
from ..session.errors import is_finite_number
from ..session.settings import CUSTOM
from .errors import only_keys
from .networks import NetworkFileError, read_network

SCENE_KEYS = {
    "network": "A saved session file (Save) to start from, by its path relative to the lesson "
    "file; set up first. Only for a lesson in a folder, not one loaded as text.",
    "settings": "Settings to change, by their names in the settings table: "
    '{ dataset = "xor", hidden_layers = [] }.',
    "points": "Points to draw instead of the data, each [x1, x2, class] (or [x1, x2, value] "
    "for regression); [] starts an empty drawing.",
    "reset": "true: the first weights again and epoch 0, as the Reset button (the same "
    "first weights for the same seed; after the settings and points, before the weights).",
    "weights": "Weights to set, each [layer, source, target, value].",
    "biases": "Biases to set, each [layer, unit, value].",
    "show": "Controls and panels to show again, by name (glassnet.controls).",
    "hide": "Controls and panels to hide, by name.",
    "highlight": "What to point at: a control's name, a neuron [layer, unit], or a weight "
    "[layer, source, target].",
}
"""Every key a scene may have, and what it does (docs/lessons.md explains each)."""


@dataclass(frozen=True)
class Highlight:
    """What a step points at: a control, a neuron (``layer``, ``unit``) or a weight
    (``layer``, ``source``, ``target``). Layers count layers of weights, as set_bias does:
    layer 0 leads from the inputs to the first layer of neurons."""

    control: str | None = None
    layer: int | None = None
    unit: int | None = None
    source: int | None = None
    target: int | None = None


@dataclass(frozen=True)
class Scene:
    """What a step sets up; everything is optional and changes only what it names.

    Attributes
    ----------
    settings : dict
        Setting name -> value (each checked on its own).
    network : dict or None
        A saved session to restore first (read from the file ``network`` names).
    points : tuple or None
        ``(x1, x2, target)`` triples to draw on an empty drawing; None keeps the data.
    reset : bool
        Start again from the first weights, as the Reset button.
    weights : tuple of (layer, source, target, value)
    biases : tuple of (layer, unit, value)
    show, hide : tuple of str
        Control names.
    highlight : Highlight or None
    """

    settings: dict
    points: tuple | None = None
    reset: bool = False
    weights: tuple = ()
    biases: tuple = ()
    show: tuple[str, ...] = ()
    hide: tuple[str, ...] = ()
    highlight: Highlight | None = None
    network: dict | None = None


def read_scene(table: Any, path: tuple, fail, folder: Path | None) -> Scene:
    """Check a scene's table and read it; ``fail(path, reason)`` raises for a mistake.

    ``path`` is where the table is in the front matter (``("steps", 2, "scene")``),
    so ``fail`` can name the line; ``folder`` is where a ``network`` file is read.
    """
    if not isinstance(table, dict):
        fail(path, f"a scene must be a table of {', '.join(SCENE_KEYS)}.")
    only_keys(table, SCENE_KEYS, path, "A scene", fail)
    network = None
    if "network" in table:
        try:
            network = read_network(table["network"], folder)
        except NetworkFileError as error:
            fail(path + ("network",), str(error))
    settings = table.get("settings", {})
    if not isinstance(settings, dict):
        fail(path + ("settings",), "settings must be a table of setting names and values.")
    checked = {}
    for name, value in settings.items():
        where = path + ("settings", name)
        if name not in SETTINGS:
            fail(where, f"Unknown setting {name!r}; the settings are: {', '.join(SETTINGS)}.")
        try:
            checked[name] = SETTINGS[name].check(value)
        except SettingsError as error:
            fail(where, str(error))
    points = None
    if "points" in table:
        points = _points(table["points"], path + ("points",), fail)
        if checked.get("dataset", CUSTOM) != CUSTOM:
            fail(path + ("settings", "dataset"), "a scene that draws points cannot also pick "
                 "a dataset: the points are its data.")  # fmt: skip
    reset = table.get("reset", False)
    if not isinstance(reset, bool):
        fail(path + ("reset",), f"reset must be true or false; got {reset!r:.40}.")
    weights = _entries(table.get("weights", []), path + ("weights",), fail,
                       "[layer, source, target, value]")  # fmt: skip
    biases = _entries(table.get("biases", []), path + ("biases",), fail, "[layer, unit, value]")
    show = _controls(table.get("show", []), path + ("show",), fail)
    hide = _controls(table.get("hide", []), path + ("hide",), fail)
    both = set(show) & set(hide)
    if both:
        fail(path + ("hide",), f"a scene cannot both show and hide {sorted(both)[0]!r}.")
    highlight = None
    if "highlight" in table:
        highlight = _highlight(table["highlight"], path + ("highlight",), fail)
    return Scene(checked, points, reset, weights, biases, show, hide, highlight, network)


def _points(value: Any, path: tuple, fail) -> tuple:
    if not isinstance(value, list):
        fail(path, "points must be a list of [x1, x2, class] points.")
    if len(value) > limits.MAX_SCENE_POINTS:
        fail(path, f"a scene may draw at most {limits.MAX_SCENE_POINTS} points; "
             f"it has {len(value)}.")  # fmt: skip
    low, high = VIEW
    for i, point in enumerate(value):
        ok = isinstance(point, list) and len(point) == 3 and all(map(is_finite_number, point))
        if not ok or not all(low <= x <= high for x in point[:2]):
            fail(path + (i,), f"point {i + 1} must be [x1, x2, class] (or [x1, x2, value]) "
                 f"with x1 and x2 from {low:g} to {high:g}; got {point!r:.60}.")  # fmt: skip
    return tuple(tuple(p) for p in value)


def _entries(value: Any, path: tuple, fail, shape: str) -> tuple:
    n = shape.count(",") + 1
    if not isinstance(value, list):
        fail(path, f"{path[-1]} must be a list of {shape} entries.")
    for entry in value:
        ok = isinstance(entry, list) and len(entry) == n and all(map(is_finite_number, entry))
        if not ok or not all(float(i).is_integer() and i >= 0 for i in entry[:-1]):
            fail(path, f"each of {path[-1]} must be {shape}: whole numbers from 0, then a "
                 f"number; got {entry!r:.60}.")  # fmt: skip
    return tuple(tuple(int(i) for i in e[:-1]) + (float(e[-1]),) for e in value)


def _controls(value: Any, path: tuple, fail) -> tuple[str, ...]:
    if not isinstance(value, list):
        fail(path, f"{path[-1]} must be a list of control names, such as ['learningRate'].")
    for name in value:
        if name not in CONTROLS:
            fail(path, f"Unknown control {name!r:.40}; the controls are: {', '.join(CONTROLS)}.")
    return tuple(value)


def _highlight(value: Any, path: tuple, fail) -> Highlight:
    if isinstance(value, str):
        if value not in CONTROLS:
            fail(path, f"Unknown control {value!r:.40}; the controls are: {', '.join(CONTROLS)}.")
        return Highlight(control=value)
    whole = isinstance(value, list) and all(
        isinstance(i, int) and not isinstance(i, bool) and i >= 0 for i in value
    )
    if whole and len(value) == 2:
        return Highlight(layer=value[0], unit=value[1])
    if whole and len(value) == 3:
        return Highlight(layer=value[0], source=value[1], target=value[2])
    fail(path, "highlight must be a control's name, a neuron [layer, unit] or a weight "
         f"[layer, source, target] of whole numbers from 0; got {value!r:.60}.")  # fmt: skip
