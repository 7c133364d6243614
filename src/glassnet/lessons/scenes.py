"""Setting up a step's scene on a session, through the session's own public methods.

Every part of a scene is a call a person could make from the page: a saved
network through ``restore`` (as Load does), settings through
``change_settings``, points through ``new_drawing`` and ``add_point``, a reset
through ``reset``, weights and biases through ``set_weight`` and ``set_bias``.
So each value is checked by the session, exactly as when a person sets it. A
part the session refuses raises :class:`SceneError`, which names the part.

What a scene shows, hides and highlights is for the view; :func:`hidden_by_step`
works out which controls are hidden at each step.

This module knows the session and the controls; nothing about files or the web.
"""

from __future__ import annotations

from contextlib import contextmanager

from ..controls import CONTROLS
from ..session import Session, SessionError
from .format import Lesson
from .scene_format import Highlight, Scene


class SceneError(SessionError):
    """A part of a scene the session refused; ``key`` names the part (``weights``)."""

    def __init__(self, key: str, reason: str):
        self.key = key
        super().__init__(reason)


def apply_scene(session: Session, scene: Scene):
    """Set up a scene: its saved network, its settings, its points, a reset, then its weights
    and biases.

    Raises
    ------
    SceneError
        Naming the part the session refused, with the session's own reason. The
        session may be half set up: call this on a copy (see ``runner.py``).
    """
    if scene.network is not None:
        with _part("network"):
            session.restore(scene.network, label="Open the lesson's network")
    with _part("settings"):
        if scene.settings:
            session.change_settings(dict(scene.settings))
    if scene.points is not None:
        with _part("points"):
            _draw(session, scene)
    if scene.reset:
        session.reset()
    with _part("weights"):
        for layer, source, target, value in scene.weights:
            session.set_weight(layer, source, target, value)
    with _part("biases"):
        for layer, unit, value in scene.biases:
            session.set_bias(layer, unit, value)
    if scene.highlight is not None:
        problem = highlight_problem(session, scene.highlight)
        if problem:
            raise SceneError("highlight", problem)


def _draw(session: Session, scene: Scene):
    """An empty drawing with the scene's points; classes enough for them unless the scene says."""
    regression = session.settings.problem == "regression"
    if not regression and "classes" not in scene.settings:
        classes = max([2] + [int(t) + 1 for *_, t in scene.points if float(t).is_integer()])
        session.change_settings({"classes": min(classes, 6)})
    session.new_drawing()
    for x1, x2, target in scene.points:
        session.add_point([x1, x2], target)


@contextmanager
def _part(key: str):
    """Turn a SessionError into a SceneError naming the scene's part."""
    try:
        yield
    except SceneError:
        raise
    except SessionError as error:
        raise SceneError(key, str(error)) from None


def highlight_problem(session: Session, highlight: Highlight) -> str | None:
    """Why a highlight names no neuron or weight of the session's network, or None."""
    if highlight.control is not None:
        return None
    sizes = session.network.layer_sizes
    layers = len(sizes) - 1
    if highlight.layer >= layers:
        return (
            f"highlight names layer {highlight.layer}, but the network has {layers} layer"
            f"{'s' if layers > 1 else ''} of weights (0 to {layers - 1})."
        )
    inputs, units = sizes[highlight.layer], sizes[highlight.layer + 1]
    for what, value, n in (
        ("unit", highlight.unit, units),
        ("target", highlight.target, units),
        ("source", highlight.source, inputs),
    ):
        if value is not None and value >= n:
            return (
                f"highlight's {what} is {value}, but layer {highlight.layer} has {n} "
                f"{'inputs' if what == 'source' else 'neurons'} there (0 to {n - 1})."
            )
    return None


def hidden_by_step(lesson: Lesson) -> list[tuple[str, ...]]:
    """The controls hidden at each step: each scene hides and shows on top of the one before."""
    hidden: set[str] = set()
    result = []
    for step in lesson.steps:
        hidden = (hidden - set(step.scene.show)) | set(step.scene.hide)
        result.append(tuple(name for name in CONTROLS if name in hidden))
    return result
