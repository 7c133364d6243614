"""Keeping work: save and load a session file, reloads and server restarts lose nothing."""

import json

import numpy as np
import pytest
from live_server import ServerThread
from socket_watch import SocketWatch, wait_until_kept


def open_watched(page, url):
    watch = SocketWatch(page)
    page.goto(url)
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    return watch


def train_a_little(page, watch, epochs=5):
    for _ in range(epochs):
        page.get_by_role("button", name="Step", exact=True).click()
    watch.wait_for(lambda: watch.all("frame") and watch.last("frame")["epoch"] >= epochs)
    return watch.last("frame")


def draw_points(page, watch, count=3):
    page.get_by_role("button", name="Draw points", exact=True).click()
    box = page.locator(".gn-map").bounding_box()
    for k in range(count):
        page.mouse.click(
            box["x"] + box["width"] * (0.15 + 0.1 * k), box["y"] + box["height"] * 0.15
        )
    watch.wait_for(lambda: len(watch.last("data")["points"]) == 500 + count)
    return watch.last("data")


def test_save_then_load_in_a_fresh_tab_restores_the_trained_state_exactly(
    page, browser, server, tmp_path
):
    watch = open_watched(page, server + "/#gn=1&dataset=spiral&hidden_layers=6,6")
    trained = train_a_little(page, watch)
    with page.expect_download() as saving:
        page.get_by_role("button", name="Save session", exact=True).click()
    path = tmp_path / "session.json"
    saving.value.save_as(path)
    document = json.loads(path.read_text())
    assert document["format"] == "glassnet-session" and document["training"]["epoch"] == 5

    fresh = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    other = open_watched(fresh, server + "/")
    assert other.last("frame")["network"]["layer_sizes"] == [2, 4, 2, 1]
    fresh.locator(".gn-host-tools input[type=file]").set_input_files(str(path))
    other.wait_for(lambda: other.last("frame")["epoch"] == 5)
    restored = other.last("frame")
    np.testing.assert_array_equal(restored["parameters"], trained["parameters"])
    assert restored["metrics"] == trained["metrics"]  # the same predictions, the same losses
    assert other.last("settings")["values"]["dataset"] == "spiral"
    fresh.context.close()


def test_a_damaged_session_file_is_refused_with_a_message_and_changes_nothing(
    page, server, tmp_path
):
    watch = open_watched(page, server + "/")
    before = train_a_little(page, watch, epochs=2)
    path = tmp_path / "broken.json"
    path.write_text('{"format": "glassnet-session", "version": 1, "settings": {')
    page.locator(".gn-host-tools input[type=file]").set_input_files(str(path))
    toast = page.locator(".gn-toast-errors")
    toast.wait_for()
    assert "not JSON" in toast.inner_text()
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "glassnet-session", "version": 99}))
    page.locator(".gn-host-tools input[type=file]").set_input_files(str(other))
    page.wait_for_function("document.querySelectorAll('.gn-toast-errors').length >= 2")
    assert "version 99" in page.locator(".gn-toast-errors").last.inner_text()
    page.get_by_role("button", name="Step", exact=True).click()
    watch.wait_for(lambda: watch.last("frame")["epoch"] == 3)
    assert watch.last("frame")["network"]["layer_sizes"] == before["network"]["layer_sizes"]


def test_a_reload_keeps_drawn_points_and_trained_weights(page, server):
    watch = open_watched(page, server + "/")
    draw_points(page, watch)
    trained = train_a_little(page, watch, epochs=4)
    wait_until_kept(page, "kept.training.epoch === 4 && kept.points.drawn_inputs.length === 3")
    again = SocketWatch(page)
    page.reload()
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    again.wait_for(lambda: again.all("frame") and again.last("frame")["epoch"] == 4)
    np.testing.assert_array_equal(again.last("frame")["parameters"], trained["parameters"])
    assert len(again.last("data")["points"]) == 503


@pytest.mark.allow_console_errors  # the dropped connection logs a WebSocket error
def test_a_server_restart_then_a_reload_keeps_drawn_points_and_weights(browser):
    running = ServerThread().start()
    port = running.port
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    try:
        watch = open_watched(page, running.url + "/")
        draw_points(page, watch, count=2)
        trained = train_a_little(page, watch, epochs=3)
        wait_until_kept(page, "kept.training.epoch === 3 && kept.points.drawn_inputs.length === 2")
        running.stop()
        running = ServerThread(port=port).start()
        again = SocketWatch(page)
        page.reload()
        page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
        again.wait_for(lambda: again.all("frame") and again.last("frame")["epoch"] == 3)
        np.testing.assert_array_equal(again.last("frame")["parameters"], trained["parameters"])
        assert len(again.last("data")["points"]) == 502
    finally:
        page.context.close()
        running.stop()


def server_sessions(url):
    import urllib.request

    return int(urllib.request.urlopen(url + "/health", timeout=5).read().split()[1])


def test_a_reload_comes_back_to_its_own_session_undo_and_all(page):
    running = ServerThread(workers=1).start()
    try:
        watch = open_watched(page, running.url + "/")
        train_a_little(page, watch, epochs=2)
        page.get_by_role("button", name="Reset", exact=True).click()
        watch.wait_for(lambda: watch.last("frame")["undo"] == "Reset")
        wait_until_kept(page, "kept.training.epoch === 0")
        again = SocketWatch(page)
        page.reload()
        page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
        again.wait_for(lambda: again.all("frame"))
        assert again.last("frame")["undo"] == "Reset"  # the server's undo, not a copy's
        assert again.all("welcome")[0]["token"] == watch.all("welcome")[0]["token"]
        assert server_sessions(running.url) == 1  # not a second copy
        page.get_by_role("button", name="Undo", exact=True).click()
        again.wait_for(lambda: again.last("frame")["epoch"] == 2)
    finally:
        running.stop()


@pytest.mark.allow_console_errors  # the dropped connection logs a WebSocket error
def test_a_server_killed_while_training_comes_back_playing_with_its_undo_losing_under_a_second(
    page, tmp_path
):
    import signal
    import subprocess
    import sys
    import time

    from live_server import free_port

    port = free_port()

    def start():
        command = [sys.executable, "-m", "glassnet.cli", "--no-browser", "--port", str(port),
                   "--workers", "1"]  # fmt: skip
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        for _ in range(150):
            try:
                server_sessions(f"http://127.0.0.1:{port}")
                return server
            except OSError:
                time.sleep(0.1)
        raise AssertionError("the server did not start")

    server = start()
    try:
        watch = open_watched(page, f"http://127.0.0.1:{port}/#gn=1&speed=30")
        draw_points(page, watch, count=2)
        page.get_by_role("button", name="Play", exact=True).click()
        watch.wait_for(lambda: watch.last("frame")["epoch"] >= 60, timeout_ms=15000)
        wait_until_kept(page, "kept.playing === true && kept.training.epoch >= 30")
        server.send_signal(signal.SIGKILL)
        server.wait()
        lost_at = watch.last("frame")["epoch"]  # the last epoch the tab saw
        server = start()
        again = SocketWatch(page)  # the tab reconnects by itself and restores its copy
        again.wait_for(lambda: again.all("frame") and again.last("frame")["epoch"] > lost_at,
                       timeout_ms=20000)  # fmt: skip
        first = again.all("frame")[0]
        assert first["epoch"] >= lost_at - 30  # under a second of training lost, at 30 epochs/s
        assert again.last("frame")["playing"]  # and it plays on
        assert again.last("frame")["undo"] == "Add point"  # the undo steps came back too
        assert len(again.last("data")["points"]) == 502
    finally:
        server.kill()
        server.wait()


def test_a_session_file_too_large_to_send_is_refused_in_the_page_with_the_limit(page, server):
    from glassnet.limits import MAX_MESSAGE_BYTES

    watch = open_watched(page, server + "/")
    big = b'{"format": "glassnet-session", "padding": "' + b"x" * MAX_MESSAGE_BYTES + b'"}'
    page.locator(".gn-host-tools input[type=file]").set_input_files(
        files=[{"name": "big.json", "mimeType": "application/json", "buffer": big}]
    )
    toast = page.locator(".gn-toast-errors")
    toast.wait_for()
    assert "at most 6.0 MB (MAX_MESSAGE_BYTES)" in toast.inner_text()
    assert not [m for m in watch.sent if m["type"] == "restore"]


@pytest.mark.allow_console_errors  # the dropped connection logs a WebSocket error
def test_a_reconnection_keeps_the_settings_changed_since_the_link_was_opened(browser):
    running = ServerThread(workers=1).start()
    port = running.port
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    try:
        watch = open_watched(page, running.url + "/#gn=1&dataset=xor")
        page.locator(".gn-dp-tile[data-dataset='spiral']").click()
        watch.wait_for(lambda: watch.last("settings")["values"]["dataset"] == "spiral")
        wait_until_kept(page, "kept.settings.dataset === 'spiral'")
        running.stop()  # no reload: the tab reconnects by itself
        running = ServerThread(port=port, workers=1).start()
        again = SocketWatch(page)
        again.wait_for(lambda: again.all("settings"), timeout_ms=15000)
        assert again.last("settings")["values"]["dataset"] == "spiral"
    finally:
        page.context.close()
        running.stop()
