"""Every dataset glassnet can make, registered once in ``DATASETS``, and ``generate``.

Six sets come from TensorFlow Playground (see ``playground.py``); four are ours:
``moons``, ``blobs``, ``checkerboard`` and ``sine``. All of them lie in the
playground's view, -6..6 on each axis.

``generate(name, n=..., noise=..., seed=...)`` makes one as a ``Dataset``.
``noise`` is a percent from 0 to 50, exactly like the Playground's noise slider
and its ``noise`` URL key. The same arguments always give the same points.

This module does not know files, features, splits or networks.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from glassnet.limits import MAX_POINTS

from . import playground
from .dataset import Dataset
from .sampling import check_seed, class_sizes, normal_in_view

MAX_NOISE = 50
"""The largest noise, in percent (the Playground's slider also stops at 50)."""

MIN_BLOBS = 2
MAX_BLOBS = 6
"""The fewest and the most classes the ``blobs`` set can have (drawn points too)."""


def moons(rng: np.random.Generator, n_points: int, noise: float):
    """Two interleaving half circles: class 0 arches up, class 1 hangs down into it.

    The classic "moons" shape (as in scikit-learn's ``make_moons``) stretched by
    10/3 so it spans -5..5 across. Noise adds Gaussian jitter to every point, with
    a spread of ``noise`` in the original moon units (up to 1.67 in the view).
    """
    scale = 10.0 / 3.0
    n_upper, n_lower = class_sizes(n_points, 2)
    t_upper = rng.uniform(0.0, np.pi, n_upper)
    t_lower = rng.uniform(0.0, np.pi, n_lower)
    upper = np.column_stack([np.cos(t_upper), np.sin(t_upper)])
    lower = np.column_stack([1.0 - np.cos(t_lower), 0.5 - np.sin(t_lower)])
    # The moons together span x from -1 to 2 and y from -0.5 to 1; centre them on 0.
    points = (np.concatenate([upper, lower]) - [0.5, 0.25]) * scale  # (n_points, 2)
    if noise > 0:
        points = normal_in_view(rng, points, noise * scale, n_points)
    labels = np.repeat([0, 1], [n_upper, n_lower])
    return points, labels.astype(np.int64)


def blobs(rng: np.random.Generator, n_points: int, noise: float, classes: int = 3):
    """Round clouds, one per class, spaced evenly on a circle of radius 3.5.

    Class 0 sits straight up (at 12 o'clock) and the others follow counter-
    clockwise. Noise widens the clouds exactly as in ``gauss``: the variance goes
    from 0.5 to 4.
    """
    if isinstance(classes, bool) or not isinstance(classes, numbers.Integral):
        raise ValueError(
            f"classes must be a whole number from {MIN_BLOBS} to {MAX_BLOBS}, not {classes!r}"
        )
    if not MIN_BLOBS <= classes <= MAX_BLOBS:
        raise ValueError(f"classes must be from {MIN_BLOBS} to {MAX_BLOBS}, not {classes}")
    std = np.sqrt(0.5 + noise * (4.0 - 0.5) / 0.5)
    sizes = class_sizes(n_points, classes)
    angles = np.pi / 2 + 2 * np.pi * np.arange(classes) / classes
    centres = 3.5 * np.column_stack([np.cos(angles), np.sin(angles)])  # (classes, 2)
    points = np.concatenate(
        [normal_in_view(rng, centre, std, size) for centre, size in zip(centres, sizes)]
    )
    labels = np.repeat(np.arange(classes), sizes)
    return points, labels.astype(np.int64)


def checkerboard(rng: np.random.Generator, n_points: int, noise: float):
    """A 4 x 4 board of 3 x 3 squares over the view, coloured alternately.

    Class 1 takes the square from (0, 0) to (3, 3) and every square of its colour,
    so the middle four squares agree with ``xor``. Like the Playground's sets,
    noise moves the spot where the label is read (by up to 3 * noise in x1 and
    x2), so points near an edge may take the other colour.
    """
    size = 3.0
    points = rng.uniform(-6.0, 6.0, (n_points, 2))
    shift = rng.uniform(-size, size, (n_points, 2)) * noise
    square = np.floor((points + shift) / size)  # which column and row of the board
    labels = (square[:, 0] + square[:, 1]) % 2 == 0
    return points, labels.astype(np.int64)


def sine(rng: np.random.Generator, n_points: int, noise: float):
    """1-D regression: the target is sin(x1) for x1 across the view, -6..6.

    sin already spans -1..1, the Playground's regression range. Noise adds a random
    amount from -noise to +noise to each target (up to 0.5), so noisy targets can
    go a little past -1..1.
    """
    x = rng.uniform(-6.0, 6.0, n_points)
    targets = np.sin(x) + rng.uniform(-1.0, 1.0, n_points) * noise
    return x[:, None], targets  # inputs (n_points, 1)


@dataclass(frozen=True)
class DatasetSpec:
    """One entry of the ``DATASETS`` registry.

    Attributes
    ----------
    name : str
        The key in ``DATASETS``, e.g. ``"circle"``. For the Playground's four
        classification sets it is also its ``dataset`` URL value.
    label : str
        The name shown on screen, e.g. ``"Circle"``.
    problem : str
        ``"classification"`` or ``"regression"``.
    classes : int
        How many classes it makes by default; 0 for regression.
    description : str
        One plain sentence saying what the set looks like.
    make : callable
        ``make(rng, n_points, noise_fraction, **options) -> (inputs, targets)``.
    default_points : int
        How many points ``generate`` makes when ``n`` is not given.
    options : tuple of str
        Names of the extra keyword options ``generate`` accepts for this set.
    inputs : int
        How many raw inputs each point has: 2 (x1, x2), or 1 (x1) for ``sine``.
    """

    name: str
    label: str
    problem: str
    classes: int
    description: str
    make: Callable
    default_points: int
    options: tuple[str, ...] = ()
    inputs: int = 2


# The Playground makes 500 points for classification and 1200 for regression.
_CLASSIFY, _REGRESS = 500, 1200

_SPECS = [
    DatasetSpec(
        name="circle",
        label="Circle",
        problem="classification",
        classes=2,
        description="One class in a disc at the centre, the other in a ring around it.",
        make=playground.circle,
        default_points=_CLASSIFY,
    ),
    DatasetSpec(
        name="xor",
        label="Exclusive or",
        problem="classification",
        classes=2,
        description="Four squares of points; opposite corners share a class.",
        make=playground.xor,
        default_points=_CLASSIFY,
    ),
    DatasetSpec(
        name="gauss",
        label="Two Gaussians",
        problem="classification",
        classes=2,
        description="Two round clouds of points, one for each class, on opposite corners.",
        make=playground.gauss,
        default_points=_CLASSIFY,
    ),
    DatasetSpec(
        name="spiral",
        label="Spiral",
        problem="classification",
        classes=2,
        description="Two spiral arms wound around each other, one for each class.",
        make=playground.spiral,
        default_points=_CLASSIFY,
    ),
    DatasetSpec(
        name="plane",
        label="Plane",
        problem="regression",
        classes=0,
        description="A value that rises steadily from the bottom-left corner to the top-right.",
        make=playground.plane,
        default_points=_REGRESS,
    ),
    DatasetSpec(
        name="multi_gauss",
        label="Multiple Gaussians",
        problem="regression",
        classes=0,
        description="Six bumps in two rows, some pointing up and some down.",
        make=playground.multi_gauss,
        default_points=_REGRESS,
    ),
    DatasetSpec(
        name="moons",
        label="Moons",
        problem="classification",
        classes=2,
        description="Two half circles hooked into each other, one for each class.",
        make=moons,
        default_points=_CLASSIFY,
    ),
    DatasetSpec(
        name="blobs",
        label="Blobs",
        problem="classification",
        classes=3,
        description="Two to six round clouds placed around a circle, one for each class.",
        make=blobs,
        default_points=_CLASSIFY,
        options=("classes",),
    ),
    DatasetSpec(
        name="checkerboard",
        label="Checkerboard",
        problem="classification",
        classes=2,
        description="A four by four board of squares whose colours alternate.",
        make=checkerboard,
        default_points=_CLASSIFY,
    ),
    DatasetSpec(
        name="sine",
        label="Sine wave",
        problem="regression",
        classes=0,
        description="One input x and a wavy target, sin(x), to fit with a curve.",
        make=sine,
        default_points=_REGRESS,
        inputs=1,
    ),
]

DATASETS: dict[str, DatasetSpec] = {spec.name: spec for spec in _SPECS}
"""Every dataset ``generate`` can make, by name, in the order a menu shows them."""


def generate(
    name: str, n: int | None = None, noise: float = 0, seed: int = 0, **options
) -> Dataset:
    """Make one of the registered datasets.

    Parameters
    ----------
    name : str
        A key of ``DATASETS``, e.g. ``"circle"``, ``"spiral"`` or ``"sine"``.
    n : int, optional
        How many points, from 2 to ``MAX_POINTS``; the set's ``default_points``
        if left out (500 for classification, 1200 for regression, as in the
        Playground).
    noise : float
        A percent from 0 to 50, the Playground's noise slider and ``noise`` URL
        key. What it does depends on the set: see each set's function here or in
        ``playground.py``, and the noise table in ``docs/data.md``.
    seed : int
        Seeds ``np.random.default_rng``; the same arguments give identical points.
    **options
        Extra settings a set accepts (see ``DATASETS[name].options``); so far only
        ``classes`` for ``blobs`` (2 to 6, default 3).

    Returns
    -------
    Dataset
        inputs ``(n, 2)`` (``(n, 1)`` for ``sine``), named ``("x1", "x2")``;
        classes named ``"0"``, ``"1"``, ...; no normalization.

    Raises
    ------
    ValueError
        For an unknown name or option, or ``n``, ``noise``, ``seed`` out of range.
    """
    spec = DATASETS.get(name)
    if spec is None:
        known = ", ".join(DATASETS)
        raise ValueError(f"there is no dataset called {name!r}; choose one of: {known}")
    n = spec.default_points if n is None else n
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or not 2 <= n <= MAX_POINTS:
        raise ValueError(f"n (the number of points) must be a whole number from 2 to {MAX_POINTS}")
    if (
        isinstance(noise, bool)
        or not isinstance(noise, numbers.Real)
        or not 0 <= noise <= MAX_NOISE
    ):
        raise ValueError(f"noise is a percent from 0 to {MAX_NOISE}, not {noise!r}")
    rng = np.random.default_rng(check_seed(seed))
    unknown = sorted(set(options) - set(spec.options))
    if unknown:
        takes = f"only {', '.join(spec.options)}" if spec.options else "no options"
        raise ValueError(f"dataset {name!r} takes {takes}, not {', '.join(unknown)}")

    inputs, targets = spec.make(rng, int(n), noise / 100, **options)  # 50 % -> 0.5
    n_classes = options.get("classes", spec.classes)
    return Dataset(
        inputs=inputs,
        targets=targets,
        problem=spec.problem,
        input_names=("x1", "x2")[: inputs.shape[1]],
        class_names=tuple(str(k) for k in range(n_classes)),
        name=spec.name,
    )
