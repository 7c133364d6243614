"""Scenes: set up through the session's own calls, in order, and a refused part names itself."""

import numpy as np
import pytest

from glassnet.lessons import Highlight, Scene, parse_lesson
from glassnet.lessons.scenes import SceneError, apply_scene, hidden_by_step, highlight_problem
from glassnet.session import Session


def test_points_make_an_empty_drawing_with_as_many_classes_as_they_use():
    s = Session()
    apply_scene(s, Scene({}, points=((-1, 1, 0), (1, 1, 2), (0, -2, 1))))
    assert s.settings.dataset == "custom" and s.settings.classes == 3
    assert s.points.n_drawn == 3 and s.points.base.n_points == 0
    apply_scene(s, Scene({}, points=()))
    assert s.points.n_drawn == 0 and s.settings.classes == 2


def test_classes_named_in_the_settings_win_over_the_points():
    s = Session()
    apply_scene(s, Scene({"classes": 4}, points=((-1, 1, 0), (1, 1, 1))))
    assert s.settings.classes == 4 and s.network.layer_sizes[-1] == 4


def test_a_reset_comes_after_the_settings_and_before_the_weights():
    s = Session({"hidden_layers": [2]})
    first = [p.copy() for p in s.network.parameters()]
    s.step()
    apply_scene(s, Scene({"learning_rate": 0.5}, reset=True, weights=((0, 0, 0, 2.0),)))
    assert s.epoch == 0 and s.settings.learning_rate == 0.5
    assert s.network.layers[0].weights[0, 0] == 2.0
    np.testing.assert_array_equal(s.network.layers[1].weights, first[2])


@pytest.mark.parametrize(
    "scene, key",
    [
        (Scene({"activations": ["relu", "relu", "relu"]}), "settings"),
        (Scene({}, points=((0, 0, 7),)), "points"),
        (Scene({}, weights=((0, 5, 0, 1.0),)), "weights"),
        (Scene({}, biases=((0, 0, 5000.0),)), "biases"),
        (Scene({}, highlight=Highlight(layer=0, source=0, target=9)), "highlight"),
    ],
)
def test_a_part_the_session_refuses_names_itself(scene, key):
    with pytest.raises(SceneError) as caught:
        apply_scene(Session(), scene)
    assert caught.value.key == key


def test_a_highlight_must_name_a_neuron_or_weight_of_the_network():
    s = Session({"hidden_layers": [3]})  # layer sizes [2, 3, 1]
    assert highlight_problem(s, Highlight(control="noise")) is None
    assert highlight_problem(s, Highlight(layer=1, source=2, target=0)) is None
    assert "has 2 inputs there (0 to 1)" in highlight_problem(
        s, Highlight(layer=0, source=2, target=0)
    )
    assert "the network has 2 layers of weights (0 to 1)" in highlight_problem(
        s, Highlight(layer=2, unit=0)
    )


def test_controls_hidden_by_one_step_stay_hidden_until_a_later_step_shows_them():
    steps = [
        ('hide = ["noise", "speed"]', "One"),
        ('show = ["noise"]', "Two"),
        ("", "Three"),
    ]
    front = "".join(f'[[steps]]\ntitle = "{t}"\n[steps.scene]\n{scene}\n' for scene, t in steps)
    body = "".join(f"## {t}\n\nText.\n\n" for _, t in steps)
    lesson = parse_lesson(f'+++\ntitle = "Hiding"\n{front}+++\n\n{body}', "hiding.md")
    assert hidden_by_step(lesson) == [("speed", "noise"), ("speed",), ("speed",)]
