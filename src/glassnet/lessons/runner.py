"""The lesson runner: one open lesson for one view, its current step, and which tasks are done.

Opening a lesson first *rehearses* it: every step's scene is set up in order on
a fresh playground (the defaults), so a scene that cannot be set up (weights of
a layer the network does not have, settings that do not go together) is
refused when the lesson opens, naming its line. The rehearsal keeps the
playground as it is after each step.

Going to a step then sets the session up in one undoable change (one Undo
brings back what the person had):

- **Next** (from step N to N + 1) sets up step N + 1's scene on top of the
  playground as the person left it, so what they did in step N stays; if the
  scene does not fit what they changed, the step is set up as the rehearsal
  has it, and a notice says so.
- **Any other step** (opening, going back, jumping) is set up as the rehearsal
  has it: as a person gets it who went through the steps before it.

When a step is set up, the runner records a :class:`~.tasks.Baseline` (the
session then) for its task to compare with. After every change of the session
:meth:`LessonRunner.check` asks the task; a task done stays done, and a step's
Next is open when its task is done (or it has none). An export leaves the
session as it was, so the protocol tells :meth:`LessonRunner.exported` of each
one it made.

A page reloaded in the middle of a lesson opens it again with ``resume`` (the
playground stays as it is) and gives back the ticks the session sent it before
the reload (``done``): they are the tab's record of this lesson, taken back when
they fit it (one per step, a tick only on a step with a task), and dropped with a
notice when they do not (the lesson file changed).

This module knows the session and the lesson; nothing about the web.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from ..session import Session, SessionError
from .format import Lesson, Step
from .scene_format import Highlight
from .scenes import SceneError, apply_scene, hidden_by_step
from .tasks import Baseline

_REHEARSED: WeakKeyDictionary = WeakKeyDictionary()


def rehearse(lesson: Lesson) -> list[dict]:
    """Set up every step in order on a fresh session; the session (saved) after each step.

    Raises
    ------
    LessonError
        Naming the line of the first scene that cannot be set up, or of a task
        that the network its scene makes cannot do.
    """
    if lesson in _REHEARSED:
        return _REHEARSED[lesson]
    scratch = Session()
    setups = []
    for i, step in enumerate(lesson.steps):
        try:
            apply_scene(scratch, step.scene)
        except SceneError as error:
            raise lesson.error(
                ("steps", i, "scene", error.key), f"step {i + 1}'s scene cannot be set up: {error}"
            ) from None
        why = step.task.unfit(scratch) if step.task else None
        if why:
            raise lesson.error(("steps", i, "task"), f"step {i + 1}'s task cannot be done: {why}")
        setups.append(scratch.save())
    _REHEARSED[lesson] = setups
    return setups


class LessonRunner:
    """One open lesson on one session.

    Parameters
    ----------
    lesson : Lesson
    session : Session
    index : int
        The step to open at, from 0.
    origin : str
        Where the lesson came from (``built_in``, ``teacher`` or ``file``), for the view.
    resume : bool
        Set nothing up: the playground stays as it is, at step ``index`` (a page
        reloaded in the middle of a lesson keeps what the person did).
    done : list of bool, optional
        With ``resume``: the ticks the tab kept (see the module's docstring).

    Attributes
    ----------
    index : int
        The current step.
    done : list of bool
        Whether each step's task is done (False for a step without a task).
    baseline : Baseline
        The session when the current step was set up.
    notices : list of str
        What the person should be told about opening (kept ticks that did not fit).

    Raises
    ------
    LessonError
        When the lesson cannot be set up (see :func:`rehearse`).
    SessionError
        For ``done`` without ``resume``, or ticks that are not true or false.
    """

    def __init__(
        self,
        lesson: Lesson,
        session: Session,
        index: int = 0,
        origin: str = "file",
        resume=False,
        done: list | None = None,
    ):
        self.lesson = lesson
        self.session = session
        self.origin = origin
        self.setups = rehearse(lesson)
        self.hidden_steps = hidden_by_step(lesson)
        self.done = [False] * len(lesson.steps)
        self.notices: list[str] = []
        self.index = -1
        self.checked_version = -1
        self.baseline = Baseline.of(session)
        if done is not None and not resume:
            raise SessionError(
                "Ticks ('done') come back only when a lesson is resumed ('resume': true, a "
                "reloaded page): a lesson opened afresh starts with none."
            )
        if resume:
            self.index = self._checked(index)
            self._take_back(done)
            self.check()
        else:
            self._set_up(self._checked(index))

    def _take_back(self, done: list | None):
        """The ticks a tab kept, when they fit this lesson (see the module's docstring)."""
        if done is None:
            return
        if not all(isinstance(tick, bool) for tick in done):
            raise SessionError(
                f"The kept ticks must be a list of true or false, one per step; got {done!r:.60}."
            )
        steps = self.lesson.steps
        fits = len(done) == len(steps) and all(
            step.task is not None or not tick for step, tick in zip(steps, done)
        )
        if fits:
            self.done = list(done)
        else:
            self.notices.append(
                "The ticks this tab kept do not fit the lesson as it is now (it has changed): "
                "they were left out, and this step's task is checked again."
            )

    @property
    def step(self) -> Step:
        """The current step."""
        return self.lesson.steps[self.index]

    @property
    def hidden(self) -> tuple[str, ...]:
        """The controls and panels hidden at the current step."""
        return self.hidden_steps[self.index]

    @property
    def highlight(self) -> Highlight | None:
        """What the current step points at."""
        return self.step.scene.highlight

    def unlocked(self, index: int) -> bool:
        """Whether a step's Next is open: it has no task, or its task is done."""
        return self.lesson.steps[index].task is None or self.done[index]

    def go(self, index) -> list[str]:
        """Go to a step and set it up; return notices for the person.

        Raises
        ------
        SessionError
            For a step that does not exist, or one past a step whose task is not
            done yet. Nothing changes.
        """
        index = self._checked(index)
        self.check()  # the session may have done the task since it was last asked
        for i in range(self.index, index):
            if not self.unlocked(i):
                raise SessionError(
                    f"Step {i + 1}'s task is not done yet: {self.sentence(i)} "
                    "Next opens when it is."
                )
        return self._set_up(index)

    def _checked(self, index) -> int:
        n = len(self.lesson.steps)
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < n:
            raise SessionError(
                f"This lesson's steps are numbered 0 to {n - 1}; there is no step {index!r:.40}."
            )
        return index

    def _set_up(self, index: int) -> list[str]:
        """Set up a step (see the module's docstring) and take its baseline."""
        step = self.lesson.steps[index]
        notices = []
        if self.index >= 0 and index == self.index + 1:
            document, notices = self._on_top(index)
        else:
            document = self.setups[index]
        self.session.restore(document, label=f"Lesson step {index + 1}: {step.title}")
        self.index = index
        self.baseline = Baseline.of(self.session)
        self.checked_version = -1
        self.check()
        return notices

    def _on_top(self, index: int) -> tuple[dict, list[str]]:
        """The session with step ``index``'s scene set up on the playground as it is now."""
        scratch = Session(clock=self.session.clock)
        scratch.restore(self.session.save(), undoable=False)
        try:
            apply_scene(scratch, self.lesson.steps[index].scene)
        except SessionError as error:
            return self.setups[index], [
                f"Step {index + 1} was set up as the lesson has it, because its scene did not "
                f"fit your playground ({error}). Undo brings back what you had."
            ]
        return scratch.save(), []

    def sentence(self, index: int) -> str | None:
        """Step ``index``'s task in words: the current one in the words of the session's
        network, the others as the lesson has them."""
        task = self.lesson.steps[index].task
        if task is None:
            return None
        return task.said_on(self.session) if index == self.index else task.sentence

    def exported(self, format: str) -> bool:
        """The session made an export of ``format`` for this view: True when that just
        completed the current step's task."""
        task = self.step.task
        if task is None or self.done[self.index] or not task.done_by_export(format):
            return False
        self.done[self.index] = True
        return True

    def check(self) -> bool:
        """Ask the current step's task whether the session completes it; True when it just did."""
        if self.session.version == self.checked_version:
            return False
        self.checked_version = self.session.version
        task = self.step.task
        if task is None or self.done[self.index] or not task.done(self.session, self.baseline):
            return False
        self.done[self.index] = True
        return True
