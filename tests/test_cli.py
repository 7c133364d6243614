"""The glassnet command: options, a free port when the default is taken, a clean stop."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from glassnet.cli import DEFAULT_PORT, build_parser, main, open_socket


def test_the_options_are_port_host_no_browser_and_allowed_origins():
    args = build_parser().parse_args(
        ["--port", "9001", "--host", "0.0.0.0", "--no-browser", "--allow-origin", "https://a.org"]
    )
    assert (args.port, args.host, args.no_browser, args.allow_origin) == (
        9001,
        "0.0.0.0",
        True,
        ["https://a.org"],
    )
    defaults = build_parser().parse_args([])
    assert defaults.host == "127.0.0.1" and defaults.port is None and not defaults.no_browser


def test_a_taken_default_port_falls_back_to_a_free_one():
    blocker = socket.socket()
    try:
        try:
            blocker.bind(("127.0.0.1", DEFAULT_PORT))
            blocker.listen(1)
        except OSError:
            pass  # already taken by something else: the same situation
        sock = open_socket("127.0.0.1", None)
        assert sock.getsockname()[1] != DEFAULT_PORT
        sock.close()
    finally:
        blocker.close()


def test_glassnet_starts_prints_its_address_serves_the_page_and_stops_on_ctrl_c():
    process = subprocess.Popen(
        [sys.executable, "-m", "glassnet.cli", "--no-browser", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        line = process.stdout.readline()
        assert "glassnet is running at http://127.0.0.1:" in line
        url = line.split(" at ")[1].split()[0]
        deadline = time.monotonic() + 10
        while True:
            try:
                page = urllib.request.urlopen(url, timeout=2).read().decode()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        assert "glassnet" in page
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=10)
        assert process.returncode == 0
        assert "glassnet stopped." in out
    finally:
        if process.poll() is None:
            process.kill()


def test_lessons_names_a_folder_of_lessons_and_a_missing_one_is_refused(tmp_path):
    assert build_parser().parse_args(["--lessons", str(tmp_path)]).lessons == str(tmp_path)
    assert build_parser().parse_args([]).lessons is None
    missing = tmp_path / "nowhere"
    with pytest.raises(SystemExit, match=f"--lessons {missing}: there is no such folder"):
        main(["--lessons", str(missing), "--no-browser"])
