"""The protocol: every message type, every bad-input case, and what a view is sent."""

import json
import struct

import numpy as np
import pytest

from glassnet.protocol import PROTOCOL_VERSION, REQUESTS, Connection, encode, parse
from glassnet.session import Session


def messages(outgoing):
    return [o.message for o in outgoing]


def by_type(outgoing, kind):
    return [m for m in messages(outgoing) if m["type"] == kind]


def started(settings=None, binary=False):
    connection = Connection(Session())
    hello = {"type": "hello", "binary": binary, "protocol": PROTOCOL_VERSION}
    if settings:
        hello["settings"] = settings
    first = connection.start(json.dumps(hello))
    return connection, first


def test_a_view_first_gets_welcome_then_settings_data_and_a_frame():
    connection, first = started({"dataset": "xor"})
    kinds = [m["type"] for m in messages(first)]
    assert kinds == ["welcome", "settings", "data", "frame"]
    welcome = first[0].message
    assert welcome["protocol"] == PROTOCOL_VERSION
    names = [d["name"] for d in welcome["catalog"]["datasets"]]
    assert "xor" in names and "blobs" in names and "sine" in names
    assert first[1].message["values"]["dataset"] == "xor"
    data = first[2].message
    assert len(data["points"]) == 500 and len(data["train"]) + len(data["test"]) == 500


def test_a_frame_carries_the_sessions_exact_parameters():
    connection, first = started()
    frame = by_type(first, "frame")[0]
    expected = np.concatenate([p.ravel() for p in connection.session.network.parameters()])
    assert frame["parameters"] == expected.tolist()
    assert frame["network"]["layer_sizes"] == [2, 4, 2, 1]
    assert frame["epoch"] == 0 and frame["playing"] is False


def test_a_binary_frame_holds_the_parameters_as_little_endian_float64():
    connection, first = started(binary=True)
    frame = [o for o in first if o.message["type"] == "frame"][0]
    data = encode(frame)
    (head_length,) = struct.unpack("<I", data[:4])
    header = json.loads(data[4 : 4 + head_length])
    start = (4 + head_length + 7) // 8 * 8
    values = np.frombuffer(data[start : start + header["buffer_lengths"][0]], dtype="<f8")
    expected = np.concatenate([p.ravel() for p in connection.session.network.parameters()])
    np.testing.assert_array_equal(values, expected)
    assert header["parameters"] == {"buffer": 0, "dtype": "float64", "length": expected.size}


def test_frames_wait_until_the_view_is_ready():
    connection, _ = started()
    assert by_type(connection.receive('{"type": "step"}'), "frame") == []
    frames = by_type(connection.receive('{"type": "ready"}'), "frame")
    assert len(frames) == 1 and frames[0]["epoch"] == 1
    assert by_type(connection.receive('{"type": "ready"}'), "frame") == []  # nothing new


def test_the_history_is_sent_in_pieces_that_append():
    connection, _ = started()
    connection.receive('{"type": "step"}')
    connection.receive('{"type": "step"}')
    first = by_type(connection.receive('{"type": "ready"}'), "frame")[0]["history"]
    assert first["start"] == 0 and first["epochs"] == [0, 1, 2]
    connection.receive('{"type": "step"}')
    second = by_type(connection.receive('{"type": "ready"}'), "frame")[0]["history"]
    assert second["start"] == 2 and second["epochs"] == [2, 3]


@pytest.mark.parametrize(
    "request_type, fields",
    [
        ("play", {}),
        ("pause", {}),
        ("step", {}),
        ("reset", {}),
        ("regenerate", {}),
        ("set", {"changes": {"learning_rate": 0.1}}),
        ("add_point", {"x": [1.0, 2.0], "target": 1}),
        ("remove_point", {"index": 3}),
        ("set_weight", {"layer": 0, "source": 1, "target": 2, "value": 0.5}),
        ("set_bias", {"layer": 1, "unit": 0, "value": -0.5}),
        ("load_data", {"filename": "d.csv", "content": "a,b,label\n1,2,x\n2,1,y\n"}),
    ],
)
def test_every_request_type_is_carried_out_without_an_error(request_type, fields):
    connection, _ = started()
    version = connection.session.version
    replies = connection.receive(json.dumps({"type": request_type, **fields}))
    assert by_type(replies, "error") == []
    assert connection.session.version > version


def test_undo_redo_clear_and_hello_are_carried_out():
    connection, _ = started()
    connection.receive('{"type": "reset"}')
    assert by_type(connection.receive('{"type": "undo"}'), "error") == []
    assert by_type(connection.receive('{"type": "redo"}'), "error") == []
    assert by_type(connection.receive('{"type": "clear_points"}'), "error") == []
    assert by_type(connection.receive('{"type": "new_drawing"}'), "error") == []
    assert connection.session.points.base.n_points == 0
    assert by_type(connection.receive('{"type": "hello", "binary": true}'), "error") == []
    assert connection.binary


def test_every_request_type_is_tested_here():
    tested = {"play", "pause", "step", "reset", "regenerate", "set", "add_point", "remove_point",
              "set_weight", "set_bias", "load_data", "undo", "redo", "clear_points", "hello",
              "ready", "save", "restore", "new_drawing", "explain", "apply_step",
              "revert_step", "explain_weight", "explain_delta"}  # fmt: skip
    assert set(REQUESTS) == tested


@pytest.mark.parametrize(
    "raw, message",
    [
        ("not json", "must be JSON text"),
        ("[1, 2]", 'must be a JSON object with a "type"'),
        ('{"kind": "play"}', 'must be a JSON object with a "type"'),
        ('{"type": "fly"}', "Unknown message type 'fly'; known types: hello"),
        ('{"type": "set"}', "needs a 'changes' field"),
        ('{"type": "set", "changes": [1]}', "'changes' field of a 'set' message must be an object"),
        ('{"type": "add_point", "x": "1,2", "target": 0}', "must be a list"),
        ('{"type": "add_point", "x": [1, 2], "target": true}', "must be a number"),
        ('{"type": "remove_point", "index": 1.5}', "must be a whole number"),
        ('{"type": "set_weight", "layer": 0, "source": 0, "target": 0}', "needs a 'value'"),
        (
            '{"type": "set_weight", "layer": 0, "source": 0, "target": 0, "value": NaN}',
            "A weight must be a number from -1000 to 1000",
        ),
        (
            '{"type": "set_weight", "layer": 9, "source": 0, "target": 0, "value": 1}',
            "layer must be a whole number from 0 to 2",
        ),
        ('{"type": "set", "changes": {"learning_rate": NaN}}', "learning_rate must be a number"),
        ('{"type": "set", "changes": {"hidden_layers": [4, 99]}}', "1 to 32"),
        ('{"type": "set", "changes": {"hidden_layers": [1,1,1,1,1,1,1,1,1,1,1]}}', "at most 10"),
        ('{"type": "set", "changes": {"nope": 1}}', "Unknown setting 'nope'"),
        ('{"type": "load_data", "filename": "x.csv", "content": ""}', "x.csv:"),
        ('{"type": "load_data", "filename": "x.txt", "content": "1"}', "x.txt:"),
        ('{"type": "undo"}', "nothing to undo"),
    ],
)
def test_a_bad_message_gets_an_error_that_says_what_is_allowed_and_the_session_carries_on(
    raw, message
):
    connection, _ = started()
    settings_before = connection.session.settings
    params_before = [p.copy() for p in connection.session.network.parameters()]
    replies = connection.receive(raw)
    errors = by_type(replies, "error")
    assert len(errors) == 1 and message in errors[0]["message"]
    assert connection.session.settings == settings_before
    for a, b in zip(params_before, connection.session.network.parameters()):
        np.testing.assert_array_equal(a, b)
    # and it still works
    assert by_type(connection.receive('{"type": "step"}'), "error") == []
    assert connection.session.epoch == 1


def test_a_refused_settings_change_sends_the_settings_back_so_the_view_can_revert():
    connection, _ = started()
    replies = connection.receive('{"type": "set", "changes": {"learning_rate": -1}}')
    assert [m["type"] for m in messages(replies)][:2] == ["error", "settings"]
    assert by_type(replies, "settings")[0]["values"]["learning_rate"] == 0.03


def test_an_oversized_message_is_refused_before_it_is_parsed():
    from glassnet import limits

    with pytest.raises(ValueError, match="at most 6,000,000 bytes"):
        parse(" " * (limits.MAX_MESSAGE_BYTES + 1))


def test_bad_hello_settings_give_an_error_and_the_defaults():
    connection = Connection(Session())
    first = connection.start('{"type": "hello", "settings": {"dataset": "nope"}}')
    assert [m["type"] for m in messages(first)][:2] == ["welcome", "error"]
    assert by_type(first, "settings")[0]["values"]["dataset"] == "circle"


def test_a_notice_tells_the_view_when_the_network_was_reset():
    connection, _ = started()
    connection.receive('{"type": "step"}')
    replies = connection.receive('{"type": "set", "changes": {"hidden_layers": [3]}}')
    assert "reset" in by_type(replies, "notice")[0]["message"]


def test_missing_values_are_null_in_json_never_nan():
    connection, _ = started({"dataset": "custom"})
    connection.receive('{"type": "ready"}')
    frame = by_type(connection.receive('{"type": "step"}'), "frame")[0]
    assert frame["metrics"]["test_loss"] is None
    assert frame["alert"]["kind"] == "no_data"
    json.dumps(frame, allow_nan=False)


def test_save_answers_with_a_document_that_restore_brings_back_exactly():
    connection, _ = started({"dataset": "moons"})
    for _ in range(3):
        connection.receive('{"type": "step"}')
    saved = by_type(connection.receive('{"type": "save"}'), "saved")[0]["session"]
    expected = [p.copy() for p in connection.session.network.parameters()]
    other, _ = started()
    replies = other.receive(json.dumps({"type": "restore", "session": saved}))
    assert by_type(replies, "error") == []
    for a, b in zip(expected, other.session.network.parameters()):
        np.testing.assert_array_equal(a, b)
    assert other.session.epoch == 3


def test_a_kept_session_is_restored_by_hello_and_the_links_settings_win():
    first, _ = started({"dataset": "spiral"})
    first.receive('{"type": "step"}')
    kept = by_type(first.receive('{"type": "save"}'), "saved")[0]["session"]
    connection = Connection(Session())
    hello = {"type": "hello", "restore": kept, "settings": {"learning_rate": 0.1}}
    replies = connection.start(json.dumps(hello))
    assert by_type(replies, "error") == []
    assert connection.session.settings.dataset == "spiral"
    assert connection.session.settings.learning_rate == 0.1
    assert connection.session.epoch == 1


def test_a_damaged_kept_session_is_reported_and_the_links_settings_still_apply():
    connection = Connection(Session())
    hello = {"type": "hello", "restore": {"format": "nope"}, "settings": {"dataset": "xor"}}
    replies = connection.start(json.dumps(hello))
    assert "not a glassnet session file" in by_type(replies, "error")[0]["message"]
    assert connection.session.settings.dataset == "xor"


def test_restore_takes_a_session_files_text_and_refuses_text_that_is_not_json():
    first, _ = started({"dataset": "gauss"})
    saved = by_type(first.receive('{"type": "save"}'), "saved")[0]["session"]
    other, _ = started()
    replies = other.receive(json.dumps({"type": "restore", "content": json.dumps(saved)}))
    assert by_type(replies, "error") == [] and other.session.settings.dataset == "gauss"
    broken = other.receive(json.dumps({"type": "restore", "content": '{"format": "glassn'}))
    assert "not JSON" in by_type(broken, "error")[0]["message"]
    assert other.session.settings.dataset == "gauss"
    missing = other.receive('{"type": "restore"}')
    assert "needs a 'session' object" in by_type(missing, "error")[0]["message"]


def test_an_explanation_carries_the_engines_numbers_and_chain_and_delta_answer():
    connection, _ = started({"hidden_layers": [3]})
    s = connection.session
    point = int(s.workspace.train[4])
    replies = connection.receive(json.dumps({"type": "explain", "point": point, "size": "sample"}))
    m = by_type(replies, "explanation")[0]
    preview = s.explainer.preview.record
    assert m["layer_sizes"] == [2, 3, 1] and m["trains"] is True
    assert m["layers"][0]["z"] == preview.forward.pre_activations[0][0].tolist()
    assert m["layers"][1]["delta"] == preview.backward.deltas[1][0].tolist()
    first = m["update"]["layers"][0]["weights"]
    np.testing.assert_array_equal(
        np.array(first["after"]), np.array(first["before"]) - np.array(first["step"])
    )
    chain = by_type(
        connection.receive(
            json.dumps(
                {"type": "explain_weight", "id": m["id"], "layer": 0, "source": 0, "target": 1}
            )
        ),  # fmt: skip
        "chain",
    )[0]
    assert sum(p["product"] for p in chain["paths"]) == pytest.approx(chain["gradient"])
    delta = by_type(
        connection.receive(
            json.dumps({"type": "explain_delta", "id": m["id"], "layer": 0, "unit": 1})
        ),
        "delta",
    )[0]
    assert delta["delta"] == pytest.approx(
        delta["slope"] * sum(t["product"] for t in delta["terms"])
    )
    version = s.version
    assert (
        by_type(connection.receive(json.dumps({"type": "apply_step", "id": m["id"]})), "error")
        == []
    )
    assert s.version > version
    assert (
        by_type(connection.receive(json.dumps({"type": "revert_step", "id": m["id"]})), "error")
        == []
    )


@pytest.mark.parametrize(
    "raw, message",
    [
        ('{"type": "set_weight", "layer": 0, "source": 0, "target": 0, "value": 1'
         + "0" * 400 + "}", "A weight must be a number"),
        ('{"type": "set", "changes": {"seed": 1' + "0" * 400 + "}}", "seed must be a whole number"),
        ('{"type": "add_point", "x": [1' + "0" * 400 + ", 1], \"target\": 0}",
         "A coordinate must be a number"),
        ("[" * 100_000, "nest lists or objects this deeply"),
        ('{"type": "restore", "content": "' + "[" * 100_000 + '"}', "nests lists or objects"),
    ],
)  # fmt: skip
def test_absurd_values_get_an_error_and_the_connection_goes_on(raw, message):
    connection, _ = started()
    errors = by_type(connection.receive(raw), "error")
    assert len(errors) == 1 and message in errors[0]["message"]
    assert len(errors[0]["message"]) < 400  # a huge number is not echoed back whole
    assert by_type(connection.receive('{"type": "step"}'), "error") == []
