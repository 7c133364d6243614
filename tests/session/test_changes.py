"""What a change of settings does: drawn points carried over, data and network rebuilt or kept."""

import pytest

from glassnet.session import SessionError, Settings
from glassnet.session.changes import carry_drawn, next_seed, plan_change, points_for
from glassnet.session.edits import add_point
from glassnet.session.points import Points
from glassnet.session.rules import describe
from glassnet.session.workspace import Workspace, empty_dataset, generated_points

CIRCLE = generated_points(Settings())


def test_drawn_points_move_to_new_data_when_they_fit_and_are_announced_when_not():
    drawn = add_point(Points.of(empty_dataset("classification", 3), "drawn"), [1, 1], 2,
                      "multiclass", 3)  # fmt: skip
    drawn = add_point(drawn, [2, 2], 0, "multiclass", 3)
    carried, notices = carry_drawn(drawn, CIRCLE)
    assert carried.n_drawn == 1 and "1 drawn points of classes" in notices[0]
    sine = generated_points(Settings().replace(dataset="sine", problem="regression"))
    carried, notices = carry_drawn(drawn, sine)
    assert carried.n_drawn == 0 and "do not fit this regression data" in notices[0]


def test_custom_points_of_the_right_kind_are_kept():
    s = Settings().replace(dataset="custom")
    drawn = Points.of(empty_dataset("classification", 2), "drawn")
    same, _ = points_for(s.replace(classes=2), drawn, describe(s.replace(classes=2), drawn))
    assert same is drawn


def test_a_settings_change_is_planned_from_what_it_rebuilds():
    s = Settings()
    w = Workspace.build(s, CIRCLE)
    rate = plan_change(s, s.replace(learning_rate=0.3), w, trained=True)
    assert not rate.new_network and rate.workspace.same_data(w) and rate.notices == []
    layers = plan_change(s, s.replace(hidden_layers=(3,), activations=("tanh",)), w, True)
    assert layers.new_network and not layers.new_data and layers.undo_label == "Change layers"
    assert "shape of its weights changed" in layers.notices[0]
    noise = plan_change(s, s.replace(noise=20), w, trained=False)
    assert noise.new_data and noise.notices == []


def test_regenerating_moves_the_seed_on_and_is_refused_for_drawn_points():
    assert next_seed(Settings()) == {"seed": 2}
    with pytest.raises(SessionError, match="cannot be regenerated"):
        next_seed(Settings().replace(dataset="custom"))
