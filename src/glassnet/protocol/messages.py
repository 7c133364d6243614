"""Session state as plain data for JSON: the points, and the numbers of an explained step.

Everything a view is sent about a session passes through here or ``connection.py``.
"""

from __future__ import annotations

import math

from ..session import Session


def data_message(s: Session) -> dict:
    """The points of a session, with which train and which test."""
    points = s.points
    inputs = points.all_inputs()
    targets = points.all_targets()
    return {
        "type": "data",
        "version": s.data_version,
        "name": points.base.name,
        "source": points.source,
        "problem": points.problem,
        "kind": s.kind,
        "input_names": list(points.base.input_names),
        "class_names": list(points.base.class_names) or _class_names(s),
        "points": inputs.tolist(),
        "targets": targets.tolist(),
        "train": s.train_indices.tolist(),
        "test": s.test_indices.tolist(),
        "n_base": points.base.n_points,
    }


def _class_names(s: Session) -> list[str]:
    return [str(i) for i in range(s.n_classes)]


def finite_or_none(value):
    # JSON has no NaN or infinity; a missing value is null.
    return value if value is None or math.isfinite(value) else None
