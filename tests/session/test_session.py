"""The session: settings, training, data edits, typed weights, undo, divergence."""

import numpy as np
import pytest

from glassnet.session import Session, SessionError
from glassnet.session.workspace import measure


class FakeClock:
    """A clock the test moves by hand, so speeds can be checked without waiting."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def params(session):
    return [p.copy() for p in session.network.parameters()]


def same(a, b):
    return len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b))


def test_a_new_session_is_set_up_on_circle_and_ready_to_play():
    s = Session()
    assert s.settings.dataset == "circle"
    assert s.network.layer_sizes == [2, 4, 2, 1]
    assert len(s.workspace.train) == 250 and len(s.workspace.test) == 250
    assert s.epoch == 0 and not s.playing
    assert 0.5 < s.metrics.train_loss < 1.0


def test_stepping_trains_one_epoch_and_lowers_the_loss():
    s = Session()
    before = s.metrics.train_loss
    for _ in range(30):
        s.step()
    assert s.epoch == 30
    assert s.metrics.train_loss < before
    assert len(s.history) == 31  # epoch 0 and one entry per epoch


def test_two_sessions_with_the_same_settings_train_bit_identically():
    a, b = Session({"dataset": "spiral", "seed": 7}), Session({"dataset": "spiral", "seed": 7})
    for _ in range(5):
        a.step()
        b.step()
    assert same(params(a), params(b))
    assert a.metrics == b.metrics


def test_advance_trains_at_the_chosen_speed_and_not_faster():
    clock = FakeClock()
    s = Session({"speed": 10}, clock=clock)
    s.play()
    assert s.advance(1.0) == 1  # the first epoch is due at once
    assert s.advance(1.0) == 0
    clock.now = 0.35
    assert s.advance(1.0) == 3
    assert s.seconds_until_due() == pytest.approx(0.05)
    s.pause()
    clock.now = 5
    assert s.advance(1.0) == 0


class TickingClock(FakeClock):
    """A clock that moves on by 10 ms each time it is read: an epoch "takes" time."""

    def __call__(self):
        self.now += 0.01
        return self.now


def test_advance_at_max_speed_trains_until_the_budget_is_spent():
    s = Session({"speed": "max"}, clock=TickingClock())
    s.play()
    # The clock is read once at the start and once after each epoch: 5 epochs fill 50 ms.
    assert s.advance(0.05) == 5
    assert s.seconds_until_due() == 0


def test_changing_the_learning_rate_keeps_the_weights():
    s = Session()
    s.step()
    before = params(s)
    notices = s.change_settings({"learning_rate": 0.3, "activations": ["relu", "relu"]})
    assert notices == []
    assert same(before, params(s))
    assert s.trainer.learning_rate == 0.3
    assert s.network.activation_names == ["relu", "relu", "sigmoid"]
    assert s.epoch == 1


def test_adding_a_layer_resets_the_network_says_so_and_undo_brings_it_back():
    s = Session()
    for _ in range(3):
        s.step()
    trained = params(s)
    notices = s.change_settings({"hidden_layers": [4, 2, 3]})
    assert "reset" in notices[0] and "Undo" in notices[0]
    assert s.network.layer_sizes == [2, 4, 2, 3, 1]
    assert s.settings.activations == ("tanh", "tanh", "tanh")
    assert s.epoch == 0
    s.undo()
    assert s.network.layer_sizes == [2, 4, 2, 1]
    assert same(trained, params(s))
    assert s.epoch == 3
    s.redo()
    assert s.network.layer_sizes == [2, 4, 2, 3, 1]


def test_reset_gives_the_same_first_weights_for_the_same_seed_and_is_undoable():
    s = Session()
    first = params(s)
    s.step()
    trained = params(s)
    s.reset()
    assert same(first, params(s)) and s.epoch == 0
    s.undo()
    assert same(trained, params(s)) and s.epoch == 1


def test_undo_after_training_on_restores_the_history_too():
    s = Session()
    for _ in range(4):
        s.step()
    s.reset()
    s.undo()
    assert s.history.epochs == [0, 1, 2, 3, 4]


def test_regenerate_makes_new_points_and_undo_brings_the_old_ones_back():
    s = Session()
    old = s.points.all_inputs().copy()
    s.regenerate()
    assert s.settings.seed == 2
    assert not np.array_equal(old, s.points.all_inputs())
    s.undo()
    assert s.settings.seed == 1
    np.testing.assert_array_equal(old, s.points.all_inputs())


def test_drawn_points_are_always_trained_on():
    s = Session({"dataset": "custom", "classes": 2})
    assert s.points.base.n_points == 0
    s.add_point([2.0, 2.0], 1)
    s.add_point([-2.0, -2.0], 0)
    assert list(s.workspace.train) == [0, 1] and len(s.workspace.test) == 0
    for _ in range(50):
        s.step()
    out = s.network.predict(s.workspace.features)
    assert out[0, 0] > 0.5 > out[1, 0]
    assert s.metrics.train_accuracy == 1.0
    assert s.metrics.test_loss is None


def test_points_drawn_on_a_generated_set_survive_a_noise_change():
    s = Session()
    s.add_point([5.5, 5.5], 1)
    s.change_settings({"noise": 20})
    assert s.points.n_drawn == 1
    assert s.points.all_targets()[-1] == 1


def test_clearing_points_is_undoable():
    s = Session({"dataset": "custom"})
    s.add_point([1.0, 1.0], 0)
    s.add_point([1.0, -1.0], 1)
    s.clear_points()
    assert s.points.n_drawn == 0
    s.undo()
    assert s.points.n_drawn == 2


def test_removing_a_generated_point_takes_it_out_of_training_and_testing():
    s = Session()
    index = int(s.workspace.train[0])
    s.remove_point(index)
    assert index not in s.workspace.train and index not in s.workspace.test
    with pytest.raises(SessionError, match="already removed"):
        s.remove_point(index)


def test_a_typed_weight_changes_the_prediction_and_undo_restores_it():
    s = Session()
    x = s.workspace.features[:5]
    before = s.network.predict(x)
    s.set_weight(1, 0, 1, 3.5)
    assert s.network.layers[1].weights[0, 1] == 3.5
    assert not np.allclose(before, s.network.predict(x))
    assert s.undo_label == "Edit weight"
    s.undo()
    np.testing.assert_array_equal(before, s.network.predict(x))


def test_the_edits_of_one_drag_are_one_undo_step():
    s = Session()
    before = params(s)
    for value in (0.5, 1.0, 1.5):
        s.set_weight(1, 0, 1, value, drag=7)
    for value in (-1.0, -2.0):
        s.set_bias(2, 0, value, drag=7)
    assert len(s.undo_stack.undo) == 2  # the weight's drag, then the bias's drag
    s.undo()
    assert s.network.layers[1].weights[0, 1] == 1.5 and s.network.layers[2].biases[0] != -2.0
    s.undo()
    assert same(before, params(s))


def test_a_new_drag_or_an_edit_between_starts_a_new_undo_step():
    s = Session()
    s.set_weight(1, 0, 1, 0.5, drag=1)
    s.set_weight(1, 0, 1, 0.7, drag=2)  # another drag of the same weight
    s.set_weight(1, 0, 1, 0.9)  # typed
    s.set_weight(1, 0, 1, 1.1, drag=2)  # the same number again, after an edit: a new step
    assert len(s.undo_stack.undo) == 4
    s.undo()
    assert s.network.layers[1].weights[0, 1] == 0.9


def test_a_typed_bias_takes_effect_at_once():
    s = Session()
    s.set_bias(2, 0, -4.0)
    assert s.network.layers[2].biases[0] == -4.0
    assert s.metrics.train_accuracy == pytest.approx(0.5, abs=0.1)


def test_a_divergent_learning_rate_pauses_explains_and_recovers_when_lowered():
    s = Session(
        {"dataset": "plane", "learning_rate": 10.0, "hidden_layers": [8, 8], "speed": "max"}
    )
    s.play()
    s.advance(2.0)
    assert not s.playing
    assert s.alert.kind == "diverged"
    assert "learning rate (10) is too high" in s.alert.message
    assert all(np.isfinite(p).all() for p in s.network.parameters())
    s.change_settings({"learning_rate": 0.01})
    s.reset()
    s.play()
    s.advance(0.2)
    assert s.alert is None and np.isfinite(s.metrics.train_loss)


def test_a_three_class_dataset_gets_a_softmax_output_with_three_neurons():
    s = Session({"dataset": "blobs"})
    assert s.workspace.kind == "multiclass"
    assert s.network.layer_sizes[-1] == 3
    assert (s.settings.output_activation, s.settings.loss) == (
        "softmax",
        "categorical_crossentropy",
    )
    s.change_settings({"dataset": "circle"})
    assert s.settings.output_activation == "sigmoid" and s.network.layer_sizes[-1] == 1


def test_a_tanh_output_learns_minus_one_and_plus_one_targets():
    s = Session({"output_activation": "tanh"})
    assert s.settings.loss == "mse"
    assert set(np.unique(s.workspace.targets)) == {-1.0, 1.0}


def test_one_dimensional_data_keeps_only_x1_features_and_gets_them_back_after():
    s = Session({"dataset": "sine", "features": ["x1", "x2", "x1^2"]})
    assert s.settings.features == ("x1", "x1^2")
    assert s.network.layer_sizes[0] == 2
    assert s.settings.output_activation == "linear"
    with pytest.raises(SessionError, match="only x1, x1\\^2 and sin\\(x1\\)"):
        s.change_settings({"features": ["x2"]})
    s.change_settings({"dataset": "spiral"})
    assert s.settings.features == ("x1", "x2")


def test_loading_a_csv_switches_to_its_points_and_classes():
    s = Session()
    s.load_data("pets.csv", "weight,height,kind\n1,2,cat\n3,4,dog\n5,1,cat\n2,2,bird\n")
    assert s.settings.dataset == "custom"
    assert s.points.source == "file"
    assert s.workspace.kind == "multiclass" and s.network.layer_sizes[-1] == 3
    assert "Loaded 4 points from pets.csv." in s.take_notices()
    s.undo()
    assert s.settings.dataset == "circle"


def test_a_broken_csv_is_refused_with_its_row_and_nothing_changes():
    s = Session()
    before = s.points
    with pytest.raises(SessionError, match="row 3"):
        s.load_data("bad.csv", "a,b,label\n1,2,x\n3,4\n")
    assert s.points is before and s.undo_label is None


def test_a_file_with_more_than_two_inputs_trains_on_all_of_them_and_can_step():
    s = Session()
    s.load_data("wide.csv", "a,b,c,d,label\n1,2,3,0,x\n4,5,6,1,y\n2,2,9,1,x\n")
    assert s.points.n_inputs == 4
    assert s.settings.features == ("x1", "x2", "x3", "x4")
    assert s.network.layer_sizes[0] == 4
    s.step()
    record = s.explain(0)
    assert len(record.raw) == 4 and record.feature_names == ("x1", "x2", "x3", "x4")
    s.add_point([0.5, -1, 2, 3], 1)  # a drawn point has a value for every input
    assert s.points.n_drawn == 1


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"learning_rate": float("nan")}, "learning_rate must be a number above 0"),
        ({"learning_rate": -1}, "learning_rate must be a number above 0"),
        ({"hidden_layers": [4] * 11}, "hidden_layers may have at most 10 layers"),
        ({"hidden_layers": [40]}, "1 to 32"),
        ({"hidden_layers": "4,2"}, "hidden_layers must be a list, such as \\[4, 2\\]"),
        ({"dataset": "mnist"}, "allowed: circle, xor"),
        ({"features": []}, "non-empty list"),
        ({"features": ["cos(x1)"]}, "allowed: x1, x2"),
        ({"features": ["x1", "x3"]}, "has 2 inputs, x1 to x2, so x3 cannot be a feature"),
        ({"features": ["x1", "x1"]}, "lists a feature twice"),
        ({"noise": 80}, "from 0 to 50"),
        ({"batch_size": 0}, "from 1 to 5,000"),
        ({"speed": 7}, "speed cannot be 7; allowed: 1, 2, 5"),
        ({"speed": True}, "speed cannot be True"),
        ({"classes": 7}, "classes must be a whole number from 2 to 6"),
        ({"activations": ["tanh"]}, "one activation per hidden layer"),
        ({"output_activation": "softmax"}, "binary problem cannot use a softmax output"),
        ({"loss": "categorical_crossentropy"}, "cannot use"),
        ({"wings": 2}, "Unknown setting 'wings'"),
        ({"show_test": "yes"}, "true or false"),
    ],
)
def test_bad_settings_are_refused_with_what_is_allowed_and_nothing_changes(changes, message):
    s = Session()
    s.step()
    before_settings, before_params = s.settings, params(s)
    with pytest.raises(SessionError, match=message):
        s.change_settings(changes)
    assert s.settings == before_settings
    assert same(before_params, params(s))


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda s: s.add_point([9.0, 0.0], 0), "from -6 to 6"),
        (lambda s: s.add_point([1.0], 0), "needs 2 coordinates"),
        (lambda s: s.add_point([1.0, 1.0], 5), "from 0 to 1"),
        (lambda s: s.add_point([1.0, float("nan")], 0), "from -6 to 6"),
        (lambda s: s.remove_point(99999), "numbered 0 to 499"),
        (lambda s: s.set_weight(7, 0, 0, 1.0), "layer must be a whole number from 0 to 2"),
        (lambda s: s.set_weight(0, 0, 9, 1.0), "target must be a whole number from 0 to 3"),
        (lambda s: s.set_weight(0, 0, 0, float("inf")), "from -1000 to 1000"),
        (lambda s: s.set_bias(0, 0, "big"), "from -1000 to 1000"),
        (lambda s: s.undo(), "nothing to undo"),
        (lambda s: s.redo(), "nothing to redo"),
    ],
)
def test_bad_requests_are_refused_with_a_clear_message(call, message):
    s = Session()
    with pytest.raises(SessionError, match=message):
        call(s)
    assert s.undo_label is None


def test_a_new_drawing_replaces_loaded_points_and_is_undoable():
    s = Session()
    s.load_data("d.csv", "a,b,label\n0,0,x\n1,1,y\n2,0,x\n")
    s.new_drawing()
    assert s.settings.dataset == "custom" and s.points.source == "drawn"
    assert s.points.base.n_points == 0
    s.undo()
    assert s.points.source == "file"


def test_after_a_divergence_a_smaller_learning_rate_trains_again_without_a_reset():
    s = Session(
        {
            "dataset": "plane",
            "optimizer": "momentum",
            "learning_rate": 10.0,
            "speed": "max",
            "hidden_layers": [8, 8],
        }  # fmt: skip
    )
    s.play()
    s.advance(2.0)
    assert s.alert.kind == "diverged"
    s.change_settings({"learning_rate": 0.0001})
    for _ in range(5):
        s.step()
    assert s.alert is None or s.alert.kind == "unstable"  # no new divergence
    assert np.isfinite(s.metrics.train_loss)


def test_a_divergence_in_the_first_epoch_of_a_slice_still_reaches_the_view():
    s = Session({"dataset": "multi_gauss", "activations": ["relu", "relu"], "learning_rate": 10.0,
                 "speed": "max"})  # fmt: skip
    s.play()
    s.step()  # the first epoch goes well
    s.play()
    version = s.version
    s.advance(1.0)
    assert s.alert.kind == "diverged" and not s.playing
    assert s.version > version  # so a frame goes out


def test_weights_thrown_around_by_a_high_learning_rate_bring_a_warning_not_a_pause():
    s = Session({"dataset": "spiral", "activations": ["relu", "relu"], "learning_rate": 10.0,
                 "speed": "max"})  # fmt: skip
    s.play()
    for _ in range(20):
        s.advance(0.05)
        if s.alert:
            break
    assert s.alert.kind == "unstable" and "Lower the learning rate" in s.alert.message
    assert s.playing
    s.change_settings({"learning_rate": 0.03})
    s.reset()
    assert s.alert is None


def test_drawing_a_point_is_undoable_one_point_at_a_time():
    s = Session({"dataset": "custom", "classes": 2})
    s.add_point([1.0, 1.0], 0)
    s.add_point([2.0, 2.0], 1)
    assert s.undo_label == "Add point"
    s.undo()
    assert s.points.n_drawn == 1


def test_drawn_points_left_out_by_new_data_are_announced():
    s = Session({"dataset": "custom", "classes": 3})
    s.add_point([1.0, 1.0], 2)
    s.add_point([2.0, 2.0], 0)
    s.take_notices()
    s.change_settings({"dataset": "circle"})
    assert s.points.n_drawn == 1
    assert any("1 drawn points of classes" in n for n in s.take_notices())


def test_switching_the_output_to_tanh_measures_against_its_own_targets_at_once():
    s = Session()
    for _ in range(5):
        s.step()
    s.change_settings({"output_activation": "tanh"})
    assert s.metrics == measure(
        s.network, s.workspace
    )  # the shown numbers are those of the new targets
    assert set(np.unique(s.workspace.targets)) == {-1.0, 1.0}


def test_display_settings_leave_the_network_object_alone():
    s = Session()
    network = s.network
    s.change_settings({"discretize": True, "speed": 300, "learning_rate": 0.1})
    assert s.network is network
