"""The relay between a WebSocket and its session: limits, coming back with a token, leaving."""

import json
import time

import pytest
from relay_helpers import of_type, one_worker_app, receive_until
from starlette.testclient import TestClient
from worker_helpers import points_csv

from glassnet import limits
from glassnet.hostnames import HostNames
from glassnet.server import create_app


@pytest.fixture
def client():
    with TestClient(one_worker_app()) as running:
        yield running


def started(ws, **hello):
    """Say hello; return the welcome, after the first frame."""
    ws.send_text(json.dumps({"type": "hello", **hello, "protocol": 2}))
    welcome = receive_until(ws, of_type("welcome"))
    started.frame = receive_until(ws, of_type("frame"))
    return welcome


def test_a_message_over_the_size_limit_is_answered_with_an_error_and_not_read(client):
    with client.websocket_connect("/ws") as ws:
        started(ws)
        content = "x,y,label\r\n" + "1.0,2.0,a\r\n" * (limits.MAX_MESSAGE_BYTES // 10)
        ws.send_text(json.dumps({"type": "load_data", "filename": "big.csv", "content": content}))
        error = receive_until(ws, of_type("error"))
        assert error["request"] == "load_data" and error["limit"] == "MAX_MESSAGE_BYTES"
        assert "at most 6,000,000 bytes" in error["message"] and len(error["message"]) < 300
        ws.send_text('{"type": "ready"}')
        ws.send_text('{"type": "step"}')
        assert receive_until(ws, of_type("frame"))["epoch"] == 1


def test_a_view_sending_faster_than_the_rate_limit_is_told_once_and_loses_nothing(
    client, monkeypatch
):
    monkeypatch.setattr(limits, "MAX_IN_FLIGHT", 10_000)  # only the rate limit, this time
    monkeypatch.setattr(limits, "MAX_MESSAGES_PER_SECOND", 40)
    with client.websocket_connect("/ws") as ws:
        started(ws)
        n = 100
        for k in range(n):  # a knob turned fast, one message per value
            change = {"learning_rate": round(0.001 * (k + 1), 3)}
            ws.send_text(json.dumps({"type": "set", "changes": change}))
        last, errors = round(0.001 * n, 3), []
        receive_until(ws, lambda m: (m["type"] == "error" and errors.append(m)) or (
            m["type"] == "settings" and m["values"]["learning_rate"] == last))  # fmt: skip
        assert [e["limit"] for e in errors] == ["MAX_MESSAGES_PER_SECOND"]  # told once
        assert all(e["request"] is None and "docs/limits.md" in e["message"] for e in errors)


def test_a_view_with_too_many_requests_waiting_is_told_and_they_are_all_answered(
    client, monkeypatch
):
    monkeypatch.setattr(limits, "MAX_IN_FLIGHT", 2)
    with client.websocket_connect("/ws") as ws:
        started(ws)
        content = points_csv(1000)
        ws.send_text(json.dumps({"type": "load_data", "filename": "a.csv", "content": content}))
        receive_until(ws, of_type("data"))
        for _ in range(4):
            ws.send_text('{"type": "step"}')
        error = receive_until(ws, of_type("error"))
        assert error["limit"] == "MAX_IN_FLIGHT" and "2 messages" in error["message"]
        ws.send_text('{"type": "ready"}')
        ws.send_text('{"type": "save"}')  # answered after the four steps
        saved = receive_until(ws, of_type("saved"))
        assert saved["session"]["training"]["epoch"] == 4


def test_a_view_that_comes_back_with_its_token_finds_its_session_undo_and_all(client):
    with client.websocket_connect("/ws") as ws:
        token = started(ws)["token"]
        for request in ("step", "reset", "step"):
            ws.send_text(json.dumps({"type": request}))
            ws.send_text('{"type": "ready"}')  # the view drew the last frame: it may get the next
            frame = receive_until(ws, of_type("frame"))
        assert (frame["epoch"], frame["undo"]) == (1, "Reset")
    assert client.get("/health").text.startswith("ok 1 sessions")  # kept for the view
    with client.websocket_connect("/ws") as ws:
        stale = {"format": "glassnet-session"}  # its own copy: not restored over the session
        welcome = started(ws, token=token, restore=stale)
        assert welcome["token"] == token
        assert started.frame["undo"] == "Reset"  # the session itself, undo and all
        ws.send_text('{"type": "undo"}')
        ws.send_text('{"type": "ready"}')
        assert receive_until(ws, of_type("frame"))["epoch"] == 1  # the step before the reset
    assert client.get("/health").text.startswith("ok 1 sessions")


def test_a_second_tab_with_the_same_token_gets_a_session_of_its_own(client):
    # A duplicated tab copies its kept token; the first tab still has the session.
    with client.websocket_connect("/ws") as first:
        token = started(first)["token"]
        with client.websocket_connect("/ws") as second:
            assert started(second, token=token)["token"] != token
        assert client.get("/health").text.startswith("ok 2 sessions")


def test_a_kept_session_is_freed_after_idle_seconds():
    app = create_app(host_names=HostNames(extra=("testserver",)), workers=1, idle_seconds=0)
    with TestClient(app) as client:
        with client.websocket_connect("/ws") as ws:
            token = started(ws)["token"]
        for _ in range(100):  # the server frees idle sessions once a second
            if client.get("/health").text.startswith("ok 0 sessions"):
                break
            time.sleep(0.05)
        assert client.get("/health").text.startswith("ok 0 sessions")
        with client.websocket_connect("/ws") as ws:
            assert started(ws, token=token)["token"] != token  # too late: a new session


def test_the_token_is_found_at_the_start_of_a_hello_too_large_to_parse_in_the_web_process():
    from glassnet.relay import hello_token

    kept = {"format": "glassnet-session", "points": {"inputs": [[0.5, 0.5]] * 20_000}}
    large = json.dumps({"type": "hello", "token": "abc_DEF-123", "restore": kept})
    assert len(large) > 65536 and hello_token(large) == "abc_DEF-123"
    assert hello_token(json.dumps({"type": "hello", "restore": kept, "token": "t"})) is None
    assert hello_token('{"type": "hello", "protocol": 2, "token": "t"}') == "t"
    assert hello_token('{"type": "play", "token": "t"}') is None and hello_token(None) is None


def test_a_hello_over_the_size_limit_is_answered_with_an_error_and_starts_afresh(client):
    with client.websocket_connect("/ws") as ws:
        points = [[0.5, 0.5, 0]] * (limits.MAX_MESSAGE_BYTES // 10)
        ws.send_text(json.dumps({"type": "hello", "restore": {"points": points}}))
        error = receive_until(ws, of_type("error"))
        assert error["limit"] == "MAX_MESSAGE_BYTES" and "not read" in error["message"]
        receive_until(ws, of_type("welcome"))
        data = receive_until(ws, of_type("data"))
        assert (data["source"], len(data["points"])) == ("generated", 500)  # the defaults
        ws.send_text('{"type": "ready"}')
        ws.send_text('{"type": "step"}')
        assert receive_until(ws, lambda m: m["type"] == "frame" and m["epoch"] == 1)
