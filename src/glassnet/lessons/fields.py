"""The numbers (and words) a lesson's task takes: each field's kind, its range, its check.

A task kind (``tasks.py``) declares its fields here; a lesson file's task table is
read field by field, and a value that is not allowed is a :class:`TaskError`
naming the field and saying what is allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..session import SETTINGS
from ..session.errors import is_finite_number


class TaskError(ValueError):
    """A task's field is missing or not allowed; ``field`` names it (None: the task itself)."""

    def __init__(self, field: str | None, reason: str):
        self.field = field
        super().__init__(reason)


@dataclass(frozen=True)
class Field:
    """One number (or word) a task kind takes.

    Attributes
    ----------
    name : str
    kind : str
        ``whole`` or ``number`` (from ``low`` to ``high``), ``choice`` (one of
        ``choices``), ``choices`` (one of ``choices`` or a list of them, kept as
        a tuple), ``setting`` (a setting's name) or ``value`` (a value the task's
        setting allows).
    help : str
        One sentence for the docs.
    required : bool
    default : Any
        The value when the lesson leaves the field out (None: no value).
    """

    name: str
    kind: str
    help: str
    required: bool = False
    default: Any = None
    low: float | None = None
    high: float | None = None
    choices: tuple = ()

    def check(self, value: Any) -> Any:
        """The value, cleaned up, or a TaskError saying what is allowed."""
        if self.kind in ("whole", "number"):
            whole = self.kind == "whole"
            ok = is_finite_number(value) and (not whole or float(value).is_integer())
            if not ok or not self.low <= value <= self.high:
                what = "a whole number" if whole else "a number"
                raise TaskError(
                    self.name,
                    f"{self.name} must be {what} from {self.low:g} to {self.high:g}; "
                    f"got {value!r:.40}.",
                )
            return int(value) if whole else float(value)
        if self.kind == "choice":
            if value not in self.choices:
                allowed = ", ".join(self.choices)
                raise TaskError(
                    self.name, f"{self.name} must be one of {allowed}; got {value!r:.40}."
                )
            return value
        if self.kind == "choices":
            values = value if isinstance(value, list) else [value]
            if not values or any(v not in self.choices for v in values):
                allowed = ", ".join(self.choices)
                raise TaskError(
                    self.name,
                    f"{self.name} must be one of {allowed}, or a list of them; got {value!r:.40}.",
                )
            return tuple(dict.fromkeys(values))
        if self.kind == "setting" and value not in SETTINGS:
            raise TaskError(
                self.name,
                f"Unknown setting {value!r:.40}; the settings are: {', '.join(SETTINGS)}.",
            )
        return value  # a value: checked by its setting (see _check_setting_task)
