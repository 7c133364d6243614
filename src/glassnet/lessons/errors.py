"""The lessons' error: a mistake in a lesson file, named by its file and line.

:func:`only_keys` is the check every table of a lesson file gets: no key it does not know.
"""

from __future__ import annotations

from ..session import SessionError


class LessonError(SessionError):
    """A lesson that cannot be read or cannot be set up.

    The message starts with the file and the line (``loss.md, line 12: ...``),
    then says what was wrong and what is allowed. A ``SessionError``, so a view
    gets it as any other refused request, and nothing changed.

    Attributes
    ----------
    filename : str
    line : int or None
        The line of the file the mistake is on (counted from 1), when known.
    reason : str
        The message without the file and the line.
    """

    def __init__(self, filename: str, line: int | None, reason: str):
        self.filename, self.line, self.reason = filename, line, reason
        where = f"{filename}, line {line}" if line is not None else filename
        super().__init__(f"{where}: {reason}")


def only_keys(table: dict, allowed: dict, path: tuple, what: str, fail):
    """Call ``fail(path, reason)`` for the first key of ``table`` that is not ``allowed``.

    ``path`` is where the table is in the front matter; ``what`` names it (``A scene``).
    """
    for key in table:
        if key not in allowed:
            fail(path + (key,), f"{what} has no key {key!r}; allowed: {', '.join(allowed)}.")
