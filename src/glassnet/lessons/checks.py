"""The checks of the task kinds: each reads the session's own numbers, nothing a page says.

Each check takes the session, the :class:`Baseline` (the session when the
step's scene was set up) and the task's numbers, and answers whether the task
is done. ``tasks.py`` registers them with their fields and sentences.

This module knows the session; nothing about lesson files or the web.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..session import Session
from ..session.points import Points


@dataclass(frozen=True)
class Baseline:
    """The session when a step's scene was applied: what a task compares with.

    Attributes
    ----------
    epoch : int
    explained : int
        How many steps had been explained (the explainer's count).
    points : Points
        The points then (points never change in place: an edit makes new ones).
    """

    epoch: int
    explained: int
    points: Points

    @classmethod
    def of(cls, session: Session) -> Baseline:
        """The baseline of a session now."""
        return cls(session.epoch, session.explainer.count, session.points)


def measured(session: Session, what: str, on: str):
    """The session's ``loss`` or ``accuracy`` on the ``train`` or ``test`` points now."""
    return getattr(session.metrics, f"{on}_{what}")


def accuracy(session: Session, baseline: Baseline, n: dict) -> bool:
    """The accuracy on the chosen points is at least ``percent``."""
    value = measured(session, "accuracy", n["on"])
    return value is not None and value * 100 >= n["percent"] - 1e-9


def loss_below(session: Session, baseline: Baseline, n: dict) -> bool:
    """The loss on the chosen points is below ``value``."""
    value = measured(session, "loss", n["on"])
    return value is not None and value < n["value"]


def loss_rises(session: Session, baseline: Baseline, n: dict) -> bool:
    """The loss now is well above the lowest it was in this step, and training came after it.

    Read from the loss history, so a reset (a new history, starting again) or a
    point drawn without training does not count as a rise.
    """
    history = session.history
    series = getattr(history, f"{n['on']}_loss")
    entries = [
        (loss, epoch)
        for epoch, loss in zip(history.epochs, series)
        if epoch >= baseline.epoch and loss is not None
    ]
    now = measured(session, "loss", n["on"])
    if not entries or now is None:
        return False
    lowest, when = min(entries)
    return session.epoch > when and now >= lowest * (1 + n["percent"] / 100)


def epochs(session: Session, baseline: Baseline, n: dict) -> bool:
    """The epoch counter is at least ``at_least``."""
    return session.epoch >= n["at_least"]


def setting(session: Session, baseline: Baseline, n: dict) -> bool:
    """The setting ``name`` has ``value``, or lies from ``low`` to ``high``."""
    value = getattr(session.settings, n["name"])
    if n["value"] is not None:
        return value == n["value"]
    low = -math.inf if n["low"] is None else n["low"]
    high = math.inf if n["high"] is None else n["high"]
    return low <= value <= high


def neuron_line(session: Session, baseline: Baseline, n: dict) -> bool:
    """The neuron's line, w1·x1 + w2·x2 + b = 0, is vertical when w2 is small next to w1."""
    if tuple(session.workspace.feature_names) != ("x1", "x2"):
        return False  # other features bend the neuron's boundary: it is no longer a line
    weights = session.network.layers[0].weights  # (2, n_units): rows x1 and x2
    if n["unit"] >= weights.shape[1]:
        return False
    w1, w2 = (abs(float(w)) for w in weights[:, n["unit"]])
    across, along = (w1, w2) if n["direction"] == "vertical" else (w2, w1)
    return across > 0 and along <= math.tan(math.radians(n["degrees"])) * across


def neuron_fits(session: Session, n: dict) -> str | None:
    """Why the first layer has no neuron ``unit``, or None."""
    units = session.network.layer_sizes[1]
    if n["unit"] < units:
        return None
    return (
        f"unit {n['unit']} names no neuron: the first layer has {units} (units 0 to {units - 1})."
    )


def step_through(session: Session, baseline: Baseline, n: dict) -> bool:
    """A step was explained since the baseline (and, for ``applied``, its update applied)."""
    explainer = session.explainer
    if explainer.count <= baseline.explained or explainer.preview is None:
        return False
    return n["stage"] == "explained" or explainer.preview.applied


def draw_points(session: Session, baseline: Baseline, n: dict) -> bool:
    """Every class has at least ``at_least`` drawn points."""
    targets = session.points.drawn_targets
    n_classes = session.workspace.n_classes
    if session.points.problem != "classification" or n_classes < 2:
        return False
    return all(int((targets == c).sum()) >= n["at_least"] for c in range(n_classes))


def own_points(session: Session) -> int:
    """How many points are the person's own: drawn, or loaded from a file.

    Points a lesson's scene drew count as drawn: a step that asks for data of
    one's own starts from an empty drawing (``points = []``).
    """
    points = session.points
    loaded = points.base.n_points - len(points.removed) if points.source == "file" else 0
    return loaded + points.n_drawn


def own_data(session: Session, baseline: Baseline, n: dict) -> bool:
    """At least ``at_least`` points of one's own, and ``percent`` training accuracy if asked."""
    if own_points(session) < n["at_least"]:
        return False
    if not n["percent"]:
        return True
    accuracy = session.metrics.train_accuracy
    return accuracy is not None and accuracy * 100 >= n["percent"] - 1e-9


def never(session: Session, baseline: Baseline, n: dict) -> bool:
    """The session's state alone never does it: an export leaves the session as it was."""
    return False


def exported(format: str, n: dict) -> bool:
    """An export of ``format`` counts when the task names it, or names none."""
    return n["format"] is None or format in n["format"]
