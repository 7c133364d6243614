"""The data layer: datasets to learn from, made, drawn or loaded.

Read it in this order:

1. ``dataset.py``: the ``Dataset`` record every other part makes or uses
2. ``playground.py`` and ``generators.py``: the ten generated datasets
3. ``features.py``: x1, x2, x1^2, ... the columns a network can be given
4. ``split.py``: which points train and which test
5. ``files.py`` and ``ml5_json.py``: loading CSV and ml5.js JSON, with
   ``reading.py`` and ``normalization.py`` for the steps they share;
   ``arrays.py``: NumPy arrays and data frames, by the same steps
6. ``conform.py``: a loaded file's points in the terms of a model (data beside a model)

The data layer imports only NumPy, the standard library and ``glassnet.limits``:
it knows nothing of networks, sessions or the web.
"""

from .arrays import dataset_from_arrays
from .conform import conform, label_column
from .dataset import PROBLEMS, VIEW, Dataset
from .errors import DataError
from .features import (
    DEFAULT_FEATURES,
    FEATURES,
    Feature,
    compute_features,
    default_features,
    feature,
    features_fit,
    input_features,
)
from .files import csv_header, load_csv, load_file
from .generators import DATASETS, MAX_BLOBS, MAX_NOISE, MIN_BLOBS, DatasetSpec, generate
from .ml5_json import load_ml5_json
from .normalization import INPUT_RANGE, TARGET_RANGE, Normalization
from .split import MAX_TRAIN_PERCENT, MIN_TRAIN_PERCENT, train_test_split

__all__ = [
    "DATASETS",
    "DEFAULT_FEATURES",
    "FEATURES",
    "INPUT_RANGE",
    "MAX_BLOBS",
    "MAX_NOISE",
    "MIN_BLOBS",
    "MAX_TRAIN_PERCENT",
    "MIN_TRAIN_PERCENT",
    "PROBLEMS",
    "TARGET_RANGE",
    "VIEW",
    "DataError",
    "Dataset",
    "DatasetSpec",
    "Feature",
    "Normalization",
    "compute_features",
    "conform",
    "csv_header",
    "dataset_from_arrays",
    "label_column",
    "default_features",
    "feature",
    "features_fit",
    "input_features",
    "generate",
    "load_csv",
    "load_file",
    "load_ml5_json",
    "train_test_split",
]
