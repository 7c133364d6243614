"""Tests for the train/test split."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from glassnet.data import train_test_split


def test_the_training_part_has_floor_of_n_times_percent_over_100_points_as_in_the_playground():
    for n, percent in [(500, 50), (500, 30), (1200, 90), (7, 50), (13, 70)]:
        train, test = train_test_split(n, percent, seed=0)
        assert len(train) == math.floor(n * percent / 100)
        assert len(test) == n - len(train)


def test_the_parts_are_sorted_int64_indices_that_cover_every_point_once():
    train, test = train_test_split(100, 60, seed=3)
    assert train.dtype == np.int64 and test.dtype == np.int64
    assert np.all(np.diff(train) > 0) and np.all(np.diff(test) > 0)
    assert np.array_equal(np.sort(np.concatenate([train, test])), np.arange(100))


def test_the_same_seed_gives_the_same_split_and_another_seed_another():
    first, again, other = (train_test_split(200, 50, seed=s) for s in (1, 1, 2))
    assert np.array_equal(first[0], again[0]) and np.array_equal(first[1], again[1])
    assert not np.array_equal(first[0], other[0])


def test_both_parts_keep_a_point_even_when_rounding_would_empty_one():
    assert [len(part) for part in train_test_split(2, 10, seed=0)] == [1, 1]
    assert [len(part) for part in train_test_split(3, 90, seed=0)] == [2, 1]


def test_a_single_point_trains_and_no_points_give_two_empty_parts():
    assert [len(part) for part in train_test_split(1, 50, seed=0)] == [1, 0]
    assert [len(part) for part in train_test_split(0, 50, seed=0)] == [0, 0]


@pytest.mark.parametrize("percent", [9, 91, 0, 100, math.nan, "50"])
def test_a_percent_outside_10_to_90_is_rejected_naming_the_range(percent):
    with pytest.raises(ValueError, match="percent from 10 to 90"):
        train_test_split(100, percent, seed=0)


@pytest.mark.parametrize("n_points", [-1, 2.5, True])
def test_the_number_of_points_must_be_a_whole_number(n_points):
    with pytest.raises(ValueError, match="n_points"):
        train_test_split(n_points, 50, seed=0)


@given(st.integers(0, 5000), st.floats(10, 90), st.integers(0, 2**32))
def test_any_split_is_a_partition_with_both_parts_non_empty_from_two_points(n, percent, seed):
    train, test = train_test_split(n, percent, seed)
    assert len(np.intersect1d(train, test)) == 0
    assert len(train) + len(test) == n
    if n >= 2:
        assert len(train) >= 1 and len(test) >= 1
