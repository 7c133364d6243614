"""Lessons: a guided path through the playground, written as data.

A lesson is a Markdown file with TOML front matter (docs/lessons.md): steps,
each with a few sentences, a scene to set up and a task the session checks.
Read it in this order:

- ``format.py``: reading and checking a lesson file (with ``scene_format.py``
  for a step's scene, ``lines.py`` for the line of a mistake, ``text.py`` for
  the Markdown and the glossary links, and ``networks.py`` for a scene's saved
  network beside the file)
- ``tasks.py``: the registry of task kinds, each a check of the session's
  state (the checks are in ``checks.py``, the fields a task takes in ``fields.py``)
- ``scenes.py``: setting up a step's scene through the session's public methods
- ``runner.py``: one open lesson for one view: its step, its baseline, its ticks
- ``library.py``: the built-in lessons (``built_in/``) and a teacher's folder
- ``glossary.py``: the words a lesson may link

This package knows the session, the controls and the data layer; nothing about
sockets or pages.
"""

from .checks import Baseline
from .errors import LessonError
from .format import Lesson, Step, parse_lesson
from .glossary import GLOSSARY, Term
from .library import BUILT_IN, ORIGINS, Entry, Library
from .runner import LessonRunner, rehearse
from .scene_format import SCENE_KEYS, Highlight, Scene
from .tasks import TASKS, Task, TaskKind

__all__ = [
    "BUILT_IN",
    "GLOSSARY",
    "ORIGINS",
    "SCENE_KEYS",
    "TASKS",
    "Baseline",
    "Entry",
    "Highlight",
    "Lesson",
    "LessonError",
    "LessonRunner",
    "Library",
    "Scene",
    "Step",
    "Task",
    "TaskKind",
    "Term",
    "parse_lesson",
    "rehearse",
]
