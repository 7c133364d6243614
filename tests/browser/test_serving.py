"""Several glassnet servers behind nginx, with HTTPS, as docs/serving.md says: tabs stay on
their server, and when one server dies its tabs come back on the other with their work.

The test runs docs/serving.md's own nginx configuration (its ports and certificate
replaced by a free port and a self-signed one) with Debian's nginx, in a directory of
its own: no root paths, its pid and logs in the temporary directory.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np
import pytest
from live_server import free_port
from socket_watch import SocketWatch, wait_until_kept

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
DOC = Path(__file__).parents[2] / "docs" / "serving.md"


def nginx_config(directory: Path, https_port: int, http_port: int, upstreams: list[int]) -> str:
    """docs/serving.md's configuration, with this test's ports, certificate and paths."""
    site = re.search(r"```nginx\n(.*?)```", DOC.read_text(), re.S).group(1)
    site = site.replace("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    site = site.replace("/etc/letsencrypt/live/glassnet.example.org/fullchain.pem",
                        str(directory / "cert.pem"))  # fmt: skip
    site = site.replace("/etc/letsencrypt/live/glassnet.example.org/privkey.pem",
                        str(directory / "key.pem"))  # fmt: skip
    for documented, port in zip(("127.0.0.1:8766", "127.0.0.1:8767"), upstreams):
        assert documented in site
        site = site.replace(documented, f"127.0.0.1:{port}")
    temp = "\n".join(
        f"    {kind}_temp_path {directory / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
worker_processes 1;
pid {directory / "nginx.pid"};
error_log {directory / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
    access_log {directory / "access.log"};
{temp}
{site}
}}
"""


def self_signed_certificate(directory: Path):
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(directory / "key.pem"),
            "-out",
            str(directory / "cert.pem"),
        ],  # fmt: skip
        check=True,
        capture_output=True,
    )


def wait_for(url: str, what: str):
    unverified = ssl._create_unverified_context()  # the test's own self-signed certificate
    for _ in range(300):
        try:
            return urllib.request.urlopen(url, timeout=2, context=unverified).read().decode()
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"{what} did not start")


def sessions_of(port: int) -> int:
    return int(wait_for(f"http://127.0.0.1:{port}/health", "glassnet").split()[1])


@pytest.fixture
def two_servers_behind_nginx(tmp_path):
    if not Path(NGINX).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is missing; CI must run this test (apt-get install nginx)")
        pytest.skip("nginx is not installed")
    ports = [free_port(), free_port()]
    servers = {}
    for port in ports:
        command = [sys.executable, "-m", "glassnet.cli", "--no-browser", "--port", str(port),
                   "--workers", "1", "--forwarded-allow-ips", "127.0.0.1"]  # fmt: skip
        servers[port] = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    self_signed_certificate(tmp_path)
    https_port, http_port = free_port(), free_port()
    config = tmp_path / "nginx.conf"
    config.write_text(nginx_config(tmp_path, https_port, http_port, ports))
    nginx_command = [NGINX, "-p", str(tmp_path), "-e", str(tmp_path / "error.log"),
                     "-c", str(config), "-g", "daemon off;"]  # fmt: skip
    subprocess.run([*nginx_command, "-t"], check=True, capture_output=True)
    nginx = subprocess.Popen(nginx_command)
    try:
        for port in ports:
            sessions_of(port)
        assert wait_for(f"https://127.0.0.1:{https_port}/health", "nginx").startswith("ok")
        yield f"https://127.0.0.1:{https_port}", servers
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        for server in servers.values():
            if server.poll() is None:
                server.terminate()
            server.wait(timeout=10)


@pytest.mark.allow_console_errors  # the tabs of the killed server log a WebSocket error
def test_tabs_of_a_server_that_dies_come_back_on_the_other_with_their_work(
    browser, two_servers_behind_nginx
):
    url, servers = two_servers_behind_nginx
    tabs = []
    try:
        # Tabs until both servers hold some: each tab's route hashes to one of them.
        while len(tabs) < 12 and not all(sessions_of(port) for port in servers):
            context = browser.new_context(viewport={"width": 1280, "height": 800},
                                          ignore_https_errors=True)  # fmt: skip
            page = context.new_page()
            watch = SocketWatch(page)
            page.goto(url + "/#gn=1&dataset=xor&hidden_layers=3")
            page.wait_for_selector(".glassnet[data-ready='true']", timeout=20000)
            assert page.evaluate("location.protocol") == "https:"
            epochs = 2 + len(tabs)
            for _ in range(epochs):
                page.get_by_role("button", name="Step", exact=True).click()
            watch.wait_for(lambda w=watch, n=epochs: w.last("frame")["epoch"] == n)
            wait_until_kept(page, f"kept.training.epoch === {epochs}")
            tabs.append((page, watch, epochs))
        counts = {port: sessions_of(port) for port in servers}
        assert all(counts.values()), f"every tab went to one server: {counts}"

        # Each tab stays with its server: reloading it keeps the sessions where they are.
        tabs[0][0].reload()
        tabs[0][0].wait_for_selector(".glassnet[data-ready='true']", timeout=20000)
        assert {port: sessions_of(port) for port in servers} == counts

        victim, survivor = sorted(servers, key=lambda port: counts[port], reverse=True)
        trained = [watch.last("frame") for _, watch, _ in tabs]
        agains = [SocketWatch(page) for page, _, _ in tabs]  # sockets opened from now on
        servers[victim].send_signal(signal.SIGKILL)
        servers[victim].wait()
        for _ in range(300):  # the victim's tabs reconnect by themselves, after 2 s
            if sessions_of(survivor) == len(tabs):
                break
            time.sleep(0.1)
        assert sessions_of(survivor) == len(tabs)
        moved = [a for a in agains if a.all("welcome")]  # a new socket: its server died
        for _ in range(200):
            if len(moved) == counts[victim]:
                break
            tabs[0][0].wait_for_timeout(50)  # hand the pages' socket events to the watches
            moved = [a for a in agains if a.all("welcome")]
        assert len(moved) == counts[victim]
        for (_, _, epochs), again, before in zip(tabs, agains, trained):
            if again in moved:
                again.wait_for(lambda a=again: a.all("frame"), timeout_ms=20000)
                frame = again.last("frame")
                assert frame["epoch"] == epochs  # its copy, restored on the other server
                np.testing.assert_array_equal(frame["parameters"], before["parameters"])
    finally:
        for page, _, _ in tabs:
            page.context.close()
