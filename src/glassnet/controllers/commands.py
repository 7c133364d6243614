"""The commands every controller understands, checked the same way for OSC and serial.

A command is a verb and its values: ``play``, ``pause``, ``step`` (no values),
``set SETTING VALUE``, ``point X [Y]`` and ``join [CODE]`` (drive the session
shared with that code; without one, the oldest session). This module checks only their shape
(how many values, of what kind, finite); whether a setting exists and its value
is in range is for the session to say (docs/controllers.md).
"""

from __future__ import annotations

import math
import re

from .view import ControllerView

ALLOWED = "play, pause, step, set SETTING VALUE, point X Y, join CODE"

CODE = re.compile(r"[A-Za-z0-9_-]{1,100}")


def carry_out(view: ControllerView, verb: str, values: list) -> str | None:
    """Hand a command to ``view``; return why it was refused (None: it was taken)."""
    if verb in ("play", "pause", "step"):
        if values:
            return f"'{verb}' takes no values, but {len(values)} came."
        view.act(verb)
    elif verb == "set":
        if len(values) != 2 or not isinstance(values[0], str):
            return "'set' takes a setting's name and one value, such as: set learning_rate 0.03."
        problem = _value_problem(values[1])
        if problem:
            return f"The value for {values[0]} {problem}"
        view.set(values[0], values[1])
    elif verb == "point":
        if len(values) not in (1, 2) or not all(_is_number(v) for v in values):
            return (
                "'point' takes one or two numbers (x, or x and y of the data's plane, -6 to 6), "
                f"but got {_shown(values)}."
            )
        if not all(math.isfinite(v) for v in values):
            return f"A point's coordinates are finite numbers, not {_shown(values)}."
        view.move([float(v) for v in values])
    elif verb == "join":
        if len(values) > 1 or not all(isinstance(v, str) and CODE.fullmatch(v) for v in values):
            return "'join' takes a join code (from Share live), or nothing for the oldest session."
        view.target(values[0] if values else None)
    else:
        return f"'{verb}' is not a command. Allowed: {ALLOWED}."
    return None


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _value_problem(value) -> str | None:
    if isinstance(value, bool | str) or (_is_number(value) and math.isfinite(value)):
        return None
    if _is_number(value):
        return f"is {value}, which no setting takes; it must be a finite number."
    return f"is {_shown([value])}; a setting takes a number, true or false, or a name."


def _shown(values: list) -> str:
    return " ".join(repr(v) for v in values) or "nothing"
