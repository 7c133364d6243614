"""ml5.js model files with their JSON restructured: parts swapped for values of other types.

A hypothesis strategy shared by the bridge's and the protocol's tests: every
outcome of opening such files must be a model or an ``Ml5Error`` naming the part.
"""

import json
from pathlib import Path

from hypothesis import strategies as st

SAVED = Path(__file__).parent / "fixtures" / "ml5"  # written by ml5.js 1.4.0's own save()


def json_paths(document, at=()):
    """Every place in a JSON document, as the keys and indices that lead to it."""
    yield at
    if isinstance(document, dict):
        for key, value in document.items():
            yield from json_paths(value, (*at, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from json_paths(value, (*at, index))


def with_part_replaced(document, at, value):
    """A copy of a JSON document with the part at ``at`` replaced by ``value``."""
    if not at:
        return value
    copy = json.loads(json.dumps(document))
    parent = copy
    for key in at[:-1]:
        parent = parent[key]
    parent[at[-1]] = value
    return copy


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 20) | st.floats(allow_nan=False, width=32)
    | st.sampled_from(["", "relu", "softmax", "Dense", "x" * 300, "dense_Dense1/kernel"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner,
                                                                   max_size=3),
    max_leaves=6,
)  # fmt: skip
"""Values of every JSON type, to put where a part of another type (or value) was."""


@st.composite
def restructured_model(draw):
    """The files of a model ml5.js saved, with one part of a JSON file swapped for another."""
    folder = draw(st.sampled_from(["cls3_default", "cls2", "reg", "cls_numlabels"]))
    files = {p.name: p.read_bytes() for p in (SAVED / folder).iterdir()}
    target = draw(st.sampled_from(sorted(n for n in files if n.endswith(".json"))))
    document = json.loads(files[target])
    places = list(json_paths(document))
    at = draw(st.sampled_from(places))
    # A value of any type, or another part of the same file (parts swapped about).
    if draw(st.booleans()):
        value = draw(JSON_VALUES)
    else:
        value = _part(document, draw(st.sampled_from(places)))
    files[target] = json.dumps(with_part_replaced(document, at, value)).encode()
    return files


def _part(document, at):
    for key in at:
        document = document[key]
    return document
