"""A connection: what a view is sent first, frames and their pacing, saving, explaining."""

import json

import numpy as np
import pytest
from connection_helpers import by_type, messages, started

from glassnet.protocol import PROTOCOL_VERSION, Connection
from glassnet.session import Session


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


def test_frames_wait_until_the_view_is_ready():
    connection, _ = started()
    assert by_type(connection.receive('{"type": "step"}'), "frame") == []
    frames = by_type(connection.receive('{"type": "ready"}'), "frame")
    assert len(frames) == 1 and frames[0]["epoch"] == 1
    assert by_type(connection.receive('{"type": "ready"}'), "frame") == []  # nothing new


def test_a_goodbye_changes_nothing_in_the_session_and_gets_no_answer():
    connection, _ = started()
    before = connection.session.version
    assert connection.receive('{"type": "goodbye"}') == []
    assert connection.session.version == before


def test_the_history_is_sent_in_pieces_that_append():
    connection, _ = started()
    connection.receive('{"type": "step"}')
    connection.receive('{"type": "step"}')
    first = by_type(connection.receive('{"type": "ready"}'), "frame")[0]["history"]
    assert first["start"] == 0 and first["epochs"] == [0, 1, 2]
    connection.receive('{"type": "step"}')
    second = by_type(connection.receive('{"type": "ready"}'), "frame")[0]["history"]
    assert second["start"] == 2 and second["epochs"] == [2, 3]


def test_a_refused_settings_change_sends_the_settings_back_so_the_view_can_revert():
    connection, _ = started()
    replies = connection.receive('{"type": "set", "changes": {"learning_rate": -1}}')
    assert [m["type"] for m in messages(replies)][:2] == ["error", "settings"]
    assert by_type(replies, "settings")[0]["values"]["learning_rate"] == 0.03


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


def test_a_client_that_does_not_say_its_version_is_answered_in_version_one():
    connection = Connection(Session({"hidden_layers": [3]}))
    welcome = connection.start('{"type": "hello"}')[0].message
    assert welcome["protocol"] == 1
    point = int(connection.session.workspace.train[0])
    m = by_type(connection.receive(json.dumps({"type": "explain", "point": point})), "explanation")
    delta = by_type(
        connection.receive(
            json.dumps({"type": "explain_delta", "id": m[0]["id"], "layer": 0, "unit": 0})
        ),
        "delta",
    )[0]
    assert "derivative" in delta and "slope" not in delta  # version 1's name for f'(z)
    assert delta["derivative"] == m[0]["layers"][0]["slope"][0]


def test_a_client_of_an_unknown_version_is_told_and_answered_in_the_newest():
    connection = Connection(Session())
    first = connection.start('{"type": "hello", "protocol": 7}')
    assert first[0].message["protocol"] == PROTOCOL_VERSION
    error = by_type(first, "error")[0]
    assert "asked for version 7" in error["message"] and error["request"] == "hello"
    assert by_type(first, "frame")  # and the session goes on


BIG = "x" * 100_000


def every_field_given_something_huge():
    """One message per field of every request, with 100,000 characters where the field goes."""
    from glassnet.protocol import REQUESTS

    plain = {str: "a.csv", dict: {}, list: [0.0, 0.0], int: 0, (int, float): 0, bool: True}
    for kind, request in REQUESTS.items():
        for name in {**request.required, **request.optional}:
            for huge in (BIG, [BIG], {BIG: BIG}, {"dataset": BIG}, 10**400):
                message = {"type": kind, **{f: plain[t] for f, t in request.required.items()}}
                yield {**message, name: huge}
    yield {"type": BIG}
    yield {"type": "load_data", "filename": BIG + ".csv", "content": "a,b\n1,2"}
    yield {"type": "load_data", "filename": "a.csv", "content": f"a,b,{BIG}\n1,2,3"}
    yield {"type": "load_data", "filename": "a.csv", "content": f"a,b,c\n1,{BIG},3"}
    yield {"type": "load_data", "filename": "a.json", "content": json.dumps({"data": [
        {"xs": {BIG: 1}, "ys": {"label": "a"}}]})}  # fmt: skip


def test_no_reply_echoes_more_than_a_few_hundred_characters_of_what_it_was_sent():
    from glassnet.protocol import encode

    connection, _ = started()
    for message in every_field_given_something_huge():
        for out in connection.receive(json.dumps(message)):
            if out.message["type"] in ("error", "notice"):
                assert len(encode(out)) < 700, (message["type"], out.message["message"][:200])
    assert by_type(connection.receive('{"type": "step"}'), "error") == []
