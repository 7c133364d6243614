"""A session's views are snapshots in Python's words, made from the real objects."""

import numpy as np

from glassnet.session import Session


def test_a_frame_view_holds_the_networks_own_numbers_as_a_copy():
    s = Session({"hidden_layers": [3]})
    frame = s.frame()
    flat = np.concatenate([p.ravel() for p in s.network.parameters()])
    np.testing.assert_array_equal(frame.network.parameters, flat)
    assert frame.network.layer_sizes == [2, 3, 1] and frame.network.features == ("x1", "x2")
    s.step()
    assert not np.array_equal(frame.network.parameters, s.frame().network.parameters)
    assert frame.epoch == 0 and s.frame().epoch == 1


def test_metrics_and_alerts_say_what_they_mean():
    s = Session({"dataset": "custom"})
    s.step()
    assert s.frame().alert.kind == "no_data" and s.frame().alert.pauses
    assert s.frame().metrics.as_dict() == {
        "train_loss": None, "test_loss": None, "train_accuracy": None, "test_accuracy": None,
    }  # fmt: skip


def test_a_data_view_names_the_classes_of_drawn_points():
    s = Session({"dataset": "custom", "classes": 4})
    s.add_point([1.0, 1.0], 3)
    view = s.data_view()
    assert view.class_names == ("0", "1", "2", "3") and view.n_base == 0
    assert view.train.tolist() == [0] and view.kind == "multiclass"
