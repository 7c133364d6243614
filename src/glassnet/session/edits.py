"""Edits of the points a session trains on, as pure functions: old points in, new points out.

Each function checks what a person asked for and returns new ``Points``, or
raises :class:`SessionError` with a sentence naming what is allowed. The
session decides when to call them and keeps undo; nothing here changes
anything. (What a change of settings does to the points is ``changes.py``.)

This module knows the data layer and the session's points; nothing about
networks or the web.
"""

from __future__ import annotations

from typing import Any

from .. import limits
from .errors import SessionError, check_number, check_point, check_point_index
from .points import Points


def add_point(points: Points, x: Any, target: Any, kind: str, n_classes: int) -> Points:
    """One more drawn point: ``x`` is [x1, x2] ([x1] for 1-D data), ``target`` a class or value."""
    point = check_point(x, points.n_inputs)
    if kind == "regression":
        target = check_number("A point's value", target, -1.0, 1.0)
    elif not (isinstance(target, int) and not isinstance(target, bool) and 0 <= target < n_classes):
        raise SessionError(
            f"A point's class must be a whole number from 0 to {n_classes - 1}; got {target!r:.40}."
        )
    # Removed points count: they stay stored (Clear brings them back), and a
    # saved session holds them too.
    if points.base.n_points + points.n_drawn >= limits.MAX_POINTS:
        removed = len(points.removed)
        counting = f", counting the {removed} removed ones Clear brings back" if removed else ""
        raise SessionError(f"A dataset holds at most {limits.MAX_POINTS} points{counting}.")
    return points.with_point(point, target)


def remove_point(points: Points, index: Any) -> Points:
    """Without the point numbered ``index`` in the data view."""
    return points.without_point(check_point_index(index, points))
