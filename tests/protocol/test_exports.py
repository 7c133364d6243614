"""Exports and opened models over the protocol: one file back, or a model in, checked."""

import base64
import io
import json
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from connection_helpers import by_type, started
from hypothesis import given, settings
from hypothesis import strategies as st
from ml5_structure import restructured_model

from glassnet.bridge import from_ml5, open_ml5
from glassnet.data import compute_features
from glassnet.limits import MAX_MESSAGE_BYTES

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


HOUSES = "size,rooms,price\n" + "\n".join(
    f"{30 + 17 * i},{1 + i % 5},{50_000 + 4_100 * i + 9_000 * (i % 5)}" for i in range(40)
)


def test_a_regression_with_feature_transforms_exports_a_model_that_answers_in_the_files_units():
    connection, _ = started()
    load = {"type": "load_data", "filename": "houses.csv", "content": HOUSES}
    assert by_type(connection.receive(json.dumps(load)), "error") == []
    connection.receive(json.dumps({"type": "set", "changes": {"features": ["x1", "x2", "x1^2"]}}))
    for _ in range(5):
        connection.session.step()
    s = connection.session
    _, content = exported(connection, "ml5")
    archive = zipfile.ZipFile(io.BytesIO(content))
    model = open_ml5({Path(n).name: archive.read(n) for n in archive.namelist()})
    on_map = np.array([[-5.0, -5.0], [0.5, 2.0], [4.0, -1.0]])  # glassnet's map coordinates
    features = compute_features(on_map, s.workspace.feature_names)
    norm = s.points.base.normalization
    price = norm.denormalize_targets(s.network.predict(features)[:, 0])
    assert model.input_names == ("x1", "x2", "x1^2")
    np.testing.assert_allclose(model.predict(features), price, rtol=1e-5)
    assert abs(price).min() > 1000  # prices, not glassnet's -1..1


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


def save_data(rows):
    """The JSON ml5.js's saveData() writes, for points given as (x0, x1, label)."""
    items = [{"xs": {"0": a, "1": b}, "ys": {"0": label}} for a, b, label in rows]
    return json.dumps({"data": items})


def opened(folder=SAVED):
    connection, _ = started()
    replies = connection.receive(json.dumps({"type": "open_model", "files": files_of(folder)}))
    assert by_type(replies, "error") == []
    return connection, replies


def test_an_opened_model_is_data_of_source_model_with_its_ranges_in_the_data_message():
    _, replies = opened()
    data = by_type(replies, "data")[0]
    assert data["source"] == "model" and data["points"] == []
    assert data["normalization"]["input_min"] == [0, -0.25]
    assert data["normalization"]["input_max"] == [2.5, 4]


def test_data_loaded_beside_an_opened_model_keeps_its_network_and_trains_it_further():
    connection, _ = opened()
    s = connection.session
    before = [p.copy() for p in s.network.parameters()]
    rows = [(0.1, 0.0, "cat"), (1.2, 1.9, "dog"), (2.3, 3.8, "bird"), (0.4, 0.2, "cat")]
    replies = connection.receive(
        json.dumps({"type": "load_data", "filename": "saved.json", "content": save_data(rows)})
    )
    assert by_type(replies, "error") == []
    assert "beside the opened model" in by_type(replies, "notice")[0]["message"]
    for mine, theirs in zip(s.network.parameters(), before):
        np.testing.assert_array_equal(mine, theirs)
    # The points sit where the model expects them: its ranges, not the file's.
    raw = np.array([r[:2] for r in rows])
    np.testing.assert_allclose(
        s.points.base.inputs, s.points.base.normalization.normalize_inputs(raw), atol=1e-12
    )
    assert s.points.base.targets.tolist() == [
        0,
        1,
        2,
        0,
    ]  # cat, dog, bird as the model numbers them
    assert s.points.source == "model"
    connection.receive('{"type": "step"}')
    assert s.epoch == 1
    assert not all(np.array_equal(a, b) for a, b in zip(s.network.parameters(), before))
    explained = by_type(connection.receive('{"type": "explain", "point": 0}'), "explanation")
    assert explained[0]["layer_sizes"] == [2, 16, 3]


def test_a_file_that_does_not_fit_the_opened_model_is_refused_by_name_and_nothing_changes():
    connection, _ = opened()
    s = connection.session
    points, network = s.points, [p.copy() for p in s.network.parameters()]
    for rows, message in [
        (
            [(0.1, 0.0, "cat"), (1.0, 1.0, "fish")],
            'the label "fish", which the model does not know',
        ),
        ([(0.1, 0.0, "cat"), (90.0, 1.0, "dog")], "point 2 has 0 = 90, far outside"),
    ]:
        replies = connection.receive(
            json.dumps({"type": "load_data", "filename": "other.json", "content": save_data(rows)})
        )
        error = by_type(replies, "error")[0]["message"]
        assert "other.json does not fit the opened model, so nothing changed" in error
        assert message in error
    csv = "a,b,label\n1,2,cat\n2,3,dog\n"
    replies = connection.receive(
        json.dumps({"type": "load_data", "filename": "t.csv", "content": csv})
    )
    assert 'the model takes an input "0"' in by_type(replies, "error")[0]["message"]
    assert s.points is points
    for mine, theirs in zip(s.network.parameters(), network):
        np.testing.assert_array_equal(mine, theirs)


def test_a_regression_models_data_keeps_the_models_units():
    connection, _ = opened(SAVED.parent / "reg")
    s = connection.session
    csv = "x,y,out\n0,10,5\n9,1,32\n4,6,20\n"
    connection.receive(json.dumps({"type": "load_data", "filename": "r.csv", "content": csv}))
    norm = s.points.base.normalization
    np.testing.assert_allclose(norm.denormalize_targets(s.points.base.targets), [5, 32, 20])
    np.testing.assert_allclose(s.points.base.inputs[:, 0], [-5, 5, -5 + 40 / 9], atol=1e-12)


def test_a_session_with_an_opened_model_and_its_data_saves_and_restores():
    connection, _ = opened()
    rows = [(0.1, 0.0, "cat"), (1.2, 1.9, "dog")]
    connection.receive(
        json.dumps({"type": "load_data", "filename": "saved.json", "content": save_data(rows)})
    )
    document = connection.session.save()
    other, _ = started()
    assert (
        by_type(other.receive(json.dumps({"type": "restore", "session": document})), "error") == []
    )
    assert other.session.points.source == "model"
    np.testing.assert_array_equal(
        other.session.points.base.inputs, connection.session.points.base.inputs
    )


@settings(max_examples=80, deadline=None)
@given(
    target=st.sampled_from(["model.json", "model.weights.bin", "model_meta.json"]),
    how=st.sampled_from(["text", "bytes", "cut", "rename", "drop"]),
    at=st.integers(0, 4000),
    value=st.integers(0, 255),
)
def test_damaged_model_files_over_the_protocol_open_or_are_refused_and_nothing_changes(
    target, how, at, value
):
    connection, _ = started()
    s = connection.session
    points, before = s.points, [p.copy() for p in s.network.parameters()]
    files = files_of(SAVED)
    raw = bytearray(base64.b64decode(files[target]))
    if how == "text":  # the base64 itself damaged: it may no longer be base64
        text = files[target]
        files[target] = text[: at % len(text)] + chr(32 + value % 95) + text[at % len(text) + 1 :]
    elif how == "bytes":
        raw[at % len(raw)] = value
        files[target] = base64.b64encode(raw).decode()
    elif how == "cut":
        files[target] = base64.b64encode(raw[: at % len(raw)]).decode()
    elif how == "rename":
        files[f"{value}{target}"] = files.pop(target)
    else:
        del files[target]
    replies = connection.receive(json.dumps({"type": "open_model", "files": files}))
    errors = by_type(replies, "error")
    if errors:
        assert "bug in glassnet" not in errors[0]["message"]
        assert len(errors[0]["message"]) < 700
        assert s.points is points
        for mine, theirs in zip(s.network.parameters(), before):
            np.testing.assert_array_equal(mine, theirs)


@settings(max_examples=120, deadline=None)
@given(files=restructured_model())
def test_model_files_of_any_structure_over_the_protocol_open_or_are_refused_and_nothing_changes(
    files,
):
    connection, _ = started()
    s = connection.session
    points, before = s.points, [p.copy() for p in s.network.parameters()]
    encoded = {n: base64.b64encode(c).decode() for n, c in files.items()}
    replies = connection.receive(json.dumps({"type": "open_model", "files": encoded}))
    errors = by_type(replies, "error")
    if errors:
        assert "This ml5.js model cannot be opened" in errors[0]["message"]
        assert len(errors[0]["message"]) < 700
        assert s.points is points
        for mine, theirs in zip(s.network.parameters(), before):
            np.testing.assert_array_equal(mine, theirs)


def test_model_files_larger_than_a_message_may_be_are_refused_before_anything_is_read():
    connection, _ = started()
    huge = base64.b64encode(b"\0" * (MAX_MESSAGE_BYTES * 3 // 4 + 10)).decode()
    message = json.dumps({"type": "open_model", "files": {"model.weights.bin": huge}})
    errors = by_type(connection.receive(message), "error")
    assert f"at most {MAX_MESSAGE_BYTES:,} bytes" in errors[0]["message"]


def test_a_python_script_of_a_session_without_points_is_refused_with_what_to_do():
    connection, _ = opened()  # an ml5 model carries no data
    errors = by_type(connection.receive('{"type": "export", "format": "numpy"}'), "error")
    assert "load or draw data first" in errors[0]["message"]


def test_a_classifier_with_a_tanh_output_exports_as_a_classifier_of_its_classes():
    connection, _ = started({"dataset": "xor", "output_activation": "tanh", "loss": "mse"})
    _, content = exported(connection, "ml5")
    archive = zipfile.ZipFile(io.BytesIO(content))
    model = open_ml5({Path(n).name: archive.read(n) for n in archive.namelist()})
    assert model.task == "classification" and model.labels == ("0", "1")
    rows = np.array([[1.0, 2.0], [-3.0, 4.5]])
    p = (connection.session.network.predict(rows)[:, 0] + 1) / 2
    np.testing.assert_allclose(model.predict(rows)[:, 1], p, rtol=1e-5)


def test_a_regression_model_of_generated_data_writes_its_outputs_range_as_ml5_does():
    connection, _ = started({"dataset": "plane"})
    _, content = exported(connection, "ml5")
    archive = zipfile.ZipFile(io.BytesIO(content))
    meta = json.loads(next(archive.read(n) for n in archive.namelist() if "_meta" in n))
    assert meta["outputs"]["value"] == {"dtype": "number", "min": -1.0, "max": 1.0}
    assert meta["isNormalized"] is False


def test_a_sketch_whose_libraries_are_missing_is_refused_at_once_with_where_to_get_them(
    tmp_path, monkeypatch
):
    (tmp_path / "p5.min.js").write_text("/* p5.min.js */")
    monkeypatch.setenv("GLASSNET_LIBRARIES", str(tmp_path))
    connection, _ = started()
    started_at = time.monotonic()
    replies = connection.receive('{"type": "export", "format": "sketch", "libraries": true}')
    assert time.monotonic() - started_at < 1.0  # nothing is downloaded while the session waits
    message = by_type(replies, "error")[0]["message"]
    assert f"needs ml5.min.js in {tmp_path}" in message
    assert "https://unpkg.com/ml5@1.4.0/dist/ml5.min.js" in message
    assert "p5.min.js from" not in message  # that one is there
