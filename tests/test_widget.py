"""glassnet.Playground in process: its comm carries the protocol, its traits are the settings.

A recording comm stands where a notebook's would be: the tests send what a view
sends (custom messages, widget state) through ipywidgets' own message handling,
and read what the kernel would send back. The session and engine are real.
The same widget in a real JupyterLab and marimo: tests/browser/test_notebook_*.py.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time

import comm
import numpy as np
import pytest

from glassnet.data import DataError
from glassnet.session import SETTINGS, Session, SessionError


class RecordingComm(comm.base_comm.BaseComm):
    """A comm that keeps what the kernel would send to the views."""

    def __init__(self, **kwargs):
        self.sent = []
        super().__init__(**kwargs)

    def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
        self.sent.append((msg_type, data or {}, [bytes(b) for b in buffers or []]))


class View:
    """What one view of a playground sends and gets, through the widget's comm."""

    def __init__(self, playground):
        self.playground = playground
        self.comm = playground.comm

    def send(self, content: dict):
        data = {"method": "custom", "content": content}
        self.comm.handle_msg({"content": {"data": data}, "buffers": []})

    def set(self, **state):
        data = {"method": "update", "state": state, "buffer_paths": []}
        self.comm.handle_msg({"content": {"data": data}, "buffers": []})

    def messages(self, kind: str | None = None) -> list[dict]:
        found = [d["content"] for t, d, _ in self.comm.sent if d.get("method") == "custom"]
        return [m for m in found if kind is None or m["type"] == kind]

    def states(self) -> list[dict]:
        return [d["state"] for t, d, _ in self.comm.sent if d.get("method") == "update"]

    def clear(self):
        self.comm.sent.clear()


@pytest.fixture
def Playground(monkeypatch):
    monkeypatch.setattr(comm, "create_comm", RecordingComm)
    from glassnet import Playground

    made = []

    def playground(*args, **kwargs):
        made.append(Playground(*args, **kwargs))
        return made[-1]

    playground.load = Playground.load
    yield playground
    for p in made:
        p.close()


def test_every_setting_is_a_trait_with_the_sessions_value(Playground):
    pg = Playground(dataset="spiral", hidden_layers=[8, 8], activation="relu")
    assert set(SETTINGS) <= set(pg.trait_names(sync=True))
    assert pg.dataset == "spiral" and pg.hidden_layers == [8, 8]
    assert pg.activations == ["relu", "relu"] == list(pg.session.settings.activations)
    assert pg.network is pg.session.network and pg.network.layer_sizes[1:3] == [8, 8]


def test_a_setting_set_in_python_goes_through_the_session_and_other_settings_follow(Playground):
    pg = Playground()
    pg.dataset = "blobs"  # several classes: the output becomes softmax
    assert pg.session.settings.dataset == "blobs"
    assert pg.output_activation == "softmax" == pg.session.settings.output_activation
    with pytest.raises(SessionError, match="learning_rate must be a number above 0"):
        pg.learning_rate = -1
    assert pg.learning_rate == pg.session.settings.learning_rate == 0.03


def test_a_view_that_sets_a_bad_value_gets_an_error_and_its_value_back(Playground):
    pg = Playground()
    view = View(pg)
    view.set(learning_rate=99)
    assert pg.learning_rate == 0.03
    error = view.messages("error")[-1]
    assert error["request"] == "set" and "learning_rate must be" in error["message"]
    assert view.states()[-1]["learning_rate"] == 0.03  # the view shows the session's value again
    view.set(learning_rate=0.1)
    assert pg.learning_rate == pg.session.settings.learning_rate == 0.1


def test_a_new_view_gets_the_whole_state_and_frames_carry_binary_parameters(Playground):
    pg = Playground()
    view = View(pg)
    view.send({"type": "hello", "protocol": 2, "binary": True})
    kinds = [m["type"] for m in view.messages()]
    assert kinds[:3] == ["welcome", "data", "frame"]
    _, data, buffers = next(
        s for s in pg.comm.sent if s[1].get("content", {}).get("type") == "frame"
    )
    parameters = np.frombuffer(buffers[0], "<f8")
    assert np.array_equal(parameters, np.concatenate([p.ravel() for p in pg.network.parameters()]))
    view.clear()
    View(pg).send({"type": "hello", "protocol": 2, "binary": True})  # a second view
    assert [m["type"] for m in view.messages()][:3] == ["welcome", "data", "frame"]
    assert pg._views == 2


def test_play_trains_in_a_background_thread_paced_by_ready(Playground):
    pg = Playground(speed="max")
    view = View(pg)
    view.send({"type": "hello", "protocol": 2, "binary": True})
    view.send({"type": "ready"})
    view.send({"type": "play"})
    deadline = time.monotonic() + 10
    while len(view.messages("frame")) < 3 and time.monotonic() < deadline:
        view.send({"type": "ready"})
        time.sleep(0.05)
    view.send({"type": "pause"})
    frames = view.messages("frame")
    assert len(frames) >= 3 and frames[-1]["epoch"] > 0 and pg.session.epoch > 0
    epoch = pg.session.epoch
    time.sleep(0.2)
    assert pg.session.epoch == epoch  # paused


def test_the_last_view_saying_goodbye_pauses_training(Playground):
    pg = Playground(speed=10)
    first, second = View(pg), View(pg)
    first.send({"type": "hello"})
    second.send({"type": "hello"})
    first.send({"type": "play"})
    first.send({"type": "goodbye"})
    assert pg.session.playing
    second.send({"type": "goodbye"})
    assert not pg.session.playing and pg._views == 0


def test_train_trains_exactly_so_many_epochs_and_tells_the_views_it_is_busy(Playground):
    pg = Playground(dataset="xor")
    view = View(pg)
    metrics = pg.train(epochs=25)
    assert pg.session.epoch == 25 and metrics == pg.session.metrics
    # Views that could not say hello (the kernel was busy) still get everything.
    assert [m["type"] for m in view.messages()][:3] == ["welcome", "data", "frame"]
    busy = view.messages("busy")
    assert busy[0]["busy"] is True and "pg.train(epochs=25)" in busy[0]["message"]
    assert busy[-1] == {"type": "busy", "busy": False, "message": None}
    assert view.messages("frame")[-1]["epoch"] == 25
    with pytest.raises(ValueError, match="epochs must be a whole number"):
        pg.train(epochs=0)


def test_train_stops_between_whole_epochs_when_the_kernel_is_interrupted(Playground):
    pg = Playground(dataset="spiral", hidden_layers=[6, 6])
    timer = threading.Timer(0.5, os.kill, args=(os.getpid(), signal.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt, match="whole epochs"):
        pg.train(epochs=10**6)
    timer.join()
    assert 0 < pg.session.epoch < 10**6
    replay = Session(pg.session.settings.to_dict())
    for _ in range(pg.session.epoch):
        replay.step()
    for mine, again in zip(pg.network.parameters(), replay.network.parameters()):
        assert np.array_equal(mine, again)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # put back


def test_a_view_asking_for_changes_while_python_trains_is_told_to_wait(Playground):
    pg = Playground()
    view = View(pg)
    pg._busy = True  # as during train(), which holds the kernel
    view.send({"type": "play"})
    assert "training from Python" in view.messages("error")[-1]["message"]
    assert not pg.session.playing


def test_step_through_opens_the_explanation_and_a_view_that_comes_later_gets_it(Playground):
    pg = Playground()
    point = int(pg.data.train[3])
    pg.step_through(point=point)
    view = View(pg)
    view.clear()
    view.send({"type": "hello", "protocol": 2})
    explanation = view.messages("explanation")[-1]
    assert explanation["point"] == point and explanation["size"] == "sample"
    with pytest.raises(SessionError):
        pg.step_through(point=10**6)


def test_arrays_become_the_data_as_a_csv_file_would(Playground):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 2))
    y = np.where(X[:, 0] > 0, "right", "left")
    pg = Playground(X=X, y=y, hidden_layers=[3])
    assert pg.dataset == "custom" and pg.problem == "classification"
    assert pg.data.points.base.class_names == ("left", "right")
    assert pg.data.points.n_inputs == 2 and np.abs(pg.data.points.base.inputs).max() <= 5


class Frame:
    """A data frame as pandas and polars have it, without either: columns, [ ], to_numpy()."""

    def __init__(self, columns: dict):
        self.data = columns
        self.columns = list(columns)

    def __getitem__(self, key):
        if isinstance(key, list):
            return Frame({k: self.data[k] for k in key})
        return Column(self.data[key])

    def to_numpy(self):
        return np.column_stack([np.asarray(v, dtype=object) for v in self.data.values()])


class Column:
    def __init__(self, values):
        self.values = values

    def to_numpy(self):
        return np.asarray(self.values)


def test_a_data_frame_with_a_label_column_becomes_the_data(Playground):
    frame = Frame({"petal": [1.0, 2.0, 3.0, 4.0], "sepal": [2, 1, 4, 3], "kind": [0, 0, 1, 1]})
    pg = Playground(X=frame, label="kind")
    assert pg.data.points.base.input_names == ("petal", "sepal")
    assert pg.data.points.base.class_names == ("0", "1")
    with pytest.raises(DataError, match="there is no column 'species'"):
        Playground(X=frame, label="species")


def test_save_and_load_give_back_the_same_session(Playground, tmp_path):
    pg = Playground(dataset="xor", hidden_layers=[5])
    pg.train(epochs=7)
    pg.save(tmp_path / "xor.json")
    again = Playground.load(tmp_path / "xor.json")
    assert again.session.epoch == 7 and again.hidden_layers == [5] and again.dataset == "xor"
    for mine, theirs in zip(pg.network.parameters(), again.network.parameters()):
        assert np.array_equal(mine, theirs)
    assert json.loads((tmp_path / "xor.json").read_text())["format"] == "glassnet-session"


def test_close_stops_training_and_closes_the_comm(Playground):
    pg = Playground(speed="max")
    View(pg).send({"type": "hello"})
    View(pg).send({"type": "play"})
    trainer = pg._player.thread
    pg.close()
    assert pg.comm is None and not trainer.is_alive() and not pg.session.playing


def test_a_lesson_opens_in_the_widget_and_each_new_view_gets_its_panel(Playground):
    pg = Playground(lesson="one-neuron")
    assert pg.lesson == {
        "name": "one-neuron",
        "title": "One neuron is a line",
        "step": 1,
        "done": [False] * 5,
    }
    assert pg.hidden_layers == [] and pg.learning_rate == 0.1  # the first step's scene
    view = View(pg)
    view.send({"type": "hello", "protocol": 2})
    lesson = view.messages("lesson")[-1]
    assert (lesson["name"], lesson["index"]) == ("one-neuron", 0)
    # The view's Next goes to the lesson's runner; a later view still sees the same step.
    view.send({"type": "lesson_step", "index": 1})
    assert view.messages("lesson")[-1]["index"] == 1
    other = View(pg)
    other.clear()
    other.send({"type": "hello", "protocol": 2})
    assert other.messages("lesson")[-1]["index"] == 1 and pg.lesson["step"] == 2


def test_a_task_done_from_python_ticks_in_the_lesson(Playground):
    pg = Playground(lesson="one-neuron", lesson_step=4)  # "let training find the line"
    view = View(pg)
    view.send({"type": "hello", "protocol": 2})
    assert pg.lesson["done"][3] is False
    assert pg.train(epochs=300).train_accuracy == 1.0
    assert pg.lesson["done"][3] is True
    assert view.messages("lesson")[-1]["steps"][3]["task"]["done"] is True


def test_a_lesson_file_and_a_teachers_folder_open_and_mistakes_name_their_line(
    Playground, tmp_path
):
    text = '+++\ntitle = "Mine"\n\n[[steps]]\ntitle = "Only"\n+++\n\n## Only\n\nHello.\n'
    (tmp_path / "mine.md").write_text(text)
    assert Playground(lesson=tmp_path / "mine.md").lesson["title"] == "Mine"
    pg = Playground(lessons=tmp_path, lesson="mine")
    view = View(pg)
    view.send({"type": "hello", "protocol": 2})
    view.send({"type": "lesson_list"})
    assert view.messages("lessons")[-1]["lessons"][-1]["origin"] == "teacher"
    broken = tmp_path / "broken.md"
    broken.write_text(text.replace('title = "Only"', 'title = "Only"\n[steps.scene]\nnope = 1'))
    with pytest.raises(ValueError, match=r"broken\.md, line 7: A scene has no key .nope."):
        pg.open_lesson(broken)
    assert pg.lesson["name"] == "mine"  # the open lesson stays
    with pytest.raises(ValueError, match="no such folder"):
        Playground(lessons=tmp_path / "nowhere")
    with pytest.raises(ValueError, match="step must be a whole number from 1"):
        pg.open_lesson("one-neuron", 0)
    pg.close_lesson()
    assert pg.lesson is None and view.messages("lesson_closed")


def test_a_playground_publishes_a_page_that_loads_back_as_the_same_playground(Playground, tmp_path):
    import glassnet

    pg = Playground(dataset="xor")
    pg.train(5)
    path = glassnet.publish(pg, tmp_path / "xor.html", layout="embed")
    assert path.read_text().startswith("<!doctype html>")
    again = Playground.load(path)
    assert again.session.epoch == 5
    np.testing.assert_array_equal(again.network.layers[0].weights, pg.network.layers[0].weights)
