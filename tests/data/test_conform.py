"""Data beside a model: a file's points in the model's inputs, units and classes."""

import json

import numpy as np
import pytest

from glassnet.data import (
    DataError,
    Dataset,
    Normalization,
    conform,
    csv_header,
    label_column,
    load_csv,
    load_ml5_json,
)

# A model of colours: inputs r, g, b in 0..255, three classes in its own order.
MODEL = Dataset(
    np.zeros((0, 3)),
    np.zeros(0, dtype=np.int64),
    "classification",
    ("r", "g", "b"),
    ("red", "green", "blue"),
    "model.json",
    Normalization((0.0, 0.0, 0.0), (255.0, 255.0, 255.0)),
)


def test_columns_are_picked_by_name_and_rescaled_with_the_models_ranges_not_the_files():
    # The file's columns come in another order, with one the model does not take,
    # and its values span less than 0..255.
    loaded = load_csv("b,alpha,r,g,label\n10,1,200,0,red\n20,0,0,128,green\n250,1,5,5,blue\n")
    data = conform(loaded, MODEL)
    raw = np.array([[200, 0, 10], [0, 128, 20], [5, 5, 250]], dtype=float)
    np.testing.assert_allclose(data.inputs, MODEL.normalization.normalize_inputs(raw), atol=1e-12)
    assert data.input_names == ("r", "g", "b") and data.normalization is MODEL.normalization


def test_classes_are_numbered_as_the_model_numbers_them():
    # The file sorts its labels alphabetically (blue, green, red); the model has its own order.
    loaded = load_csv("r,g,b,label\n255,0,0,red\n0,0,255,blue\n0,255,0,green\n")
    data = conform(loaded, MODEL)
    assert data.class_names == ("red", "green", "blue")
    assert data.targets.tolist() == [0, 2, 1]


def test_a_file_may_have_only_some_of_the_models_classes():
    loaded = load_csv("r,g,b,label\n255,0,0,red\n0,0,255,blue\n")
    assert conform(loaded, MODEL).targets.tolist() == [0, 2]


def test_number_labels_match_the_same_number_written_another_way():
    model = Dataset(
        np.zeros((0, 1)),
        np.zeros(0, dtype=np.int64),
        "classification",
        ("x",),
        ("0", "1"),
        normalization=Normalization((0.0,), (1.0,)),
    )
    loaded = load_csv("x,label\n0.2,1.0\n0.9,0\n", problem="classification")
    assert conform(loaded, model).targets.tolist() == [1, 0]


def test_ml5_save_data_json_with_array_inputs_matches_a_model_of_inputs_named_0_and_1():
    model = Dataset(
        np.zeros((0, 2)),
        np.zeros(0, dtype=np.int64),
        "classification",
        ("0", "1"),
        ("cat", "dog"),
        normalization=Normalization((0.0, 0.0), (2.0, 4.0)),
    )
    items = [
        {"xs": {"0": 1.0, "1": 2.0}, "ys": {"0": "dog"}},
        {"xs": {"0": 0.5, "1": 4.0}, "ys": {"0": "cat"}},
    ]
    data = conform(load_ml5_json(json.dumps({"data": items})), model)
    np.testing.assert_allclose(data.inputs, [[0.0, 0.0], [-2.5, 5.0]], atol=1e-12)
    assert data.targets.tolist() == [1, 0]


def test_regression_targets_are_rescaled_with_the_models_target_range():
    model = Dataset(
        np.zeros((0, 1)),
        np.zeros(0),
        "regression",
        ("x",),
        normalization=Normalization((0.0,), (10.0,), 0.0, 100.0),
    )
    loaded = load_csv("x,y\n1,25\n2,50\n4,40\n", problem="regression")
    data = conform(loaded, model)
    np.testing.assert_allclose(data.targets, [-0.5, 0.0, -0.2], atol=1e-12)
    np.testing.assert_allclose(data.inputs[:, 0], [-4.0, -3.0, -1.0], atol=1e-12)


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "r,g,label\n1,2,red\n3,4,blue\n",
            'the model takes an input "b", and this file has no '
            'column of that name \\(its inputs are "r", "g"\\)',
        ),
        (
            "r,g,b,label\n1,2,3,red\n3,4,5,purple\n",
            'the label "purple", which the model does not know; its classes are "red", "green"',
        ),
        (
            "r,g,b,label\n1,2,3,red\n3,4,400,blue\n",
            "point 2 has b = 400, far outside the range "
            "of the model's input: the model learned "
            "from 0 to 255",
        ),
        (
            "r,g,b,label\n1,2,3,0.5\n3,4,5,2.5\n",
            "the model does classification, but these points were read for regression",
        ),
    ],
)
def test_what_does_not_fit_the_model_is_named(text, message):
    problem = "regression" if "0.5" in text else None
    with pytest.raises(DataError, match=message):
        conform(load_csv(text, problem=problem), MODEL)


def test_values_a_little_outside_the_models_range_still_fit():
    loaded = load_csv("r,g,b,label\n-25,0,280,red\n3,4,5,blue\n")
    data = conform(loaded, MODEL)
    assert data.inputs.min() >= -6 and data.inputs.max() <= 6


def test_beside_a_model_the_label_column_is_the_one_the_model_does_not_take():
    # "y" would otherwise be taken for the labels; here it is one of the model's inputs.
    model = Dataset(
        np.zeros((0, 2)),
        np.zeros(0),
        "regression",
        ("x", "y"),
        normalization=Normalization((0.0, 0.0), (9.0, 9.0), 0.0, 1.0),
    )
    assert label_column(csv_header("x,y,out\n1,2,3\n"), model) == "out"
    assert label_column(csv_header("x;Y;out;extra\n"), model) is None
    assert label_column(csv_header(b"\xff\xfe"), model) is None
