"""A published page holds the front end, the recorded run and a session glassnet loads again."""

import base64
import json
import re

import numpy as np
import pytest
from connection_helpers import by_type, started

import glassnet
from glassnet import limits
from glassnet.protocol.messages import explanation_message
from glassnet.protocol.publish import PublishError, publish_page, read_publication, script_json
from glassnet.session import Session, SessionError

EVIL = "</script><script>alert(1)</script>"


def trained(settings=None, epochs=12):
    s = Session(settings or {"dataset": "circle"})
    for _ in range(epochs):
        s.step()
    return s


def test_the_page_embeds_a_session_that_loads_back_into_the_same_network(tmp_path):
    s = trained()
    path = glassnet.publish(s, tmp_path / "net.html")
    document = read_publication(path.read_text())["session"]
    again = Session()
    again.restore(document)
    for a, b in zip(s.network.parameters(), again.network.parameters()):
        np.testing.assert_array_equal(a, b)
    assert again.epoch == s.epoch
    assert [k.epoch for k in again.training.recording.keyframes] == list(range(13))


def test_loading_the_page_itself_in_glassnet_gives_the_same_network():
    s = trained()
    connection, _ = started()
    text = publish_page(s)
    connection.receive(json.dumps({"type": "restore", "content": text}))
    np.testing.assert_array_equal(connection.session.network.layers[0].weights,
                                  s.network.layers[0].weights)  # fmt: skip


def test_a_version_1_page_with_its_weights_inside_the_publication_still_loads():
    s = trained()
    publication = read_publication(publish_page(s))  # the weights put back in place
    publication["version"] = 1
    old_page = (
        '<!doctype html><html><body><script type="application/json" id="glassnet-publication">'
        f'{script_json(publication)}</script><script type="module"></script></body></html>'
    )
    again = Session()
    again.restore(read_publication(old_page)["session"])
    for a, b in zip(s.network.parameters(), again.network.parameters()):
        np.testing.assert_array_equal(a, b)
    assert [k.epoch for k in again.training.recording.keyframes] == list(range(13))


@pytest.mark.parametrize(
    "damage", [lambda t: t.replace('"format":"glassnet-published"', '"format":"x"'),
               lambda t: t.replace('id="glassnet-publication">{', 'id="glassnet-publication">{{'),
               lambda t: t.replace("glassnet-publication", "something-else"),
               lambda t: t.replace('id="glassnet-recording">"', 'id="glassnet-recording">'),
               lambda t: t.replace("glassnet-recording", "something-else")],
)  # fmt: skip
def test_a_damaged_page_is_refused_with_a_message_and_nothing_changes(damage):
    connection, _ = started()
    before = connection.session.network.layers[0].weights.copy()
    replies = connection.receive(
        json.dumps({"type": "restore", "content": damage(publish_page(trained()))})
    )
    (error,) = by_type(replies, "error")
    assert "damaged" in error["message"] or "not a page glassnet published" in error["message"]
    np.testing.assert_array_equal(connection.session.network.layers[0].weights, before)


def test_names_from_the_data_cannot_break_out_of_the_page():
    s = Session()
    rows = "\n".join(f"{i * 0.1},{i * 0.2},{EVIL if i % 2 else '<!--'}" for i in range(20))
    s.load_data(f"{EVIL}<!--.csv", "x,y,label\n" + rows)
    s.step()
    text = publish_page(s)
    # Only the page's own three scripts end: the JSON, the module and the recorded weights.
    assert len(re.findall(r"</script", text, re.I)) == 3
    assert "<!--" not in text and "<script>alert" not in text
    publication = read_publication(text)
    assert sorted(publication["data"]["class_names"]) == sorted(["<!--", EVIL])
    assert publication["session"]["points"]["name"].startswith(EVIL)


def test_the_data_points_can_be_left_out_and_the_session_still_loads():
    s = trained()
    publication = read_publication(publish_page(s, include_points=False))
    assert publication["data"]["points"] == [] and publication["session"]["points"]["inputs"] == []
    again = Session()
    again.restore(publication["session"])
    assert len(again.points.all_inputs()) == 0
    np.testing.assert_array_equal(again.network.layers[-1].biases, s.network.layers[-1].biases)


def test_each_recorded_epoch_comes_with_the_loss_the_engine_measured_there():
    s = Session({"dataset": "xor"})
    losses = [s.metrics.train_loss]
    for _ in range(5):
        s.step()
        losses.append(s.metrics.train_loss)
    replay = read_publication(publish_page(s))["replay"]
    assert replay["epochs"] == list(range(6))
    assert [m["train_loss"] for m in replay["metrics"]] == pytest.approx(losses, rel=1e-12)


def test_explained_steps_are_the_engines_own_at_the_chosen_epochs():
    s = trained({"dataset": "xor"}, epochs=6)
    point = int(s.workspace.train[0])
    publication = read_publication(publish_page(s, explain_points=[point], explain_epochs=[2, 6]))
    steps = {(e["epoch"], e["point"]): e["message"] for e in publication["explanations"]}
    assert sorted(steps) == [(2, point), (6, point)]
    expected = explanation_message(s.explain(point, "sample"))
    for key in ("parameters_before", "parameters_after", "layers", "loss"):
        assert steps[6, point][key] == expected[key]
    weights_at_2 = s.training.recording.nearest(2).parameters
    assert steps[2, point]["parameters_before"] == weights_at_2.tolist()


def test_an_optimizer_with_memory_is_explained_only_at_the_last_epoch():
    s = trained({"dataset": "xor", "optimizer": "adam"}, epochs=3)
    with pytest.raises(PublishError, match="Only the last epoch"):
        publish_page(s, explain_points=[0], explain_epochs=[1])
    assert read_publication(publish_page(s, explain_points=[0]))["explanations"][0]["epoch"] == 3


def test_publishing_leaves_the_session_as_it_was():
    s = trained()
    before = [p.copy() for p in s.network.parameters()]
    version = s.version
    publish_page(s, explain_points=[0, 1])
    assert s.version == version and s.undo_label is None
    for a, b in zip(before, s.network.parameters()):
        np.testing.assert_array_equal(a, b)


def test_a_view_asks_for_the_page_and_gets_it_as_a_file():
    connection, _ = started({"dataset": "xor"})
    replies = connection.receive(json.dumps({"type": "publish", "points": False, "compact": True}))
    (exported,) = by_type(replies, "exported")
    assert exported["format"] == "publish" and exported["filename"].endswith(".html")
    publication = read_publication(base64.b64decode(exported["content"]).decode())
    assert publication["options"]["layout"] == "embed" and publication["data"]["points"] == []


def test_a_live_session_says_what_it_can_do_and_a_page_says_it_replays():
    _, first = started()
    assert "train" in by_type(first, "welcome")[0]["capabilities"]
    welcome = read_publication(publish_page(trained()))["welcome"]
    assert welcome["capabilities"] == ["replay"] and welcome["replay"] == list(range(13))


def test_explained_steps_are_refused_without_the_points_they_would_show():
    s = trained()
    with pytest.raises(PublishError, match="publish the data points"):
        publish_page(s, include_points=False, explain_points=[0])


def test_a_bad_layout_is_refused():
    with pytest.raises(SessionError, match="layout"):
        publish_page(Session(), layout="huge")


def test_a_page_carries_at_most_the_limits_explained_steps(monkeypatch):
    monkeypatch.setattr(limits, "MAX_PUBLISHED_STEPS", 2)
    with pytest.raises(PublishError, match="MAX_PUBLISHED_STEPS"):
        publish_page(trained(), explain_points=[0, 1, 2])


def test_the_page_ends_on_the_network_as_it_ended_even_between_keyframes(monkeypatch):
    monkeypatch.setattr(limits, "MAX_RECORDING_BYTES", 8 * 25 * 20)  # 20 keyframes of 25 numbers
    s = trained({"dataset": "xor"}, epochs=35)
    assert s.training.recording.stride > 1 and s.training.recording.keyframes[-1].epoch != 35
    publication = read_publication(publish_page(s))
    assert publication["frame"]["epoch"] == 35 and publication["replay"]["epochs"][-1] == 35
    recorded = publication["session"]["recording"]
    flat = np.frombuffer(base64.b64decode(recorded["parameters"]), dtype="<f8")[-25:]
    np.testing.assert_array_equal(flat, np.concatenate([p.ravel() for p in s.network.parameters()]))
