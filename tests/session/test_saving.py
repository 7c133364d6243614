"""Saving a session and restoring it gives back exactly the same network, data and history."""

import json
from pathlib import Path

import numpy as np
import pytest

from glassnet import limits
from glassnet.session import Session, SessionError
from glassnet.session.history import History


def trained(settings, epochs=4):
    s = Session(settings)
    for _ in range(epochs):
        s.step()
    return s


def round_trip(document):
    return json.loads(json.dumps(document))


@pytest.mark.parametrize(
    "settings",
    [
        {"dataset": "spiral", "optimizer": "adam", "hidden_layers": [6, 6]},
        {"dataset": "blobs", "classes": 4, "optimizer": "momentum"},
        {"dataset": "sine", "hidden_layers": [8]},
        {"dataset": "multi_gauss", "regularization": "l2", "regularization_rate": 0.01},
    ],
)
def test_a_restored_session_has_the_same_weights_predictions_and_next_step(settings):
    original = trained(settings)
    copy = Session()
    copy.restore(round_trip(original.save()))
    for a, b in zip(original.network.parameters(), copy.network.parameters()):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(
        original.network.predict(original.workspace.features),
        copy.network.predict(copy.workspace.features),
    )
    assert copy.epoch == original.epoch and copy.history.epochs == original.history.epochs
    original.step()
    copy.step()
    for a, b in zip(original.network.parameters(), copy.network.parameters()):
        np.testing.assert_array_equal(a, b)


def test_drawn_loaded_and_removed_points_come_back():
    s = Session()
    s.load_data("d.csv", "a,b,label\n0,0,x\n1,1,y\n2,0,x\n3,3,y\n")
    s.add_point([5.0, 5.0], 1)
    s.remove_point(0)
    copy = Session()
    copy.restore(round_trip(s.save()))
    assert copy.points.source == "file" and copy.points.base.name == "d.csv"
    np.testing.assert_array_equal(copy.points.all_inputs(), s.points.all_inputs())
    assert copy.points.removed == {0}
    assert copy.points.base.normalization == s.points.base.normalization
    assert list(copy.workspace.train) == list(s.workspace.train)


def test_restoring_is_undoable():
    s = trained({"dataset": "xor"})
    other = trained({"dataset": "circle"}, epochs=2).save()
    s.restore(other)
    assert s.settings.dataset == "circle"
    s.undo()
    assert s.settings.dataset == "xor" and s.epoch == 4


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda d: d.update(format="ml5"), "not a glassnet session file"),
        (lambda d: d.update(version=99), "format version 99; this glassnet"),
        (lambda d: d.pop("network"), "damaged"),
        (lambda d: d["network"]["parameters"].pop(), "damaged"),
        (lambda d: d["network"]["parameters"][0][0].__setitem__(0, "x"), "damaged"),
        (
            lambda d: d["settings"].update(hidden_layers=[3], activations=["tanh"]),
            "does not fit its settings",
        ),
        (lambda d: d["points"].update(targets=[7] * 500), "damaged"),
        (lambda d: d["training"].update(epoch=-3), "damaged"),
        (lambda d: d["history"]["epochs"].append(9), "different lengths"),
        (lambda d: d["settings"].update(learning_rate="fast"), "damaged"),
    ],
)
def test_a_damaged_or_foreign_document_is_refused_and_nothing_changes(damage, message):
    s = trained({"dataset": "spiral"})
    document = round_trip(s.save())
    damage(document)
    before = [p.copy() for p in s.network.parameters()]
    settings = s.settings
    with pytest.raises(SessionError, match=message):
        s.restore(document)
    assert s.settings == settings and s.undo_label is None
    for a, b in zip(before, s.network.parameters()):
        np.testing.assert_array_equal(a, b)


def test_a_document_without_history_is_small_and_restores_the_network():
    s = trained({"dataset": "circle"}, epochs=50)
    full, small = s.save(), s.save(include_history=False)
    assert len(json.dumps(small)) < len(json.dumps(full))
    copy = Session()
    copy.restore(small)
    np.testing.assert_array_equal(copy.network.layers[0].weights, s.network.layers[0].weights)


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda d: d["history"].update(stride=0), "stride must be a whole number of at least 1"),
        (lambda d: d["history"].update(stride=float("inf")), "stride must be a whole number"),
        (lambda d: d["training"].update(epoch=float("inf")), "epoch must be a whole number"),
        (lambda d: d["points"].update(drawn_inputs=[[1.0, 1.0]], drawn_targets=[99]), "damaged"),
        (lambda d: d["points"].update(drawn_inputs=[[1e300, 1.0]], drawn_targets=[0]), "damaged"),
    ],
)
def test_values_that_would_break_the_session_later_are_refused_up_front(damage, message):
    s = trained({"dataset": "blobs"})
    assert_refused(s, damage, message)
    s.step()  # and it trains on


def assert_refused(s, damage, message):
    """A damaged copy of the session's own document is refused, and nothing changes."""
    document = round_trip(s.save())
    damage(document)
    before = s.settings
    with pytest.raises(SessionError, match=message):
        s.restore(document)
    assert s.settings == before and s.undo_label is None


def test_a_kept_history_that_runs_ahead_of_its_weights_is_cut_back():
    s = trained({"dataset": "circle"}, epochs=5)
    document = s.save()
    document["history"]["epochs"] += [6, 7]
    for name in ("train_loss", "test_loss", "train_accuracy", "test_accuracy"):
        document["history"][name] += [0.1, 0.1]
    copy = Session()
    copy.restore(json.loads(json.dumps(document)))
    assert copy.history.epochs == [0, 1, 2, 3, 4, 5]


def test_l1_pinned_weights_stay_pinned_after_save_restore_and_undo():
    settings = {"regularization": "l1_pin", "regularization_rate": 0.3, "learning_rate": 0.3}
    original = trained(settings, epochs=20)
    assert any(m.any() for m in original.trainer.pinned)
    copy = Session()
    copy.restore(round_trip(original.save()))
    original.reset()
    original.undo()
    for _ in range(5):
        original.step()
        copy.step()
    for a, b in zip(original.network.parameters(), copy.network.parameters()):
        np.testing.assert_array_equal(a, b)


def test_a_session_of_drawn_points_only_round_trips():
    s = Session({"dataset": "custom", "classes": 2})
    s.add_point([1.0, 1.0], 0)
    s.add_point([-1.0, -1.0], 1)
    s.step()
    copy = Session()
    copy.restore(round_trip(s.save()))
    assert copy.points.n_drawn == 2 and copy.points.base.n_points == 0
    np.testing.assert_array_equal(copy.points.all_targets(), [0, 1])


FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.mark.parametrize("name", ["session-v1-drawn", "session-v1-xor", "session-v1-file"])
def test_a_session_file_of_format_version_1_still_loads_exactly(name):
    # Written by glassnet 0.1.0 before settings became data; kept to hold us to it.
    document = json.loads((FIXTURES / f"{name}.json").read_text())
    s = Session()
    s.restore(document)
    assert s.settings.to_dict() == document["settings"]
    assert s.epoch == document["training"]["epoch"]
    saved = document["network"]["parameters"]
    for mine, theirs in zip(s.network.parameters(), saved):
        np.testing.assert_array_equal(mine, np.array(theirs))
    assert s.history.epochs == document["history"]["epochs"]
    base = np.array(document["points"]["inputs"]).reshape(-1, 2)
    np.testing.assert_array_equal(s.points.all_inputs()[: len(base)], base)
    again = s.save()
    assert again["training"] == document["training"]  # optimizer memory and shuffling too
    s.step()  # and it trains on from there


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda d: d["points"].update(normalization={"input_min": [float("nan"), 0],
          "input_max": [1, 1], "target_min": None, "target_max": None}), "normalization range"),
        (lambda d: d["points"].update(input_names=[float("nan"), "b"]), "input names"),
        (lambda d: d["training"]["optimizer"].update(
            velocity=[[[float("nan")] * 4] * 2, [0] * 4, [[0]] * 4, [0]]), "not a finite number"),
        (lambda d: d["points"].update(drawn_inputs=[[1.0, 1.0]] * 4600,
                                      drawn_targets=[0] * 4600), "more than 5000 points"),
        (lambda d: d["history"].update(epochs=[0, 0, 1, 2, 3]), "do not go up"),
        # 5,000 points, every one removed, and 5,000 drawn: 10,000 held.
        (lambda d: d["points"].update(inputs=[[0.5, 0.5]] * 5000, targets=[0, 1] * 2500,
                                      removed=list(range(5000)), drawn_inputs=[[1.0, 1.0]] * 5000,
                                      drawn_targets=[0] * 5000), "more than 5000 points"),
        (lambda d: d["points"].update(name=float("nan")), "name must be text"),
        (lambda d: d["points"].update(class_names=[float("nan"), "b"]), "class names"),
        (lambda d: d["training"]["optimizer"].update(t=float("nan")), "training state"),
    ],
)  # fmt: skip
def test_numbers_and_names_that_would_break_the_session_later_are_refused(damage, message):
    assert_refused(trained({"dataset": "xor", "optimizer": "momentum", "hidden_layers": [4]}),
                   damage, message)  # fmt: skip


def test_a_history_far_longer_than_a_session_keeps_is_thinned_on_the_way_in():
    s = trained({"dataset": "circle"}, epochs=1)
    document = s.save()
    n = 3 * limits.MAX_HISTORY
    document["training"]["epoch"] = n - 1
    document["history"] = {"stride": 1, "epochs": list(range(n)),
                           **{k: [0.5] * n for k in History.SERIES[1:]}}  # fmt: skip
    copy = Session()
    copy.restore(document)
    assert len(copy.history) < limits.MAX_HISTORY and copy.history.stride == 4


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda d: d["points"].update(input_names=["x" * 5000, "y"]), "at most .* characters"),
        (lambda d: d["points"]["class_names"].__setitem__(0, "c" * 5000), "at most .* characters"),
        (lambda d: d["points"]["class_names"].__setitem__(0, 7), "class names must be"),
    ],
)
def test_names_too_long_or_not_text_are_refused(damage, message):
    assert_refused(trained({"dataset": "blobs"}), damage, message)


def test_a_negative_second_moment_of_adam_is_refused():
    s = trained({"optimizer": "adam"})
    document = round_trip(s.save())
    document["training"]["optimizer"]["second_moment"][0][0][0] = -1.0
    with pytest.raises(SessionError, match="second moments must be 0 or more"):
        s.restore(document)
