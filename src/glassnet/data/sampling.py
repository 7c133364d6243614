"""Small helpers for drawing random points, shared by the generators and the split.

Every random number in the data layer comes from ``np.random.default_rng(seed)``,
so the same arguments always give bit-identical points. This module does not
know any dataset by name.
"""

from __future__ import annotations

import numbers

import numpy as np

from .dataset import VIEW


def check_seed(seed) -> int:
    """Return ``seed`` if it is a whole number >= 0, else raise ``ValueError``."""
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ValueError(f"seed must be a whole number 0 or larger, not {seed!r}")
    return int(seed)


def class_sizes(n_points: int, n_classes: int) -> list[int]:
    """Share ``n_points`` over classes as evenly as possible.

    Returns a list of ``n_classes`` counts adding up to ``n_points``; they differ
    by at most one, and the first classes get the extra points.
    """
    base, extra = divmod(n_points, n_classes)
    return [base + 1 if k < extra else base for k in range(n_classes)]


def normal_in_view(rng: np.random.Generator, mean, std: float, n_points: int) -> np.ndarray:
    """Gaussian points around ``mean``, each coordinate kept inside the view.

    Parameters
    ----------
    rng : numpy.random.Generator
    mean : array_like, shape (2,) or (n_points, 2)
        One centre for all points, or one per point. Must be inside the view.
    std : float
        Standard deviation of each coordinate.
    n_points : int

    Returns
    -------
    ndarray, shape (n_points, 2)

    Notes
    -----
    A Gaussian has no edge, so a few points of a wide cloud would land off the
    -6..6 view and never be seen. Those coordinates are drawn again (a truncated
    Gaussian); with the spreads used here that is only the far tail.
    """
    mean = np.broadcast_to(np.asarray(mean, dtype=np.float64), (n_points, 2))
    points = rng.normal(mean, std)
    outside = np.abs(points) > VIEW[1]
    while outside.any():
        points[outside] = rng.normal(mean[outside], std)
        outside = np.abs(points) > VIEW[1]
    return points
