"""A serial device drives a real server's session: a pseudo-terminal pair stands in for it.

The server opens the terminal's device path with real pyserial; the test writes
real bytes to the other end, as an Arduino would.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import time

import pytest
from controller_helpers import is_type, logged, page_on
from live_server import ServerThread

from glassnet.controllers import SerialOptions


@pytest.fixture
def device(caplog):
    """The device end of a pseudo-terminal (its master), with a server reading the other end."""
    caplog.set_level(logging.INFO, logger="glassnet.controllers")
    master, slave = os.openpty()
    path = os.ttyname(slave)
    server = ServerThread(workers=1, controllers=(SerialOptions(path, 9600),)).start()
    logged(caplog, f"serial: reading {path}")
    yield master, server
    server.stop()
    os.close(slave)
    with contextlib.suppress(OSError):  # the test closed it: the device went away
        os.close(master)


def write(master: int, text: str):
    os.write(master, text.encode())


def read_line(master: int, seconds: float = 10.0) -> str:
    received = b""
    while not received.endswith(b"\n"):
        ready, _, _ = select.select([master], [], [], seconds)
        assert ready, f"no line from glassnet, only {received!r}"
        received += os.read(master, 1024)
    return received.decode().strip()


def test_serial_lines_play_pause_and_step_the_session(device):
    master, server = device
    with page_on(server.url) as page:
        write(master, "play\n")
        page.until(lambda m: m["type"] == "frame" and m["playing"] and m["epoch"] >= 3)
        write(master, "pause\r\n")  # an Arduino's println ends lines with \r\n
        stopped = page.until(lambda m: m["type"] == "frame" and not m["playing"])
        write(master, "step\n")
        page.until(lambda m: m["type"] == "frame" and m["epoch"] == stopped["epoch"] + 1)


def test_serial_settings_come_in_both_spellings_and_in_pieces(device):
    master, server = device
    with page_on(server.url) as page:
        write(master, "learning_rate 0.3\n")
        page.until(lambda m: m["type"] == "settings" and m["values"]["learning_rate"] == 0.3)
        write(master, "set batch_")  # a line may arrive in pieces, as bytes do at 9600 baud
        time.sleep(0.3)
        write(master, "size 7\nset optimizer adam\n")
        page.until(lambda m: m["type"] == "settings" and m["values"]["optimizer"] == "adam")
        assert page.settings["batch_size"] == 7 and page.settings["learning_rate"] == 0.3


def test_serial_point_writes_back_the_networks_output_there(device):
    master, server = device
    with page_on(server.url) as page:
        write(master, "point 1.2 -3.4\n")
        line = read_line(master)
        page.send(type="probe", x=[1.2, -3.4])
        probed = page.until(is_type("probed"))
        word, *numbers = line.split()
        assert word == "output"
        assert [float(n) for n in numbers] == pytest.approx(probed["output"], abs=1e-4)


def test_bad_lines_are_logged_with_what_is_allowed_and_change_nothing(device, caplog):
    master, server = device
    with page_on(server.url) as page:
        before = dict(page.settings)
        bad = {
            "jump\n": "a line is one of: play, pause, step, set SETTING VALUE, point X Y",
            "play now\n": "'play' takes no values",
            "point 1\xe9 2\n": "'point' takes one or two numbers",
            "point 1 2 3\n": "'point' takes one or two numbers",
            "learning_rate nan\n": "must be a finite number",
            "x" * 300: "a line is at most 200 characters",
        }
        for line in bad:
            write(master, line)
        write(master, "\nlearning_rate 20\nset wobble 1\n")  # the session refuses these
        write(master, "noise 10\n")  # and the session goes on
        after = page.until(is_type("settings"))["values"]
        assert after == {**before, "noise": 10}
        assert page.frame["epoch"] == 0 and not page.frame["playing"]
    for reason in bad.values():
        assert "ignored" in logged(caplog, reason)
    logged(caplog, "serial: the session refused it: learning_rate")
    logged(caplog, "serial: the session refused it: Unknown setting 'wobble'")


def test_a_device_that_goes_away_is_logged_and_the_server_goes_on(device, caplog):
    master, server = device
    os.close(master)  # unplugged
    assert "tries to open it again" in logged(caplog, "serial: /dev/")
    with page_on(server.url) as page:  # sessions still start and work
        page.send(type="step")
        page.until(lambda m: m["type"] == "frame" and m["epoch"] == 1)


def test_a_device_that_is_not_there_is_logged_and_the_server_runs(caplog):
    caplog.set_level(logging.INFO, logger="glassnet.controllers")
    server = ServerThread(workers=1, controllers=(SerialOptions("/dev/no-such-arduino"),))
    server.start()
    try:
        assert "/dev/no-such-arduino" in logged(caplog, "tries to open it again")
        with page_on(server.url) as page:
            assert page.frame["epoch"] == 0
    finally:
        server.stop()
