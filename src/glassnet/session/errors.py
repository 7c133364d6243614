"""The session's error, and the small checks that raise it for values from outside."""

from __future__ import annotations

import math

from ..data import VIEW


class SessionError(ValueError):
    """A request the session cannot carry out; the message says why and what is allowed."""


class Interrupted(SessionError):
    """Work its host stopped halfway (it took too long, or its view went away); nothing changed.

    Raised by a session's ``checkpoint`` (see :class:`~glassnet.session.Session`),
    never by the session itself.
    """


def short_repr(value, limit: int = 40) -> str:
    """``repr(value)`` cut to ``limit`` characters, for echoing a person's input in a message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def is_finite_number(value) -> bool:
    """A real number (not a bool) that a float can hold: no NaN, no infinity, no 10**400."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


def check_number(what: str, value, low: float, high: float) -> float:
    """A finite number within [low, high] (not a bool), as a float."""
    if not (is_finite_number(value) and low <= value <= high):
        raise SessionError(f"{what} must be a number from {low:g} to {high:g}; got {value!r:.80}.")
    return float(value)


def check_index(what: str, value, n: int) -> int:
    """A whole number from 0 to n - 1 (not a bool)."""
    if not (isinstance(value, int) and not isinstance(value, bool) and 0 <= value < n):
        raise SessionError(f"{what} must be a whole number from 0 to {n - 1}; got {value!r:.40}.")
    return value


def check_point(x, n_inputs: int) -> list[float]:
    """A point's coordinates: a list of n_inputs numbers inside the view (``data.VIEW``)."""
    if not (isinstance(x, list) and len(x) == n_inputs):
        raise SessionError(f"A point needs {n_inputs} coordinates in a list; got {x!r:.80}.")
    return [check_number("A coordinate", v, *VIEW) for v in x]


def check_point_index(index, points) -> int:
    """The index of a point that exists and was not removed (``points`` is a Points)."""
    n = points.base.n_points + points.n_drawn
    if not (isinstance(index, int) and not isinstance(index, bool) and 0 <= index < n):
        raise SessionError(f"There is no point {index!r:.40}; points are numbered 0 to {n - 1}.")
    if index in points.removed:
        raise SessionError(f"Point {index} was already removed.")
    return index
