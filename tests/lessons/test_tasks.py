"""Task kinds: each reads its numbers, says what to do in a sentence, and checks the session."""

import pytest

from glassnet.lessons import TASKS, Baseline
from glassnet.lessons.tasks import EXPORT_LABELS, TaskError, read_task
from glassnet.protocol.exports import EXPORTS
from glassnet.session import Session

SENTENCES = [
    ({"kind": "accuracy", "percent": 90}, "Reach 90% test accuracy."),
    ({"kind": "accuracy", "percent": 75, "on": "train"}, "Reach 75% training accuracy."),
    ({"kind": "loss_below", "value": 0.1}, "Bring the training loss below 0.1."),
    ({"kind": "loss_below", "value": 0.25, "on": "test"}, "Bring the test loss below 0.25."),
    (
        {"kind": "loss_rises", "percent": 50},
        "Train until the training loss goes up: 50% above the lowest it was in this step.",
    ),
    ({"kind": "epochs", "at_least": 100}, "Train until the epoch counter reaches 100."),
    (
        {"kind": "setting", "name": "learning_rate", "value": 0.3},
        "Set the learning rate to 0.3.",
    ),
    (
        {"kind": "setting", "name": "learning_rate", "low": 1, "high": 10},
        "Set the learning rate to a value from 1 to 10.",
    ),
    ({"kind": "setting", "name": "classes", "low": 4}, "Set the classes to 4 or more."),
    ({"kind": "setting", "name": "activations", "value": ["relu"]}, "Set the activation to relu."),
    ({"kind": "setting", "name": "hidden_layers", "value": []}, "Set the hidden layers to none."),
    ({"kind": "setting", "name": "show_test", "value": True}, "Turn the show test data on."),
    (
        {"kind": "neuron_line", "direction": "vertical"},
        "Make neuron 1 of the first layer draw a vertical line (tilted 5° at most).",
    ),
    (
        {"kind": "step_through", "stage": "explained"},
        "Pick a training point and step through how the network learns from it.",
    ),
    (
        {"kind": "step_through"},
        "Step through one training step to its end, so that its update is applied.",
    ),
    ({"kind": "draw_points", "at_least": 5}, "Draw at least 5 points of each class."),
    ({"kind": "exported"}, "Open Export and save the network as any of its files."),
    (
        {"kind": "exported", "format": "ml5"},
        'Open Export and press "Model for ml5.js" to save the file.',
    ),
    (
        {"kind": "exported", "format": ["ml5", "sketch"]},
        'Open Export and press "Model for ml5.js" or "p5.js sketch" to save the file.',
    ),
    ({"kind": "own_data"}, "Draw or load at least 10 points of your own."),
    (
        {"kind": "own_data", "at_least": 20, "percent": 90},
        "Draw or load at least 20 points of your own and reach 90% training accuracy.",
    ),
]


@pytest.mark.parametrize("table, sentence", SENTENCES)
def test_each_task_says_what_to_do_in_a_sentence_made_from_its_numbers(table, sentence):
    assert read_task(table).sentence == sentence


def test_every_task_kind_has_a_sentence_above():
    assert {table["kind"] for table, _ in SENTENCES} == set(TASKS)


@pytest.mark.parametrize(
    "table, field, words",
    [
        ("accuracy", None, "A task must be a table with a kind"),
        ({"percent": 9}, None, "A task's kind must be one of accuracy, loss_below"),
        ({"kind": "win"}, "kind", "A task's kind must be one of accuracy, loss_below"),
        ({"kind": "accuracy"}, None, "A accuracy task needs percent: The accuracy to reach"),
        ({"kind": "accuracy", "percent": 101}, "percent", "from 1 to 100; got 101"),
        ({"kind": "accuracy", "percent": 9.5}, "percent", "a whole number from 1 to 100"),
        ({"kind": "accuracy", "percent": True}, "percent", "a whole number"),
        ({"kind": "accuracy", "percent": 9, "on": "all"}, "on", "on must be one of train, test"),
        ({"kind": "epochs", "at_least": 5, "most": 9}, "most", "has no field 'most'"),
        ({"kind": "exported", "format": "zip"}, "format", "format must be one of ml5, sketch"),
        ({"kind": "exported", "format": []}, "format", "or a list of them; got []"),
        ({"kind": "exported", "format": ["ml5", 3]}, "format", "or a list of them"),
        ({"kind": "setting", "name": "speedy", "value": 1}, "name", "Unknown setting 'speedy'"),
        ({"kind": "setting", "name": "noise"}, None, "needs a value, or a low and/or a high"),
        (
            {"kind": "setting", "name": "noise", "value": 1, "low": 0},
            None,
            "needs a value, or a low and/or a high; not both",
        ),
        ({"kind": "setting", "name": "noise", "value": 99}, "value", "noise must be a whole"),
        ({"kind": "setting", "name": "dataset", "low": 1}, "low", "so a task gives it a value"),
        ({"kind": "neuron_line", "direction": "up"}, "direction", "vertical, horizontal"),
    ],
)
def test_a_task_with_a_mistake_is_refused_naming_its_field(table, field, words):
    with pytest.raises(TaskError) as caught:
        read_task(table)
    assert caught.value.field == field and words in str(caught.value)


def done(table, session, baseline=None):
    return read_task(table).done(session, baseline or Baseline.of(session))


def test_accuracy_and_loss_read_the_measured_numbers_of_the_chosen_points():
    s = Session({"dataset": "gauss", "hidden_layers": [], "learning_rate": 0.1})
    assert not done({"kind": "accuracy", "percent": 95}, s)
    assert not done({"kind": "loss_below", "value": 0.1}, s)
    for _ in range(40):
        s.step()
    assert s.metrics.test_accuracy >= 0.95 and s.metrics.train_loss < 0.1
    assert done({"kind": "accuracy", "percent": 95}, s)
    assert done({"kind": "accuracy", "percent": 95, "on": "train"}, s)
    assert done({"kind": "loss_below", "value": 0.1}, s)
    assert not done({"kind": "loss_below", "value": s.metrics.test_loss, "on": "test"}, s)


def test_an_accuracy_that_does_not_exist_is_never_reached():
    s = Session({"dataset": "sine"})  # regression: no accuracy
    assert not done({"kind": "accuracy", "percent": 1}, s)


def test_the_loss_rises_when_a_big_learning_rate_overshoots_not_when_it_falls():
    s = Session({"learning_rate": 0.03})
    baseline = Baseline.of(s)
    task = {"kind": "loss_rises", "percent": 50}
    for _ in range(100):
        s.step()
        assert not done(task, s, baseline)
    s.change_settings({"learning_rate": 3})
    s.step()
    assert done(task, s, baseline)


def test_the_loss_rising_before_the_step_began_or_by_a_reset_does_not_count():
    s = Session({"learning_rate": 0.03})
    for _ in range(100):
        s.step()
    s.reset()  # back to the first loss, far above the trained one: not training
    baseline = Baseline.of(s)
    assert not done({"kind": "loss_rises", "percent": 20}, s, baseline)
    s.step()
    assert not done({"kind": "loss_rises", "percent": 20}, s, baseline)


def test_a_drawn_point_that_raises_the_loss_without_training_does_not_count():
    s = Session({"hidden_layers": [], "classes": 2})
    s.new_drawing()
    s.add_point([-3.0, 0.0], 0)
    s.add_point([3.0, 0.0], 1)
    for _ in range(50):
        s.step()
    baseline = Baseline.of(s)
    s.add_point([-3.0, 0.5], 1)  # a wrong point: the loss jumps at the same epoch
    assert not done({"kind": "loss_rises", "percent": 20}, s, baseline)


def test_epochs_count_the_epoch_counter():
    s = Session()
    for _ in range(3):
        s.step()
    assert done({"kind": "epochs", "at_least": 3}, s)
    assert not done({"kind": "epochs", "at_least": 4}, s)


def test_a_setting_is_checked_for_its_value_or_its_range():
    s = Session({"learning_rate": 0.3, "hidden_layers": [4]})
    assert done({"kind": "setting", "name": "learning_rate", "value": 0.3}, s)
    assert done({"kind": "setting", "name": "learning_rate", "low": 0.1, "high": 1}, s)
    assert not done({"kind": "setting", "name": "learning_rate", "low": 1}, s)
    assert done({"kind": "setting", "name": "hidden_layers", "value": [4]}, s)
    assert not done({"kind": "setting", "name": "hidden_layers", "value": [4, 2]}, s)


@pytest.mark.parametrize(
    "w1, w2, direction, expected",
    [
        (1.0, 0.0, "vertical", True),
        (-2.0, 0.1, "vertical", True),  # tilted under 3°
        (1.0, 0.2, "vertical", False),  # tilted over 11°
        (0.0, 0.0, "vertical", False),  # no line at all
        (0.0, 1.5, "horizontal", True),
        (1.0, 0.0, "horizontal", False),
    ],
)
def test_a_neuron_draws_a_vertical_line_when_its_x2_weight_is_small_next_to_its_x1_weight(
    w1, w2, direction, expected
):
    s = Session({"hidden_layers": [3]})
    s.set_weight(0, 0, 1, w1)
    s.set_weight(0, 1, 1, w2)
    assert done({"kind": "neuron_line", "unit": 1, "direction": direction}, s) is expected


def test_a_neuron_with_other_features_draws_no_line():
    s = Session({"hidden_layers": [3], "features": ["x1", "x2", "x1^2"]})
    s.set_weight(0, 1, 0, 0.0)
    assert not done({"kind": "neuron_line", "direction": "vertical"}, s)


def test_stepping_through_counts_only_steps_explained_since_the_step_began():
    s = Session()
    point = int(s.workspace.train[0])
    s.explain(point)
    baseline = Baseline.of(s)
    explained = {"kind": "step_through", "stage": "explained"}
    applied = {"kind": "step_through", "stage": "applied"}
    assert not done(explained, s, baseline)
    record = s.explain(point)
    assert done(explained, s, baseline) and not done(applied, s, baseline)
    s.apply_step(record.id)
    assert done(applied, s, baseline)


def test_drawing_points_counts_the_drawn_points_of_each_class():
    s = Session({"classes": 2})
    s.new_drawing()
    task = {"kind": "draw_points", "at_least": 2}
    for x in (-2.0, -1.0, 1.0):
        s.add_point([x, 0.0], 0)
    s.add_point([1.0, 1.0], 1)
    assert not done(task, s)
    s.add_point([2.0, 1.0], 1)
    assert done(task, s)


def test_data_of_ones_own_is_drawn_points_or_a_loaded_file_and_may_need_an_accuracy():
    s = Session({"classes": 2, "hidden_layers": []})
    assert not done({"kind": "own_data", "at_least": 1}, s)  # generated points are not
    rows = "".join(f"{x},{y},{'a' if x < 0 else 'b'}\n" for x in (-2, -1, 1, 2) for y in (0, 1))
    s.load_data("mine.csv", "x,y,label\n" + rows)
    assert done({"kind": "own_data", "at_least": 8}, s)
    assert not done({"kind": "own_data", "at_least": 8, "percent": 100}, s)
    for _ in range(200):
        s.step()
    assert done({"kind": "own_data", "at_least": 8, "percent": 100}, s)
    s.new_drawing()
    s.add_point([1.0, 1.0], 0)
    assert done({"kind": "own_data", "at_least": 1}, s)
    assert not done({"kind": "own_data", "at_least": 2}, s)


def test_a_neuron_of_the_first_layer_is_the_output_neuron_when_there_is_no_hidden_layer():
    task = read_task({"kind": "neuron_line", "direction": "vertical"})
    assert task.said_on(Session({"hidden_layers": []})) == (
        "Make the output neuron draw a vertical line (tilted 5° at most)."
    )
    assert task.said_on(Session({"hidden_layers": [3]})) == task.sentence
    softmax = Session({"hidden_layers": [], "dataset": "blobs", "classes": 3})
    second = read_task({"kind": "neuron_line", "unit": 1, "direction": "horizontal"})
    name = softmax.data_view().class_names[1]
    assert second.said_on(softmax).startswith(f"Make the output for class {name} draw")


def test_an_export_task_is_done_by_an_export_of_a_format_it_names_never_by_the_state():
    s = Session()
    both = read_task({"kind": "exported", "format": ["ml5", "sketch"]})
    assert not both.done(s, Baseline.of(s))
    assert both.done_by_export("ml5") and both.done_by_export("sketch")
    assert not both.done_by_export("weights_csv")
    assert read_task({"kind": "exported"}).done_by_export("weights_csv")
    assert not read_task({"kind": "accuracy", "percent": 9}).done_by_export("ml5")


def test_the_export_names_a_task_may_use_are_the_sessions_exports():
    assert list(EXPORT_LABELS) == list(EXPORTS)
