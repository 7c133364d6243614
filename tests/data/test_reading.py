"""Tests for the steps both file loaders share: numbers, text, and labels to classes."""

import math

import numpy as np
import pytest

from glassnet.data import DataError
from glassnet.data.reading import build_dataset, decode_text, read_number
from glassnet.limits import MAX_CLASSES


@pytest.mark.parametrize(
    ("text", "value"),
    [("3", 3.0), ("-2.5", -2.5), (" .5 ", 0.5), ("+1e3", 1000.0), ("7.", 7.0), ("1E-2", 0.01)],
)
def test_plain_decimal_numbers_are_read(text, value):
    assert read_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "1_000", "0x10", "1,5", "1.2.3", "--1", "e5", "½"])
def test_anything_a_spreadsheet_would_not_call_a_number_is_not_one(text):
    assert read_number(text) is None


def test_a_decimal_comma_is_read_only_when_asked():
    assert read_number("1,5", decimal_comma=True) == 1.5
    assert read_number("-0,25", decimal_comma=True) == -0.25
    assert read_number("1,000,000", decimal_comma=True) is None


@pytest.mark.parametrize("text", ["nan", "NaN", "-inf", "Infinity", "1e999"])
def test_nan_and_infinity_read_as_themselves_so_callers_can_name_them(text):
    assert not math.isfinite(read_number(text))


def test_decode_text_strips_a_byte_order_mark_from_str_and_bytes():
    assert decode_text("\ufeffx", "CSV") == "x"
    assert decode_text(b"\xef\xbb\xbfx", "CSV") == "x"
    assert decode_text(bytearray(b"x"), "CSV") == "x"


def build(labels, problem=None):
    n = len(labels)
    return build_dataset(
        np.arange(n, dtype=float)[:, None],
        labels,
        input_names=["x"],
        label_where='the label column "c"',
        describe_row=lambda i: f"row {i + 2}",
        problem=problem,
        name="t",
    )


@pytest.mark.parametrize(
    ("labels", "problem"),
    [
        (["a", "b"], "classification"),
        (["1", "b"], "classification"),  # any word makes them all names
        (["0", "1", "1"], "classification"),
        (["-3", "7", "12"], "classification"),
        ([str(k) for k in range(MAX_CLASSES)], "classification"),
        ([str(k) for k in range(MAX_CLASSES + 1)], "regression"),
        (["0.5", "1", "2"], "regression"),
    ],
)
def test_the_problem_is_guessed_from_the_labels(labels, problem):
    assert build(labels).problem == problem


def test_classes_sort_numbers_by_value_before_words_in_alphabetical_order():
    data = build(["banana", "10", "Apple", "2", "apple", "cherry"])
    assert data.class_names == ("2", "10", "Apple", "apple", "banana", "cherry")


def test_class_numbers_do_not_depend_on_row_order():
    forward, backward = build(["b", "a", "c"]), build(["c", "a", "b"])
    assert forward.class_names == backward.class_names == ("a", "b", "c")


def test_nan_is_never_a_class_name():
    with pytest.raises(DataError, match='row 3: "NaN" is not a usable label'):
        build(["a", "NaN", "b"])
