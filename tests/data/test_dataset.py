"""Tests for the Dataset record and for points a person draws (``Dataset.from_points``)."""

import dataclasses

import numpy as np
import pytest

from glassnet.data import DataError, Dataset, Normalization
from glassnet.limits import MAX_CLASSES, MAX_POINTS


def two_points(**changes):
    fields = {
        "inputs": [[1.0, 2.0], [-3.0, 4.0]],
        "targets": np.array([0, 1]),
        "problem": "classification",
        "input_names": ("x1", "x2"),
        "class_names": ("0", "1"),
    }
    return Dataset(**{**fields, **changes})


# --- the record --------------------------------------------------------------


def test_a_dataset_stores_float_inputs_and_int_class_indices():
    data = two_points()
    assert data.inputs.dtype == np.float64 and data.targets.dtype == np.int64
    assert (data.n_points, data.n_inputs, data.n_classes) == (2, 2, 2)


def test_a_dataset_cannot_be_changed_after_it_is_made():
    data = two_points()
    with pytest.raises(dataclasses.FrozenInstanceError):
        data.name = "other"
    with pytest.raises(ValueError, match="read-only"):
        data.inputs[0, 0] = 5.0


def test_a_dataset_copies_the_arrays_it_is_given():
    inputs = np.array([[1.0, 2.0], [3.0, 4.0]])
    data = two_points(inputs=inputs)
    inputs[0, 0] = 9.0
    assert data.inputs[0, 0] == 1.0 and inputs.flags.writeable


def test_regression_has_no_classes():
    data = two_points(targets=[0.5, -0.25], problem="regression", class_names=())
    assert data.targets.dtype == np.float64 and data.n_classes == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"problem": "ranking"}, 'must be "classification" or "regression"'),
        ({"inputs": [1.0, 2.0]}, r"shape \(n_points, n_inputs\)"),
        ({"inputs": [[1.0, np.nan], [0.0, 0.0]]}, "finite"),
        ({"inputs": [[7.0, 0.0], [0.0, 0.0]]}, "inside the view"),
        ({"input_names": ("x1",)}, "2 different input names"),
        ({"input_names": ("a", "a")}, "2 different input names"),
        ({"targets": np.array([0, 1, 1])}, r"one target per point: shape \(2,\)"),
        ({"targets": np.array([0.0, 1.0])}, "must be integers"),
        ({"targets": np.array([0, 2])}, "from 0 to 1"),
        ({"class_names": ("only",)}, "needs 2 to"),
        ({"class_names": ("a", "a")}, "different, non-empty"),
        ({"problem": "regression"}, "no class names"),
        ({"normalization": Normalization((0.0,), (1.0,))}, "one range per input"),
    ],
)
def test_a_dataset_checks_itself_when_it_is_made(changes, message):
    with pytest.raises(DataError, match=message):
        two_points(**changes)


def test_a_dataset_may_not_hold_more_than_max_points():
    with pytest.raises(DataError, match=f"at most {MAX_POINTS} points"):
        Dataset(np.zeros((MAX_POINTS + 1, 2)), np.zeros(MAX_POINTS + 1, int), "classification",
                ("x1", "x2"), ("0", "1"))  # fmt: skip


def test_data_error_is_a_value_error():
    assert issubclass(DataError, ValueError)


# --- drawn points ------------------------------------------------------------


def test_drawn_points_become_a_dataset_with_default_class_names():
    data = Dataset.from_points([[0.5, -1.0], [2.0, 3.0], [-6.0, 6.0]], [0, 2, 1], "classification")
    assert data.class_names == ("0", "1", "2")
    assert data.input_names == ("x1", "x2") and data.normalization is None
    assert data.targets.tolist() == [0, 2, 1]


def test_drawn_points_may_name_their_classes():
    data = Dataset.from_points([[0, 0]], [1], "classification", class_names=("cat", "dog"))
    assert data.class_names == ("cat", "dog") and data.n_classes == 2


def test_whole_number_floats_from_json_are_class_indices():
    data = Dataset.from_points([[0, 0], [1, 1]], [0.0, 1.0], "classification")
    assert data.targets.dtype == np.int64


def test_an_empty_drawing_is_a_dataset_with_no_points():
    data = Dataset.from_points([], [], "classification")
    assert data.inputs.shape == (0, 2) and data.n_classes == 2


def test_drawn_regression_points_may_be_one_dimensional():
    data = Dataset.from_points([[1.0], [-2.0]], [0.3, 0.9], "regression")
    assert data.inputs.shape == (2, 1) and data.input_names == ("x1",)


@pytest.mark.parametrize(
    ("inputs", "targets", "problem", "options", "message"),
    [
        ([[0, 0]], [0], "sorting", {}, 'must be "classification" or "regression"'),
        ([[0, 0], [1]], [0, 1], "classification", {}, r"list of \[x1, x2\] pairs"),
        ([[0, "a"]], [0], "classification", {}, r"list of \[x1, x2\] pairs"),
        ([[0, 0, 0]], [0], "classification", {}, r"list of \[x1, x2\] pairs"),
        ([[0, 0], [7.5, 1]], [0, 1], "classification", {},
         r"point 2 of 2, at \(7.5, 1\), is outside the view; coordinates go from -6 to 6"),
        ([[0, 0], [np.nan, 1]], [0, 1], "classification", {},
         "point 2 of 2, at \\(nan, 1\\), has a coordinate that is not a finite number"),
        ([[0, 0], [1, 1]], [0], "classification", {}, "2 points but 1 labels"),
        ([[0, 0], [1, 1]], [0, 1.5], "classification", {},
         "point 2 has label 1.5; a label is a class number 0, 1, 2"),
        ([[0, 0], [1, 1]], [0, "cat"], "classification", {}, "point 2 has label 'cat'"),
        ([[0, 0], [1, 1]], [0, -1], "classification", {}, "point 2 has label -1"),
        ([[0, 0], [1, 1]], [0, True], "classification", {}, "point 2 has label True"),
        ([[0, 0], [1, 1]], [0, 3], "classification", {"class_names": ("a", "b")},
         r"point 2 has label 3, but there are only 2 classes \(labels 0 to 1\)"),
        ([[0, 0]], [MAX_CLASSES], "classification", {}, f"at most {MAX_CLASSES}"),
        ([[0, 0]], [0], "classification", {"class_names": ("a",)}, "needs 2 to"),
        ([[0, 0]], ["x"], "regression", {}, "point 1 has target 'x'; regression targets"),
        ([[0, 0]], [np.inf], "regression", {}, "point 1 has target inf"),
        ([[0, 0]], [0.5], "regression", {"class_names": ("a", "b")}, "regression has no classes"),
        ([[0, 0]], [[0, 1]], "classification", {}, "flat list"),
    ],
)  # fmt: skip
def test_bad_drawn_points_are_rejected_naming_the_point_and_what_is_allowed(
    inputs, targets, problem, options, message
):
    with pytest.raises(DataError, match=message):
        Dataset.from_points(inputs, targets, problem, **options)


def test_too_many_drawn_points_are_rejected_with_the_limit():
    points = np.zeros((MAX_POINTS + 1, 2))
    with pytest.raises(DataError, match=f"{MAX_POINTS + 1} points; glassnet holds at most"):
        Dataset.from_points(points, np.zeros(MAX_POINTS + 1, int), "classification")
