"""Where lessons come from: the built-in ones, and a teacher's folder (``glassnet --lessons DIR``).

The built-in lessons are the ``.md`` files of ``built_in/`` next to this
module, in the order of their file names. A teacher's folder is read the same
way; a teacher's lesson with the name of a built-in one takes its place (the
list says so), so a teacher can change a lesson without writing into the
installed package. A lesson file sent from a page is read by the protocol with
``parse_lesson`` directly; it is not kept here.

Files are read again when they change on disk, so a teacher can edit a lesson
and open it again without restarting (a scene's network file is read with its
lesson: after changing only that file, save the lesson file again too). A file
with a mistake is still listed, with its error, so its author sees what to fix.

This module knows files and lessons; nothing about sessions in use or the web.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .. import limits
from ..session import SessionError
from .errors import LessonError
from .format import Lesson, lesson_name, parse_lesson

BUILT_IN = Path(__file__).parent / "built_in"
"""The folder of the built-in lessons."""

ORIGINS = ("built_in", "teacher", "file")
"""Where a lesson came from: the package, a teacher's folder, or a file sent from a page."""


@dataclass(frozen=True)
class Entry:
    """One lesson of the list.

    Attributes
    ----------
    name, title, summary : str
    origin : str
        ``built_in`` or ``teacher``.
    replaces : bool
        A teacher's lesson that takes the place of the built-in one of its name.
    step_count : int
    error : LessonError or None
        Why the file cannot be read (then it cannot be opened).
    lesson : Lesson or None
    """

    name: str
    title: str
    summary: str
    origin: str
    replaces: bool
    step_count: int
    error: LessonError | None
    lesson: Lesson | None


class Library:
    """The lessons a server offers: the built-in ones, and those of a teacher's folder.

    Parameters
    ----------
    folder : path, optional
        A folder of ``.md`` lesson files (at most ``limits.MAX_LESSONS`` are read).
    built_in : path
        The built-in lessons' folder (tests give another).
    """

    def __init__(self, folder: Path | str | None = None, built_in: Path = BUILT_IN):
        self.folder = Path(folder) if folder is not None else None
        self.built_in = built_in
        self._read: dict[Path, tuple[tuple, Lesson | LessonError]] = {}

    def entries(self) -> list[Entry]:
        """Every lesson, in order: the built-in ones (a teacher's in the place of the one it
        replaces), then the teacher's other lessons."""
        mine = self._entries(self.built_in, "built_in")
        theirs = self._entries(self.folder, "teacher") if self.folder is not None else []
        by_name = {e.name: e for e in theirs}
        listed = [_replacing(by_name.get(e.name), e) for e in mine]
        names = {e.name for e in mine}
        return listed + [e for e in theirs if e.name not in names]

    def lesson(self, name: str) -> tuple[Lesson, str]:
        """The lesson called ``name`` and where it came from.

        Raises
        ------
        SessionError
            For a name no lesson has (the message lists the names), or the
            LessonError of a lesson whose file has a mistake.
        """
        entries = self.entries()
        entry = next((e for e in entries if e.name == name), None)
        if entry is None:
            names = ", ".join(e.name for e in entries) or "none"
            raise SessionError(f"There is no lesson called {name!r:.60}; the lessons are: {names}.")
        if entry.error is not None:
            raise entry.error
        return entry.lesson, entry.origin

    def files(self, folder: Path) -> list[Path]:
        """The lesson files of a folder, in order (at most ``limits.MAX_LESSONS``)."""
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.glob("*.md") if p.is_file())[: limits.MAX_LESSONS]

    def _entries(self, folder: Path, origin: str) -> list[Entry]:
        entries: list[Entry] = []
        for path in self.files(folder):
            found = self._parse(path)
            name = lesson_name(path.name)
            if any(e.name == name for e in entries):
                found = LessonError(path.name, None, f"another file of this folder is also the "
                                    f"lesson {name!r}; rename one.")  # fmt: skip
            if isinstance(found, LessonError):
                entries.append(Entry(name, path.name, "", origin, False, 0, found, None))
            else:
                entries.append(Entry(name, found.title, found.summary, origin, False,
                                     len(found.steps), None, found))  # fmt: skip
        return entries

    def _parse(self, path: Path) -> Lesson | LessonError:
        """The lesson of a file, read again only when the file changed."""
        try:
            stat = path.stat()
            key = (stat.st_mtime_ns, stat.st_size)
            if path in self._read and self._read[path][0] == key:
                return self._read[path][1]
            if stat.st_size > limits.MAX_LESSON_BYTES:
                found: Lesson | LessonError = LessonError(
                    path.name, None, f"a lesson file may be at most {limits.MAX_LESSON_BYTES:,} "
                    f"bytes; this one has {stat.st_size:,}."
                )  # fmt: skip
            else:
                found = parse_lesson(path.read_bytes(), path.name, folder=path.parent)
        except LessonError as error:
            found = error
        except OSError as error:
            key, found = (), LessonError(path.name, None, f"cannot be read ({error.strerror}).")
        self._read[path] = (key, found)
        return found


def _replacing(theirs: Entry | None, mine: Entry) -> Entry:
    """The teacher's entry in the place of a built-in one of the same name, marked so."""
    if theirs is None:
        return mine
    return replace(theirs, replaces=True)
