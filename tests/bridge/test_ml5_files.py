"""ml5.js model files: read exactly as TensorFlow.js wrote them, refused clearly when damaged."""

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from glassnet.bridge.ml5_files import Ml5Error, js_key_order, read_ml5_files, write_ml5_files

SAVED = Path(__file__).parents[1] / "fixtures" / "ml5"  # written by ml5.js 1.4.0's own save()


def saved(folder: str, name: str):
    base = SAVED / folder
    return ((base / f"{name}.json").read_bytes(), (base / f"{name}.weights.bin").read_bytes(),
            (base / f"{name}_meta.json").read_bytes())  # fmt: skip


def test_a_model_ml5_saved_is_read_layer_by_layer_from_its_manifest():
    model, weights, meta = saved("cls3_default", "model")
    files = read_ml5_files(model, weights, meta)
    floats = np.frombuffer(weights, "<f4")  # the manifest's order: kernel, bias, kernel, bias
    first, second = files.layers
    assert (first.name, first.activation, second.activation) == ("dense_Dense1", "relu", "softmax")
    np.testing.assert_array_equal(first.kernel, floats[:32].reshape(2, 16))
    np.testing.assert_array_equal(second.bias, floats[-3:])
    assert files.meta["outputs"]["0"]["uniqueValues"] == ["cat", "dog", "bird"]


def test_written_files_read_back_to_the_same_float32_numbers():
    model, weights, meta = saved("reg", "reg")
    files = read_ml5_files(model, weights, meta)
    again = write_ml5_files(files, "copy")
    assert sorted(again) == ["copy.json", "copy.weights.bin", "copy_meta.json"]
    assert again["copy.weights.bin"] == weights
    copy = read_ml5_files(again["copy.json"], again["copy.weights.bin"], again["copy_meta.json"])
    for a, b in zip(files.layers, copy.layers):
        np.testing.assert_array_equal(a.kernel, b.kernel)


def test_javascript_puts_integer_like_keys_first_in_numeric_order():
    names = ["b", "10", "2", "x", "-1", "01"]
    assert [names[i] for i in js_key_order(names)] == ["2", "10", "b", "x", "-1", "01"]


def damage(model: bytes, weights: bytes, meta: bytes, how: str):
    m = json.loads(model)
    layers = m["modelTopology"]["config"]["layers"]
    if how == "truncated":
        return model, weights[:-7], meta
    if how == "longer":
        return model, weights + b"\0\0\0\0", meta
    if how == "conv":
        layers[0]["class_name"] = "Conv2D"
    elif how == "gelu":
        layers[0]["config"]["activation"] = 7
    elif how == "shape":
        m["weightsManifest"][0]["weights"][0]["shape"] = [16, 2]  # as many numbers, wrong shape
    elif how == "no_input_shape":
        del layers[0]["config"]["batch_input_shape"]
    elif how == "two_files":
        m["weightsManifest"][0]["paths"].append("./more.bin")
    elif how == "nan":
        weights = np.frombuffer(weights, "<f4").copy()
        weights[5] = np.nan
        return model, weights.tobytes(), meta
    elif how == "not_json":
        return model[:40], weights, meta
    elif how == "float16":
        m["weightsManifest"][0]["weights"][1]["dtype"] = "float16"
    return json.dumps(m).encode(), weights, meta


@pytest.mark.parametrize(
    "how, message",
    [
        ("truncated", "The weights file is too short"),
        ("longer", "do not belong together"),
        ("conv", "'Conv2D' layer; glassnet opens models made only of Dense layers"),
        ("shape", "have shapes"),
        ("no_input_shape", "how many inputs it takes"),
        ("two_files", "split over several files"),
        ("nan", "not a finite number"),
        ("not_json", r"The model file \(model.json\) is not JSON"),
        ("float16", "glassnet reads float32"),
    ],
)
def test_a_damaged_model_is_refused_naming_the_part(how, message):
    with pytest.raises(Ml5Error, match=message):
        read_ml5_files(*damage(*saved("cls3_default", "model"), how))


@given(cut=st.integers(0, 3000), flip=st.integers(0, 3000), byte=st.integers(0, 255))
def test_any_damaged_copy_of_a_valid_model_is_read_or_refused_with_an_ml5_error(cut, flip, byte):
    model, weights, meta = saved("cls3_named", "mymodel")
    model = bytearray(model[: max(1, len(model) - cut)] if cut % 3 == 0 else model)
    if flip < len(model):
        model[flip] = byte
    weights = weights[: len(weights) - cut % 50]
    try:
        read_ml5_files(bytes(model), weights, meta)
    except Ml5Error as error:
        assert len(str(error)) < 400
