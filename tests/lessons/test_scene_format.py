"""A step's scene read from its table: values checked, mistakes named by the key's path."""

import pytest

from glassnet.lessons.scene_format import Highlight, read_scene


class Mistake(Exception):
    """What read_scene's ``fail`` was called with: the path and the reason."""


def fail(path, reason):
    raise Mistake(path, reason)


def test_a_scene_is_read_into_checked_values():
    table = {
        "settings": {"learning_rate": 0.1, "hidden_layers": [3]},
        "weights": [[0, 1, 2, 0.5]],
        "biases": [[1, 0, -1]],
        "hide": ["learningRate"],
        "highlight": [0, 1, 2],
    }
    scene = read_scene(table, ("steps", 0, "scene"), fail, None)
    assert scene.settings["learning_rate"] == 0.1
    assert list(scene.settings["hidden_layers"]) == [3]
    assert scene.weights == ((0, 1, 2, 0.5),) and scene.biases == ((1, 0, -1.0),)
    assert scene.hide == ("learningRate",) and scene.show == ()
    assert scene.highlight == Highlight(layer=0, source=1, target=2)
    assert scene.points is None and scene.reset is False and scene.network is None


@pytest.mark.parametrize(
    ("table", "where", "words"),
    [
        ({"colour": 1}, ("colour",), "no key 'colour'"),
        ({"settings": {"speed_of_light": 1}}, ("settings", "speed_of_light"), "Unknown setting"),
        ({"hide": ["nope"]}, ("hide",), "Unknown control 'nope'"),
        ({"points": [[99, 0, 1]]}, ("points", 0), "point 1 must be"),
        ({"show": ["learningRate"], "hide": ["learningRate"]}, ("hide",), "both show and hide"),
    ],
)
def test_a_mistake_is_given_to_fail_with_the_path_of_its_key(table, where, words):
    with pytest.raises(Mistake) as info:
        read_scene(table, ("steps", 1, "scene"), fail, None)
    path, reason = info.value.args
    assert path == ("steps", 1, "scene", *where) and words in reason
