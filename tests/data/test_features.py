"""Tests for the seven input features, against the formulas written out by hand."""

import math

import numpy as np
import pytest

from glassnet.data import DEFAULT_FEATURES, FEATURES, compute_features
from glassnet.data.features import default_features, feature, features_fit, input_features

POINTS = np.array([[1.5, -2.0], [0.0, 3.0], [-4.0, -0.5]])

# Each feature of a point (x1, x2), written with the math module one point at a time.
BY_HAND = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1^2": lambda x1, x2: x1**2,
    "x2^2": lambda x1, x2: x2**2,
    "x1*x2": lambda x1, x2: x1 * x2,
    "sin(x1)": lambda x1, x2: math.sin(x1),
    "sin(x2)": lambda x1, x2: math.sin(x2),
}


def test_the_registry_holds_the_playgrounds_seven_features_in_its_order():
    assert list(FEATURES) == ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]
    assert DEFAULT_FEATURES == ("x1", "x2")


@pytest.mark.parametrize("name", BY_HAND)
def test_each_feature_matches_its_formula(name):
    expected = [BY_HAND[name](x1, x2) for x1, x2 in POINTS]
    assert np.allclose(compute_features(POINTS, [name])[:, 0], expected, rtol=0, atol=1e-15)


@pytest.mark.parametrize("name", FEATURES)
def test_each_feature_names_the_inputs_it_needs_and_has_a_label(name):
    feature = FEATURES[name]
    assert feature.name == name and feature.label
    assert set(feature.needs) <= {"x1", "x2"} and feature.needs
    for raw in ("x1", "x2"):
        assert (raw in feature.needs) == (raw in name)


def test_columns_come_in_the_order_asked_for():
    features = compute_features(POINTS, ["sin(x2)", "x1", "x1*x2"])
    assert features.shape == (3, 3) and features.dtype == np.float64
    assert np.array_equal(features[:, 1], POINTS[:, 0])
    assert np.array_equal(features[:, 2], POINTS[:, 0] * POINTS[:, 1])


def test_one_dimensional_data_can_use_the_features_of_x1():
    features = compute_features([[2.0], [-1.0]], ["x1", "x1^2", "sin(x1)"])
    assert np.allclose(features, [[2, 4, math.sin(2)], [-1, 1, math.sin(-1)]])


def test_no_points_give_an_empty_table_with_one_column_per_feature():
    assert compute_features(np.zeros((0, 2)), ["x1", "x2^2"]).shape == (0, 2)


@pytest.mark.parametrize(
    ("inputs", "names", "message"),
    [
        (POINTS, ["x99"], "no feature 'x99'; choose from: x1, x2, x1\\^2"),
        (POINTS, ["x3"], "'x3' needs x3, but this data has 2 inputs"),
        (POINTS, ["cos(x1)"], "no feature 'cos\\(x1\\)'"),
        (POINTS, [], "at least one feature"),
        (POINTS, ["x1", "x1"], "'x1' is chosen twice"),
        (POINTS[:, :1], ["x1*x2"], "'x1\\*x2' needs x2, but this data has only one input"),
        (POINTS[:, :1], ["sin(x2)"], "needs x2"),
        (np.zeros((3, 65)), ["x1"], "1 to 64 inputs"),
        (np.zeros(3), ["x1"], "1 to 64 inputs"),
    ],
)
def test_bad_feature_requests_are_rejected_clearly(inputs, names, message):
    with pytest.raises(ValueError, match=message):
        compute_features(inputs, names)


def test_data_with_many_inputs_has_one_plain_feature_per_input():
    inputs = np.arange(12.0).reshape(3, 4)  # 3 points, 4 inputs
    assert input_features(4) == ("x1", "x2", "x3", "x4")
    assert default_features(4) == input_features(4)
    assert default_features(2) == DEFAULT_FEATURES and default_features(1) == ("x1",)
    np.testing.assert_array_equal(compute_features(inputs, ["x4", "x1"]), inputs[:, [3, 0]])
    assert feature("x4").label == "x₄" and feature("x64") is not None and feature("x65") is None
    assert features_fit(["x1", "x4", "x1*x2"], 4) and not features_fit(["x5"], 4)
    assert not features_fit(["x2"], 1) and not features_fit(["nope"], 3)


@pytest.mark.parametrize("name", [*FEATURES, "x3"])
def test_each_features_code_computes_the_same_numbers(name):
    inputs = np.random.default_rng(1).uniform(-6, 6, (20, 3))
    columns = {f"x{k + 1}": inputs[:, k] for k in range(3)}
    by_code = eval(feature(name).code, {"np": np}, columns)  # noqa: S307 (our own registry)
    np.testing.assert_array_equal(by_code, compute_features(inputs, [name])[:, 0])
