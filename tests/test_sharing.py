"""Sharing a session live: followers in step, read-only refused, revoked, capped, owner back."""

import contextlib
import json

import pytest
from relay_helpers import of_type, one_worker_app, receive_until
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from glassnet import limits


@pytest.fixture
def client():
    with TestClient(one_worker_app()) as running:
        yield running


def hello(ws, **fields):
    ws.send_text(json.dumps({"type": "hello", "protocol": 2, **fields}))
    welcome = receive_until(ws, of_type("welcome"))
    frame = receive_until(ws, of_type("frame"))
    ws.send_text('{"type": "ready"}')  # drawn, as a page says
    return welcome, frame


def share(owner, control=False):
    owner.send_text(json.dumps({"type": "share", "control": control}))
    return receive_until(owner, of_type("shared"))


def frame_where(ws, condition):
    """The first frame for which ``condition`` holds (saying ready after each, as a page does)."""

    def wanted(m):
        if m["type"] != "frame":
            return False
        ws.send_text('{"type": "ready"}')
        return condition(m)

    return receive_until(ws, wanted)


def frame_at(ws, epoch):
    return frame_where(ws, lambda m: m["epoch"] >= epoch)


def test_two_followers_see_the_owners_session_in_step_with_the_same_epoch_and_weights(client):
    with client.websocket_connect("/ws") as owner:
        _, first = hello(owner)
        shared = share(owner)
        assert len(shared["code"]) >= 16 and shared["followers"] == 0
        with (
            client.websocket_connect(f"/ws?join={shared['code']}") as a,
            client.websocket_connect(f"/ws?join={shared['code']}") as b,
        ):
            for follower in (a, b):
                welcome, frame = hello(follower, settings={"learning_rate": 0.3})
                assert "token" not in welcome  # only the owner may come back as the owner
                assert frame["parameters"] == first["parameters"]
            assert receive_until(owner, of_type("shared"))["followers"] >= 1
            owner.send_text('{"type": "step"}')
            owner.send_text('{"type": "step"}')
            mine = frame_at(owner, 2)
            for follower in (a, b):
                theirs = frame_at(follower, 2)
                assert theirs["epoch"] == mine["epoch"] == 2
                assert theirs["parameters"] == mine["parameters"]
            owner.send_text(json.dumps({"type": "set", "changes": {"learning_rate": 0.01}}))
            for follower in (a, b):
                settings = receive_until(follower, of_type("settings"))
                assert settings["values"]["learning_rate"] == 0.01  # a follower's hello set nothing


def test_a_read_only_follower_is_told_its_role_and_its_edits_are_refused(client):
    with client.websocket_connect("/ws") as owner:
        hello(owner)
        code = share(owner, control=False)["code"]
        with client.websocket_connect(f"/ws?join={code}") as follower:
            follower.send_text(json.dumps({"type": "hello", "protocol": 2}))
            role = receive_until(follower, of_type("role"))
            receive_until(follower, of_type("frame"))
            follower.send_text('{"type": "ready"}')
            assert role == {"type": "role", "role": "follower", "control": False}
            follower.send_text('{"type": "step"}')
            error = receive_until(follower, of_type("error"))
            assert error["request"] == "step" and "read-only" in error["message"]
            follower.send_text(json.dumps({"type": "probe", "x": [1.0, -2.0]}))
            assert receive_until(follower, of_type("probed"))["epoch"] == 0  # reading is allowed
            follower.send_text(json.dumps({"type": "share", "control": True}))
            assert "owner" in receive_until(follower, of_type("error"))["message"]
            share(owner, control=True)  # now the followers may control it
            assert receive_until(follower, of_type("role"))["control"] is True
            follower.send_text('{"type": "step"}')
            assert frame_at(owner, 1)["epoch"] == 1


def test_revoking_the_code_lets_its_followers_go_with_a_message_and_the_code_stops_working(
    client,
):
    with client.websocket_connect("/ws") as owner:
        hello(owner)
        code = share(owner)["code"]
        with client.websocket_connect(f"/ws?join={code}") as follower:
            hello(follower)
            owner.send_text('{"type": "unshare"}')
            error = receive_until(follower, of_type("error"))
            assert "stopped sharing" in error["message"]
            with pytest.raises(WebSocketDisconnect) as closed:
                follower.receive_text()
            assert closed.value.code == 4403
        assert receive_until(owner, lambda m: m["type"] == "shared" and m["code"] is None)
        with client.websocket_connect(f"/ws?join={code}") as late:
            late.send_text(json.dumps({"type": "hello"}))
            assert "does not open a shared session" in json.loads(late.receive_text())["message"]
            with pytest.raises(WebSocketDisconnect):
                late.receive_text()
    with client.websocket_connect("/ws?join=guessed-code") as guesser:
        guesser.send_text(json.dumps({"type": "hello"}))
        assert json.loads(guesser.receive_text())["limit"] == "MAX_FOLLOWERS"


def test_followers_per_session_are_capped_with_a_message_that_names_the_limit(client, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FOLLOWERS", 2)
    with client.websocket_connect("/ws") as owner:
        hello(owner)
        code = share(owner)["code"]
        with (
            client.websocket_connect(f"/ws?join={code}") as a,
            client.websocket_connect(f"/ws?join={code}") as b,
        ):
            hello(a)
            hello(b)
            with client.websocket_connect(f"/ws?join={code}") as third:
                third.send_text(json.dumps({"type": "hello"}))
                refused = json.loads(third.receive_text())
                assert refused["limit"] == "MAX_FOLLOWERS" and "2 screens" in refused["message"]


def test_followers_keep_watching_when_the_owner_leaves_and_the_owner_comes_back_with_its_token(
    client,
):
    with client.websocket_connect("/ws") as owner:
        welcome, _ = hello(owner)
        token = welcome["token"]
        owner.send_text('{"type": "play"}')
        code = share(owner, control=False)["code"]
        follower = client.websocket_connect(f"/ws?join={code}").__enter__()
        hello(follower)
    # The owner's tab closed: the session goes on training for its follower.
    epoch = frame_at(follower, 1)["epoch"]
    assert frame_at(follower, epoch + 2)["epoch"] > epoch
    with client.websocket_connect("/ws") as owner:
        welcome, frame = hello(owner, token=token)
        assert welcome["token"] == token and frame["epoch"] > epoch  # the same session
        shared = receive_until(owner, of_type("shared"))
        assert shared["code"] == code and shared["followers"] == 1
        owner.send_text('{"type": "pause"}')
        assert frame_where(follower, lambda m: not m["playing"])
    follower.__exit__(None, None, None)


def test_a_page_opened_from_a_file_cannot_follow_a_shared_session(client):
    with client.websocket_connect("/ws") as owner:
        hello(owner)
        code = share(owner)["code"]
        file_page = {"origin": "null"}  # what a page opened from file:// sends
        with (
            pytest.raises(WebSocketDisconnect) as closed,
            client.websocket_connect(f"/ws?join={code}", headers=file_page) as ws,
        ):
            ws.receive_text()
        assert closed.value.code == 1008


@contextlib.contextmanager
def owner_and_follower_in_control(client):
    """An owner's screen and a follower's, on one session shared with control, both greeted."""
    with client.websocket_connect("/ws") as owner:
        hello(owner)
        code = share(owner, control=True)["code"]
        with client.websocket_connect(f"/ws?join={code}") as follower:
            hello(follower)
            yield owner, follower


def test_a_notice_reaches_every_screen_and_an_error_only_the_screen_that_asked(client):
    with owner_and_follower_in_control(client) as (owner, follower):
        owner.send_text('{"type": "step"}')
        frame_at(owner, 1)
        frame_at(follower, 1)
        # The follower changes the data of a trained network: every screen is told why it reset.
        follower.send_text(json.dumps({"type": "set", "changes": {"dataset": "xor"}}))
        for screen in (follower, owner):
            told = until_frame_after_data(screen)
            notices = [m["message"] for m in told if m["type"] == "notice"]
            assert any("The network was reset because the data changed" in n for n in notices)
        # A bad request is answered on the screen that sent it; the owner hears nothing of it.
        follower.send_text(json.dumps({"type": "set", "changes": {"learning_rate": -4}}))
        error = receive_until(follower, of_type("error"))
        assert error["request"] == "set"
        owner.send_text(json.dumps({"type": "probe", "x": [0.5, 0.5]}))
        seen = []
        receive_until(owner, lambda m: seen.append(m["type"]) or m["type"] == "probed")
        assert "error" not in seen and "notice" not in seen


def until_frame_after_data(ws):
    """Every message up to the first frame after new data (a notice comes between them)."""
    seen = []
    receive_until(
        ws,
        lambda m: (
            seen.append(m)
            or (m["type"] == "frame" and any(earlier["type"] == "data" for earlier in seen))
        ),
    )
    return seen


def test_the_other_screens_are_told_who_reset_the_shared_network(client):
    with owner_and_follower_in_control(client) as (owner, follower):
        owner.send_text('{"type": "reset"}')
        told = receive_until(follower, of_type("notice"))["message"]
        assert told.startswith("The owner reset the network")
        follower.send_text('{"type": "reset"}')
        told = receive_until(owner, of_type("notice"))["message"]
        assert told.startswith("Another screen following this session reset the network")
        # Neither is told of its own reset.
        for screen in (owner, follower):
            screen.send_text(json.dumps({"type": "probe", "x": [0.5, 0.5]}))
            seen = []
            receive_until(
                screen, lambda m, seen=seen: seen.append(m["type"]) or m["type"] == "probed"
            )
            assert "notice" not in seen
