"""The lesson runner: a step is one undoable change, Next keeps a person's work, ticks stay."""

import copy

import numpy as np
import pytest

from glassnet.lessons import LessonError, LessonRunner, parse_lesson, rehearse
from glassnet.session import Session, SessionError

LESSON = """\
+++
title = "Three steps"

[[steps]]
title = "Start"
[steps.scene]
settings = { dataset = "gauss", hidden_layers = [2], learning_rate = 0.1 }
reset = true
hide = ["noise", "dataPanel"]
highlight = "playButton"
[steps.task]
kind = "epochs"
at_least = 5

[[steps]]
title = "Middle"
[steps.scene]
weights = [[1, 1, 0, 0.5]]
show = ["dataPanel"]
hide = ["speed"]
highlight = [1, 1, 0]

[[steps]]
title = "End"
[steps.task]
kind = "setting"
name = "learning_rate"
low = 1
+++

## Start

Train.

## Middle

Look.

## End

Change it.
"""


def opened(session=None, index=0):
    session = session or Session()
    return LessonRunner(parse_lesson(LESSON, "three.md"), session, index), session


def train(session, epochs):
    for _ in range(epochs):
        session.step()


def parameters(session):
    return [p.copy() for p in session.network.parameters()]


def test_opening_a_lesson_sets_up_its_first_step_in_one_change_that_undo_takes_back():
    session = Session({"dataset": "spiral", "hidden_layers": [5]})
    train(session, 3)
    before = parameters(session)
    runner, _ = opened(session)
    assert runner.index == 0 and session.settings.dataset == "gauss"
    assert session.network.layer_sizes == [2, 2, 1] and session.epoch == 0
    assert session.undo_label == "Lesson step 1: Start"
    session.undo()
    assert session.settings.dataset == "spiral" and session.epoch == 3
    assert all(np.array_equal(a, b) for a, b in zip(before, parameters(session)))


def test_a_lesson_opens_the_same_whatever_the_playground_had_before():
    _, fresh = opened()
    played = Session({"dataset": "xor", "seed": 9, "learning_rate": 2})
    train(played, 4)
    opened(played)
    assert played.settings == fresh.settings
    assert all(np.array_equal(a, b) for a, b in zip(parameters(fresh), parameters(played)))


def test_next_sets_up_the_next_scene_on_top_of_what_the_person_did():
    runner, session = opened()
    session.change_settings({"noise": 20})
    train(session, 5)
    runner.go(1)
    assert session.epoch == 5 and session.settings.noise == 20
    assert session.network.layers[1].weights[1, 0] == 0.5
    assert session.undo_label == "Lesson step 2: Middle"


def test_next_on_a_playground_the_scene_does_not_fit_sets_the_step_up_as_the_lesson_has_it():
    runner, session = opened()
    train(session, 5)
    assert runner.check()  # as the connection asks after every change
    session.change_settings({"hidden_layers": []})  # step 2's weight [1, 1, 0] is gone
    notices = runner.go(1)
    assert len(notices) == 1 and "Step 2 was set up as the lesson has it" in notices[0]
    assert "Undo brings back what you had" in notices[0]
    assert session.network.layer_sizes == [2, 2, 1] and session.epoch == 0
    assert session.network.layers[1].weights[1, 0] == 0.5


def test_going_back_sets_the_step_up_again_as_the_lesson_has_it():
    runner, session = opened()
    train(session, 5)
    runner.go(1)
    session.change_settings({"learning_rate": 0.5})
    runner.go(0)
    assert session.settings.learning_rate == 0.1 and session.epoch == 0


def test_a_done_task_stays_done_and_opens_next():
    runner, session = opened()
    assert not runner.unlocked(0)
    train(session, 4)
    assert not runner.check()
    session.step()
    assert runner.check() and runner.done == [True, False, False]
    assert not runner.check()  # ticked once
    runner.go(1)
    runner.go(0)  # the epoch counter is back at 0, but the tick stays
    assert runner.done[0] and runner.unlocked(0)
    runner.go(2)


def test_next_past_a_task_not_done_is_refused_and_nothing_changes():
    runner, session = opened()
    version = session.version
    with pytest.raises(SessionError, match="Step 1's task is not done yet: Train until the epoch"):
        runner.go(1)
    with pytest.raises(SessionError, match="Step 1's task is not done yet"):
        runner.go(2)
    assert runner.index == 0 and session.version == version


@pytest.mark.parametrize("index", [-1, 3, 1.0, True, "1"])
def test_a_step_that_does_not_exist_is_refused(index):
    runner, _ = opened()
    with pytest.raises(SessionError, match="steps are numbered 0 to 2; there is no step"):
        runner.go(index)


def test_a_lesson_can_open_at_any_step_as_a_person_would_find_it_there():
    runner, session = opened(index=2)
    assert runner.index == 2 and session.network.layers[1].weights[1, 0] == 0.5
    assert runner.done == [False, False, False]


def test_each_step_hides_and_shows_on_top_of_the_step_before_and_highlights_its_own():
    runner, _ = opened()
    assert runner.hidden == ("dataPanel", "noise") and runner.highlight.control == "playButton"
    runner.done[0] = True
    runner.go(1)
    assert runner.hidden == ("speed", "noise")
    assert (runner.highlight.layer, runner.highlight.source, runner.highlight.target) == (1, 1, 0)
    runner.go(2)
    assert runner.hidden == ("speed", "noise") and runner.highlight is None


def test_a_task_is_asked_again_only_after_the_session_changed():
    runner, session = opened()
    train(session, 5)
    session.version -= 1  # as if nothing had changed since the last check
    runner.checked_version = session.version
    assert not runner.check() and not runner.done[0]


def test_a_task_compares_with_the_session_when_its_step_was_set_up():
    runner, session = opened()
    train(session, 5)
    runner.go(1)
    assert runner.baseline.epoch == 5 and runner.baseline.points is session.points


def test_a_lesson_that_cannot_be_set_up_is_refused_and_the_session_is_left_alone():
    session = Session({"dataset": "spiral"})
    broken = parse_lesson(LESSON.replace("weights = [[1, 1, 0, 0.5]]", "weights = [[2, 0, 0, 1]]"),
                          "three.md")  # fmt: skip
    with pytest.raises(LessonError, match="three.md, line 18: step 2's scene cannot be set up"):
        LessonRunner(broken, session)
    assert session.settings.dataset == "spiral" and session.undo_label is None


def test_a_lesson_is_rehearsed_once_and_its_rehearsal_is_shared_unchanged():
    lesson = parse_lesson(LESSON, "three.md")
    assert rehearse(lesson) is rehearse(lesson)
    kept = copy.deepcopy(rehearse(lesson))
    for _ in range(2):
        runner = LessonRunner(lesson, Session(), index=1)
        train(runner.session, 2)
    assert rehearse(lesson) == kept


def test_a_resumed_lesson_takes_back_the_ticks_its_tab_kept_and_next_is_open_past_them():
    lesson = parse_lesson(LESSON, "three.md")
    session = Session()
    runner = LessonRunner(lesson, session, 1, resume=True, done=[True, False, False])
    assert runner.done == [True, False, False] and runner.notices == []
    runner.go(0)
    assert runner.go(2) == []  # step 1's tick came back: the way on is open


@pytest.mark.parametrize("done", [[True, False], [True, True, False], [False, False, True, False]])
def test_kept_ticks_that_do_not_fit_the_lesson_are_left_out_with_a_notice(done):
    # Too few, a tick on a step with no task, too many: the lesson file changed.
    runner = LessonRunner(parse_lesson(LESSON, "three.md"), Session(), 0, resume=True, done=done)
    assert runner.done == [False, False, False]
    (notice,) = runner.notices
    assert notice.startswith("The ticks this tab kept do not fit the lesson as it is now")


def test_kept_ticks_must_be_true_or_false_and_come_back_only_when_resuming():
    lesson = parse_lesson(LESSON, "three.md")
    with pytest.raises(
        SessionError, match="list of true or false, one per step; got \\[1, 0, 0\\]"
    ):
        LessonRunner(lesson, Session(), resume=True, done=[1, 0, 0])
    with pytest.raises(SessionError, match="come back only when a lesson is resumed"):
        LessonRunner(lesson, Session(), done=[True, False, False])


def test_an_export_ticks_a_task_that_asks_for_it_and_only_that():
    text = LESSON.replace(
        'kind = "epochs"\nat_least = 5', 'kind = "exported"\nformat = ["ml5", "sketch"]'
    )
    runner, _ = LessonRunner(parse_lesson(text, "three.md"), Session()), None
    assert not runner.exported("weights_csv") and not runner.done[0]
    assert runner.exported("sketch") and runner.done[0]
    assert not runner.exported("ml5")  # already done: said once
    runner.go(1)
    assert not runner.exported("ml5")  # a step without a task
