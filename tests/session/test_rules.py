"""How settings depend on each other and on the data."""

import numpy as np
import pytest

from glassnet.data import Dataset
from glassnet.session import Settings, SettingsError
from glassnet.session.points import Points
from glassnet.session.rules import DataShape, check_changes, describe, n_outputs, problem_kind
from glassnet.session.workspace import generated_points

CIRCLE = generated_points(Settings())


def wide_points(n_inputs: int) -> Points:
    rng = np.random.default_rng(0)
    names = tuple(f"m{k}" for k in range(n_inputs))
    data = Dataset(rng.uniform(-5, 5, (30, n_inputs)), rng.integers(0, 3, 30), "classification",
                   names, ("a", "b", "c"), "wide.csv")  # fmt: skip
    return Points.of(data, "file")


def test_a_dataset_describes_its_inputs_and_classes():
    s = Settings()
    assert describe(s, CIRCLE) == DataShape(2, 2)
    assert describe(s.replace(dataset="blobs", classes=5), CIRCLE) == DataShape(2, 5)
    assert describe(s.replace(dataset="sine", problem="regression"), CIRCLE) == DataShape(1, 0)
    wide = wide_points(5)
    assert describe(s.replace(dataset="custom"), wide) == DataShape(5, 3)


def test_the_problem_decides_the_output_layer():
    assert problem_kind("classification", 2) == "binary"
    assert problem_kind("classification", 4) == "multiclass"
    assert problem_kind("regression", 0) == "regression"
    s = Settings()
    assert n_outputs(s, DataShape(2, 4)) == 4 and n_outputs(s, DataShape(2, 2)) == 1


def test_a_dataset_sets_its_problem_and_a_problem_its_first_dataset():
    s = check_changes(Settings(), {"dataset": "plane"}, CIRCLE)
    assert s.problem == "regression" and (s.output_activation, s.loss) == ("linear", "mse")
    s = check_changes(Settings(), {"problem": "regression"}, CIRCLE)
    assert s.dataset == "plane"


def test_new_layers_take_the_last_layers_activation():
    s = check_changes(Settings(), {"activations": ["relu", "sigmoid"]}, CIRCLE)
    s = check_changes(s, {"hidden_layers": [4, 2, 3, 3]}, CIRCLE)
    assert s.activations == ("relu", "sigmoid", "sigmoid", "sigmoid")
    s = check_changes(s, {"hidden_layers": [5]}, CIRCLE)
    assert s.activations == ("relu",)


def test_wider_data_starts_with_every_input_and_narrower_data_keeps_what_fits():
    wide = wide_points(4)
    s = check_changes(Settings(), {"dataset": "custom"}, wide)
    assert s.features == ("x1", "x2", "x3", "x4")
    s = check_changes(s, {"features": ["x4", "x1", "x1^2"]}, wide)
    assert s.features == ("x1", "x1^2", "x4")  # in a fixed order: the same network each time
    back = check_changes(s, {"dataset": "circle"}, wide)
    assert back.features == ("x1", "x1^2")


def test_features_the_data_cannot_compute_are_refused():
    with pytest.raises(SettingsError, match="has 2 inputs, x1 to x2, so x4 cannot be a feature"):
        check_changes(Settings(), {"features": ["x1", "x4"]}, CIRCLE)
    with pytest.raises(SettingsError, match="non-empty list"):
        check_changes(Settings(), {"features": []}, CIRCLE)


def test_an_output_that_does_not_suit_the_problem_is_refused_with_the_allowed_pairs():
    with pytest.raises(SettingsError, match="Allowed: sigmoid with binary_crossentropy"):
        check_changes(Settings(), {"output_activation": "softmax"}, CIRCLE)
    s = check_changes(Settings(), {"loss": "mse"}, CIRCLE)
    assert (s.output_activation, s.loss) == ("sigmoid", "mse")  # a new loss keeps what fits
