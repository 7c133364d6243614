"""Splitting points into a training part and a test part.

The network learns from the training points only; the test points show how well
it does on points it has never seen. This module picks which is which, by index,
from a seeded shuffle. It does not know the points themselves.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from .sampling import check_seed

# The range of the Playground's "ratio of training to test data" slider.
MIN_TRAIN_PERCENT = 10
MAX_TRAIN_PERCENT = 90


def train_test_split(n_points: int, train_percent: float, seed: int):
    """Choose which points train and which test.

    Parameters
    ----------
    n_points : int
        How many points there are (0 or more).
    train_percent : float
        The percent used for training, from 10 to 90: the Playground's
        ``percTrainData`` URL key and slider. As there, the training part has
        ``floor(n_points * train_percent / 100)`` points.
    seed : int
        Seeds the shuffle; the same arguments give the same split.

    Returns
    -------
    train_indices, test_indices : ndarray of int64, shapes (n_train,) and (n_test,)
        Point indices in increasing order. Together they hold each of
        ``0 .. n_points-1`` exactly once. With 2 or more points, both parts have at
        least one point (the rounded count is nudged if needed); a single point
        goes to training.
    """
    if isinstance(n_points, bool) or not isinstance(n_points, numbers.Integral) or n_points < 0:
        raise ValueError(f"n_points must be a whole number 0 or larger, not {n_points!r}")
    if (
        isinstance(train_percent, bool)
        or not isinstance(train_percent, numbers.Real)
        or not MIN_TRAIN_PERCENT <= train_percent <= MAX_TRAIN_PERCENT
    ):
        raise ValueError(
            f"train_percent is a percent from {MIN_TRAIN_PERCENT} to {MAX_TRAIN_PERCENT}, "
            f"not {train_percent!r}"
        )
    order = np.random.default_rng(check_seed(seed)).permutation(int(n_points))
    n_train = math.floor(n_points * train_percent / 100)
    # With two or more points keep at least one in each part; a single point trains.
    n_train = min(max(n_train, 1), n_points - 1) if n_points >= 2 else n_points
    train = np.sort(order[:n_train]).astype(np.int64)
    test = np.sort(order[n_train:]).astype(np.int64)
    return train, test
