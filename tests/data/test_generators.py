"""Tests for the generated datasets: each set's defining shape, checked from outside.

The expected rules are written here from TensorFlow Playground's ``src/dataset.ts``
and from geometry, not copied from the generators, so a wrong formula fails.
"""

import math

import numpy as np
import pytest

from glassnet.data import DATASETS, MAX_NOISE, PROBLEMS, Dataset, generate
from glassnet.limits import MAX_POINTS


def radius(points):
    return np.hypot(points[:, 0], points[:, 1])


# --- every set ---------------------------------------------------------------


def test_the_registry_holds_the_playground_sets_and_ours():
    playground = {"circle", "xor", "gauss", "spiral", "plane", "multi_gauss"}
    ours = {"moons", "blobs", "checkerboard", "sine"}
    assert set(DATASETS) == playground | ours


@pytest.mark.parametrize("name", DATASETS)
def test_each_spec_is_named_by_its_key_and_described_in_one_sentence(name):
    spec = DATASETS[name]
    assert spec.name == name
    assert spec.label and spec.problem in PROBLEMS
    assert spec.description.endswith(".") and spec.description.count(". ") == 0
    if spec.problem == "classification":
        assert spec.classes >= 2
    else:
        assert spec.classes == 0


@pytest.mark.parametrize("name", DATASETS)
def test_every_set_has_the_documented_shapes_dtypes_and_names(name):
    data = generate(name, n=101, noise=10, seed=4)
    assert isinstance(data, Dataset)
    assert data.name == name and data.normalization is None
    n_inputs = 1 if name == "sine" else 2
    assert data.inputs.shape == (101, n_inputs) and data.inputs.dtype == np.float64
    assert data.input_names == ("x1", "x2")[:n_inputs]
    assert data.targets.shape == (101,)
    if data.problem == "classification":
        assert data.targets.dtype == np.int64
        assert data.class_names == tuple(str(k) for k in range(DATASETS[name].classes))
        assert set(np.unique(data.targets)) <= set(range(data.n_classes))
    else:
        assert data.targets.dtype == np.float64 and data.class_names == ()


@pytest.mark.parametrize("name", DATASETS)
def test_every_set_stays_inside_the_view_even_at_the_most_noise(name):
    data = generate(name, n=MAX_POINTS, noise=MAX_NOISE, seed=1)
    assert np.abs(data.inputs).max() <= 6


@pytest.mark.parametrize("name", DATASETS)
def test_the_same_seed_gives_bit_identical_points(name):
    first, second = generate(name, noise=25, seed=7), generate(name, noise=25, seed=7)
    assert first.inputs.tobytes() == second.inputs.tobytes()
    assert first.targets.tobytes() == second.targets.tobytes()


@pytest.mark.parametrize("name", DATASETS)
def test_a_different_seed_gives_different_points(name):
    first, second = generate(name, noise=25, seed=7), generate(name, noise=25, seed=8)
    assert not np.array_equal(first.inputs, second.inputs)


# In xor and checkerboard the class follows where a uniform point falls, as in the
# Playground, so their shares are only roughly equal.
@pytest.mark.parametrize("name", ["circle", "gauss", "spiral", "moons", "blobs"])
def test_classes_that_are_drawn_separately_get_equal_shares(name):
    data = generate(name, n=501, noise=0, seed=2)
    counts = np.bincount(data.targets, minlength=data.n_classes)
    assert counts.max() - counts.min() <= 1


@pytest.mark.parametrize("name", DATASETS)
def test_default_sizes_follow_the_playground(name):
    expected = 500 if DATASETS[name].problem == "classification" else 1200
    assert generate(name).n_points == expected


# --- arguments ---------------------------------------------------------------


def test_an_unknown_name_is_rejected_with_the_known_names_listed():
    with pytest.raises(ValueError, match="no dataset called 'circles'") as error:
        generate("circles")
    for name in DATASETS:
        assert name in str(error.value)


@pytest.mark.parametrize("noise", [-1, 50.5, 100, math.nan, "10", True])
def test_noise_outside_0_to_50_percent_is_rejected_naming_the_range(noise):
    with pytest.raises(ValueError, match="percent from 0 to 50"):
        generate("circle", noise=noise)


def test_noise_may_be_any_percent_in_range_not_only_slider_steps():
    assert generate("circle", noise=12.5).n_points == 500


@pytest.mark.parametrize("n", [0, 1, MAX_POINTS + 1, 2.5, True])
def test_a_number_of_points_outside_2_to_max_points_is_rejected(n):
    with pytest.raises(ValueError, match=f"from 2 to {MAX_POINTS}"):
        generate("xor", n=n)


@pytest.mark.parametrize("seed", [-1, 1.5, "a"])
def test_a_seed_must_be_a_whole_number_0_or_larger(seed):
    with pytest.raises(ValueError, match="seed"):
        generate("xor", seed=seed)


def test_an_option_a_set_does_not_take_is_rejected():
    with pytest.raises(ValueError, match="'circle' takes no options, not classes"):
        generate("circle", classes=3)
    with pytest.raises(ValueError, match="takes only classes, not colour"):
        generate("blobs", colour="red")


# --- the Playground's sets ---------------------------------------------------


def test_circle_without_noise_puts_class_1_inside_2_5_and_class_0_from_3_5_to_5():
    data = generate("circle", n=2000, noise=0, seed=0)
    r = radius(data.inputs)
    inside, outside = data.targets == 1, data.targets == 0
    assert r[inside].max() <= 2.5
    assert r[outside].min() >= 3.5 and r[outside].max() <= 5


def test_circle_noise_relabels_points_near_the_gap_but_does_not_move_them():
    data = generate("circle", n=2000, noise=50, seed=0)
    r = radius(data.inputs)
    assert np.all((r <= 2.5) | ((r >= 3.5) & (r <= 5)))  # still a disc and a ring
    assert np.any((r <= 2.5) & (data.targets == 0))  # some disc points took class 0
    assert np.any((r >= 3.5) & (data.targets == 1))


def test_xor_labels_follow_the_sign_of_x_times_y():
    data = generate("xor", n=2000, noise=0, seed=0)
    x1, x2 = data.inputs.T
    assert np.array_equal(data.targets, (x1 * x2 >= 0).astype(int))


def test_xor_keeps_a_gap_of_0_3_along_both_axes():
    data = generate("xor", n=2000, noise=0, seed=0)
    assert np.abs(data.inputs).min() >= 0.3
    assert np.abs(data.inputs).max() <= 5.3


def test_xor_noise_flips_some_labels():
    data = generate("xor", n=2000, noise=50, seed=0)
    x1, x2 = data.inputs.T
    wrong = data.targets != (x1 * x2 >= 0)
    assert 0 < wrong.mean() < 0.5


def test_gauss_puts_class_1_around_2_2_and_class_0_around_minus_2_minus_2():
    data = generate("gauss", n=4000, noise=0, seed=0)
    assert np.allclose(data.inputs[data.targets == 1].mean(axis=0), [2, 2], atol=0.1)
    assert np.allclose(data.inputs[data.targets == 0].mean(axis=0), [-2, -2], atol=0.1)


def test_gauss_variance_goes_from_0_5_without_noise_towards_4_at_the_most_noise():
    def variance(noise):
        data = generate("gauss", n=5000, noise=noise, seed=0)
        return data.inputs[data.targets == 0].var(axis=0).mean()

    assert variance(0) == pytest.approx(0.5, rel=0.1)
    assert variance(25) == pytest.approx(0.5 + 3.5 / 2, rel=0.1)
    # At 50 the variance is 4, less the far tail that would fall outside the view.
    assert 3.2 < variance(50) <= 4.2


def test_spiral_radius_grows_along_each_arm_up_to_5():
    data = generate("spiral", n=1000, noise=0, seed=0)
    for label in (0, 1):
        r = radius(data.inputs[data.targets == label])
        assert np.all(np.diff(r) > 0)
        assert r[0] == 0 and r.max() < 5


def test_spiral_arms_turn_1_75_times():
    data = generate("spiral", n=1000, noise=0, seed=0)
    arm = data.inputs[data.targets == 1][1:]  # skip the centre, which has no angle
    # The Playground sets x = r sin(t) and y = r cos(t), so t = atan2(x, y).
    turned = np.unwrap(np.arctan2(arm[:, 0], arm[:, 1]))
    assert (turned[-1] - turned[0]) / (2 * np.pi) == pytest.approx(1.75, abs=0.01)


def test_spiral_arms_are_half_a_turn_apart():
    data = generate("spiral", n=1000, noise=0, seed=0)
    assert np.allclose(data.inputs[data.targets == 0], -data.inputs[data.targets == 1])


def test_spiral_without_noise_is_the_same_for_every_seed():
    assert np.array_equal(generate("spiral", seed=1).inputs, generate("spiral", seed=2).inputs)


def test_spiral_noise_moves_points_by_at_most_the_noise_fraction():
    calm = generate("spiral", n=500, noise=0, seed=3)
    noisy = generate("spiral", n=500, noise=40, seed=3)
    assert np.abs(noisy.inputs - calm.inputs).max() <= 0.4


def test_plane_targets_are_x_plus_y_over_10_without_clamping_as_in_the_playground():
    data = generate("plane", n=3000, noise=0, seed=0)
    x1, x2 = data.inputs.T
    assert np.allclose(data.targets, (x1 + x2) / 10)
    assert data.targets.max() > 1  # corners reach 1.2: the Playground does not clamp


def test_plane_noise_reads_the_target_up_to_6_times_noise_away():
    data = generate("plane", n=3000, noise=50, seed=0)
    x1, x2 = data.inputs.T
    error = np.abs(data.targets - (x1 + x2) / 10)
    assert error.max() <= 2 * 6 * 0.5 / 10 and error.max() > 0.3


def playground_multi_gauss_label(x, y):
    """regressGaussian's getLabel, line by line from the Playground's dataset.ts."""
    gaussians = [
        [-4, 2.5, 1],
        [0, 2.5, -1],
        [4, 2.5, 1],
        [-4, -2.5, -1],
        [0, -2.5, 1],
        [4, -2.5, -1],
    ]
    label = 0.0
    for cx, cy, sign in gaussians:
        distance = math.sqrt((x - cx) ** 2 + (y - cy) ** 2)
        scaled = min(max(1 - distance / 2, 0), 1)  # d3 linear [0, 2] -> [1, 0], clamped
        new_label = sign * scaled
        if abs(new_label) > abs(label):
            label = new_label
    return label


def test_multi_gauss_matches_the_playground_label_rule_point_by_point():
    data = generate("multi_gauss", n=400, noise=0, seed=0)
    expected = [playground_multi_gauss_label(x, y) for x, y in data.inputs]
    assert np.allclose(data.targets, expected)
    assert data.targets.min() >= -1 and data.targets.max() <= 1


def test_multi_gauss_peaks_at_its_six_centres():
    data = generate("multi_gauss", n=5000, noise=0, seed=0)
    near = radius(data.inputs - [4, 2.5]) < 0.2
    assert data.targets[near].min() > 0.9


# --- our sets ----------------------------------------------------------------


def test_moons_lie_on_two_half_circles_of_radius_10_over_3():
    data = generate("moons", n=1000, noise=0, seed=0)
    scale = 10 / 3
    upper_centre, lower_centre = np.array([-0.5, -0.25]) * scale, np.array([0.5, 0.25]) * scale
    upper, lower = data.inputs[data.targets == 0], data.inputs[data.targets == 1]
    assert np.allclose(radius(upper - upper_centre), scale)
    assert np.allclose(radius(lower - lower_centre), scale)
    assert np.all(upper[:, 1] >= upper_centre[1] - 1e-12)  # arches up
    assert np.all(lower[:, 1] <= lower_centre[1] + 1e-12)  # hangs down
    assert data.inputs[:, 0].min() >= -5 and data.inputs[:, 0].max() <= 5


def test_moons_noise_spreads_the_points_off_the_arcs():
    data = generate("moons", n=1000, noise=30, seed=0)
    upper = data.inputs[data.targets == 0]
    off = np.abs(radius(upper - np.array([-0.5, -0.25]) * 10 / 3) - 10 / 3)
    assert off.mean() > 0.3


@pytest.mark.parametrize("classes", [2, 3, 4, 5, 6])
def test_blobs_make_2_to_6_balanced_classes_evenly_around_a_circle(classes):
    data = generate("blobs", n=600, noise=0, seed=0, classes=classes)
    assert data.class_names == tuple(str(k) for k in range(classes))
    counts = np.bincount(data.targets)
    assert len(counts) == classes and counts.max() - counts.min() <= 1
    centres = np.array([data.inputs[data.targets == k].mean(axis=0) for k in range(classes)])
    assert np.allclose(radius(centres), 3.5, atol=0.2)
    angles = np.arctan2(centres[:, 1], centres[:, 0])
    steps = np.diff(np.unwrap(angles))
    assert np.allclose(steps, 2 * np.pi / classes, atol=0.1)
    assert angles[0] == pytest.approx(np.pi / 2, abs=0.1)  # class 0 at 12 o'clock


def test_blobs_default_to_three_classes():
    assert generate("blobs").n_classes == 3


@pytest.mark.parametrize("classes", [1, 7, 2.0, True])
def test_blobs_reject_a_class_count_outside_2_to_6(classes):
    with pytest.raises(ValueError, match="from 2 to 6"):
        generate("blobs", classes=classes)


def test_blobs_noise_widens_the_clouds():
    def spread(noise):
        data = generate("blobs", n=3000, noise=noise, seed=0, classes=2)
        return data.inputs[data.targets == 0].std(axis=0).mean()

    assert spread(0) == pytest.approx(np.sqrt(0.5), rel=0.1)
    assert spread(50) > 2 * spread(0)


def cell(points):
    """Which of the 4 x 4 squares each point is in: (column, row), each 0..3."""
    return np.clip(((points + 6) // 3).astype(int), 0, 3)


def test_checkerboard_is_4_by_4_squares_of_alternating_class():
    data = generate("checkerboard", n=4000, noise=0, seed=0)
    columns, rows = cell(data.inputs).T
    board = np.full((4, 4), -1)
    for column, row, label in zip(columns, rows, data.targets):
        assert board[column, row] in (-1, label)  # one class per square
        board[column, row] = label
    assert np.all(board[1:] != board[:-1]) and np.all(board[:, 1:] != board[:, :-1])
    assert board[2, 2] == 1  # the square from (0, 0) to (3, 3), like xor's (+, +) corner


def test_checkerboard_noise_flips_points_near_the_edges_only():
    calm = generate("checkerboard", n=4000, noise=0, seed=5)
    noisy = generate("checkerboard", n=4000, noise=30, seed=5)
    columns, rows = cell(noisy.inputs).T
    expected = (columns + rows) % 2 == 0  # the board seen in the test above
    flipped = noisy.targets != expected
    assert flipped.any()
    # A shift of at most 3 * 0.3 = 0.9 cannot cross an edge from deeper inside.
    offset = (noisy.inputs + 6) % 3
    distance_to_edge = np.minimum(offset, 3 - offset).min(axis=1)
    assert distance_to_edge[flipped].max() <= 0.9
    assert calm.n_points == noisy.n_points


def test_sine_is_one_input_with_target_sin_x():
    data = generate("sine", n=500, noise=0, seed=0)
    assert data.inputs.shape == (500, 1)
    assert np.allclose(data.targets, np.sin(data.inputs[:, 0]))
    assert data.inputs.min() >= -6 and data.inputs.max() <= 6


def test_sine_noise_adds_at_most_the_noise_fraction_to_the_target():
    data = generate("sine", n=2000, noise=20, seed=0)
    error = np.abs(data.targets - np.sin(data.inputs[:, 0]))
    assert 0.15 < error.max() <= 0.2
