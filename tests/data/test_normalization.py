"""Tests for rescaling loaded values into the view and back."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from glassnet.data import INPUT_RANGE, TARGET_RANGE, DataError, Normalization

finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
tables = hnp.arrays(
    np.float64,
    st.tuples(st.integers(1, 20), st.integers(1, 4)),
    elements=finite,
)


def test_each_input_column_is_stretched_so_its_min_is_minus_5_and_its_max_is_5():
    raw = np.array([[10.0, -1.0], [20.0, 0.0], [15.0, 3.0]])
    norm = Normalization.fit(raw)
    assert INPUT_RANGE == (-5.0, 5.0)
    assert norm.input_min == (10.0, -1.0) and norm.input_max == (20.0, 3.0)
    assert np.array_equal(norm.normalize_inputs(raw), [[-5, -5], [5, -2.5], [0, 5]])


def test_regression_targets_are_rescaled_to_minus_1_to_1():
    norm = Normalization.fit(np.zeros((3, 1)), [100.0, 150.0, 300.0])
    assert TARGET_RANGE == (-1.0, 1.0)
    assert np.array_equal(norm.normalize_targets([100.0, 150.0, 300.0]), [-1, -0.5, 1])
    assert np.array_equal(norm.denormalize_targets([-1.0, 0.0, 1.0]), [100, 200, 300])


def test_a_constant_column_maps_to_0_and_back_to_its_value():
    norm = Normalization.fit([[7.0, 1.0], [7.0, 2.0]])
    assert np.array_equal(norm.normalize_inputs([[7.0, 1.0]]), [[0.0, -5.0]])
    assert np.array_equal(norm.denormalize_inputs([[0.0, -5.0], [3.0, 5.0]]), [[7, 1], [7, 2]])


def test_classification_data_has_no_target_range_to_undo():
    norm = Normalization.fit([[0.0], [1.0]])
    assert norm.target_min is None
    with pytest.raises(ValueError, match="no target range"):
        norm.normalize_targets([0.0])


def test_values_too_far_apart_to_rescale_are_a_data_error():
    with pytest.raises(DataError, match='column "big" go from -1e\\+308 to 1e\\+308'):
        Normalization.fit([[-1e308], [1e308]], input_names=["big"])


@given(tables)
def test_normalized_inputs_lie_in_minus_5_to_5_with_the_extremes_exactly_on_the_ends(raw):
    norm = Normalization.fit(raw)
    scaled = norm.normalize_inputs(raw)
    assert np.all(scaled >= -5) and np.all(scaled <= 5)
    for j in range(raw.shape[1]):
        if raw[:, j].min() < raw[:, j].max():
            assert scaled[:, j].min() == -5 and scaled[:, j].max() == 5


@given(tables)
def test_denormalizing_undoes_normalizing(raw):
    norm = Normalization.fit(raw)
    back = norm.denormalize_inputs(norm.normalize_inputs(raw))
    span = raw.max(axis=0) - raw.min(axis=0)
    # Rounding in (raw - min) / span * 10 costs a few ulps of the column's span.
    assert np.all(np.abs(back - raw) <= 1e-12 * np.maximum(span, np.abs(raw)) + 1e-300)


@given(hnp.arrays(np.float64, st.integers(1, 20), elements=finite))
def test_denormalizing_targets_undoes_normalizing(raw):
    norm = Normalization.fit(np.zeros((len(raw), 1)), raw)
    scaled = norm.normalize_targets(raw)
    assert np.all(np.abs(scaled) <= 1)
    back = norm.denormalize_targets(scaled)
    span = raw.max() - raw.min()
    assert np.all(np.abs(back - raw) <= 1e-12 * np.maximum(span, np.abs(raw)) + 1e-300)
