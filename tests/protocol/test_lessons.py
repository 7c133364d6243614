"""Lessons over the protocol: list, open (by name or a file's text), go to a step, tick, close."""

import json

from connection_helpers import by_type, started

from glassnet.lessons import Library
from glassnet.protocol import Connection
from glassnet.session import Session

LESSON = """\
+++
title = "Two steps"
summary = "A test."

[[steps]]
title = "Train"
[steps.scene]
settings = { dataset = "gauss", hidden_layers = [2] }
hide = ["noise"]
highlight = [0, 1]
[steps.task]
kind = "epochs"
at_least = 2

[[steps]]
title = "Look"
[steps.scene]
highlight = [1, 0, 0]
+++

## Train

Press <b>Step</b> twice: see the [[epoch]] counter.

## Look

A weight.
"""


def send(connection, message):
    replies = connection.receive(json.dumps(message))
    for out in replies:
        json.dumps(out.message, allow_nan=False)  # every answer is valid JSON
    return replies


def test_the_list_names_every_lesson_with_its_title_origin_and_steps():
    connection, _ = started()
    (answer,) = by_type(send(connection, {"type": "lesson_list"}), "lessons")
    first = answer["lessons"][0]
    assert first == {
        "name": "one-neuron",
        "title": "One neuron is a line",
        "summary": first["summary"],
        "origin": "built_in",
        "replaces": False,
        "step_count": 5,
        "error": None,
    }
    assert len(answer["lessons"]) == 10


def test_a_teachers_folder_is_listed_and_says_which_lesson_it_replaces(tmp_path):
    (tmp_path / "loss.md").write_text(LESSON)
    (tmp_path / "extra.md").write_text(LESSON)
    connection = Connection(Session(), lessons=Library(tmp_path))
    (answer,) = by_type(send(connection, {"type": "lesson_list"}), "lessons")
    rows = {row["name"]: row for row in answer["lessons"]}
    assert rows["loss"]["origin"] == "teacher" and rows["loss"]["replaces"]
    assert rows["extra"]["origin"] == "teacher" and not rows["extra"]["replaces"]
    assert rows["one-neuron"]["origin"] == "built_in"


def test_opening_a_lesson_by_name_answers_with_the_lesson_then_the_new_state():
    connection, _ = started()
    send(connection, {"type": "ready"})
    replies = send(connection, {"type": "lesson_open", "name": "hidden-layers"})
    kinds = [o.message["type"] for o in replies]
    assert kinds[0] == "lesson" and "settings" in kinds and "frame" in kinds
    lesson = replies[0].message
    assert lesson["name"] == "hidden-layers" and lesson["origin"] == "built_in"
    assert lesson["index"] == 0 and len(lesson["steps"]) == 6
    assert lesson["steps"][0]["task"] == {
        "kind": "epochs",
        "sentence": "Train until the epoch counter reaches 100.",
        "done": False,
    }
    assert lesson["steps"][1]["task"] is None
    assert lesson["highlight"] == {"control": "playButton"}
    assert "xTimesY" in lesson["hidden"] and "x" not in lesson["hidden"]
    assert {t["term"] for t in lesson["terms"]} >= {"hidden_layer", "activation", "weight"}
    assert connection.session.settings.dataset == "xor"
    assert by_type(replies, "frame")[0]["undo"] == "Lesson step 1: The XOR pattern"


def test_a_lesson_file_sent_by_the_page_opens_with_its_text_escaped():
    connection, _ = started()
    replies = send(connection, {"type": "lesson_open", "content": LESSON, "filename": "mine.md"})
    (lesson,) = by_type(replies, "lesson")
    assert lesson["name"] == "mine" and lesson["origin"] == "file"
    assert "&lt;b&gt;Step&lt;/b&gt;" in lesson["steps"][0]["html"]
    assert lesson["highlight"] == {"layer": 0, "unit": 1} and lesson["hidden"] == ["noise"]
    assert lesson["terms"] == [
        {"term": "epoch", "title": "Epoch", "text": lesson["terms"][0]["text"]}
    ]


def test_a_lesson_file_with_a_mistake_is_refused_naming_its_line_and_nothing_changes():
    connection, _ = started({"dataset": "spiral"})
    version = connection.session.version
    broken = LESSON.replace("at_least = 2", "at_least = 0")
    replies = send(connection, {"type": "lesson_open", "content": broken, "filename": "mine.md"})
    (error,) = by_type(replies, "error")
    assert error["request"] == "lesson_open"
    assert error["message"].startswith("mine.md, line 13: at_least must be a whole number from 1")
    assert connection.session.version == version and connection.lesson is None


def test_opening_needs_a_name_or_a_files_text():
    connection, _ = started()
    (error,) = by_type(send(connection, {"type": "lesson_open"}), "error")
    assert "needs a 'name' (a lesson of the list) or a 'content'" in error["message"]
    (error,) = by_type(send(connection, {"type": "lesson_open", "name": "nope"}), "error")
    assert "There is no lesson called 'nope'; the lessons are: one-neuron" in error["message"]


def test_a_done_task_is_sent_with_its_tick_and_then_next_opens():
    connection, _ = started()
    send(connection, {"type": "lesson_open", "content": LESSON, "filename": "mine.md"})
    (error,) = by_type(send(connection, {"type": "lesson_step", "index": 1}), "error")
    assert (
        "Step 1's task is not done yet: Train until the epoch counter reaches 2."
        in (error["message"])
    )
    assert by_type(send(connection, {"type": "step"}), "lesson") == []
    (ticked,) = by_type(send(connection, {"type": "step"}), "lesson")
    assert ticked["steps"][0]["task"]["done"] and ticked["index"] == 0
    assert by_type(send(connection, {"type": "step"}), "lesson") == []  # sent once
    (lesson,) = by_type(send(connection, {"type": "lesson_step", "index": 1}), "lesson")
    assert lesson["index"] == 1 and lesson["highlight"] == {"layer": 1, "source": 0, "target": 0}


def test_a_lesson_can_open_at_a_step_and_closes():
    connection, _ = started()
    (lesson,) = by_type(
        send(connection, {"type": "lesson_open", "name": "loss", "index": 2}), "lesson"
    )
    assert lesson["index"] == 2
    (closed,) = by_type(send(connection, {"type": "lesson_close"}), "lesson_closed")
    assert closed["name"] == "loss" and connection.lesson is None
    (error,) = by_type(send(connection, {"type": "lesson_step", "index": 0}), "error")
    assert error["message"] == "No lesson is open: open one first."
    assert by_type(send(connection, {"type": "lesson_close"}), "error") == []


def test_a_step_set_up_as_the_lesson_has_it_says_so_in_a_notice():
    connection, _ = started()
    send(connection, {"type": "lesson_open", "content": LESSON, "filename": "mine.md"})
    send(connection, {"type": "step"})
    send(connection, {"type": "step"})
    send(
        connection, {"type": "set", "changes": {"hidden_layers": []}}
    )  # the highlight's layer is gone
    replies = send(connection, {"type": "lesson_step", "index": 1})
    (notice,) = by_type(replies, "notice")
    assert notice["message"].startswith("Step 2 was set up as the lesson has it")
    assert connection.session.network.layer_sizes == [2, 2, 1]


def test_a_resumed_lesson_keeps_the_playground_as_it_is_and_checks_its_task_at_once():
    connection, _ = started({"dataset": "spiral"})
    for _ in range(3):
        send(connection, {"type": "step"})  # a reloaded page's kept session: trained
    version = connection.session.version
    message = {"type": "lesson_open", "content": LESSON, "filename": "mine.md", "resume": True}
    (lesson,) = by_type(send(connection, message), "lesson")
    assert connection.session.settings.dataset == "spiral" and connection.session.epoch == 3
    assert connection.session.version == version  # nothing was set up
    assert lesson["index"] == 0 and lesson["steps"][0]["task"]["done"]


def test_a_reloaded_page_gets_its_kept_ticks_back_with_resume():
    connection, _ = started()
    message = {"type": "lesson_open", "content": LESSON, "filename": "mine.md", "index": 1,
               "resume": True, "done": [True, False]}  # fmt: skip
    (lesson,) = by_type(send(connection, message), "lesson")
    assert lesson["index"] == 1 and lesson["steps"][0]["task"]["done"]
    message["done"] = [True, True, False]  # the file changed since
    replies = send(connection, message)
    assert not by_type(replies, "lesson")[0]["steps"][0]["task"]["done"]
    (notice,) = by_type(replies, "notice")
    assert "do not fit the lesson" in notice["message"]
    (error,) = by_type(send(connection, {**message, "done": "all"}), "error")
    assert "The 'done' field of a 'lesson_open' message must be a list" in error["message"]


def test_an_export_the_session_makes_ticks_a_task_that_asks_for_one():
    text = LESSON.replace('kind = "epochs"\nat_least = 2', 'kind = "exported"\nformat = "ml5"')
    connection, _ = started()
    (lesson,) = by_type(send(connection, {"type": "lesson_open", "content": text}), "lesson")
    assert lesson["steps"][0]["task"]["sentence"] == (
        'Open Export and press "Model for ml5.js" to save the file.'
    )
    replies = send(connection, {"type": "export", "format": "weights_json"})
    assert by_type(replies, "exported") and not by_type(replies, "lesson")
    replies = send(connection, {"type": "export", "format": "ml5"})
    assert [out.message["type"] for out in replies][:2] == ["exported", "lesson"]
    assert by_type(replies, "lesson")[0]["steps"][0]["task"]["done"]


def test_a_task_sentence_names_the_neuron_as_the_network_has_it():
    text = (
        LESSON.replace(
            'kind = "epochs"\nat_least = 2', 'kind = "neuron_line"\ndirection = "vertical"'
        )
        .replace("hidden_layers = [2]", "hidden_layers = []")
        .replace("highlight = [0, 1]", "")
    )
    text = text.replace("highlight = [1, 0, 0]", "")
    connection, _ = started()
    (lesson,) = by_type(send(connection, {"type": "lesson_open", "content": text}), "lesson")
    assert lesson["steps"][0]["task"]["sentence"].startswith("Make the output neuron draw")
