"""OSC drives a real server's session: real UDP packets on loopback, both ways."""

from __future__ import annotations

import logging
import queue
import socket
import threading
import time

import pytest
from controller_helpers import free_udp_port, is_type, logged, page_on
from live_server import ServerThread
from pythonosc.dispatcher import Dispatcher
from pythonosc.osc_server import ThreadingOSCUDPServer
from pythonosc.udp_client import SimpleUDPClient

from glassnet import limits
from glassnet.controllers import OscOptions


@pytest.fixture
def heard():
    """A python-osc server that keeps every message it hears: (address, values)."""
    messages = queue.Queue()
    dispatcher = Dispatcher()
    dispatcher.set_default_handler(lambda address, *values: messages.put((address, values)))
    server = ThreadingOSCUDPServer(("127.0.0.1", 0), dispatcher)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    messages.port = server.server_address[1]
    yield messages
    server.shutdown()
    server.server_close()


@pytest.fixture
def running(heard):
    port = free_udp_port()
    options = OscOptions(port, send=("127.0.0.1", heard.port))
    server = ServerThread(workers=1, controllers=(options,)).start()
    server.osc, server.osc_port = SimpleUDPClient("127.0.0.1", port), port
    yield server
    server.osc.close()
    server.stop()


def next_heard(heard, address, seconds=10.0):
    """The values of the next message to ``address`` the OSC server hears."""
    while True:
        got, values = heard.get(timeout=seconds)
        if got == address:
            return values


def test_osc_play_starts_the_session_training_and_pause_stops_it(running):
    with page_on(running.url) as page:
        assert page.frame["playing"] is False
        running.osc.send_message("/glassnet/play", [])
        page.until(lambda m: m["type"] == "frame" and m["playing"] and m["epoch"] >= 3)
        running.osc.send_message("/glassnet/pause", [])
        stopped = page.until(lambda m: m["type"] == "frame" and not m["playing"])
        running.osc.send_message("/glassnet/step", [])
        page.until(lambda m: m["type"] == "frame" and m["epoch"] == stopped["epoch"] + 1)


def test_osc_set_changes_a_setting_the_page_is_sent(running):
    with page_on(running.url) as page:
        assert page.settings["learning_rate"] == 0.03
        running.osc.send_message("/glassnet/set", ["learning_rate", 0.3])  # a 32-bit float
        page.until(lambda m: m["type"] == "settings" and m["values"]["learning_rate"] == 0.3)
        running.osc.send_message("/glassnet/set", ["activations", "relu"])  # not a list: refused
        running.osc.send_message("/glassnet/set", ["output_activation", "tanh"])
        settings = page.until(is_type("settings"))["values"]
        assert settings["output_activation"] == "tanh" and settings["learning_rate"] == 0.3


def test_osc_point_sends_the_sessions_own_activations_there_and_epoch_and_loss(running, heard):
    with page_on(running.url) as page:
        running.osc.send_message("/glassnet/point", [1.5, -2.0])
        layers = [next_heard(heard, "/glassnet/activations") for _ in range(3)]
        output = next_heard(heard, "/glassnet/output")
        page.send(type="probe", x=[1.5, -2.0])  # the page asks the session the same
        probed = page.until(is_type("probed"))
        assert [values[0] for values in layers] == [0, 1, 2]
        for values, layer in zip(layers, probed["layers"], strict=True):
            assert list(values[1:]) == pytest.approx(layer["a"], abs=1e-6)  # OSC floats: 32 bits
        assert list(output) == pytest.approx(probed["output"], abs=1e-6)
        running.osc.send_message("/glassnet/step", [])
        frame = page.until(lambda m: m["type"] == "frame" and m["epoch"] == 1)
        while (epoch := next_heard(heard, "/glassnet/epoch")) != (1,):
            assert epoch == (0,)
        (loss,) = next_heard(heard, "/glassnet/loss")
        assert loss == pytest.approx(frame["metrics"]["train_loss"], rel=1e-6)


BAD = [
    ("/glassnet/jump", [], "'jump' is not a command"),
    ("/other/play", [], "start with /glassnet/"),
    ("/glassnet/play", [1], "'play' takes no values"),
    ("/glassnet/set", ["learning_rate"], "'set' takes a setting's name and one value"),
    ("/glassnet/set", ["learning_rate", float("nan")], "finite number"),
    ("/glassnet/point", [1.0, "x"], "'point' takes one or two numbers"),
    ("/glassnet/point", [float("inf"), 0.0], "finite numbers"),
]


def test_bad_osc_messages_are_logged_with_the_reason_and_change_nothing(running, caplog):
    caplog.set_level(logging.INFO, logger="glassnet.controllers")
    with page_on(running.url) as page:
        before = dict(page.settings)
        for address, values, _ in BAD:
            running.osc.send_message(address, values)
        running.osc.send_message("/glassnet/set", ["learning_rate", 50.0])  # above 10
        running.osc.send_message("/glassnet/set", ["wobble", 1])  # no such setting
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as raw:
            raw.sendto(b"not osc at all", ("127.0.0.1", running.osc_port))
        running.osc.send_message("/glassnet/set", ["batch_size", 7])  # the session goes on
        after = page.until(is_type("settings"))["values"]
        assert after == {**before, "batch_size": 7}
        assert page.frame["playing"] is False and page.frame["epoch"] == 0
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for address, _, reason in BAD:
        assert f"OSC {address} from 127.0.0.1" in logged and reason in logged
    assert "not an OSC packet" in logged
    assert "the session refused it: learning_rate" in logged  # its range is the session's
    assert "the session refused it: Unknown setting 'wobble'" in logged


def test_osc_join_drives_the_shared_session_as_its_owner_lets_followers(running, caplog):
    caplog.set_level(logging.INFO, logger="glassnet.controllers")
    with page_on(running.url) as oldest, page_on(running.url) as owner:
        owner.send(type="share", control=True)
        code = owner.until(is_type("shared"))["code"]
        running.osc.send_message("/glassnet/join", [code])
        running.osc.send_message("/glassnet/set", ["noise", 20])
        owner.until(lambda m: m["type"] == "settings" and m["values"]["noise"] == 20)
        assert oldest.settings["noise"] == 0
        owner.send(type="share", control=False)  # watch-only: the session refuses OSC's edits
        owner.until(lambda m: m["type"] == "shared" and not m["control"])
        logged(caplog, "this shared session is watch-only")  # the controller was told
        running.osc.send_message("/glassnet/set", ["noise", 30])
        assert "noise" not in logged(caplog, "OSC: the session refused it")  # as read-only
        running.osc.send_message("/glassnet/join", [])  # back to the oldest session
        running.osc.send_message("/glassnet/set", ["noise", 40])
        oldest.until(lambda m: m["type"] == "settings" and m["values"]["noise"] == 40)
        owner.send(type="probe", x=[0, 0])
        owner.until(is_type("probed"))
        assert owner.settings["noise"] == 20
    logged(caplog, f"OSC drives session 2, shared with code {code}.")


def test_a_knobs_stream_is_coalesced_to_the_latest_value_within_the_message_rate(
    heard, monkeypatch, caplog
):
    monkeypatch.setattr(limits, "MAX_MESSAGES_PER_SECOND", 20)  # a low rate, to see it kept
    caplog.set_level(logging.INFO, logger="glassnet.controllers")
    port = free_udp_port()
    server = ServerThread(workers=1, controllers=(OscOptions(port),)).start()
    try:
        with page_on(server.url) as page, SimpleUDPClient("127.0.0.1", port) as osc:
            started = time.monotonic()
            for step in range(1, 301):  # a knob turned for 1.5 s: 200 values a second
                osc.send_message("/glassnet/set", ["learning_rate", step / 1000])
                time.sleep(0.005)
            changes = []
            page.until(
                lambda m: (
                    m["type"] == "settings"
                    and changes.append(m["values"]["learning_rate"]) is None
                    and m["values"]["learning_rate"] == 0.3
                )
            )
            seconds = time.monotonic() - started
    finally:
        server.stop()
    assert changes == sorted(changes) and len(set(changes)) == len(changes)  # newest values only
    assert len(changes) <= 20 + 20 * seconds + 1  # a full bucket, then the rate
    assert len(changes) < 100  # coalesced: most values were overtaken while one waited
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_osc_without_a_session_to_drive_says_so_and_drives_the_first_one_opened(running, caplog):
    caplog.set_level(logging.INFO, logger="glassnet.controllers")
    running.osc.send_message("/glassnet/play", [])
    assert "no session open on this server" in logged(caplog, "OSC: there is no session")
    with page_on(running.url) as page:
        logged(caplog, "OSC drives session 1.")
        assert page.frame["playing"] is False  # the play sent before it was dropped
        running.osc.send_message("/glassnet/play", [])
        page.until(lambda m: m["type"] == "frame" and m["playing"])


def test_osc_moves_to_the_next_oldest_page_when_the_oldest_closes(running, caplog):
    caplog.set_level(logging.INFO, logger="glassnet.controllers")
    with page_on(running.url) as first, page_on(running.url) as second:
        running.osc.send_message("/glassnet/set", ["noise", 10])
        first.until(lambda m: m["type"] == "settings" and m["values"]["noise"] == 10)
        first.ws.close()  # its session is kept for it to come back, but nobody sees it
        logged(caplog, "OSC left session 1.")
        running.osc.send_message("/glassnet/set", ["noise", 20])
        second.until(lambda m: m["type"] == "settings" and m["values"]["noise"] == 20)
        assert first.settings["noise"] == 10


def test_a_code_named_at_start_is_the_first_shared_sessions_and_osc_drives_it(heard, caplog):
    caplog.set_level(logging.INFO, logger="glassnet.controllers")
    code = "gallery-north-wall-2026"
    port = free_udp_port()
    options = OscOptions(port, send=("127.0.0.1", heard.port), session=code)
    server = ServerThread(workers=1, controllers=(options,)).start()
    osc = SimpleUDPClient("127.0.0.1", port)
    try:
        with page_on(server.url) as oldest, page_on(server.url) as owner:
            osc.send_message("/glassnet/set", ["noise", 20])  # nothing shared yet: ignored
            owner.send(type="share", control=True)
            assert owner.until(is_type("shared"))["code"] == code
            logged(caplog, f"OSC drives session 2, shared with code {code}.")
            osc.send_message("/glassnet/set", ["noise", 30])
            owner.until(lambda m: m["type"] == "settings" and m["values"]["noise"] == 30)
            owner.send(type="probe", x=[0, 0])
            owner.until(is_type("probed"))
            assert oldest.settings["noise"] == 0  # the oldest session was never driven
            # A second session shared gets a random code: the named one is taken.
            with page_on(server.url) as other:
                other.send(type="share", control=False)
                assert other.until(is_type("shared"))["code"] != code
    finally:
        osc.close()
        server.stop()
