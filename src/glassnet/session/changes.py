"""What a change of settings does: new points or the same, a new network or the same weights.

:func:`plan_change` compares the old settings with the new ones and returns a
:class:`SettingsChange`: the workspace the new settings give, whether the data
and the network must be made again, notices for the person (drawn points left
out, a trained network reset) and what undo calls the change. Drawn points
move to new data where they still fit (:func:`carry_drawn`). Pure functions:
the session applies the plan and keeps undo; nothing here changes anything.

This module knows the data layer, the settings and the session's points;
nothing about networks in use or the web.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import SessionError
from .points import Points
from .rules import DataShape, describe
from .settings import CUSTOM, Settings, rebuilt_by
from .workspace import Workspace, data_key, empty_dataset, generated_points


def points_for(settings: Settings, current: Points, shape: DataShape) -> tuple[Points, list[str]]:
    """The points new settings ask for, keeping drawn points where they still fit.

    Returns the new points and notices about drawn points that were left out.
    """
    if settings.dataset != CUSTOM:
        return carry_drawn(current, generated_points(settings))
    same_kind = current.problem == settings.problem and current.base.n_classes == shape.n_classes
    if current.source != "generated" and same_kind:
        return current, []  # already custom points of the right kind
    base = empty_dataset(settings.problem, settings.classes)
    return carry_drawn(current, Points.of(base, "drawn"))


def carry_drawn(old: Points, new: Points) -> tuple[Points, list[str]]:
    """Put the old drawn points on the new base points, if they still make sense."""
    if old.n_drawn == 0:
        return new, []
    if old.problem != new.problem or old.n_inputs != new.n_inputs:
        return new, [
            f"Your {old.n_drawn} drawn points do not fit this {new.problem} data, so they were "
            "left out. Undo brings them back."
        ]
    targets = old.drawn_targets
    keep = np.ones(len(targets), dtype=bool)
    if new.problem == "classification":
        keep = targets < max(new.base.n_classes, 2)
    notices = []
    if not keep.all():
        notices.append(
            f"{int((~keep).sum())} drawn points of classes this data does not have were left "
            "out. Undo brings them back."
        )
    carried = Points(new.base, old.drawn_inputs[keep], targets[keep], frozenset(), new.source)
    return carried, notices


def next_seed(settings: Settings) -> dict:
    """The change that regenerates a generated dataset: the seed moves on by one."""
    if settings.dataset == CUSTOM:
        raise SessionError("Drawn or loaded points cannot be regenerated; pick a dataset to do so.")
    return {"seed": (settings.seed + 1) % (2**31)}


@dataclass(frozen=True)
class SettingsChange:
    """What a change of settings does to the data and the network."""

    workspace: Workspace
    new_data: bool
    new_network: bool
    notices: list[str]
    undo_label: str


def plan_change(
    old: Settings, new: Settings, workspace: Workspace, trained: bool
) -> SettingsChange:
    """The workspace new settings give, and whether they need new data or a new network.

    Data is made again only when the settings that decide it changed (noise
    means nothing to drawn points); a new network only for new data or a new
    shape of weights. Other changes keep the weights. When a ``trained``
    network is reset, a notice says why.
    """
    needs = rebuilt_by(old, new)
    points, notices = workspace.points, []
    if "data" in needs and data_key(new) != data_key(old):
        points, notices = points_for(new, points, describe(new, points))
    built = Workspace.build(new, points)
    new_data = not built.same_data(workspace)
    label = "Change settings"
    for name, text in (
        ("hidden_layers", "layers"),
        ("features", "features"),
        ("dataset", "dataset"),
    ):
        if getattr(old, name) != getattr(new, name):
            label = f"Change {text}"
            break
    new_network = new_data or "network" in needs
    if new_network and trained:
        why = "the data changed" if new_data else "the shape of its weights changed"
        notices.append(f"The network was reset because {why}. Undo brings back the trained one.")
    return SettingsChange(built, new_data, new_network, notices, label)
