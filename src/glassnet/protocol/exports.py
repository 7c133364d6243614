"""Exports of a session: the bridge's functions given the session's network, data and names.

Each function returns files as bytes by name, ready to download or write; the
bridge (``glassnet.bridge``) does the work, this module only gathers what it
needs from a session.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from ..bridge import Ml5Error, ml5_files, open_ml5
from ..bridge.numpy_script import ScriptData, numpy_script
from ..bridge.sketch import LIBRARY_FILES, SketchModel, sketch_files
from ..bridge.weights import weights_csv, weights_json
from ..data import INPUT_RANGE, Normalization
from ..session import Session, SessionError


def script_data(session: Session) -> ScriptData:
    """A session's points, split, features and names, as a script trains on them."""
    w = session.workspace
    inputs, labels = w.points.all_inputs(), w.points.all_targets()
    return ScriptData(
        train_points=inputs[w.train],
        train_labels=labels[w.train],
        test_points=inputs[w.test],
        test_labels=labels[w.test],
        features=w.feature_names,
        kind=w.kind,
        class_names=session.data_view().class_names if w.kind != "regression" else (),
        title=f"glassnet on {w.points.base.name}",
    )


def numpy_script_file(session: Session, epochs: int = 100) -> dict[str, bytes]:
    """``glassnet-NAME.py``: the network, its data and settings as a NumPy-only script.

    Raises
    ------
    SessionError
        When the session has no points to train on (an opened ml5 model without
        its data, an empty drawing): such a script would have nothing to learn.
    """
    data = script_data(session)
    if len(data.train_points) == 0:
        raise SessionError(
            "A Python script trains the network on the session's points, and there are none: "
            "load or draw data first, then export the script."
        )
    text = numpy_script(session.network, session.trainer, data, epochs)
    return {f"glassnet-{file_safe(session.points.base.name)}.py": text.encode()}


def ml5_model_files(session: Session) -> dict[str, bytes]:
    """``model.json``, ``model.weights.bin``, ``model_meta.json`` of the session's network."""
    w = session.workspace
    labels = list(session.data_view().class_names) if w.kind != "regression" else None
    norm, names = _model_inputs(session)
    return ml5_files(session.network, labels=labels, input_names=names, normalization=norm)


def _plain(session: Session) -> bool:
    """The network takes the data's own inputs, x1, x2, ..., with no feature transforms."""
    w = session.workspace
    return w.feature_names == tuple(f"x{k}" for k in range(1, w.points.n_inputs + 1))


def _model_inputs(session: Session) -> tuple[Normalization | None, list[str]]:
    """The normalization an ml5 model of the session folds in, and its inputs' names.

    - A file's plain columns: the file's own ranges; the model takes raw values by
      column name and returns a regression's value in the file's units.
    - Feature transforms of a file's regression: the model takes the features of
      glassnet's map coordinates (a column's min..max is -5..5 there), so each
      feature's "range" is written as -5..5, which folds nothing into the inputs;
      the target's range is still folded in, so the value comes out in the file's units.
    - Otherwise nothing is folded: the model takes the network's inputs as they are.
    """
    w = session.workspace
    norm = w.points.base.normalization
    if norm is not None and _plain(session):
        return norm, list(w.points.base.input_names)
    if norm is not None and w.kind == "regression" and norm.target_min is not None:
        lo, hi = INPUT_RANGE
        n = len(w.feature_names)
        return Normalization((lo,) * n, (hi,) * n, norm.target_min, norm.target_max), list(
            w.feature_names
        )
    return None, list(w.feature_names)


def file_safe(name: str) -> str:
    """A name fit for a file name: letters, digits, - and _ only."""
    cleaned = "".join(c if c.isalnum() or c in "-_" else "-" for c in name.rsplit(".", 1)[0])
    return cleaned.strip("-")[:40] or "network"


def sketch_zip(session: Session, libraries: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """``glassnet-NAME-sketch.zip``: index.html, sketch.js and the model files in model/.

    ``libraries`` (file name -> bytes of ``p5.min.js`` and ``ml5.min.js``) go in
    ``libraries/`` and the page links them there, for a room without internet.
    """
    w = session.workspace
    norm = w.points.base.normalization
    folded = norm if _plain(session) else None  # the model takes the file's raw values
    values = (-1.0, 1.0)
    if w.kind == "regression" and norm is not None and norm.target_min is not None:
        values = (norm.target_min, norm.target_max)  # the model answers in the file's units
    model = SketchModel(
        task="regression" if w.kind == "regression" else "classification",
        labels=session.data_view().class_names if w.kind != "regression" else (),
        features=w.feature_names,
        input_low=tuple(folded.input_min) if folded else None,
        input_high=tuple(folded.input_max) if folded else None,
        n_raw_inputs=w.points.n_inputs,
        value_low=values[0],
        value_high=values[1],
        file_low=tuple(norm.input_min) if norm and not folded else None,
        file_high=tuple(norm.input_max) if norm and not folded else None,
        input_names=tuple(w.points.base.input_names),
        held=_held(session),
    )
    name = file_safe(w.points.base.name)
    texts = sketch_files(model, f"glassnet on {w.points.base.name}", libraries is not None)
    files = {path: text.encode() for path, text in texts.items()}
    files |= {f"model/{n}": content for n, content in ml5_model_files(session).items()}
    files |= {f"libraries/{n}": content for n, content in (libraries or {}).items()}
    return {f"glassnet-{name}-sketch.zip": _zip(f"glassnet-{name}-sketch", files)}


def _held(session: Session) -> tuple[float, ...]:
    """The inputs past the map's two at the data's mean (map coordinates), where the map starts.

    The page may hold them elsewhere (its data panel), but that choice is the
    page's own, not the session's; with no points, they are held at 0.
    """
    points = session.data_view().points  # (n_points, n_inputs)
    if len(points) == 0 or points.shape[1] <= 2:
        return ()
    return tuple(round(float(v), 6) for v in points[:, 2:].mean(axis=0))


EXPORTS = {
    "ml5": "model for ml5.js (model.json, model.weights.bin, model_meta.json in a zip)",
    "sketch": "p5.js sketch (index.html, sketch.js and the model, in a zip)",
    "numpy": "Python script (NumPy only) that trains the network on",
    "weights_json": "weights and biases as JSON",
    "weights_csv": "weights and biases as CSV",
}
"""Everything a session can be exported as, by name, with what it is."""


def export(session: Session, what: str, with_libraries: bool = False) -> tuple[str, bytes]:
    """One export of a session: (file name, bytes).

    Raises
    ------
    SessionError
        For an unknown export, or a network that cannot be written that way
        (the bridge's message says why and what to do).
    """
    if what not in EXPORTS:
        raise SessionError(f"There is no export {what!r:.40}; exports are: {', '.join(EXPORTS)}.")
    name = file_safe(session.points.base.name)
    try:
        if what == "ml5":
            files = ml5_model_files(session)
            return f"glassnet-{name}-ml5-model.zip", _zip(f"glassnet-{name}-model", files)
        if what == "sketch":
            libraries = sketch_libraries() if with_libraries else None
            ((file_name, content),) = sketch_zip(session, libraries).items()
            return file_name, content
        if what == "numpy":
            ((file_name, content),) = numpy_script_file(session).items()
            return file_name, content
        names = session.workspace.feature_names
        if what == "weights_json":
            return f"glassnet-{name}-weights.json", weights_json(session.network, names).encode()
        return f"glassnet-{name}-weights.csv", weights_csv(session.network).encode()
    except Ml5Error as error:
        raise SessionError(str(error)) from None


def open_model_files(session: Session, files: dict[str, bytes]) -> str:
    """Open an ml5.js model's files as the session's network (undoable); return a notice."""
    name = next((n for n in files if n.endswith(".json") and "_meta" not in n), "model.json")
    try:
        model = open_ml5(files)
        dataset, network = model.for_view(name[:100])
    except Ml5Error as error:
        raise SessionError(f"This ml5.js model cannot be opened: {error}") from None
    session.use_dataset(dataset, f"Open {name}", network=network, model=True)
    what = f"classes {', '.join(model.labels)}" if model.labels else "a number"
    return (
        f"Opened {name}: {len(model.input_names)} inputs ({', '.join(model.input_names)}), "
        f"predicting {what}. It has no data: load the data it was trained on to train it "
        "further or step through it."
    )[:600]


def sketch_libraries() -> dict[str, bytes]:
    """p5.min.js and ml5.min.js for a sketch that works without internet.

    Read from the folder ``GLASSNET_LIBRARIES`` names (or ~/.cache/glassnet/libraries).
    Nothing is downloaded here: an export answers within one turn of the session
    (a download could take many seconds, or hang without internet), so a missing
    file is a clear error at once, saying where to get it and where to put it.
    """
    folder = Path(os.environ.get("GLASSNET_LIBRARIES") or Path.home() / ".cache/glassnet/libraries")
    missing = [name for name in LIBRARY_FILES if not (folder / name).is_file()]
    if missing:
        where = "; ".join(f"{name} from {LIBRARY_FILES[name]}" for name in missing)
        raise SessionError(
            f"A sketch with p5.js and ml5.js inside needs {' and '.join(missing)} in {folder} "
            f"(or the folder GLASSNET_LIBRARIES names), and glassnet does not download them "
            f"while you wait. Download {where}, put them there and try again, or export the "
            "sketch without them."
        )
    return {name: (folder / name).read_bytes() for name in LIBRARY_FILES}


def _zip(folder: str, files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, content in files.items():
            archive.writestr(f"{folder}/{path}", content)
    return out.getvalue()
