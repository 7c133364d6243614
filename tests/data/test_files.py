"""Tests for loading CSV files and for choosing a loader by file name."""

import csv
import io

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from glassnet.data import DataError, load_csv, load_file
from glassnet.limits import MAX_CLASSES, MAX_FILE_BYTES, MAX_INPUTS, MAX_POINTS

IRIS = """sepal length,petal length,species
5.1,1.4,setosa
7.0,4.7,versicolor
6.3,6.0,virginica
4.9,1.5,setosa
"""


def csv_text(rows):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


# --- what loads --------------------------------------------------------------


def test_a_csv_with_word_labels_loads_as_classification_with_sorted_class_names():
    data = load_csv(IRIS, name="iris.csv")
    assert data.problem == "classification" and data.name == "iris.csv"
    assert data.input_names == ("sepal length", "petal length")
    assert data.class_names == ("setosa", "versicolor", "virginica")
    assert data.targets.tolist() == [0, 1, 2, 0]


def test_inputs_are_rescaled_to_minus_5_to_5_and_the_raw_values_can_be_recovered():
    data = load_csv(IRIS)
    assert data.inputs.min(axis=0).tolist() == [-5, -5] and data.inputs.max(axis=0).tolist() == [
        5,
        5,
    ]
    assert data.normalization.input_min == (4.9, 1.4)
    assert data.normalization.input_max == (7.0, 6.0)
    raw = data.normalization.denormalize_inputs(data.inputs)
    assert np.allclose(raw, [[5.1, 1.4], [7.0, 4.7], [6.3, 6.0], [4.9, 1.5]])


def test_numeric_targets_load_as_regression_rescaled_to_minus_1_to_1():
    data = load_csv("size,price\n50,1000.0\n80,2500.5\n120,4001\n")
    assert data.problem == "regression" and data.class_names == ()
    assert data.targets.min() == -1 and data.targets.max() == 1
    assert data.normalization.target_min == 1000 and data.normalization.target_max == 4001
    assert np.allclose(data.normalization.denormalize_targets(data.targets), [1000, 2500.5, 4001])


def test_a_few_whole_number_labels_are_classes_sorted_by_value():
    data = load_csv("a,b,label\n1,2,10\n3,4,2\n5,6,2.0\n7,8,0\n")
    assert data.problem == "classification"
    assert data.class_names == ("0", "2", "10")  # 2 and 2.0 are one class
    assert data.targets.tolist() == [2, 1, 1, 0]


def test_many_different_whole_numbers_are_amounts_so_regression():
    rows = [["x", "count"]] + [[i, i * 3] for i in range(MAX_CLASSES + 1)]
    assert load_csv(csv_text(rows)).problem == "regression"


def test_the_problem_can_be_chosen_instead_of_guessed():
    text = "x,y\n0,1\n1,2\n2,3\n"
    assert load_csv(text).problem == "classification"
    assert load_csv(text, problem="regression").problem == "regression"
    assert load_csv("x,y\n0,0.5\n1,1.5\n", problem="classification").class_names == ("0.5", "1.5")


def test_a_bad_problem_name_is_rejected():
    with pytest.raises(ValueError, match='"classification", "regression" or None'):
        load_csv(IRIS, problem="clustering")


@pytest.mark.parametrize(
    ("header", "label"),
    [
        ("a,label,b", "label"),
        ("a,CLASS,b", "CLASS"),
        ("target,a,b", "target"),
        ("x,y,b", "y"),
        ("a,b,c", "c"),  # no known name: the last column
        ("y,Label,b", "Label"),  # label is preferred over y
    ],
)
def test_the_label_column_is_found_by_name_else_it_is_the_last(header, label):
    data = load_csv(f"{header}\n1,2,3\n4,5,6\n")
    columns = header.split(",")
    assert data.input_names == tuple(c for c in columns if c != label)


def test_the_label_column_can_be_chosen_by_name_in_any_case_when_that_is_unambiguous():
    text = "width,height,kind\n1,2,3\n3,4,5\n"
    assert load_csv(text, label_column="width").input_names == ("height", "kind")
    assert load_csv(text, label_column="HEIGHT").input_names == ("width", "kind")
    assert load_csv(IRIS, label_column="SPECIES").class_names[0] == "setosa"


def test_a_byte_order_mark_crlf_line_ends_and_trailing_blank_lines_are_fine():
    data = load_csv(b"\xef\xbb\xbfx,y,label\r\n1,2,a\r\n3,4,b\r\n\r\n\r\n")
    assert data.input_names == ("x", "y") and data.n_points == 2


def test_quoted_values_may_hold_the_separator():
    data = load_csv('"width, cm",height,kind\n"1.5",2,"big, red"\n3,4,small\n')
    assert data.input_names == ("width, cm", "height")
    assert data.class_names == ("big, red", "small")


def test_quoted_numbers_with_a_comma_in_a_comma_file_are_not_numbers():
    with pytest.raises(DataError, match='row 2, column "w": "1,5" is not a number'):
        load_csv('w,h,k\n"1,5",2,a\n3,4,b\n')


def test_semicolon_files_may_use_decimal_commas():
    data = load_csv("x;y;label\n1,5;2;a\n-0,25;4;b\n")
    assert data.normalization.input_min == (-0.25, 2.0)


def test_tab_separated_files_load_too():
    assert load_csv("x\ty\tlabel\n1\t2\ta\n3\t4\tb\n").n_inputs == 2


def test_blank_rows_in_the_middle_are_skipped_but_still_counted_in_row_numbers():
    with pytest.raises(DataError, match='row 5, column "x": "oops"'):
        load_csv("x,label\n1,a\n\n2,b\noops,a\n")
    assert load_csv("x,label\n1,a\n\n,\n2,b\n").n_points == 2


def test_spaces_around_values_are_ignored():
    data = load_csv(" x , label \n 1 , a \n 2 , b \n")
    assert data.input_names == ("x",) and data.class_names == ("a", "b")


def test_a_separator_at_the_end_of_every_line_adds_no_column():
    assert load_csv("x,y,label,\n1,2,a,\n3,4,b,\n").input_names == ("x", "y")


def test_an_unnamed_column_gets_a_readable_name():
    assert load_csv(",x,label\n0,1,a\n1,2,b\n").input_names == ("column 1", "x")


def test_plain_ascii_bytes_and_str_load_the_same():
    assert np.array_equal(load_csv(IRIS).inputs, load_csv(IRIS.encode()).inputs)


# --- every way a CSV can be wrong --------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "this CSV file is empty; it needs a header row"),
        ("\n \n\n", "this CSV file is empty"),
        ("x,y,label\n", r"has a header \(row 1\) but no data rows"),
        ("1,2,3\n4,5,6\n", "row 1 holds only numbers, but the first row must name the columns"),
        ("x,y,label\n1,2,a\n3,4\n", "row 3 has 2 values, but the header has 3 columns; every row"),
        ("x,y,label\n1,2,a,b\n", "row 2 has 4 values, but the header has 3 columns"),
        ("x,y,label\n1,2,a\nabc,4,b\n",
         'row 3, column "x": "abc" is not a number. Input columns must hold numbers; only the '
         'label column \\("label"\\) may hold words'),
        ("x,y,label\n1,,a\n3,4,b\n", 'row 2, column "y" is empty; every input needs a number'),
        ("x,y,label\n1,2,\n3,4,b\n", 'row 2, column "label" is empty; every row needs a label'),
        ("x,y,label\n1,NaN,a\n3,4,b\n",
         'row 2, column "y": "NaN" is not a usable number; NaN and infinity are not allowed'),
        ("x,y,label\n1,2,a\n3,-inf,b\n", 'row 3, column "y": "-inf" is not a usable number'),
        ("x,y,label\n1,2,a\n3,1e999,b\n", 'row 3, column "y": "1e999" is not a usable number'),
        ("x,y\n1,0.5\n2,nan\n", 'row 3, column "y": "nan" is not a usable label'),
        ("x,y,label\n1,2,cat\n3,4,cat\n",
         'the label column "label" has only one label, "cat"; a classifier needs at least two'),
        ("x,label\n1,2\n", 'has only one label, "2"'),
        ("x,x,label\n1,2,a\n",
         'the header names two columns "x" \\(columns 1 and 2\\); every column needs a different'),
        ("label\na\nb\n", 'the only column, "label", holds the labels; add at least one column'),
        ("x,y,label\n1,2,a\n3,4,b\n", None),  # sanity: this one is fine
    ],
)  # fmt: skip
def test_a_bad_csv_is_rejected_naming_the_row_column_and_what_is_allowed(text, message):
    if message is None:
        load_csv(text)
        return
    with pytest.raises(DataError, match=message):
        load_csv(text)


def test_a_word_label_in_a_regression_file_names_the_row_and_suggests_classification():
    with pytest.raises(DataError, match='row 3, column "price": "cheap" is not a number') as error:
        load_csv("size,price\n1,2.5\n2,cheap\n", problem="regression")
    assert "load the file as classification" in str(error.value)


def test_an_unknown_label_column_is_rejected_listing_the_columns():
    with pytest.raises(
        DataError,
        match='no column called "kind" to use as labels; the columns are "sepal length", '
        '"petal length", "species"',
    ):
        load_csv(IRIS, label_column="kind")


def test_too_many_classes_are_rejected_with_the_limit():
    rows = [["x", "name"]] + [[i, f"class {i}"] for i in range(MAX_CLASSES + 1)]
    with pytest.raises(
        DataError,
        match=f'the label column "name" has {MAX_CLASSES + 1} different labels; a '
        f"classification dataset may have at most {MAX_CLASSES} classes",
    ):
        load_csv(csv_text(rows))


def test_too_many_rows_are_rejected_with_the_limit():
    rows = [["x", "label"]] + [[i, i % 2] for i in range(MAX_POINTS + 1)]
    with pytest.raises(
        DataError, match=f"more than {MAX_POINTS} data rows; glassnet takes at most"
    ):
        load_csv(csv_text(rows))


def test_exactly_max_points_rows_load():
    rows = [["x", "label"]] + [[i, i % 2] for i in range(MAX_POINTS)]
    assert load_csv(csv_text(rows)).n_points == MAX_POINTS


def test_too_many_input_columns_are_rejected_with_the_limit():
    header = [f"c{j}" for j in range(MAX_INPUTS + 1)] + ["label"]
    text = csv_text([header, [0] * (MAX_INPUTS + 1) + ["a"]])
    with pytest.raises(DataError, match=f"{MAX_INPUTS + 1} input columns; glassnet takes at most"):
        load_csv(text)


def test_a_file_over_the_size_limit_is_rejected_before_it_is_read():
    too_big = b"\xff" * (MAX_FILE_BYTES + 1)  # not even UTF-8: size is checked first
    with pytest.raises(DataError, match=f"up to {MAX_FILE_BYTES / 1e6:g} MB"):
        load_csv(too_big)
    with pytest.raises(DataError, match="MB"):
        load_csv("x" * (MAX_FILE_BYTES + 1))


def test_a_str_is_measured_in_utf8_bytes():
    with pytest.raises(DataError, match="MB"):
        load_csv("é" * (MAX_FILE_BYTES // 2 + 1))  # fewer characters than bytes


def test_a_file_that_is_not_utf8_is_rejected_saying_how_to_save_it():
    latin1 = "x,label\n1,café\n2,thé\n".encode("latin-1")
    with pytest.raises(DataError, match="not UTF-8 text .* byte is number 14.*UTF-8 encoding"):
        load_csv(latin1)


def test_a_value_too_long_for_the_csv_reader_is_a_data_error():
    with pytest.raises(DataError, match="could not be read near line 2"):
        load_csv("x,label\n" + "1" * 200_000 + ",a\n")


def test_content_of_another_type_is_a_type_error():
    with pytest.raises(TypeError, match="str or bytes"):
        load_csv(["x,label"])


# --- load_file ---------------------------------------------------------------


def test_load_file_reads_csv_and_json_by_extension_in_any_case():
    assert load_file("Iris.CSV", IRIS.encode()).name == "Iris.CSV"
    json_text = (
        b'{"data": [{"xs": {"x": 1}, "ys": {"y": "a"}}, {"xs": {"x": 2}, "ys": {"y": "b"}}]}'
    )
    assert load_file("points.json", json_text).class_names == ("a", "b")


def test_load_file_passes_options_on():
    text = "width,height,kind\n1,2.5,3\n3,4,5\n"
    assert load_file("sizes.csv", text, label_column="height").problem == "regression"


@pytest.mark.parametrize("filename", ["data.xlsx", "data.txt", "data", "csv"])
def test_load_file_rejects_other_extensions_saying_what_it_reads(filename):
    with pytest.raises(DataError, match=f'reads .csv and .json files, and "{filename}" is neither'):
        load_file(filename, b"x,label\n1,a\n")


# --- any valid table round-trips ---------------------------------------------


@st.composite
def tables(draw):
    n_rows = draw(st.integers(2, 30))
    n_inputs = draw(st.integers(1, 4))
    number = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
    inputs = draw(st.lists(st.lists(number, min_size=n_inputs, max_size=n_inputs),
                           min_size=n_rows, max_size=n_rows))  # fmt: skip
    word = st.sampled_from(["cat", "dog", "bird, small", 'say "hi"', "Ünïcode"])
    labels = draw(
        st.lists(word, min_size=n_rows, max_size=n_rows).filter(lambda ls: len(set(ls)) > 1)
    )
    return inputs, labels


@given(tables())
def test_any_valid_csv_loads_back_to_its_numbers_and_labels(table):
    inputs, labels = table
    header = [f"in {j}" for j in range(len(inputs[0]))] + ["label"]
    text = csv_text([header] + [[repr(v) for v in row] + [lab] for row, lab in zip(inputs, labels)])
    data = load_csv(text.encode("utf-8"))
    assert data.input_names == tuple(header[:-1])
    assert [data.class_names[k] for k in data.targets] == labels
    raw = np.array(inputs)
    back = data.normalization.denormalize_inputs(data.inputs)
    span = raw.max(axis=0) - raw.min(axis=0)
    assert np.all(np.abs(back - raw) <= 1e-9 * np.maximum(span, 1))
