"""Loading the JSON file ml5.js writes with ``neuralNetwork.saveData()``.

ml5.js keeps each added example as ``{"xs": {...inputs by name...}, "ys":
{...outputs by name...}}`` and ``saveData()`` writes them all as::

    {"data": [{"xs": {"r": 255, "g": 0, "b": 0}, "ys": {"color": "red-ish"}}, ...]}

(ml5-next-gen, ``src/NeuralNetwork/NeuralNetworkData.js``: ``saveData`` writes
``{data: this.data.raw}``; ``addData`` pushes ``{xs, ys}``; inputs given as a
plain list are named ``input_0``, ``input_1``, ... and outputs ``output_0``.)

Here every input must be a number, and one output is the label (a word or a
number). This module does not know CSV or networks; ``reading.py`` turns the
values into a ``Dataset`` by the same rules as a CSV file.
"""

from __future__ import annotations

import json
import math

import numpy as np

from glassnet.limits import MAX_INPUTS, MAX_POINTS

from .dataset import Dataset
from .errors import DataError, quoted
from .reading import build_dataset, decode_text

_EXAMPLE = '{"data": [{"xs": {"x": 1.5, "y": -2}, "ys": {"label": "cat"}}, ...]}'


def load_ml5_json(
    content: str | bytes,
    *,
    label_column: str | None = None,
    problem: str | None = None,
    name: str = "data.json",
) -> Dataset:
    """Load data saved by ml5.js ``neuralNetwork.saveData()``.

    Parameters
    ----------
    content : str or bytes
        The file: ``{"data": [{"xs": {...}, "ys": {...}}, ...]}``, UTF-8.
    label_column : str, optional
        Which output in ``ys`` is the label, needed only when there are several.
    problem : {"classification", "regression"}, optional
        Decided from the labels if left out, as in ``load_csv``.
    name : str
        The dataset's name.

    Returns
    -------
    Dataset
        inputs ``(n_items, n_inputs)`` rescaled to -5..5 per input, named as in
        the first item's ``xs``; targets from the chosen output.

    Raises
    ------
    DataError
        Naming the item (counting from 1) and the input or output at fault.
    """
    document = _parse(decode_text(content, "JSON"))
    items = document.get("data") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise DataError(
            "this JSON file is not in the format ml5.js saveData() writes: expected an object "
            f'with a "data" list, like {_EXAMPLE}'
        )
    if not items:
        raise DataError('the "data" list is empty; it needs one item per point')
    if len(items) > MAX_POINTS:
        raise DataError(
            f'the "data" list has {len(items)} items; glassnet takes at most {MAX_POINTS} '
            "points. Try a sample of them."
        )
    for i, item in enumerate(items, start=1):
        if not (isinstance(item, dict) and _is_dict(item.get("xs")) and _is_dict(item.get("ys"))):
            raise DataError(
                f'item {i} in "data" must be like {{"xs": {{"x": 1.5}}, "ys": {{"label": "a"}}}}, '
                "with the inputs in xs and the label in ys"
            )

    input_names = list(items[0]["xs"])
    if not input_names:
        raise DataError('item 1 has no inputs in "xs"; it needs at least one, like {"x": 1.5}')
    if len(input_names) > MAX_INPUTS:
        raise DataError(
            f"each item has {len(input_names)} inputs; glassnet takes at most {MAX_INPUTS}"
        )
    output = _choose_output(list(items[0]["ys"]), label_column)

    raw_inputs = np.zeros((len(items), len(input_names)))  # (n_points, n_inputs)
    labels = []
    for i, item in enumerate(items):
        raw_inputs[i] = _input_values(item["xs"], input_names, i + 1)
        labels.append(_label_text(item["ys"], output, i + 1))

    return build_dataset(
        raw_inputs,
        labels,
        input_names=input_names,
        label_where=f"the output {quoted(output)}",
        describe_row=lambda i: f"item {i + 1}, output {quoted(output)}",
        problem=problem,
        name=name,
    )


def _parse(text: str):
    if not text.strip():
        raise DataError(f"this JSON file is empty; ml5.js saveData() files look like {_EXAMPLE}")

    def reject(constant: str):
        # Python's json reads NaN and Infinity, but they are not JSON (JavaScript
        # refuses them) and not usable numbers.
        raise DataError(f"this JSON file contains {constant}, which is not a number JSON allows")

    try:
        return json.loads(text, parse_constant=reject)
    except json.JSONDecodeError as error:
        raise DataError(
            f"this file is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:
        raise DataError("this JSON file is nested too deeply to be data") from None


def _is_dict(value) -> bool:
    return isinstance(value, dict)  # a JSON object


def _choose_output(outputs: list[str], label_column: str | None) -> str:
    listed = ", ".join(quoted(name) for name in outputs[:20])
    if label_column is not None:
        if label_column not in outputs:
            raise DataError(
                f'there is no output {quoted(label_column)} in "ys"; item 1 has {listed}'
            )
        return label_column
    if not outputs:
        raise DataError('item 1 has no output in "ys"; it needs one label, like {"label": "cat"}')
    if len(outputs) > 1:
        raise DataError(
            f'item 1 has {len(outputs)} outputs in "ys" ({listed}); glassnet learns one. '
            "Choose it with label_column."
        )
    return outputs[0]


def _input_values(xs: dict, input_names: list[str], item: int) -> list[float]:
    for key in xs:
        if key not in input_names:
            raise DataError(
                f"item {item} has an input {quoted(key)} that item 1 does not have; "
                "every item needs the same inputs"
            )
    values = []
    for key in input_names:
        where = f"item {item}, input {quoted(key)}"
        if key not in xs or xs[key] is None:
            raise DataError(f"{where} is missing; every item needs a number for every input")
        value = xs[key]
        if isinstance(value, list):
            raise DataError(
                f"{where} is a list; glassnet takes one number per input (images and other "
                "lists are not supported)"
            )
        if isinstance(value, str):
            raise DataError(
                f"{where}: {quoted(value)} is text, not a number; inputs must be numbers, written "
                "without quotes"
            )
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise DataError(f"{where}: {json.dumps(value)} is not a number; inputs must be numbers")
        if not _finite(value):
            raise DataError(f"{where}: {value} is too large to use")
        values.append(float(value))
    return values


def _label_text(ys: dict, output: str, item: int) -> str:
    where = f"item {item}, output {quoted(output)}"
    value = ys.get(output)
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        raise DataError(f"{where} is missing; every item needs a label")
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, int, float)) and _finite(value):
        return json.dumps(value)  # 2 -> "2", 0.5 -> "0.5", true -> "true"
    raise DataError(f"{where} must be one label, a word or a number, not {json.dumps(value)}")


def _finite(value: int | float) -> bool:
    try:
        return math.isfinite(float(value))
    except OverflowError:  # a JSON integer with hundreds of digits
        return False
