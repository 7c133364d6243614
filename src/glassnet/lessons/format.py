"""Reading a lesson file: TOML front matter between ``+++`` lines, then one Markdown section a step.

A lesson file looks like this (docs/lessons.md has a complete one)::

    +++
    title = "One neuron is a line"
    summary = "Two inputs, two weights and a bias."

    [[steps]]
    title = "A single neuron"
    [steps.scene]
    settings = { hidden_layers = [], learning_rate = 0.1 }
    highlight = [0, 0]
    [steps.task]
    kind = "neuron_line"
    direction = "vertical"
    +++

    ## A single neuron

    Its [[weight|weights]] decide ...

:func:`parse_lesson` checks everything that can be checked in the file alone:
the TOML, every key, each scene (``scene_format.py``: settings, controls,
points, weights), task kinds and their numbers (``tasks.py``), and that every
step has its text. A mistake is refused with a
:class:`LessonError` naming the file and the line. Whether the scenes fit
together (weights of a network the settings make, ...) is found by setting them
up (``runner.rehearse``).

This module knows the scenes, the tasks and the glossary; nothing about
sessions in use or the web.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .. import limits
from .errors import LessonError, only_keys
from .lines import KeyLines
from .scene_format import Scene, read_scene
from .tasks import Task, TaskError, read_task
from .text import TextError, check_terms, glossary_terms, split_sections, to_html

FENCE = "+++"

LESSON_KEYS = {
    "title": "The lesson's title (required).",
    "summary": "One sentence saying what the lesson is about, for the list of lessons.",
    "steps": "The steps, in order: an array of tables, one [[steps]] each (required).",
}
STEP_KEYS = {
    "title": "The step's title; the body's '## ' section of the same title is its text.",
    "scene": "What to set up when the step starts (below).",
    "task": "What the person is asked to do: a kind of task and its numbers (optional).",
}
TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")


@dataclass(frozen=True)
class Step:
    """One step: its title, its text (Markdown and safe HTML), its scene and its task."""

    title: str
    markdown: str
    html: str
    scene: Scene
    task: Task | None
    line: int


@dataclass(frozen=True, eq=False)
class Lesson:
    """A lesson read from a file.

    Attributes
    ----------
    name : str
        How it is asked for (``#lesson=NAME``): the file's name without ``.md``.
    title, summary : str
    steps : tuple of Step
    filename : str
        The file's name, for messages.
    terms : tuple of str
        The glossary words its text links, each once.
    lines : KeyLines
        Where each key of the front matter is, for messages about it.
    """

    name: str
    title: str
    summary: str
    steps: tuple[Step, ...]
    filename: str
    terms: tuple[str, ...]
    lines: KeyLines

    def error(self, path: tuple, reason: str) -> LessonError:
        """An error about the key at ``path``, naming its line."""
        return LessonError(self.filename, self.lines.line_of(path), reason)


def parse_lesson(
    text: str | bytes, filename: str, name: str | None = None, folder: Path | None = None
) -> Lesson:
    """Read and check a lesson file.

    Parameters
    ----------
    text : str or bytes
        The file's contents (bytes are read as UTF-8).
    filename : str
        Its name, for messages.
    name : str, optional
        The lesson's name; by default the file's name without ``.md``.
    folder : path, optional
        The folder the file is in, where a scene's ``network`` file is read
        (None: a lesson sent as text, which may not name one).

    Raises
    ------
    LessonError
        Naming the file, the line and what is allowed.
    """
    size = len(text.encode() if isinstance(text, str) else text)
    if size > limits.MAX_LESSON_BYTES:
        raise LessonError(
            filename,
            None,
            f"a lesson file may be at most {limits.MAX_LESSON_BYTES:,} bytes; this one has "
            f"{size:,}.",
        )
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise LessonError(filename, None, "a lesson file must be UTF-8 text.") from None
    front, front_line, body, body_line = split_front_matter(text.lstrip("\ufeff"), filename)
    try:
        data = tomllib.loads(front)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(error, filename, front_line) from None
    lines = KeyLines(front, front_line)

    def fail(path: tuple, reason: str):
        raise LessonError(filename, lines.line_of(path), reason)

    only_keys(data, LESSON_KEYS, (), "A lesson", fail)
    title = _text(data, "title", (), fail, required=True)
    summary = _text(data, "summary", (), fail)
    tables = data.get("steps")
    if not isinstance(tables, list) or not tables or not all(isinstance(t, dict) for t in tables):
        fail(("steps",), "a lesson needs steps: add a [[steps]] table for each step.")
    if len(tables) > limits.MAX_LESSON_STEPS:
        fail(("steps", limits.MAX_LESSON_STEPS), f"a lesson may have at most "
             f"{limits.MAX_LESSON_STEPS} steps; this one has {len(tables)}.")  # fmt: skip
    try:
        sections = split_sections(body, body_line)
        for section in sections:
            check_terms(section.markdown, section.text_line)
    except TextError as error:
        raise LessonError(filename, error.line, str(error)) from None
    steps = tuple(
        _read_step(table, i, sections, lines, fail, folder) for i, table in enumerate(tables)
    )
    titles = [s.title for s in steps]
    for section in sections:
        if section.title not in titles:
            raise LessonError(
                filename,
                section.line,
                f"the section '## {section.title}' matches no step's title; the steps are: "
                f"{', '.join(repr(t) for t in titles)}.",
            )
    terms = tuple(dict.fromkeys(t for s in steps for t in glossary_terms(s.markdown)))
    name = name or lesson_name(filename)
    return Lesson(name, title, summary, steps, filename, terms, lines)


def lesson_name(filename: str) -> str:
    """A lesson's name from its file's: ``03-loss.md`` is ``loss`` (a leading number orders)."""
    stem = filename.replace("\\", "/").rsplit("/", 1)[-1]
    stem = stem[:-3] if stem.lower().endswith(".md") else stem
    return re.sub(r"^\d+[-_ ]+", "", stem) or stem


def split_front_matter(text: str, filename: str) -> tuple[str, int, str, int]:
    """The front matter and the body, each with the line of the file it starts on."""
    lines = text.split("\n")
    if lines[0].strip() != FENCE:
        raise LessonError(
            filename,
            1,
            "a lesson starts with a line of +++, then its front matter in TOML (title, "
            "summary, [[steps]]), then another line of +++, then one '## ' section for each "
            "step.",
        )
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)
    if end is None:
        raise LessonError(filename, len(lines), "the front matter has no closing line of +++.")
    return "\n".join(lines[1:end]), 2, "\n".join(lines[end + 1 :]), end + 2


def _syntax_error(error: tomllib.TOMLDecodeError, filename: str, front_line: int) -> LessonError:
    """tomllib's message, with the line of the file instead of the line of the front matter."""
    message = str(error)
    match = TOML_POSITION.search(message)
    line = None
    if match and match[1]:
        line = int(match[1]) + front_line - 1
    reason = TOML_POSITION.sub("", message).rstrip(".")
    return LessonError(filename, line, f"the front matter is not valid TOML: {reason}.")


def _text(table: dict, key: str, path: tuple, fail, required=False) -> str:
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        fail(path + (key,), f"{key} must be text{' (and not empty)' if required else ''}; "
             f"got {value!r:.40}.")  # fmt: skip
    return value.strip()


def _read_step(table: dict, index: int, sections, lines: KeyLines, fail, folder) -> Step:
    path = ("steps", index)
    only_keys(table, STEP_KEYS, path, f"Step {index + 1}", fail)
    title = _text(table, "title", path, fail, required=True)
    section = [s for s in sections if s.title == title]
    if not section or not section[0].markdown.strip():
        fail(path + ("title",), f"step {index + 1} ({title!r}) has no text: add a section "
             f"'## {title}' with a few sentences after the front matter.")  # fmt: skip
    scene = read_scene(table.get("scene", {}), path + ("scene",), fail, folder)
    task = None
    if "task" in table:
        try:
            task = read_task(table["task"])
        except TaskError as error:
            where = path + ("task",) + ((error.field,) if error.field else ())
            fail(where, str(error))
    markdown = section[0].markdown
    return Step(title, markdown, to_html(markdown), scene, task, lines.line_of(path))
