"""Lessons over the protocol: the requests that open and walk a lesson, and their messages.

A view asks for the list (``lesson_list``, answered by ``lessons``), opens a
lesson by name or sends a lesson file's text (``lesson_open``; a reloaded page
resumes it with the ticks it kept, ``done``), goes to a step
(``lesson_step``) and closes it (``lesson_close``). Each answer that changes
the lesson is a ``lesson`` message: the steps with their text as safe HTML,
the current step, what it hides and highlights, and each task's sentence and
whether it is done. When a task gets done, the connection sends ``lesson``
again (``Connection.updates``; for an export, ``lesson_export_made``).
docs/protocol.md documents every field.

This module knows the lessons and the session; nothing about sockets or HTTP.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..lessons import GLOSSARY, Entry, Highlight, LessonRunner, Library, parse_lesson
from ..session import SessionError
from .wire import Outgoing, ProtocolError

if TYPE_CHECKING:
    from .connection import Connection

BUILT_IN_ONLY = Library()
"""The library of a connection made without one: the built-in lessons only."""


def lessons_message(entries: list[Entry]) -> dict:
    """The list of lessons a view can open."""
    return {
        "type": "lessons",
        "lessons": [
            {
                "name": e.name,
                "title": e.title,
                "summary": e.summary,
                "origin": e.origin,
                "replaces": e.replaces,
                "step_count": e.step_count,
                "error": None if e.error is None else str(e.error),
            }
            for e in entries
        ],
    }


def lesson_message(runner: LessonRunner) -> dict:
    """An open lesson: every step, the current one, and what the view should show."""
    lesson = runner.lesson
    steps = []
    for i, step in enumerate(lesson.steps):
        task = None
        if step.task is not None:
            sentence = runner.sentence(i)
            task = {"kind": step.task.kind, "sentence": sentence, "done": runner.done[i]}
        steps.append({"title": step.title, "html": step.html, "task": task})
    return {
        "type": "lesson",
        "name": lesson.name,
        "title": lesson.title,
        "summary": lesson.summary,
        "origin": runner.origin,
        "index": runner.index,
        "steps": steps,
        "hidden": list(runner.hidden),
        "highlight": highlight_message(runner.highlight),
        "terms": [
            {"term": key, "title": GLOSSARY[key].title, "text": GLOSSARY[key].text}
            for key in lesson.terms
        ],
    }


def open_request(lesson: str | Path, step: int = 1) -> dict:
    """A ``lesson_open`` request from Python: a lesson's name, or a lesson file's path; a step
    from 1 (the notebook widget's ``Playground(lesson=...)``)."""
    if isinstance(step, bool) or not isinstance(step, int) or step < 1:
        raise ValueError(f"step must be a whole number from 1; got {step!r}.")
    path = Path(lesson)
    if path.suffix == ".md" and path.is_file():
        content = path.read_text(encoding="utf-8")
        return {"type": "lesson_open", "index": step - 1, "content": content, "filename": path.name}
    return {"type": "lesson_open", "index": step - 1, "name": str(lesson)}


def where_in_lesson(runner: LessonRunner) -> dict:
    """The open lesson for Python: its ``name``, ``title``, ``step`` (from 1) and ``done`` ticks."""
    lesson = runner.lesson
    step = runner.index + 1
    return {"name": lesson.name, "title": lesson.title, "step": step, "done": list(runner.done)}


def highlight_message(highlight: Highlight | None) -> dict | None:
    """``{control}``, ``{layer, unit}`` (a neuron) or ``{layer, source, target}`` (a weight)."""
    if highlight is None:
        return None
    names = ("control", "layer", "unit", "source", "target")
    values = {name: getattr(highlight, name) for name in names}
    return {name: value for name, value in values.items() if value is not None}


def lesson_list(c: Connection, m: dict):
    c.reply(Outgoing(lessons_message(c.lessons.entries())))


def lesson_open(c: Connection, m: dict):
    if m.get("content") is not None:
        lesson = parse_lesson(m["content"], m.get("filename") or "lesson.md")
        origin = "file"
    elif m.get("name") is not None:
        lesson, origin = c.lessons.lesson(m["name"])
    else:
        raise ProtocolError(
            "A 'lesson_open' message needs a 'name' (a lesson of the list) or a 'content' "
            "(the text of a lesson file, with its 'filename')."
        )
    index = m.get("index", 0)
    c.lesson = LessonRunner(
        lesson, c.session, index, origin, m.get("resume") is True, m.get("done")
    )
    c.reply(Outgoing(lesson_message(c.lesson)))
    for notice in c.lesson.notices:
        c.reply(Outgoing({"type": "notice", "message": notice}))


def lesson_export_made(c: Connection, format: str):
    """Tell the open lesson of an export the session made: its task may be done by it."""
    if c.lesson is not None and c.lesson.exported(format):
        c.reply(Outgoing(lesson_message(c.lesson)))


def lesson_step(c: Connection, m: dict):
    if c.lesson is None:
        raise SessionError("No lesson is open: open one first.")
    notices = c.lesson.go(m["index"])
    c.reply(Outgoing(lesson_message(c.lesson)))
    for notice in notices:
        c.reply(Outgoing({"type": "notice", "message": notice}))


def lesson_close(c: Connection, m: dict):
    if c.lesson is not None:
        name, c.lesson = c.lesson.lesson.name, None
        c.reply(Outgoing({"type": "lesson_closed", "name": name}))
