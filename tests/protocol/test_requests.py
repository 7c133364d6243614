"""The request table: every request is carried out, and a malformed one is refused clearly."""

import json
import re
from pathlib import Path

import numpy as np
import pytest
from connection_helpers import by_type, started

from glassnet.protocol import REQUESTS


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
        ("set_weight", {"layer": 0, "source": 1, "target": 2, "value": 0.5, "drag": 3}),
        ("set_bias", {"layer": 1, "unit": 0, "value": -0.5, "drag": 3}),
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
            '{"type": "set_weight", "layer": 0, "source": 0, "target": 0, "value": 1e9}',
            "A weight must be a number from -1000 to 1000",
        ),
        (
            '{"type": "set_weight", "layer": 9, "source": 0, "target": 0, "value": 1}',
            "layer must be a whole number from 0 to 2",
        ),
        ('{"type": "set", "changes": {"learning_rate": NaN}}', "only finite numbers"),
        ('{"type": "set", "changes": {"learning_rate": -1}}', "learning_rate must be a number"),
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


SENT_TYPE = re.compile(r"""["']type["']\s*:\s*["'](\w+)["']|\(["'](\w+)["'],\s*\{""")


def test_every_request_type_is_sent_by_some_test_of_the_protocol():
    # Derived from what the tests send ({"type": "play"} in a message, or a
    # ("play", {...}) row of a parametrized table), not from a hand-typed list.
    sent = set()
    for path in Path(__file__).parent.glob("test_*.py"):
        for match in SENT_TYPE.finditer(path.read_text()):
            sent.add(match[1] or match[2])
    assert set(REQUESTS) - sent == set()


@pytest.mark.parametrize(
    "raw, message",
    [
        ('{"type": "save", "history": "no"}', "'history' field of a 'save' message must be true"),
        ('{"type": "explain", "point": 1, "size": 3}', "'size' field of a 'explain' message"),
        ('{"type": "hello", "protocol": "2"}', "'protocol' field of a 'hello' message"),
        ('{"type": "hello", "binary": 1}', "'binary' field of a 'hello' message must be true"),
        ('{"type": "restore", "session": [1]}', "'session' field of a 'restore' message"),
        ('{"type": "explain", "point": 1, "size": "huge"}', "A step is one of: sample, batch"),
    ],
)
def test_optional_fields_are_checked_too(raw, message):
    connection, _ = started()
    errors = by_type(connection.receive(raw), "error")
    assert len(errors) == 1 and message in errors[0]["message"]


@pytest.mark.parametrize(
    "kind, message",
    [
        ("NaN", "NaN is not one"),
        ("Infinity", "Infinity is not one"),
        ("[1e999]", "1e999 is not one"),
        ("1", 'must be a JSON object with a "type"'),
        ("null", 'must be a JSON object with a "type"'),
        ('{"a": 1}', 'must be a JSON object with a "type"'),
    ],
)
def test_a_type_that_is_not_text_is_refused_and_never_echoed(kind, message):
    connection, _ = started()
    replies = connection.receive('{"type": ' + kind + "}")
    errors = by_type(replies, "error")
    assert errors[0]["request"] is None and message in errors[0]["message"]
    for out in replies:
        json.dumps(out.message, allow_nan=False)  # what goes back is valid JSON


def test_a_long_unknown_type_is_cut_short_in_the_answer():
    connection, _ = started()
    errors = by_type(connection.receive(json.dumps({"type": "x" * 3_000_000})), "error")
    assert len(errors[0]["message"]) < 1000 and len(errors[0]["request"]) <= 40


def test_midi_mappings_are_kept_and_sent_back_and_a_bad_list_is_refused():
    connection, first = started()
    assert by_type(first, "midi") == []  # a session without mappings never mentions them
    mapping = {"control": "noise", "channel": 2, "kind": "cc", "number": 7}
    replies = connection.receive(json.dumps({"type": "midi", "mappings": [mapping]}))
    assert by_type(replies, "error") == []
    assert by_type(replies, "midi") == [{"type": "midi", "mappings": [mapping]}]
    assert connection.session.save()["midi"] == [mapping]
    bad = {**mapping, "control": "nothing"}
    replies = connection.receive(json.dumps({"type": "midi", "mappings": [bad]}))
    [error] = by_type(replies, "error")
    assert error["request"] == "midi" and "it may drive playButton" in error["message"]
    assert connection.session.midi == [mapping]
    [error] = by_type(connection.receive('{"type": "midi", "mappings": {}}'), "error")
    assert "'mappings' field of a 'midi' message must be a list" in error["message"]
