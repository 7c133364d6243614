"""The glassnet command: options, a free port when the default is taken, a clean stop."""

import asyncio
import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from worker_helpers import run

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


def test_connections_to_the_listening_socket_send_small_messages_at_once():
    """Nagle's algorithm is off (TCP_NODELAY) on what the server accepts; with it on, a small
    message after a large one waited 40 ms for the browser's delayed acknowledgement."""

    async def accept_one():
        sock = open_socket("127.0.0.1", 0)
        accepted = asyncio.get_running_loop().create_future()

        def on_connect(reader, writer):
            accepted.set_result(writer)

        server = await asyncio.start_server(on_connect, sock=sock)
        _, writer = await asyncio.open_connection("127.0.0.1", sock.getsockname()[1])
        peer = await asyncio.wait_for(accepted, 5)
        nodelay = peer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        for end in (writer, peer):
            end.close()
            await end.wait_closed()
        server.close()
        await server.wait_closed()
        return nodelay

    assert run(accept_one()) != 0


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


def test_the_new_options_are_workers_names_proxies_and_sessions_per_address():
    args = build_parser().parse_args(
        [
            "--workers",
            "3",
            "--allow-host",
            "glassnet.example.org",
            "--forwarded-allow-ips",
            "10.0.0.1",
            "--max-sessions-per-address",
            "40",
        ]  # fmt: skip
    )
    assert (args.workers, args.allow_host, args.forwarded_allow_ips) == (
        3,
        ["glassnet.example.org"],
        "10.0.0.1",
    )
    assert args.max_sessions_per_address == 40
    defaults = build_parser().parse_args([])
    assert defaults.workers is None and defaults.forwarded_allow_ips is None


def start_glassnet(*options):
    process = subprocess.Popen(
        [sys.executable, "-m", "glassnet.cli", "--no-browser", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    line = process.stdout.readline()
    url = line.split(" at ")[1].split()[0]
    return process, url


def test_sigterm_stops_the_server_within_seconds_while_its_sessions_work_hard():
    import json

    import websockets.sync.client as ws_client
    from worker_helpers import SLOW_EPOCH

    from glassnet import limits

    process, url = start_glassnet("--workers", "2")
    try:
        with contextlib.ExitStack() as views:
            for _ in range(2):
                ws = views.enter_context(ws_client.connect(url.replace("http:", "ws:") + "ws"))
                ws.send(json.dumps({"type": "hello"}))
                for raw in SLOW_EPOCH:
                    ws.send(raw)
                for _ in range(limits.MAX_IN_FLIGHT + 10):
                    ws.send('{"type": "step"}')  # many seconds of work queued, past the limit
                while json.loads(ws.recv(timeout=30)).get("source") != "file":
                    pass  # its 5,000 points are in: the steps are under way
            started = time.monotonic()
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=10)
            took = time.monotonic() - started
        # The issue asks 2 s; it takes 0.4-1.4 s here, and 3 leaves room for a busy CI machine.
        assert took < 3, f"it took {took:.1f} s to stop"
        # Views still waiting for answers (past MAX_IN_FLIGHT) end quietly: no traceback.
        output = process.stdout.read()
        assert "Traceback" not in output, output
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()


@contextlib.contextmanager
def hello_over(url, headers=None):
    """A session at a live server's URL: its socket and its first message."""
    import json

    import websockets.sync.client as ws_client
    from websockets.exceptions import ConnectionClosed

    with ws_client.connect(url.replace("http:", "ws:") + "/ws", additional_headers=headers) as ws:
        with contextlib.suppress(ConnectionClosed):  # a refused view is closed at once
            ws.send(json.dumps({"type": "hello"}))
        yield ws, json.loads(ws.recv(timeout=30))


def test_x_forwarded_for_counts_only_when_the_proxy_is_trusted():
    from live_server import ServerThread

    spoofed = {"X-Forwarded-For": "10.9.9.9"}
    plain = ServerThread(max_sessions_per_address=1, workers=1).start()
    try:
        with hello_over(plain.url) as (_, welcome), hello_over(plain.url, spoofed) as (_, refused):
            assert welcome["type"] == "welcome"
            # Still 127.0.0.1 as far as the server knows: over its share.
            assert refused["type"] == "error" and "--max-sessions-per-address" in refused["message"]
    finally:
        plain.stop()
    proxied = ServerThread(forwarded_allow_ips="127.0.0.1", max_sessions_per_address=1, workers=1)
    proxied.start()
    try:
        with hello_over(proxied.url), hello_over(proxied.url, spoofed) as (_, welcome):
            assert welcome["type"] == "welcome"  # the trusted proxy says who the client is
    finally:
        proxied.stop()


def raw_socket(port):
    """A WebSocket handshake by hand, so a test can send frames no library would."""
    import base64

    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    sock.sendall(request.encode())
    response = b""
    while b"\r\n\r\n" not in response:
        response += sock.recv(4096)
    assert b" 101 " in response.split(b"\r\n")[0]
    return sock


def client_frame(opcode: int, payload: bytes) -> bytes:
    """One masked frame from a client (RFC 6455), for payloads under 64 KiB."""
    mask = os.urandom(4)
    head = bytes([0x80 | opcode])
    head += (
        bytes([0x80 | len(payload)])
        if len(payload) < 126
        else bytes([0xFE]) + len(payload).to_bytes(2, "big")
    )
    return head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def test_an_invalid_utf8_frame_closes_that_socket_cleanly_and_logs_no_error(caplog):
    from live_server import ServerThread

    running = ServerThread(workers=1).start()
    try:
        sock = raw_socket(running.port)
        sock.sendall(client_frame(1, b'{"type": "hello"}'))
        sock.recv(65536)  # the welcome has started to arrive
        sock.sendall(client_frame(1, b'{"type": "\xff\xfe"}'))  # text that is not UTF-8
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
        sock.close()
        assert b"\x88\x02\x03\xef" in received  # a close frame with code 1007
        with hello_over(running.url) as (_, welcome):  # the server goes on
            assert welcome["type"] == "welcome"
    finally:
        running.stop()
    problems = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not problems, [r.getMessage() for r in problems]


def test_a_message_far_over_the_limit_closes_the_socket_with_1009():
    import websockets.exceptions
    from live_server import ServerThread

    from glassnet import limits

    running = ServerThread(workers=1).start()
    try:
        with hello_over(running.url) as (ws, _):
            ws.send("x" * (2 * limits.MAX_MESSAGE_BYTES + 1))
            with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
                while True:
                    ws.recv(timeout=30)
            assert closed.value.rcvd.code == 1009
    finally:
        running.stop()


def test_lessons_names_a_folder_of_lessons_and_a_missing_one_is_refused(tmp_path):
    assert build_parser().parse_args(["--lessons", str(tmp_path)]).lessons == str(tmp_path)
    assert build_parser().parse_args([]).lessons is None
    missing = tmp_path / "nowhere"
    with pytest.raises(SystemExit, match=f"--lessons {missing}: there is no such folder"):
        main(["--lessons", str(missing), "--no-browser"])


def test_the_controller_options_make_osc_and_serial_controllers():
    from glassnet.cli import controllers_of
    from glassnet.controllers import OscOptions, SerialOptions

    args = build_parser().parse_args(
        ["--osc-port", "9000", "--osc-send", "127.0.0.1:9001", "--serial", "/dev/ttyACM0"]
    )
    assert controllers_of(args) == (
        OscOptions(9000, "127.0.0.1", ("127.0.0.1", 9001), None),
        SerialOptions("/dev/ttyACM0", 9600, None),
    )
    assert controllers_of(build_parser().parse_args([])) == ()
    for bad, says in [
        (["--osc-port", "9000", "--osc-send", "9001"], "give HOST:PORT"),
        (["--osc-port", "9000", "--osc-send", "host:99999"], "give HOST:PORT"),
        (["--osc-send", "127.0.0.1:9001"], "--osc-send needs --osc-port"),
        (["--osc-port", "9000", "--osc-session", "abc"], "16 to 64 letters"),
        (["--serial", "/dev/x", "--serial-session", "has space in it!!!"], "16 to 64 letters"),
    ]:
        with pytest.raises(SystemExit, match=says):
            controllers_of(build_parser().parse_args(bad))


def test_glassnet_with_controllers_says_on_the_terminal_what_they_do():
    osc_port = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    osc_port.bind(("127.0.0.1", 0))
    port = osc_port.getsockname()[1]
    osc_port.close()
    process = subprocess.Popen(
        [sys.executable, "-m", "glassnet.cli", "--no-browser", "--port", "0", "--workers", "1",
         "--osc-port", str(port), "--serial", "/dev/no-such-arduino"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    try:
        lines = [process.stdout.readline() for _ in range(3)]
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    said = "".join(lines) + out
    assert f"glassnet: OSC listens on 127.0.0.1:{port}." in said
    assert "glassnet: serial: /dev/no-such-arduino:" in said and "tries to open it again" in said
    assert "glassnet stopped." in out
