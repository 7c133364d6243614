"""Which line of a lesson's front matter holds a key, so a mistake can be named by its line.

``tomllib`` gives the line of a syntax error, but once the TOML is read the
lines are gone. :class:`KeyLines` reads the TOML text once more, line by line,
and remembers where each table header and each key is, by its path:
``("steps", 2, "scene", "settings", "learning_rate")`` is the key
``learning_rate`` in the settings of the third step's scene. It is enough for
lesson files (tables, arrays of tables, dotted keys, one-line inline tables);
a path it does not know falls back to the nearest one it does.

This module knows only text.
"""

from __future__ import annotations

import re

BARE = r"[A-Za-z0-9_-]+"
DOTTED = rf"{BARE}(?:\s*\.\s*{BARE})*"
ARRAY_TABLE = re.compile(rf"^\s*\[\[\s*({DOTTED})\s*\]\]")
TABLE = re.compile(rf"^\s*\[\s*({DOTTED})\s*\]")
KEY = re.compile(rf"^\s*({DOTTED})\s*=")
INLINE_KEY = re.compile(rf"[{{,]\s*({DOTTED})\s*=")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in dotted.split("."))


class KeyLines:
    """The line of every table and key of some TOML text.

    Parameters
    ----------
    text : str
        The TOML text.
    first_line : int
        The line of the file the text starts on.
    """

    def __init__(self, text: str, first_line: int = 1):
        self.first_line = first_line
        self.lines: dict[tuple, int] = {}
        self.counts: dict[tuple, int] = {}  # arrays of tables: the index of the last one
        table: tuple = ()
        for number, line in enumerate(text.splitlines(), first_line):
            if match := ARRAY_TABLE.match(line):
                parts = _parts(match[1])
                prefix = self._resolve(parts[:-1]) + parts[-1:]
                self.counts[prefix] = self.counts.get(prefix, -1) + 1
                table = prefix + (self.counts[prefix],)
                self._remember(table, number)
            elif match := TABLE.match(line):
                table = self._resolve(_parts(match[1]))
                self._remember(table, number)
            elif match := KEY.match(line):
                key = table + _parts(match[1])
                self._remember(key, number)
                for inner in INLINE_KEY.finditer(line):  # {a = 1, b = 2} on the same line
                    self._remember(key + _parts(inner[1]), number)

    def _resolve(self, parts: tuple) -> tuple:
        """A header's path, with the index of the last entry of each array of tables in it."""
        path: tuple = ()
        for part in parts:
            path += (part,)
            if path in self.counts:
                path += (self.counts[path],)
        return path

    def _remember(self, path: tuple, number: int):
        self.lines.setdefault(path, number)

    def line_of(self, path: tuple) -> int:
        """The line of ``path``, or of the nearest path above it that has one."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return self.first_line
