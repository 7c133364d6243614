"""Exports and opened models over the protocol: one file back, or a model in, checked."""

import base64
import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest
from connection_helpers import by_type, started

from glassnet.bridge import from_ml5, open_ml5

SAVED = Path(__file__).parents[1] / "fixtures" / "ml5" / "cls3_default"


def exported(connection, fmt, **extra):
    replies = connection.receive(json.dumps({"type": "export", "format": fmt, **extra}))
    assert by_type(replies, "error") == []
    message = by_type(replies, "exported")[0]
    return message["filename"], base64.b64decode(message["content"])


def test_the_ml5_export_is_a_zip_of_the_three_files_ml5_loads():
    connection, _ = started({"dataset": "blobs", "classes": 3})
    name, content = exported(connection, "ml5")
    archive = zipfile.ZipFile(io.BytesIO(content))
    files = {Path(n).name: archive.read(n) for n in archive.namelist()}
    assert name.endswith(".zip")
    assert sorted(files) == ["model.json", "model.weights.bin", "model_meta.json"]
    model = open_ml5(files)
    rows = np.array([[0.5, 1.0], [-3.0, 2.0]])
    np.testing.assert_allclose(model.predict(rows), connection.session.network.predict(rows),
                               rtol=1e-5)  # fmt: skip


@pytest.mark.parametrize("fmt, suffix", [("numpy", ".py"), ("weights_json", ".json"),
                                         ("weights_csv", ".csv"), ("sketch", ".zip")])  # fmt: skip
def test_every_export_answers_with_one_file(fmt, suffix):
    connection, _ = started()
    name, content = exported(connection, fmt)
    assert name.endswith(suffix) and content


def test_a_sketch_for_a_room_without_internet_carries_the_libraries(tmp_path, monkeypatch):
    for library in ("p5.min.js", "ml5.min.js"):
        (tmp_path / library).write_text(f"/* {library} */")
    monkeypatch.setenv("GLASSNET_LIBRARIES", str(tmp_path))
    connection, _ = started()
    _, content = exported(connection, "sketch", libraries=True)
    archive = zipfile.ZipFile(io.BytesIO(content))
    names = [Path(n).as_posix().split("/", 1)[1] for n in archive.namelist()]
    assert "libraries/p5.min.js" in names and "libraries/ml5.min.js" in names
    index = next(archive.read(n).decode() for n in archive.namelist() if n.endswith("index.html"))
    assert 'src="libraries/p5.min.js"' in index and "https://" not in index


def test_an_export_that_cannot_be_written_says_why_and_the_session_goes_on():
    connection, _ = started({"activations": ["sine", "sine"]})
    errors = by_type(connection.receive('{"type": "export", "format": "ml5"}'), "error")
    assert "no sine activation" in errors[0]["message"]
    errors = by_type(connection.receive('{"type": "export", "format": "gif"}'), "error")
    assert "exports are: ml5, sketch" in errors[0]["message"]


def files_of(folder):
    return {p.name: base64.b64encode(p.read_bytes()).decode() for p in folder.iterdir()}


def test_an_ml5_model_opens_as_the_sessions_network_and_undo_takes_it_back():
    connection, _ = started()
    replies = connection.receive(json.dumps({"type": "open_model", "files": files_of(SAVED)}))
    assert by_type(replies, "error") == []
    assert "Opened model.json: 2 inputs (0, 1)" in by_type(replies, "notice")[0]["message"]
    s = connection.session
    assert s.network.layer_sizes == [2, 16, 3]
    assert by_type(replies, "data")[0]["class_names"] == ["cat", "dog", "bird"]
    model = from_ml5(SAVED)
    raw = np.array([[0.2, 0.1], [2.0, 3.0]])
    on_map = s.points.base.normalization.normalize_inputs(raw)
    np.testing.assert_allclose(s.network.predict(on_map), model.predict(raw), rtol=1e-12)
    connection.receive('{"type": "undo"}')
    assert s.network.layer_sizes == [2, 4, 2, 1]


def test_a_damaged_model_is_refused_with_its_part_and_nothing_changes():
    connection, _ = started()
    files = files_of(SAVED)
    files["model.weights.bin"] = base64.b64encode(b"\0" * 12).decode()
    errors = by_type(connection.receive(json.dumps({"type": "open_model", "files": files})),
                     "error")  # fmt: skip
    assert "cannot be opened: The weights file is too short" in errors[0]["message"]
    assert connection.session.network.layer_sizes == [2, 4, 2, 1]
    bad = by_type(connection.receive('{"type": "open_model", "files": {"a.json": "***"}}'),
                  "error")  # fmt: skip
    assert "is not base64" in bad[0]["message"]
