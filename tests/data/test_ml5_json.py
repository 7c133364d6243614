"""Tests for loading the JSON that ml5.js ``neuralNetwork.saveData()`` writes.

The samples follow ml5's source (ml5-next-gen ``src/NeuralNetwork/NeuralNetworkData.js``):
``saveData`` writes ``JSON.stringify({data: this.data.raw})``, and each entry of
``data.raw`` is the ``{xs, ys}`` pair ``addData`` pushed, inputs and outputs by name.
"""

import json

import numpy as np
import pytest

from glassnet.data import DataError, load_ml5_json
from glassnet.limits import MAX_FILE_BYTES, MAX_INPUTS, MAX_POINTS

# What a colour classifier sketch saves after nn.addData({r, g, b}, {label}), compact
# as JSON.stringify writes it.
COLOURS = (
    '{"data":[{"xs":{"r":255,"g":0,"b":0},"ys":{"label":"red-ish"}},'
    '{"xs":{"r":254,"g":12,"b":40},"ys":{"label":"red-ish"}},'
    '{"xs":{"r":0,"g":0,"b":255},"ys":{"label":"blue-ish"}},'
    '{"xs":{"r":10,"g":60,"b":200},"ys":{"label":"blue-ish"}}]}'
)

# nn.addData([x, y], [value]) with arrays: ml5 names them input_0, input_1, output_0.
ARRAYS = json.dumps(
    {
        "data": [
            {"xs": {"input_0": 0.5, "input_1": 10}, "ys": {"output_0": 3.25}},
            {"xs": {"input_0": 1.5, "input_1": 20}, "ys": {"output_0": 7.5}},
            {"xs": {"input_0": 2.5, "input_1": 35}, "ys": {"output_0": 11.0}},
        ]
    }
)


def items(*pairs):
    return json.dumps({"data": [{"xs": xs, "ys": ys} for xs, ys in pairs]})


def test_a_real_ml5_colour_sample_loads_as_classification():
    data = load_ml5_json(COLOURS.encode(), name="colours.json")
    assert data.name == "colours.json" and data.problem == "classification"
    assert data.input_names == ("r", "g", "b")
    assert data.class_names == ("blue-ish", "red-ish")
    assert data.targets.tolist() == [1, 1, 0, 0]
    assert data.normalization.input_min == (0, 0, 0)
    assert data.normalization.input_max == (255, 60, 255)
    assert np.abs(data.inputs).max() == 5


def test_array_style_ml5_data_loads_as_regression_with_ml5s_names():
    data = load_ml5_json(ARRAYS)
    assert data.input_names == ("input_0", "input_1") and data.problem == "regression"
    assert np.allclose(data.normalization.denormalize_targets(data.targets), [3.25, 7.5, 11.0])


def test_number_and_boolean_labels_become_class_names():
    text = items(({"x": 0}, {"y": 1}), ({"x": 1}, {"y": 0}), ({"x": 2}, {"y": 1.0}))
    assert load_ml5_json(text).class_names == ("0", "1")
    text = items(({"x": 0}, {"ok": True}), ({"x": 1}, {"ok": False}))
    assert load_ml5_json(text).class_names == ("false", "true")


def test_the_problem_can_be_chosen():
    assert load_ml5_json(ARRAYS, problem="classification").n_classes == 3


def test_one_of_several_outputs_can_be_chosen_as_the_label():
    text = items(({"x": 0}, {"a": "p", "b": 1.5}), ({"x": 1}, {"a": "q", "b": 2.5}))
    assert load_ml5_json(text, label_column="a").class_names == ("p", "q")
    assert load_ml5_json(text, label_column="b").problem == "regression"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "this JSON file is empty"),
        ('{"data": [1, 2,, 3]}', "not valid JSON: Expecting value at line 1, column 16"),
        ('{\n  "data": [\n    {"xs": }\n  ]\n}', "not valid JSON: .* at line 3, column 12"),
        ("[1, 2, 3]", 'not in the format ml5.js saveData\\(\\) writes: expected an object'),
        ('{"entries": []}', 'expected an object with a "data" list'),
        ('{"data": {"xs": {}}}', 'expected an object with a "data" list'),
        ('{"data": []}', 'the "data" list is empty; it needs one item per point'),
        ('{"data": [{"xs": {"x": 1}, "ys": {"y": "a"}}, [1, "a"]]}',
         'item 2 in "data" must be like \\{"xs"'),
        ('{"data": [{"xs": {"x": 1}, "ys": "a"}]}', 'item 1 in "data" must be like'),
        ('{"data": [{"xs": {}, "ys": {"y": "a"}}]}', 'item 1 has no inputs in "xs"'),
        ('{"data": [{"xs": {"x": 1}, "ys": {}}]}', 'item 1 has no output in "ys"; it needs one'),
        ('{"data": [{"xs": {"x": NaN}, "ys": {"y": "a"}}]}',
         "contains NaN, which is not a number JSON allows"),
        ('{"data": [{"xs": {"x": 1}, "ys": {"y": -Infinity}}]}', "contains -Infinity"),
        ('[' * 100_000 + ']' * 100_000, "nested too deeply"),
    ],
)  # fmt: skip
def test_a_bad_json_file_is_rejected_saying_what_the_format_is(text, message):
    with pytest.raises(DataError, match=message):
        load_ml5_json(text)


@pytest.mark.parametrize(
    ("pairs", "message"),
    [
        ([({"x": 1, "y": 2}, {"c": "a"}), ({"x": 3}, {"c": "b"})],
         'item 2, input "y" is missing; every item needs a number for every input'),
        ([({"x": 1}, {"c": "a"}), ({"x": 3, "z": 0}, {"c": "b"})],
         'item 2 has an input "z" that item 1 does not have; every item needs the same inputs'),
        ([({"x": 1}, {"c": "a"}), ({"x": "big"}, {"c": "b"})],
         'item 2, input "x": "big" is text, not a number; inputs must be numbers, written '
         "without quotes"),
        ([({"x": 1}, {"c": "a"}), ({"x": "12"}, {"c": "b"})], 'input "x": "12" is text'),
        ([({"x": 1}, {"c": "a"}), ({"x": True}, {"c": "b"})], 'item 2, input "x": true is not'),
        ([({"x": 1}, {"c": "a"}), ({"x": None}, {"c": "b"})], 'item 2, input "x" is missing'),
        ([({"x": [0, 255, 3]}, {"c": "a"})],
         'item 1, input "x" is a list; glassnet takes one number per input'),
        ([({"x": 10**400}, {"c": "a"})], 'item 1, input "x": 1000.* is too large to use'),
        ([({"x": 1}, {"c": "a"}), ({"x": 2}, {"c": ""})],
         'item 2, output "c" is missing; every item needs a label'),
        ([({"x": 1}, {"c": "a"}), ({"x": 2}, {"d": "b"})], 'item 2, output "c" is missing'),
        ([({"x": 1}, {"c": "a"}), ({"x": 2}, {"c": ["b"]})],
         'item 2, output "c" must be one label, a word or a number'),
        ([({"x": 1}, {"c": "a"}), ({"x": 2}, {"c": "a"})],
         'the output "c" has only one label, "a"; a classifier needs at least two'),
        ([({"x": 1}, {"a": 1, "b": 2})],
         'item 1 has 2 outputs in "ys" \\("a", "b"\\); glassnet learns one. Choose it with '
         "label_column"),
        ([({"x": 1}, {"c": 1.5}), ({"x": 2}, {"c": "b"})], None),  # words win: classification
    ],
)  # fmt: skip
def test_a_bad_item_is_rejected_naming_the_item_and_the_input_or_output(pairs, message):
    if message is None:
        assert load_ml5_json(items(*pairs)).problem == "classification"
        return
    with pytest.raises(DataError, match=message):
        load_ml5_json(items(*pairs))


def test_a_word_target_in_regression_names_the_item():
    text = items(({"x": 1}, {"v": 1.5}), ({"x": 2}, {"v": "high"}))
    with pytest.raises(DataError, match='item 2, output "v": "high" is not a number'):
        load_ml5_json(text, problem="regression")


def test_an_unknown_output_name_is_rejected_listing_the_outputs():
    with pytest.raises(DataError, match='no output "colour" in "ys"; item 1 has "label"'):
        load_ml5_json(COLOURS, label_column="colour")


def test_too_many_items_are_rejected_with_the_limit():
    text = items(*[({"x": i}, {"c": str(i % 2)}) for i in range(MAX_POINTS + 1)])
    with pytest.raises(DataError, match=f"{MAX_POINTS + 1} items; glassnet takes at most"):
        load_ml5_json(text)


def test_too_many_inputs_are_rejected_with_the_limit():
    xs = {f"in{j}": 0 for j in range(MAX_INPUTS + 1)}
    with pytest.raises(DataError, match=f"{MAX_INPUTS + 1} inputs; glassnet takes at most"):
        load_ml5_json(items((xs, {"c": "a"})))


def test_a_file_over_the_size_limit_is_rejected_before_it_is_parsed():
    with pytest.raises(DataError, match="this JSON file is .* MB"):
        load_ml5_json(b" " * (MAX_FILE_BYTES + 1))


def test_a_file_that_is_not_utf8_is_rejected():
    with pytest.raises(DataError, match="this JSON file is not UTF-8 text"):
        load_ml5_json(COLOURS.replace("red-ish", "rouge").encode("utf-16"))


def test_a_byte_order_mark_is_fine():
    assert load_ml5_json(b"\xef\xbb\xbf" + COLOURS.encode()).n_points == 4
