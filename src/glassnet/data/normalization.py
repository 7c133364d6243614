"""Normalization: the straight-line rescaling that puts loaded data into the view.

A file can hold any numbers (prices in dollars, heights in centimetres). The
playground shows inputs from -6 to 6, so each input column is stretched or
shrunk so that its smallest value lands on -5 and its largest on 5 (a margin of
1 stays free around the points). Regression targets are rescaled to -1..1, the
range the Playground's regression sets use.

A ``Normalization`` remembers each column's raw minimum and maximum, so the same
rescaling can be undone later (to show raw numbers, or to export a model that
takes raw numbers). It does not know column names, files or networks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .errors import DataError, quoted

INPUT_RANGE = (-5.0, 5.0)
"""Where each loaded input column's minimum and maximum land."""

TARGET_RANGE = (-1.0, 1.0)
"""Where loaded regression targets' minimum and maximum land."""


@dataclass(frozen=True)
class Normalization:
    """How loaded raw values were rescaled into the view, so it can be undone.

    Attributes
    ----------
    input_min, input_max : tuple of float, one per input column
        The raw minimum and maximum of each input column.
    target_min, target_max : float or None
        The raw minimum and maximum of regression targets; None for classification.

    Notes
    -----
    Each input column is mapped by ``normalized = -5 + 10 * (raw - min) / (max - min)``.
    A column whose values are all the same (max == min) maps to 0, and going back
    gives that value again. Targets use the same formula with -1..1.
    """

    input_min: tuple[float, ...]
    input_max: tuple[float, ...]
    target_min: float | None = None
    target_max: float | None = None

    def __post_init__(self) -> None:
        # A range read back from a saved file must be real numbers, the minimum first.
        ranges = list(zip(self.input_min, self.input_max))
        if self.target_min is not None or self.target_max is not None:
            ranges.append((self.target_min, self.target_max))
        for lo, hi in ranges:
            numbers = all(
                isinstance(v, (int, float, np.number)) and not isinstance(v, bool) for v in (lo, hi)
            )
            if not (numbers and math.isfinite(lo) and math.isfinite(hi) and lo <= hi):
                raise DataError(
                    f"a normalization range must be two finite numbers, the smaller first; "
                    f"got {lo!r:.40} to {hi!r:.40}"
                )
            _check_span("a range's values", lo, hi)

    @classmethod
    def fit(cls, raw_inputs, raw_targets=None, *, input_names=None) -> Normalization:
        """Measure the raw ranges of some data.

        Parameters
        ----------
        raw_inputs : array_like, shape (n_points, n_inputs)
            Finite raw input values, at least one row.
        raw_targets : array_like, shape (n_points,), optional
            Finite raw regression targets; leave out for classification.
        input_names : sequence of str, optional
            Column names, used only to name a column in an error message.

        Returns
        -------
        Normalization
        """
        raw_inputs = np.asarray(raw_inputs, dtype=np.float64)
        names = input_names or [f"input {j + 1}" for j in range(raw_inputs.shape[1])]
        low, high = raw_inputs.min(axis=0), raw_inputs.max(axis=0)
        for name, lo, hi in zip(names, low, high):
            _check_span(f"column {quoted(name)}", lo, hi)
        target_min = target_max = None
        if raw_targets is not None:
            raw_targets = np.asarray(raw_targets, dtype=np.float64)
            target_min, target_max = float(raw_targets.min()), float(raw_targets.max())
            _check_span("the targets", target_min, target_max)
        return cls(
            input_min=tuple(float(v) for v in low),
            input_max=tuple(float(v) for v in high),
            target_min=target_min,
            target_max=target_max,
        )

    def normalize_inputs(self, raw) -> np.ndarray:
        """Raw inputs ``(n_points, n_inputs)`` -> view coordinates, same shape."""
        return _rescale(raw, self.input_min, self.input_max, *INPUT_RANGE)

    def denormalize_inputs(self, normalized) -> np.ndarray:
        """View coordinates ``(n_points, n_inputs)`` -> raw inputs, same shape."""
        return _rescale_back(normalized, self.input_min, self.input_max, *INPUT_RANGE)

    def normalize_targets(self, raw) -> np.ndarray:
        """Raw regression targets ``(n_points,)`` -> -1..1, same shape."""
        self._check_has_targets()
        return _rescale(raw, self.target_min, self.target_max, *TARGET_RANGE)

    def denormalize_targets(self, normalized) -> np.ndarray:
        """Targets in -1..1 ``(n_points,)`` -> raw regression targets, same shape."""
        self._check_has_targets()
        return _rescale_back(normalized, self.target_min, self.target_max, *TARGET_RANGE)

    def _check_has_targets(self) -> None:
        if self.target_min is None:
            raise ValueError("this normalization has no target range (the data is classification)")


def _check_span(what: str, lo: float, hi: float) -> None:
    # max - min can overflow to infinity for values near 1e308; then no scale works.
    # (Plain Python floats overflow quietly; NumPy would warn.)
    if not math.isfinite(float(hi) - float(lo)):
        raise DataError(
            f"{what} go from {lo:g} to {hi:g}, too far apart to rescale; "
            "use numbers closer together (for example in other units)"
        )


def _rescale(values, lo, hi, new_lo: float, new_hi: float) -> np.ndarray:
    values = np.asarray(values, dtype=np.float64)
    lo, hi = np.asarray(lo, dtype=np.float64), np.asarray(hi, dtype=np.float64)
    span = hi - lo
    constant = span == 0
    # Divide first, then stretch: (raw - min) / span is exactly 1 at the maximum, so
    # the maximum lands exactly on new_hi. A constant column goes to the middle (0).
    fraction = (values - lo) / np.where(constant, 1.0, span)
    middle = (new_lo + new_hi) / 2
    return np.where(constant, middle, new_lo + fraction * (new_hi - new_lo))


def _rescale_back(values, lo, hi, new_lo: float, new_hi: float) -> np.ndarray:
    values = np.asarray(values, dtype=np.float64)
    lo, hi = np.asarray(lo, dtype=np.float64), np.asarray(hi, dtype=np.float64)
    # For a constant column span is 0, so every value comes back as that constant.
    fraction = (values - new_lo) / (new_hi - new_lo)
    return lo + fraction * (hi - lo)
