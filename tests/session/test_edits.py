"""Edits of the points as pure functions: checked, and nothing changes in place."""

import numpy as np
import pytest

from glassnet import limits
from glassnet.session import SessionError, Settings
from glassnet.session.edits import add_point, remove_point
from glassnet.session.points import Points
from glassnet.session.workspace import generated_points

CIRCLE = generated_points(Settings())


def test_adding_a_point_returns_new_points_and_leaves_the_old_ones_alone():
    more = add_point(CIRCLE, [1.5, -2.0], 1, "binary", 2)
    assert more.n_drawn == 1 and CIRCLE.n_drawn == 0
    np.testing.assert_array_equal(more.all_inputs()[-1], [1.5, -2.0])


@pytest.mark.parametrize(
    "x, target, kind, message",
    [
        ([7.0, 0.0], 0, "binary", "A coordinate must be a number from -6 to 6"),
        ([1.0], 0, "binary", "needs 2 coordinates"),
        ([1.0, 1.0], 2, "binary", "class must be a whole number from 0 to 1"),
        ([1.0, 1.0], True, "binary", "class must be a whole number"),
        ([1.0, 1.0], 1.5, "regression", "value must be a number from -1 to 1"),
    ],
)
def test_a_bad_point_is_refused(x, target, kind, message):
    with pytest.raises(SessionError, match=message):
        add_point(CIRCLE, x, target, kind, 2)


def test_a_dataset_holds_at_most_max_points():
    n_drawn = limits.MAX_POINTS - CIRCLE.base.n_points
    full = Points(CIRCLE.base, np.zeros((n_drawn, 2)), np.zeros(n_drawn, dtype=np.int64))
    with pytest.raises(SessionError, match="at most 5000 points"):
        add_point(full, [0.0, 0.0], 0, "binary", 2)
    # A removed point is still stored (Clear brings it back), so it still counts.
    with pytest.raises(SessionError, match="counting the 1 removed ones Clear brings back"):
        add_point(remove_point(full, 0), [0.0, 0.0], 0, "binary", 2)


def test_removing_a_point_twice_is_refused():
    fewer = remove_point(CIRCLE, 3)
    assert fewer.removed == {3}
    with pytest.raises(SessionError, match="Point 3 was already removed"):
        remove_point(fewer, 3)
    with pytest.raises(SessionError, match="numbered 0 to 499"):
        remove_point(CIRCLE, 500)
