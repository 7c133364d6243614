"""The six datasets of TensorFlow Playground, with the same shapes and scales.

Each function follows one generator in the Playground's ``src/dataset.ts``
(github.com/tensorflow/playground) and keeps its numbers: the radii, the padding,
the spiral's turns, the label scales. Two things differ on purpose:

- The Playground labels classes -1 and +1. Here its +1 is class 1 and its -1 is
  class 0, because a network's outputs are indexed from 0.
- Random numbers come from NumPy, not the Playground's JavaScript generator, so
  the exact points differ while their pattern is the same.

``noise`` here is a fraction from 0 to 0.5, which is what the Playground passes
to its generators (its slider shows 0 to 50 percent and divides by 100).

Every function takes ``(rng, n_points, noise)`` and returns
``(inputs, targets)``: float64 of shape ``(n_points, 2)`` and labels of shape
``(n_points,)``. Points come grouped by class. This module does not know
the registry, the Dataset record or the limits; ``generators.py`` wraps them.
"""

from __future__ import annotations

import numpy as np

from .sampling import class_sizes, normal_in_view


def circle(rng: np.random.Generator, n_points: int, noise: float):
    """Class 1 in a disc of radius 2.5, class 0 in a ring from 3.5 to 5.

    Noise moves the spot where each label is read, not the point itself: a point
    keeps its place but may take the other class if it sits near the gap.
    """
    radius = 5.0
    n_outside, n_inside = class_sizes(n_points, 2)
    # Like the Playground, r is uniform (not uniform in area), so the centre is dense.
    r = np.concatenate(
        [
            rng.uniform(radius * 0.7, radius, n_outside),  # class 0: the ring
            rng.uniform(0.0, radius * 0.5, n_inside),  # class 1: the disc
        ]
    )
    angle = rng.uniform(0.0, 2 * np.pi, n_points)
    points = np.column_stack([r * np.sin(angle), r * np.cos(angle)])  # (n_points, 2)
    shift = rng.uniform(-radius, radius, (n_points, 2)) * noise
    label_spot = points + shift
    labels = np.hypot(label_spot[:, 0], label_spot[:, 1]) < radius * 0.5
    return points, labels.astype(np.int64)


def xor(rng: np.random.Generator, n_points: int, noise: float):
    """Class 1 where x1 and x2 have the same sign, class 0 where they differ.

    Each coordinate is pushed 0.3 away from the axes, leaving a gap along them.
    """
    points = rng.uniform(-5.0, 5.0, (n_points, 2))
    padding = 0.3
    points += np.where(points > 0, padding, -padding)
    shift = rng.uniform(-5.0, 5.0, (n_points, 2)) * noise
    label_spot = points + shift
    labels = label_spot[:, 0] * label_spot[:, 1] >= 0
    return points, labels.astype(np.int64)


def gauss(rng: np.random.Generator, n_points: int, noise: float):
    """Two round clouds: class 1 around (2, 2), class 0 around (-2, -2).

    Noise widens both clouds: the variance goes from 0.5 at no noise to 4 at the
    most noise (the Playground's linear scale from 0..0.5 to 0.5..4).
    """
    variance = 0.5 + noise * (4.0 - 0.5) / 0.5
    std = np.sqrt(variance)
    n_negative, n_positive = class_sizes(n_points, 2)
    points = np.concatenate(
        [
            normal_in_view(rng, (-2.0, -2.0), std, n_negative),
            normal_in_view(rng, (2.0, 2.0), std, n_positive),
        ]
    )
    labels = np.repeat([0, 1], [n_negative, n_positive])
    return points, labels.astype(np.int64)


def spiral(rng: np.random.Generator, n_points: int, noise: float):
    """Two arms winding out from the centre, 1.75 turns each, half a turn apart.

    Along each arm the radius grows from 0 to 5 as the angle turns. Noise jiggles
    each point by up to ``noise`` in x1 and x2. Without noise the points are the
    same for every seed: the arms have no randomness in them.
    """
    parts, labels = [], []
    # Class 1 is the Playground's positive arm (no offset); class 0 starts half a turn on.
    for label, (count, offset) in enumerate(zip(class_sizes(n_points, 2), (np.pi, 0.0))):
        step = np.arange(count) / count  # 0 .. almost 1 along the arm
        r = step * 5.0
        t = 1.75 * step * 2 * np.pi + offset
        jiggle = rng.uniform(-1.0, 1.0, (count, 2)) * noise
        parts.append(np.column_stack([r * np.sin(t), r * np.cos(t)]) + jiggle)
        labels.append(np.full(count, label))
    return np.concatenate(parts), np.concatenate(labels).astype(np.int64)


def plane(rng: np.random.Generator, n_points: int, noise: float):
    """Regression on a tilted plane: the target is (x1 + x2) / 10.

    The Playground maps x1 + x2 from -10..10 onto -1..1 without clamping, so in
    the corners, where x1 + x2 reaches 12, the target reaches 1.2. Noise reads the
    target at a spot shifted by up to 6 * noise in each direction.
    """
    radius = 6.0
    points = rng.uniform(-radius, radius, (n_points, 2))
    shift = rng.uniform(-radius, radius, (n_points, 2)) * noise
    label_spot = points + shift
    targets = (label_spot[:, 0] + label_spot[:, 1]) / 10.0
    return points, targets


# The Playground's six bumps for multi_gauss: centre x1, centre x2, and sign (+1 up, -1 down).
GAUSSIANS = np.array(
    [
        [-4.0, 2.5, 1.0],
        [0.0, 2.5, -1.0],
        [4.0, 2.5, 1.0],
        [-4.0, -2.5, -1.0],
        [0.0, -2.5, 1.0],
        [4.0, -2.5, -1.0],
    ]
)


def multi_gauss(rng: np.random.Generator, n_points: int, noise: float):
    """Regression on six bumps, three up (+1) and three down (-1), in two rows.

    Each bump's height falls in a straight line from 1 at its centre to 0 at
    distance 2 (a cone, despite the name). A point takes the height of the bump
    that is tallest there, by absolute value; targets lie in -1..1.
    """
    radius = 6.0
    points = rng.uniform(-radius, radius, (n_points, 2))
    shift = rng.uniform(-radius, radius, (n_points, 2)) * noise
    label_spot = points + shift
    centres, signs = GAUSSIANS[:, :2], GAUSSIANS[:, 2]
    distance = np.hypot(  # (n_points, 6): from each point to each centre
        label_spot[:, None, 0] - centres[None, :, 0],
        label_spot[:, None, 1] - centres[None, :, 1],
    )
    heights = signs * np.clip(1.0 - distance / 2.0, 0.0, 1.0)  # (n_points, 6)
    # argmax keeps the first bump on a tie, as the Playground's strict ">" does.
    tallest = np.argmax(np.abs(heights), axis=1)
    return points, heights[np.arange(n_points), tallest]
