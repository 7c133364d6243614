"""Exports of a session: the bridge's functions given the session's network, data and names.

Each function returns files as bytes by name, ready to download or write; the
bridge (``glassnet.bridge``) does the work, this module only gathers what it
needs from a session.
"""

from __future__ import annotations

import io
import zipfile

from ..bridge import ml5_files
from ..bridge.numpy_script import ScriptData, numpy_script
from ..bridge.sketch import SketchModel, sketch_files
from ..session import Session


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
    """``glassnet-NAME.py``: the network, its data and settings as a NumPy-only script."""
    text = numpy_script(session.network, session.trainer, script_data(session), epochs)
    return {f"glassnet-{_safe(session.points.base.name)}.py": text.encode()}


def ml5_model_files(session: Session) -> dict[str, bytes]:
    """``model.json``, ``model.weights.bin``, ``model_meta.json`` of the session's network."""
    w = session.workspace
    labels = list(session.data_view().class_names) if w.kind != "regression" else None
    plain = w.feature_names == tuple(f"x{k}" for k in range(1, w.points.n_inputs + 1))
    norm = w.points.base.normalization if plain else None
    names = list(w.points.base.input_names) if norm is not None else list(w.feature_names)
    return ml5_files(session.network, labels=labels, input_names=names, normalization=norm)


def _safe(name: str) -> str:
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
    plain = w.feature_names == tuple(f"x{k}" for k in range(1, w.points.n_inputs + 1))
    folded = norm if plain else None
    values = (-1.0, 1.0)
    if w.kind == "regression" and folded is not None and folded.target_min is not None:
        values = (folded.target_min, folded.target_max)
    model = SketchModel(
        task="regression" if w.kind == "regression" else "classification",
        labels=session.data_view().class_names if w.kind != "regression" else (),
        features=w.feature_names,
        input_low=tuple(folded.input_min) if folded else None,
        input_high=tuple(folded.input_max) if folded else None,
        n_raw_inputs=w.points.n_inputs,
        value_low=values[0],
        value_high=values[1],
    )
    name = _safe(w.points.base.name)
    texts = sketch_files(model, f"glassnet on {w.points.base.name}", libraries is not None)
    files = {path: text.encode() for path, text in texts.items()}
    files |= {f"model/{n}": content for n, content in ml5_model_files(session).items()}
    files |= {f"libraries/{n}": content for n, content in (libraries or {}).items()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, content in files.items():
            archive.writestr(f"glassnet-{name}-sketch/{path}", content)
    return {f"glassnet-{name}-sketch.zip": out.getvalue()}
