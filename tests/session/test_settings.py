"""Settings as data: each kind of setting checks its values and says what is allowed."""

import dataclasses

import pytest

from glassnet import limits
from glassnet.data import MAX_NOISE
from glassnet.session import SETTINGS, Settings, SettingsError
from glassnet.session.settings import REBUILDS, check_values, rebuilt_by


def test_every_field_of_settings_is_a_declared_setting_with_its_default():
    fields = dataclasses.fields(Settings)
    assert [f.name for f in fields] == list(SETTINGS)
    defaults = Settings()
    for name, setting in SETTINGS.items():
        assert setting.name == name and setting.label and setting.help
        assert setting.rebuilds in REBUILDS
        assert getattr(defaults, name) == setting.default
        assert setting.check(setting.default) == setting.default  # a default is allowed


def test_limits_owned_elsewhere_are_referred_to_not_copied():
    assert SETTINGS["noise"].high == MAX_NOISE
    assert SETTINGS["hidden_layers"].high == limits.MAX_NEURONS
    assert SETTINGS["hidden_layers"].max_items == limits.MAX_HIDDEN_LAYERS
    assert SETTINGS["batch_size"].high == limits.MAX_POINTS


@pytest.mark.parametrize(
    "name, value, cleaned",
    [
        ("noise", 20.0, 20),  # a whole number given as 20.0
        ("learning_rate", 1, 1.0),
        ("speed", 60.0, 60),
        ("speed", "max", "max"),
        ("hidden_layers", [3, 2.0], (3, 2)),
        ("features", ["x1", "x5"], ("x1", "x5")),  # plain inputs of wider data
        ("show_test", True, True),
    ],
)
def test_values_are_cleaned_up_to_the_settings_own_types(name, value, cleaned):
    result = SETTINGS[name].check(value)
    assert result == cleaned and type(result) is type(cleaned)


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("noise", 51, "noise must be a whole number from 0 to 50; got 51"),
        ("noise", 2.5, "whole number"),
        ("noise", True, "whole number"),
        ("learning_rate", 0, "above 0 and at most 10"),
        ("learning_rate", float("nan"), "above 0"),
        ("learning_rate", 10**400, "above 0"),
        ("regularization_rate", -0.1, "from 0 to 100"),
        ("dataset", "mnist", "dataset cannot be 'mnist'; allowed: circle, xor"),
        ("dataset", 3, "dataset cannot be 3"),
        ("speed", True, "speed cannot be True"),
        ("hidden_layers", [4, 0], "Layer 2 of hidden_layers must be a whole number from 1 to 32"),
        ("hidden_layers", [2] * 11, "hidden_layers may have at most 10 layers; got 11"),
        ("hidden_layers", 4, "hidden_layers must be a list, such as [4, 2]; got 4"),
        ("activations", ["tanh", "swish"], "activations cannot list 'swish'; allowed: tanh"),
        ("features", ["x1", "x65"], "or x3, x4, ... for data with more inputs"),
        ("show_test", "yes", "show_test must be true or false; got 'yes'"),
        ("dataset", "x" * 500, "..."),  # long input is cut short, not echoed whole
    ],
)
def test_a_value_that_is_not_allowed_gets_a_sentence_naming_what_is(name, value, message):
    with pytest.raises(SettingsError) as raised:
        SETTINGS[name].check(value)
    assert message in str(raised.value) and len(str(raised.value)) < 400


def test_a_change_must_be_an_object_of_known_names():
    with pytest.raises(SettingsError, match="must be an object"):
        check_values([("noise", 1)])
    with pytest.raises(SettingsError, match="Unknown setting 'wings'; the settings are: dataset"):
        check_values({"wings": 2})


def test_what_a_change_rebuilds_comes_from_the_table():
    old = Settings()
    assert rebuilt_by(old, old) == set()
    assert rebuilt_by(old, old.replace(noise=5)) == {"data"}
    assert rebuilt_by(old, old.replace(init="he", speed=5)) == {"network", "nothing"}
    assert rebuilt_by(old, old.replace(learning_rate=0.1)) == {"training"}


def test_settings_become_plain_data_for_json():
    plain = Settings().to_dict()
    assert plain["hidden_layers"] == [4, 2] and plain["features"] == ["x1", "x2"]
    assert list(plain) == list(SETTINGS)


def test_settings_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().noise = 3
