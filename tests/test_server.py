"""The server, in process: pages, the WebSocket session, origins, names, caps and bad requests."""

import json
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from glassnet.hostnames import HostNames
from glassnet.server import STATIC, create_app


def app(**options):
    """The app with one worker, answering to TestClient's name."""
    options.setdefault("workers", 1)
    return create_app(host_names=HostNames(extra=("testserver",)), **options)


@pytest.fixture
def client():
    with TestClient(app()) as running:
        yield running


def receive_until(ws, kind, limit=50):
    for _ in range(limit):
        message = json.loads(ws.receive_text())
        if message["type"] == kind:
            return message
    raise AssertionError(f"no {kind} message in {limit}")


def test_the_page_and_its_modules_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and 'src="/static/page.js"' in page.text
    script = client.get("/static/app.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert client.get("/health").text.startswith("ok 0 sessions, 1 workers")


def test_the_front_end_loads_nothing_from_the_internet():
    # Every URL in the page's files must be local: it works with the network unplugged.
    external = re.compile(r"""(?:src|href|import|from|url\()\s*=?\s*["'(]?\s*(?:https?:)?//""")
    for path in list(STATIC.rglob("*.js")) + list(STATIC.rglob("*.css")) + [STATIC / "index.html"]:
        text = Path(path).read_text()
        assert not external.search(text), f"{path.name} loads something from another host"


def test_the_docs_the_page_links_to_are_served_read_only_as_text(client):
    page = client.get("/docs/lessons.md")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/plain")
    assert page.text.startswith("# Lessons")
    # Every doc the front end names (its links, its texts) is there to be served.
    linked = set()
    for path in STATIC.rglob("*.js"):
        linked |= set(re.findall(r"(?:docs/|docLink\(\")([a-z0-9_-]+\.md)", path.read_text()))
    assert linked >= {"lessons.md", "urls.md", "embedding.md"}
    for name in linked:
        assert client.get(f"/docs/{name}").status_code == 200, name
    outside = ["/docs/../pyproject.toml", "/docs/%2e%2e/README.md", "/docs/nope.md", "/docs/a.py"]
    for path in outside:
        assert client.get(path).status_code == 404, path
    assert client.post("/docs/lessons.md").status_code == 405


def test_a_websocket_session_trains_and_sends_frames_when_ready(client):
    with client.websocket_connect("/ws") as ws:
        ws.send_text(json.dumps({"type": "hello", "settings": {"speed": "max"}}))
        welcome = receive_until(ws, "welcome")
        assert welcome["protocol"] == 1 and len(welcome["token"]) >= 20
        first = receive_until(ws, "frame")
        assert first["epoch"] == 0
        ws.send_text('{"type": "play"}')
        ws.send_text('{"type": "ready"}')
        epochs = []
        for _ in range(3):
            frame = receive_until(ws, "frame")
            epochs.append(frame["epoch"])
            ws.send_text('{"type": "ready"}')
        assert epochs == sorted(epochs) and epochs[-1] > 0
        ws.send_text('{"type": "pause"}')


def test_a_bad_message_over_the_socket_gets_an_error_and_the_session_goes_on(client):
    with client.websocket_connect("/ws") as ws:
        ws.send_text('{"type": "hello"}')
        receive_until(ws, "frame")
        ws.send_text("{broken")
        assert "must be JSON" in receive_until(ws, "error")["message"]
        ws.send_text('{"type": "ready"}')
        ws.send_text('{"type": "step"}')
        assert receive_until(ws, "frame")["epoch"] == 1


@pytest.mark.parametrize("raw", ['{"type": NaN}', '{"type": Infinity}', '{"type": [1e999]}'])
def test_a_message_with_numbers_json_does_not_have_gets_an_error_and_the_socket_stays(raw, client):
    with client.websocket_connect("/ws") as ws:
        ws.send_text('{"type": "hello"}')
        receive_until(ws, "frame")
        ws.send_text(raw)
        error = receive_until(ws, "error")
        assert error["request"] is None and "only finite numbers" in error["message"]
        ws.send_text('{"type": "ready"}')
        ws.send_text('{"type": "step"}')
        assert receive_until(ws, "frame")["epoch"] == 1


def test_a_page_from_another_origin_may_not_open_a_session(client):
    bad = {"origin": "https://evil.example"}
    with pytest.raises(WebSocketDisconnect) as closed, client.websocket_connect("/ws", headers=bad):
        pass
    assert closed.value.code == 1008


def test_an_allowed_origin_and_the_servers_own_origin_may_open_a_session():
    with TestClient(app(allowed_origins=("https://museum.example",))) as client:
        for origin in ("https://museum.example", "http://testserver"):
            with client.websocket_connect("/ws", headers={"origin": origin}) as ws:
                ws.send_text('{"type": "hello"}')
                assert receive_until(ws, "welcome")["type"] == "welcome"


def test_one_session_more_than_the_cap_is_refused_with_a_message():
    with TestClient(app(max_sessions=1)) as client, client.websocket_connect("/ws") as first:
        first.send_text('{"type": "hello"}')
        receive_until(first, "welcome")
        with client.websocket_connect("/ws") as second:
            message = json.loads(second.receive_text())
            assert message["type"] == "error" and "1 sessions, its limit" in message["message"]


def test_one_computer_cannot_take_every_session():
    server = app(max_sessions=10, max_sessions_per_address=1)
    with TestClient(server) as client, client.websocket_connect("/ws") as first:
        first.send_text('{"type": "hello"}')
        receive_until(first, "welcome")
        with client.websocket_connect("/ws") as second:
            message = json.loads(second.receive_text())
            assert "This computer has 1 sessions open" in message["message"]


def test_files_outside_the_static_folder_are_never_served(client):
    for path in ["/static/../server.py", "/static/%2e%2e/server.py", "/static/..%2fserver.py",
                 "/static/lib/../../cli.py", "/static//etc/passwd"]:  # fmt: skip
        assert client.get(path).status_code == 404, path
    assert client.get("/static/lib//store.js").status_code == 200


def test_strange_static_paths_answer_404_not_an_error(client, caplog):
    for path in ["/static/%00", "/static/app.js%00.css", "/static/" + "a" * 5000 + ".js"]:
        assert client.get(path).status_code == 404, path[:40]
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


def test_a_request_for_a_name_the_server_does_not_answer_to_is_refused(client):
    # DNS rebinding: evil.example now points at this machine, and its page asks in its own name.
    page = client.get("/", headers={"host": "evil.example:8765"})
    assert page.status_code == 421 and "--allow-host" in page.text
    with (
        pytest.raises(WebSocketDisconnect) as closed,
        client.websocket_connect(
            "/ws", headers={"host": "evil.example:8765", "origin": "http://evil.example:8765"}
        ),
    ):
        pass
    assert closed.value.code == 1008
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200


def test_a_static_files_etag_is_the_same_in_every_server_process():
    # Python's hash() of bytes changes from process to process (PYTHONHASHSEED); an ETag must not.
    import os
    import subprocess
    import sys

    from glassnet.server import StaticCache

    here = StaticCache(STATIC).response("app.js").headers["etag"]
    code = (
        "from glassnet.server import STATIC, StaticCache;"
        "print(StaticCache(STATIC).response('app.js').headers['etag'])"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = [sys.executable, "-c", code]
        other = subprocess.run(run, env=env, capture_output=True, text=True)
        assert other.stdout.strip() == here, other.stderr


def test_the_page_links_every_stylesheet_it_needs_at_start_and_each_one_is_served(client):
    page = client.get("/").text
    sheets = re.findall(r'<link rel="stylesheet" href="(/static/[^"]+)">', page)
    for view in ("network/network.css", "output/output.css", "data/dataPanel.css"):
        assert f"/static/views/{view}" in sheets
    assert "/static/views/explain/explainPanel.css" not in sheets  # it loads with its panel
    for sheet in sheets:
        assert client.get(sheet).status_code == 200, sheet


def test_a_teachers_folder_of_lessons_is_offered_over_the_socket(tmp_path):
    (tmp_path / "mine.md").write_text(
        '+++\ntitle = "Mine"\n\n[[steps]]\ntitle = "Only"\n+++\n\n## Only\n\nHello.\n'
    )
    with TestClient(app(lessons=tmp_path)) as client, client.websocket_connect("/ws") as ws:
        ws.send_text('{"type": "hello"}')
        ws.send_text('{"type": "lesson_list"}')
        rows = receive_until(ws, "lessons")["lessons"]
        assert rows[-1]["name"] == "mine" and rows[-1]["origin"] == "teacher"
        ws.send_text('{"type": "lesson_open", "name": "mine"}')
        assert receive_until(ws, "lesson")["steps"][0]["html"] == "<p>Hello.</p>"
