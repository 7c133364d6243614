"""Loading a person's own data: CSV files here, ml5.js JSON in ``ml5_json.py``.

``load_file(filename, content)`` picks the loader from the file's extension.
``load_csv`` reads a table with a header row: input columns of numbers and one
label column (words or numbers). Both loaders rescale the inputs into the view
and record how (see ``normalization.py``).

Every way a file can be wrong raises ``DataError`` with a message that names the
row (counted as a spreadsheet shows it, the header being row 1) and the column,
and says what is allowed. This module does not know networks or the web: it gets
a file's bytes, never opens a path, and returns a ``Dataset``.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import PurePath

import numpy as np

from glassnet.limits import MAX_INPUTS, MAX_POINTS

from .dataset import Dataset
from .errors import DataError, quoted
from .ml5_json import load_ml5_json
from .reading import NUMBER_PATTERN, build_dataset, decode_text, read_number

LABEL_COLUMN_NAMES = ("label", "class", "target", "y")
"""Column names (any case) taken as the label column, in this order of preference."""

DELIMITERS = (",", ";", "\t")

# A row whose inputs are all plain numbers, joined by a character no cell holds: one
# regular expression checks them all at once (a big file reads several times faster),
# and only a row that fails is read cell by cell, to say which cell is wrong.
_JOIN = "\x1f"

CHECK_EVERY_ROWS = 500
"""How many rows ``load_csv`` reads between two calls of its ``checkpoint``."""
_PLAIN_ROW = re.compile(f"{NUMBER_PATTERN}(?:{_JOIN}{NUMBER_PATTERN})*")
"""The separators ``load_csv`` recognises between values."""


def load_file(filename: str, content: str | bytes, checkpoint=None, **options) -> Dataset:
    """Load a data file, choosing the reader from the file name's extension.

    Parameters
    ----------
    filename : str
        The file's name, e.g. ``"iris.csv"``; ``.csv`` and ``.json`` (any case)
        are read. It becomes the dataset's name.
    content : str or bytes
        The whole file.
    checkpoint : callable, optional
        Called now and then while a CSV file is read (``load_csv``).
    **options
        Passed on to ``load_csv`` or ``load_ml5_json``: ``label_column``, ``problem``.

    Returns
    -------
    Dataset

    Raises
    ------
    DataError
        For any other extension, or anything wrong inside the file.
    """
    loaders = {".csv": load_csv, ".json": load_ml5_json}
    loader = loaders.get(PurePath(filename).suffix.lower())
    if loader is None:
        raise DataError(
            f"glassnet reads .csv and .json files, and {quoted(filename)} is neither. From a "
            "spreadsheet, save or download the sheet as CSV."
        )
    if loader is load_csv:
        options["checkpoint"] = checkpoint
    return loader(content, name=filename, **options)


def load_csv(
    content: str | bytes,
    *,
    label_column: str | None = None,
    problem: str | None = None,
    name: str = "data.csv",
    checkpoint=None,
) -> Dataset:
    """Load a CSV table: a header row, then one row per point.

    Parameters
    ----------
    content : str or bytes
        The file. UTF-8 (with or without a byte order mark), any line endings,
        values separated by commas, semicolons or tabs (found from the header
        row), quoted values allowed. With semicolons, numbers may use a decimal
        comma (``1,5``). Blank rows are skipped.
    label_column : str, optional
        The column holding the labels (exact name, or any case if that is
        unique). Without it: a column named label, class, target or y (any case,
        in that order), else the last column.
    problem : {"classification", "regression"}, optional
        Without it: any label that is not a number means classification; whole
        numbers with at most ``MAX_CLASSES`` different values mean
        classification; other numbers mean regression.
    name : str
        The dataset's name.
    checkpoint : callable, optional
        Called after every ``CHECK_EVERY_ROWS`` rows: a host that shares a core
        between sessions takes turns there, or stops the reading by raising
        (nothing was loaded then).

    Returns
    -------
    Dataset
        inputs ``(n_rows, n_input_columns)`` rescaled to -5..5 per column, named
        by the header; targets as in ``build_dataset``; classes in sorted order.

    Raises
    ------
    DataError
        Naming the row and column of the first problem and what is allowed.
    """
    text = decode_text(content, "CSV")
    delimiter = _guess_delimiter(text)
    header_row, header, rows = _read_rows(text, delimiter)
    label = _choose_label_column(header, label_column)
    input_columns = [j for j in range(len(header)) if j != label]
    if not input_columns:
        raise DataError(
            f"the only column, {quoted(header[label])}, holds the labels; add at least one column "
            "of numbers for the network to learn from"
        )
    if len(input_columns) > MAX_INPUTS:
        raise DataError(
            f"this file has {len(input_columns)} input columns; glassnet takes at most "
            f"{MAX_INPUTS}. Remove the columns you do not need."
        )
    if not rows:
        raise DataError(
            f"this CSV file has a header (row {header_row}) but no data rows; add one row per "
            "point below the header"
        )

    raw_inputs = np.zeros((len(rows), len(input_columns)))  # (n_points, n_inputs)
    labels = []
    for i, (row, cells) in enumerate(rows):
        if checkpoint is not None and i % CHECK_EVERY_ROWS == CHECK_EVERY_ROWS - 1:
            checkpoint()
        if len(cells) != len(header):
            raise DataError(
                f"row {row} has {_count(len(cells), 'value')}, but the header has "
                f"{_count(len(header), 'column')}; "
                "every row needs one value per column"
            )
        plain = [cells[j] for j in input_columns]
        fast = _PLAIN_ROW.fullmatch(_JOIN.join(plain)) is not None
        if fast:
            raw_inputs[i] = [float(cell) for cell in plain]
        if not fast or not np.isfinite(raw_inputs[i]).all():  # read cell by cell, to name one
            for k, j in enumerate(input_columns):
                raw_inputs[i, k] = _input_number(cells[j], row, header[j], header[label], delimiter)
        if cells[label] == "":
            raise DataError(
                f"row {row}, column {quoted(header[label])} is empty; every row needs a label"
            )
        labels.append(cells[label])

    return build_dataset(
        raw_inputs,
        labels,
        input_names=[header[j] for j in input_columns],
        label_where=f"the label column {quoted(header[label])}",
        describe_row=lambda i: f"row {rows[i][0]}, column {quoted(header[label])}",
        problem=problem,
        name=name,
    )


def csv_header(content: str | bytes) -> list[str]:
    """The names in a CSV file's header row (empty for a file that has none)."""
    try:
        text = decode_text(content, "CSV")
        return _read_rows(text.split("\n", 1)[0], _guess_delimiter(text))[1]
    except DataError:
        return []


def _guess_delimiter(text: str) -> str:
    # The header row is plain names, so the separator it uses most is the one.
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    counts = [first_line.count(d) for d in DELIMITERS]
    return DELIMITERS[counts.index(max(counts))] if max(counts) > 0 else ","


def _read_rows(text: str, delimiter: str):
    """Return (header row number, header names, [(row number, cells), ...])."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header_row, header, rows = 0, None, []
    try:
        # Rows are counted as a spreadsheet shows them: one per record, even when a
        # quoted value spans lines, and blank rows count though they are skipped.
        for row, cells in enumerate(reader, start=1):
            cells = [cell.strip() for cell in cells]
            if not any(cells):
                continue  # blank lines, and rows of empty cells spreadsheets leave at the end
            if header is None:
                header_row, header = row, _header_names(cells, row)
                continue
            if len(rows) == MAX_POINTS:
                raise DataError(
                    f"this file has more than {MAX_POINTS} data rows; glassnet takes at most "
                    f"{MAX_POINTS} points. Try a sample of the rows."
                )
            # "1,2,3," (a separator at the end) adds empty cells past the header: drop them.
            while len(cells) > len(header) and cells[-1] == "":
                cells.pop()
            rows.append((row, cells))
    except csv.Error as error:
        message = f"this CSV file could not be read near line {reader.line_num}: {error}"
        raise DataError(message) from None
    if header is None:
        raise DataError(
            "this CSV file is empty; it needs a header row naming the columns, then one row "
            "per point"
        )
    return header_row, header, rows


def _header_names(cells: list[str], row: int) -> list[str]:
    while cells and cells[-1] == "":
        cells = cells[:-1]  # a separator at the end of the header names no column
    if all(read_number(cell) is not None for cell in cells):
        raise DataError(
            f"row {row} holds only numbers, but the first row must name the columns, like "
            '"x1,x2,label". Add a header row.'
        )
    # An empty name (a spreadsheet's unnamed index column, say) gets a readable one.
    names = [cell or f"column {j + 1}" for j, cell in enumerate(cells)]
    for j, name in enumerate(names):
        if names.index(name) != j:
            raise DataError(
                f"the header names two columns {quoted(name)} (columns {names.index(name) + 1} and "
                f"{j + 1}); every column needs a different name"
            )
    return names


def _choose_label_column(header: list[str], label_column: str | None) -> int:
    folded = [name.casefold() for name in header]
    if label_column is not None:
        if label_column in header:
            return header.index(label_column)
        if folded.count(label_column.casefold()) == 1:
            return folded.index(label_column.casefold())
        available = ", ".join(quoted(name) for name in header[:20])
        more = f" and {len(header) - 20} more" if len(header) > 20 else ""
        raise DataError(
            f"there is no column called {quoted(label_column)} to use as labels; the columns are "
            f"{available}{more}"
        )
    for wanted in LABEL_COLUMN_NAMES:
        if wanted in folded:
            return folded.index(wanted)
    return len(header) - 1


def _input_number(cell: str, row: int, column: str, label: str, delimiter: str) -> float:
    where = f"row {row}, column {quoted(column)}"
    if cell == "":
        raise DataError(f"{where} is empty; every input needs a number")
    value = read_number(cell, decimal_comma=delimiter == ";")
    if value is None:
        raise DataError(
            f"{where}: {quoted(cell)} is not a number. Input columns must hold numbers; only the "
            f"label column ({quoted(label)}) may hold words."
        )
    if not np.isfinite(value):
        raise DataError(
            f"{where}: {quoted(cell)} is not a usable number; NaN and infinity are not allowed. "
            "Fill in the missing value or remove the row."
        )
    return value


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
