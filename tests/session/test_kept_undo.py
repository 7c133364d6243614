"""Undo steps kept by a view come back with its session: the same steps, in the same order."""

import json

import numpy as np

from glassnet.session import Session
from glassnet.session.kept_undo import STEP_HISTORY


def kept(session):
    """What a page keeps: the document, through JSON, with its undo steps."""
    return json.loads(json.dumps(session.save(include_history=True, undo_since=-1)))


def test_a_kept_session_brings_back_its_undo_and_redo_steps():
    s = Session({"dataset": "spiral", "optimizer": "adam"})
    for _ in range(3):
        s.step()
    s.reset()
    s.add_point([1.0, 1.0], 1)
    s.change_settings({"hidden_layers": [3]})
    s.undo()  # one step to redo
    document = kept(s)
    assert [step["label"] for step in document["undo"]] == ["Reset", "Add point"]
    assert [step["label"] for step in document["redo"]] == ["Change layers"]
    # Before the point was added: only the drawn points differ from the session's ...
    assert set(document["undo"][1]["points"]) == {"drawn_inputs", "drawn_targets"}
    assert "points" not in document["redo"][0]  # ... and after it, nothing does

    again = Session()
    again.restore(document, undoable=False)  # as a page's hello does
    assert (again.undo_label, again.redo_label) == ("Add point", "Change layers")
    again.redo()
    assert again.settings.hidden_layers == (3,)
    again.undo()
    again.undo()
    again.undo()  # back to before the reset
    assert again.epoch == 3 and again.points.n_drawn == 0
    s.undo()
    s.undo()
    for a, b in zip(s.network.parameters(), again.network.parameters()):
        np.testing.assert_array_equal(a, b)
    assert again.trainer.state()["optimizer"]["t"] == s.trainer.state()["optimizer"]["t"]


def test_the_steps_come_only_when_they_changed_since_the_view_kept_them():
    s = Session()
    s.reset()
    first = s.save(undo_since=-1)
    assert len(first["undo"]) == 1
    again = s.save(undo_since=first["undo_version"])
    assert "undo" not in again and again["undo_version"] == first["undo_version"]
    s.reset()
    assert len(s.save(undo_since=first["undo_version"])["undo"]) == 2
    assert "undo_version" not in s.save()  # a file to download holds no steps


def test_a_kept_steps_history_is_thinned_but_spans_the_run():
    s = Session({"speed": "max"})
    for _ in range(STEP_HISTORY * 3):
        s.step()
    s.reset()
    step = kept(s)["undo"][0]
    assert len(step["history"]["epochs"]) <= STEP_HISTORY
    assert step["history"]["epochs"][-1] >= STEP_HISTORY * 3 - step["history"]["stride"]


def test_damaged_kept_steps_are_left_out_and_the_session_still_comes_back():
    s = Session()
    s.step()
    s.reset()
    document = kept(s)
    document["undo"][0]["network"]["parameters"][0][0][0] = "x"
    again = Session()
    again.restore(document, undoable=False)
    assert again.undo_label is None and again.epoch == 0
    assert any("undo steps were left out" in n for n in again.take_notices())


def test_a_document_restored_by_load_session_keeps_the_sessions_own_undo():
    s = Session()
    s.reset()
    document = kept(s)
    other = Session()
    other.step()
    other.restore(document)  # Load session: undoable, and the file's steps are not its own
    assert other.undo_label == "Load session"
