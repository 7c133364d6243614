"""The docs keep up with the code: an undocumented message or setting fails CI."""

import json
from pathlib import Path

import pytest

from glassnet.lessons import SCENE_KEYS, TASKS, LessonRunner, parse_lesson
from glassnet.protocol import OUTGOING, REQUESTS
from glassnet.session import SETTINGS, Session

DOCS = Path(__file__).parents[1] / "docs"
PROTOCOL = (DOCS / "protocol.md").read_text()
LESSONS = (DOCS / "lessons.md").read_text()
LESSON_EXAMPLE = LESSONS.split("```toml\n")[1].split("\n```\n")[0] + "\n"


@pytest.mark.parametrize("kind", sorted(REQUESTS) + list(OUTGOING))
def test_every_message_type_is_documented_in_a_table_row(kind):
    assert f"| `{kind}` |" in PROTOCOL, f"docs/protocol.md has no row for the {kind!r} message"


@pytest.mark.parametrize("name", list(SETTINGS))
def test_every_setting_is_documented_with_its_default(name):
    section = PROTOCOL.split("\n## Settings\n")[1]
    row = next((line for line in section.splitlines() if line.startswith(f"| `{name}` |")), None)
    assert row is not None, f"docs/protocol.md does not document the setting {name!r}"
    documented = row.split("|")[2].strip().strip("`")
    try:
        value = json.loads(documented)
    except ValueError:
        value = documented  # a bare word, such as circle
    default = SETTINGS[name].default
    assert value == (list(default) if isinstance(default, tuple) else default)


def test_the_readme_starts_with_the_install_and_test_commands():
    readme = (DOCS.parent / "README.md").read_text()
    blocks = readme.split("```sh")[1:3]
    assert "pip install -e ." in blocks[0]
    assert "pip install -e '.[test]'" in blocks[1] and "pytest" in blocks[1]
    ci = (DOCS.parent / ".ci" / "run").read_text()
    assert blocks[1].strip().split("\n")[0].rstrip("`").strip() in ci


def keys_of(value, found):
    """Every key of every object inside a message."""
    if isinstance(value, dict):
        for key, inner in value.items():
            found.add(key)
            keys_of(inner, found)
    elif isinstance(value, list):
        for inner in value:
            keys_of(inner, found)
    return found


def messages_of_a_session():
    """Every kind of message a session sends, from a real session explaining a step."""
    from connection_helpers import started

    connection, first = started({"hidden_layers": [3], "dataset": "spiral"})
    point = int(connection.session.workspace.train[0])
    sent = [o.message for o in first]
    sent += [o.message for o in connection.receive(json.dumps(
        {"type": "explain", "point": point, "size": "batch"}))]  # fmt: skip
    step = next(m["id"] for m in sent if m["type"] == "explanation")
    for request in (
        {"type": "explain_weight", "id": step, "layer": 0, "source": 0, "target": 1},
        {"type": "explain_delta", "id": step, "layer": 0, "unit": 1},
        {"type": "save"},
        {"type": "export", "format": "numpy"},
        {"type": "reset"},
        {"type": "save", "history": False, "points": False, "undo": -1},  # what a page keeps
        {"type": "undo"},
        {"type": "set", "changes": {"hidden_layers": [2]}},
        {"type": "lesson_list"},
        {"type": "lesson_open", "content": LESSON_EXAMPLE, "filename": "blobs.md"},
        {"type": "lesson_open", "name": "backpropagation", "index": 1},  # highlights a weight
        {"type": "lesson_open", "name": "one-neuron"},  # highlights a neuron
        {"type": "lesson_close"},
    ):
        sent += [o.message for o in connection.receive(json.dumps(request))]
    # What the server itself adds: a token in welcome, and errors about limits.
    from glassnet.relay import limit_error

    sent[0] = dict(sent[0], token="a-token")
    sent.append(json.loads(limit_error("MAX_IN_FLIGHT", "...")))
    return sent


def test_every_key_of_the_busy_message_a_notebook_sends_is_documented():
    from glassnet.protocol import busy_message

    for why in ("Training from Python.", None):
        found = keys_of(busy_message(why).message, set())
        assert {k for k in found if f"`{k}`" not in PROTOCOL} == set()


OPAQUE = {"bit_generator", "state", "inc", "has_uint32", "uinteger"}  # NumPy's generator state


def test_every_key_a_session_sends_is_documented_and_in_the_glossary():
    glossary = (DOCS / "engine.md").read_text().split("## Glossary")[1]
    missing_docs, missing_glossary = set(), set()
    for message in messages_of_a_session():
        if message["type"] == "welcome":
            found = keys_of(message["catalog"], set(message) - {"catalog"})
            found -= {s["name"] for s in message["catalog"]["settings"]}
            found -= set(message["catalog"]["limits"]) | set(message["catalog"]["outputs"])
            missing_docs |= {k for k in found if f"`{k}`" not in PROTOCOL}
            missing_glossary |= {k for k in set(message) if f"`{k}`" not in glossary}
            continue
        found = keys_of(message, set()) - set(SETTINGS) - OPAQUE
        missing_docs |= {k for k in found if f"`{k}`" not in PROTOCOL}
        missing_glossary |= {k for k in found if f"`{k}`" not in glossary}
    assert sorted(missing_docs) == [], "keys docs/protocol.md does not name"
    assert sorted(missing_glossary) == [], "keys docs/engine.md's glossary does not name"


def table_row(page: str, after: str, name: str) -> str | None:
    """The row of a table that starts with ``| `name` |``, in the table after a marker."""
    section = page.split(after)[1]
    return next((line for line in section.splitlines() if line.startswith(f"| `{name}` |")), None)


@pytest.mark.parametrize("key", list(SCENE_KEYS))
def test_every_scene_key_is_documented(key):
    assert table_row(LESSONS, "<!-- scene keys", key), f"docs/lessons.md lacks the scene key {key}"


@pytest.mark.parametrize("kind", list(TASKS))
def test_every_task_kind_is_documented_with_each_of_its_numbers(kind):
    row = table_row(LESSONS, "<!-- task kinds", kind)
    assert row, f"docs/lessons.md lacks the task kind {kind}"
    for field in TASKS[kind].fields:
        assert f"`{field.name}`" in row, f"docs/lessons.md: {kind} does not name {field.name}"


def test_the_example_lesson_of_the_docs_opens_and_its_tasks_can_be_done():
    session = Session()
    runner = LessonRunner(parse_lesson(LESSON_EXAMPLE, "blobs.md"), session)
    for _ in range(500):
        session.step()
        if runner.check():
            break
    runner.go(1)
    session.set_weight(0, 1, 0, 0.0)
    assert runner.check() and runner.done == [True, True, False]
    runner.go(2)
    assert runner.hidden == ()
