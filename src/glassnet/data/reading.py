"""Steps every file loader shares: reading text, reading numbers, and labels.

A loader (``files.py`` for CSV, ``ml5_json.py`` for ml5.js JSON) finds the input
values and the labels in its own format; then ``build_dataset`` here decides
classification or regression, turns labels into class indices, checks the class
count, and rescales everything into the view. So both formats follow one set of
rules and give the same messages.

This module does not know CSV or JSON syntax, or where a value sits in a file:
loaders pass a function that describes a row's place for error messages.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

import numpy as np

from glassnet.limits import MAX_CLASSES, MAX_FILE_BYTES

from .dataset import PROBLEMS, Dataset
from .errors import DataError, quoted
from .normalization import Normalization

# A plain decimal number: 3, -2.5, .5, 1e-3. Deliberately stricter than Python's
# float(), which also reads "1_000" and " inf ", so a file means the same here as
# in a spreadsheet or in JavaScript.
NUMBER_PATTERN = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_NUMBER = re.compile(NUMBER_PATTERN)
_NOT_FINITE = re.compile(r"[+-]?(nan|inf|infinity)", re.IGNORECASE)
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")


def decode_text(content: str | bytes, kind: str) -> str:
    """Check a file's size and return its text, without a byte order mark.

    Parameters
    ----------
    content : str or bytes
        The whole file. Bytes must be UTF-8 (plain ASCII is UTF-8 too).
    kind : str
        The format's name for messages, e.g. ``"CSV"``.

    Raises
    ------
    DataError
        If the file is larger than ``MAX_FILE_BYTES`` (checked before anything
        else is read) or is not UTF-8 text.
    """
    if isinstance(content, str):
        # A str of n characters is at least n bytes, so the cheap test comes first.
        size = len(content) if len(content) > MAX_FILE_BYTES else len(content.encode("utf-8"))
    elif isinstance(content, (bytes, bytearray, memoryview)):
        content = bytes(content)
        size = len(content)
    else:
        raise TypeError(f"file content must be str or bytes, not {type(content).__name__}")
    if size > MAX_FILE_BYTES:
        raise DataError(
            f"this {kind} file is {size / 1e6:.1f} MB; glassnet reads files up to "
            f"{MAX_FILE_BYTES / 1e6:g} MB. Try a smaller sample of the rows."
        )
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8")
        except UnicodeDecodeError as error:
            raise DataError(
                f"this {kind} file is not UTF-8 text (the first unreadable byte is number "
                f"{error.start + 1}). Save it again choosing the UTF-8 encoding, for "
                f'example "CSV UTF-8" in a spreadsheet.'
            ) from None
    return content.removeprefix("\ufeff")  # spreadsheets often start UTF-8 with a BOM


def read_number(text: str, *, decimal_comma: bool = False) -> float | None:
    """The number written in ``text``, or None if it is not a number.

    ``"nan"`` and ``"inf"`` (any case, with a sign) come back as NaN and infinity,
    and so does a number too large for a float, so callers can say what is wrong
    with them. With ``decimal_comma``, ``"1,5"`` reads as 1.5.
    """
    text = text.strip()
    if decimal_comma and _DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    if _NUMBER.fullmatch(text) or _NOT_FINITE.fullmatch(text):
        return float(text)
    return None


def build_dataset(
    raw_inputs: np.ndarray,
    labels: Sequence[str],
    *,
    input_names: Sequence[str],
    label_where: str,
    describe_row: Callable[[int], str],
    problem: str | None,
    name: str,
) -> Dataset:
    """Turn loaded values and labels into a normalized ``Dataset``.

    Parameters
    ----------
    raw_inputs : ndarray of float64, shape (n_points, n_inputs)
        Finite raw input values, at least one row.
    labels : sequence of str, length n_points
        Each point's label as text; none empty.
    input_names : sequence of str
        One name per input column.
    label_where : str
        Names the labels for messages, e.g. ``'the label column "species"'``.
    describe_row : callable
        ``describe_row(i)`` names where label ``i`` (0-based) is, e.g.
        ``'row 3, column "species"'``.
    problem : {"classification", "regression"} or None
        None decides: any label that is not a number means classification;
        whole numbers with at most ``MAX_CLASSES`` different values mean
        classification; any other numbers mean regression.
    name : str
        The dataset's name.

    Returns
    -------
    Dataset
        Inputs rescaled so each column spans -5..5, regression targets rescaled to
        -1..1, classes named by their labels in sorted order (numbers by value,
        then words alphabetically), and the ``normalization`` that undoes it.
    """
    if problem is not None and problem not in PROBLEMS:
        raise ValueError(f'problem must be "classification", "regression" or None, not {problem!r}')
    values = [read_number(label) for label in labels]
    if problem is None:
        problem = _guess_problem(values)

    if problem == "regression":
        raw_targets = _regression_targets(labels, values, describe_row)
        normalization = Normalization.fit(raw_inputs, raw_targets, input_names=input_names)
        targets = normalization.normalize_targets(raw_targets)
        class_names: tuple[str, ...] = ()
    else:
        targets, class_names = _class_targets(labels, values, label_where, describe_row)
        normalization = Normalization.fit(raw_inputs, input_names=input_names)

    return Dataset(
        inputs=normalization.normalize_inputs(raw_inputs),
        targets=targets,
        problem=problem,
        input_names=tuple(input_names),
        class_names=class_names,
        name=name,
        normalization=normalization,
    )


def _guess_problem(values: list[float | None]) -> str:
    if any(value is None for value in values):
        return "classification"  # words are names of classes
    whole = all(math.isfinite(v) and v == int(v) for v in values)
    if whole and len(set(values)) <= MAX_CLASSES:
        return "classification"  # a few whole numbers are most likely class numbers
    return "regression"


def _regression_targets(labels, values, describe_row) -> np.ndarray:
    for i, (label, value) in enumerate(zip(labels, values)):
        if value is None:
            raise DataError(
                f"{describe_row(i)}: {quoted(label)} is not a number. For regression every label "
                "must be a number; to sort rows into named groups, load the file as classification."
            )
        _check_finite(label, value, describe_row(i))
    return np.array(values, dtype=np.float64)


def _check_finite(label: str, value: float | None, where: str) -> None:
    # NaN is how many programs write a missing value, so it is never a label.
    if value is not None and not math.isfinite(value):
        raise DataError(
            f"{where}: {quoted(label)} is not a usable label; NaN and infinity are not allowed. "
            "Fill in the missing value or remove the row."
        )


def _class_targets(labels, values, label_where: str, describe_row):
    for i, (label, value) in enumerate(zip(labels, values)):
        _check_finite(label, value, describe_row(i))
    # A class is one distinct label. Labels that are numbers count by value, so
    # "1" and "1.0" are the same class, named as first written.
    keys = [label if value is None else value for label, value in zip(labels, values)]
    first_written: dict = {}
    for key, label in zip(keys, labels):
        first_written.setdefault(key, label)

    if len(first_written) < 2:
        raise DataError(
            f"{label_where} has only one label, {quoted(labels[0])}; a classifier needs at "
            "least two different labels to tell apart"
        )
    if len(first_written) > MAX_CLASSES:
        raise DataError(
            f"{label_where} has {len(first_written)} different labels; a classification "
            f"dataset may have at most {MAX_CLASSES} classes. If the labels are amounts to "
            "predict rather than groups, load the file as regression."
        )
    order = sorted(first_written, key=_class_order)
    index = {key: k for k, key in enumerate(order)}
    targets = np.array([index[key] for key in keys], dtype=np.int64)
    return targets, tuple(first_written[key] for key in order)


def _class_order(key) -> tuple:
    # Sorted order, so class numbers do not depend on row order: numbers by value
    # first (so labels 0, 1, 2 become classes 0, 1, 2), then words alphabetically.
    if isinstance(key, float):
        return (0, key, "")
    return (1, 0.0, key.casefold() + "\0" + key)
