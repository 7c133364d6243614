"""The built-in lessons: each opens, every step sets up, every task can be done as a person would.

Each walk below drives a session only through what a person has on the page:
typing a weight or a bias, changing a setting, pressing Step or Play,
stepping through a point, drawing points. The runner goes on with Next, as
the page would, so each step's scene is set up on top of what the person did.
"""

import json

import numpy as np
import pytest

from glassnet import limits
from glassnet.lessons import BUILT_IN, LessonError, LessonRunner, Library
from glassnet.protocol.exports import export
from glassnet.session import Session, SessionError

MAX_EPOCHS = 3000


def train_until(runner, most=MAX_EPOCHS):
    """Press Step (one epoch) until the step's task is ticked; the epochs it took."""
    for epoch in range(1, most + 1):
        runner.session.step()
        if runner.check():
            return epoch
    raise AssertionError(f"step {runner.index + 1}'s task not done after {most} epochs")


def step_through(session, apply=True):
    """Pick a training point in the step-through, and go on to its update if ``apply``."""
    record = session.explain(int(session.workspace.train[0]))
    if apply:
        session.apply_step(record.id)


def draw_two_clusters(session, per_class=6):
    for i in range(per_class):
        session.add_point([-3.0 + 0.3 * i, 2.0 - 0.5 * i], 0)
        session.add_point([3.0 - 0.3 * i, -2.0 + 0.5 * i], 1)


def setting(**changes):
    return lambda session: session.change_settings(changes)


def explain_only(session):
    step_through(session, apply=False)


TRAIN = "train"
EXPORT = "export"

# What a person does at each step with a task, in order: calls on the session,
# TRAIN (press Step until the task is ticked) and EXPORT (Export → Model for ml5.js: the
# protocol makes the files, and tells the runner). None: the step has no task;
# []: the task is done already when the step opens.
WALKS = {
    "one-neuron": [
        None,
        [lambda s: s.set_weight(0, 1, 0, 0.0)],
        [lambda s: s.set_bias(0, 0, -2.0)],
        [TRAIN],
        None,
    ],
    "activation": [
        [TRAIN],
        [setting(activations=["tanh"])],
        [TRAIN],
        [setting(activations=["sigmoid"])],
        [setting(activations=["relu"])],
        None,
    ],
    "loss": [None, [explain_only], [TRAIN], None],
    "one-step": [[step_through], [setting(learning_rate=0.3)], [step_through], [TRAIN], None],
    "hidden-layers": [[TRAIN], None, [setting(hidden_layers=[4])], [TRAIN], None, None],
    "backpropagation": [[explain_only], None, None, [step_through], None],
    "learning-rate": [
        [TRAIN],
        [setting(learning_rate=0.1), TRAIN],
        [setting(learning_rate=3), TRAIN],
        None,
    ],
    "overfitting": [[TRAIN], [TRAIN], [setting(regularization_rate=0.01)], [TRAIN], None],
    "many-classes": [[TRAIN], [explain_only], [setting(classes=5)], None],
    "your-own-data": [[draw_two_clusters], [TRAIN], [EXPORT], None],
}


def test_every_built_in_lesson_has_a_walk_and_reads_without_a_mistake():
    entries = Library().entries()
    assert [e.error for e in entries] == [None] * len(entries)
    assert sorted(e.name for e in entries) == sorted(WALKS)
    assert all(e.origin == "built_in" and not e.replaces for e in entries)
    assert len(entries) == len(list(BUILT_IN.glob("*.md")))


@pytest.mark.parametrize("name", list(WALKS))
def test_every_task_of_the_lesson_can_be_done_by_driving_the_controls(name):
    lesson, _ = Library().lesson(name)
    walk = WALKS[name]
    assert len(walk) == len(lesson.steps)
    session = Session()
    runner = LessonRunner(lesson, session)
    for i, (step, moves) in enumerate(zip(lesson.steps, walk)):
        assert runner.index == i
        assert (step.task is None) == (moves is None), f"step {i + 1} of {name}"
        if moves:
            assert not runner.done[i], f"step {i + 1}'s task was done before anything was done"
        for move in moves or []:
            if move == TRAIN:
                train_until(runner)
            elif move == EXPORT:
                export(session, "ml5")  # the files are made: the network can be exported
                runner.exported("ml5")
            else:
                move(session)
        if moves is not None:
            runner.check()
            assert runner.done[i], f"step {i + 1} of {name}: {step.task.sentence}"
        if i + 1 < len(lesson.steps):
            assert runner.go(i + 1) == [], "Next sets up the next scene on top of what was done"


@pytest.mark.parametrize("name", list(WALKS))
def test_every_step_of_the_lesson_opens_directly(name):
    lesson, _ = Library().lesson(name)
    for index in range(len(lesson.steps)):
        session = Session()
        runner = LessonRunner(lesson, session, index)
        assert runner.index == index and session.undo_label.startswith("Lesson step")


@pytest.mark.parametrize("name", list(WALKS))
def test_every_lesson_ends_with_what_to_try_next_in_the_playground(name):
    lesson, _ = Library().lesson(name)
    last = lesson.steps[-1]
    assert last.title == "Try it yourself" and "try this next" in last.markdown
    assert last.task is None


def lesson_text(title, step="Only"):
    return f'+++\ntitle = "{title}"\n\n[[steps]]\ntitle = "{step}"\n+++\n\n## {step}\n\nText.\n'


def test_a_teachers_lesson_takes_the_place_of_the_built_in_one_of_its_name(tmp_path):
    (tmp_path / "my-loss.md").write_text(lesson_text("Loss, our way"))
    (tmp_path / "loss.md").write_text(lesson_text("Loss, my way"))
    entries = Library(tmp_path).entries()
    names = [e.name for e in entries]
    assert names.count("loss") == 1 and names.index("loss") == list(WALKS).index("loss")
    loss = entries[names.index("loss")]
    assert (loss.title, loss.origin, loss.replaces) == ("Loss, my way", "teacher", True)
    assert entries[-1].name == "my-loss" and not entries[-1].replaces
    lesson, origin = Library(tmp_path).lesson("loss")
    assert lesson.title == "Loss, my way" and origin == "teacher"


def test_a_teachers_lesson_with_a_mistake_is_listed_with_its_error_and_cannot_open(tmp_path):
    (tmp_path / "broken.md").write_text(lesson_text("Broken").replace("## Only", "## Other"))
    library = Library(tmp_path)
    broken = library.entries()[-1]
    assert broken.name == "broken" and broken.lesson is None
    assert str(broken.error).startswith("broken.md, line 5: step 1 ('Only') has no text")
    with pytest.raises(LessonError, match="broken.md, line 5"):
        library.lesson("broken")


def test_an_edited_lesson_file_is_read_again(tmp_path):
    path = tmp_path / "mine.md"
    path.write_text(lesson_text("First"))
    library = Library(tmp_path)
    assert library.lesson("mine")[0].title == "First"
    path.write_text(lesson_text("Second version"))
    assert library.lesson("mine")[0].title == "Second version"


def test_two_files_of_one_lesson_name_in_a_folder_are_an_error(tmp_path):
    (tmp_path / "01-mine.md").write_text(lesson_text("One"))
    (tmp_path / "02-mine.md").write_text(lesson_text("Two"))
    entries = [e for e in Library(tmp_path).entries() if e.name == "mine"]
    assert [e.title for e in entries] == ["One", "02-mine.md"]
    assert "another file of this folder is also the lesson 'mine'" in str(entries[1].error)


def test_an_unknown_lesson_name_is_refused_with_the_names_there_are(tmp_path):
    with pytest.raises(SessionError, match="There is no lesson called 'nope'; the lessons are: "
                       "one-neuron, activation"):  # fmt: skip
        Library(tmp_path / "missing").lesson("nope")


def test_a_lesson_file_too_big_is_listed_with_its_error(tmp_path):
    (tmp_path / "big.md").write_text(lesson_text("Big") + "x" * limits.MAX_LESSON_BYTES)
    assert "may be at most" in str(Library(tmp_path).entries()[-1].error)


def network_lesson(name="start.json"):
    return (
        f'+++\ntitle = "From a saved network"\n\n[[steps]]\ntitle = "Only"\n[steps.scene]\n'
        f'network = "{name}"\nsettings = {{ learning_rate = 0.3 }}\n+++\n\n## Only\n\nText.\n'
    )


def test_a_lesson_in_a_folder_starts_from_a_saved_network_beside_it(tmp_path):
    saved = Session({"dataset": "xor", "hidden_layers": [3]})
    for _ in range(5):
        saved.step()
    (tmp_path / "nets").mkdir()
    (tmp_path / "nets" / "start.json").write_text(json.dumps(saved.save()))
    (tmp_path / "mine.md").write_text(network_lesson("nets/start.json"))
    lesson, _ = Library(tmp_path).lesson("mine")
    session = Session()
    LessonRunner(lesson, session)
    assert session.settings.dataset == "xor" and session.epoch == 5
    assert session.settings.learning_rate == 0.3  # the scene's settings come after the network
    for mine, theirs in zip(session.network.parameters(), saved.network.parameters()):
        np.testing.assert_array_equal(mine, theirs)
    session.undo()
    assert session.settings.dataset == "circle"  # one change: Undo brings back what was there


def test_a_saved_network_that_is_missing_or_not_a_session_is_refused_naming_its_line(tmp_path):
    (tmp_path / "gone.md").write_text(network_lesson("gone.json"))
    (tmp_path / "list.json").write_text("[1, 2]")
    (tmp_path / "list.md").write_text(network_lesson("list.json"))
    (tmp_path / "odd.json").write_text('{"settings": 5}')
    (tmp_path / "odd.md").write_text(network_lesson("odd.json"))
    (tmp_path / "up.md").write_text(network_lesson("../up.json"))
    errors = {e.name: str(e.error) for e in Library(tmp_path).entries() if e.origin == "teacher"}
    assert errors["gone"].startswith("gone.md, line 7: network = 'gone.json' cannot be read")
    assert (
        errors["list"]
        == "list.md, line 7: list.json is not a session file: it holds no JSON object."
    )
    assert errors["up"].startswith("up.md, line 7: network must be a path inside the lesson's")
    with pytest.raises(LessonError, match="odd.md, line 7: step 1's scene cannot be set up"):
        LessonRunner(Library(tmp_path).lesson("odd")[0], Session())
