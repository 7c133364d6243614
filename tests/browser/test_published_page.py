"""A published page opens with no server and no request, replays the run, and keeps names as text.

Every number is checked against the engine: the page's answer on the map at a
recorded epoch must be what the session's network gives with the weights the
recording kept for that epoch.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import expect

import glassnet
from glassnet.protocol.messages import explanation_message
from glassnet.protocol.publish import read_publication
from glassnet.session import Session

EVIL = "</script><script>alert(1)</script>"
SHOTS = Path("/tmp/publish-shots")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A circle network trained 60 epochs, with keyframes kept every 10 epochs only."""
    s = Session({"dataset": "circle"})
    for _ in range(60):
        s.step()
    recording = s.training.recording
    recording.keyframes = [k for k in recording.keyframes if k.epoch % 10 == 0]
    path = tmp_path_factory.mktemp("published") / "circle.html"
    glassnet.publish(s, path, explain_points=[int(s.workspace.train[0])])
    glassnet.publish(s, path.with_name("circle-embed.html"), layout="embed")
    return path, s


SHOTS.mkdir(exist_ok=True)


def open_page(browser, url, width=1280, height=800):
    """A page at this size whose every request is recorded, and refused unless it is ``url``."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: errors.append(f"dialog: {d.message}"))
    context.route("**/*", lambda route: route.continue_() if route.request.url == url
                  else route.abort())  # fmt: skip
    page.goto(url)
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    return page, requests, errors


def engine_answer(session, epoch, x1, x2):
    """The network's prediction at (x1, x2) with the weights recorded for ``epoch``."""
    net = session.network.copy()
    flat = session.training.recording.nearest(epoch).parameters
    at = 0
    for p in net.parameters():
        p[...] = flat[at : at + p.size].reshape(p.shape)
        at += p.size
    return net.predict(np.array([[x1, x2]]))[0]


def shown_answer(page, fx=0.3, fy=0.7):
    box = page.locator(".gn-map").bounding_box()
    page.mouse.move(box["x"] + 1 + fx * (box["width"] - 2), box["y"] + 1 + fy * (box["height"] - 2))
    readout = page.locator(".gn-map-readout")
    expect(readout).to_be_visible()
    x1, x2 = float(readout.get_attribute("data-x1")), float(readout.get_attribute("data-x2"))
    return x1, x2, json.loads(readout.get_attribute("data-outputs"))


def seek(page, epoch):
    page.locator(".gn-timeline-slider").fill(str(epoch))


@pytest.mark.parametrize("size, name", [((1280, 800), "circle"), ((600, 450), "circle-embed")])
def test_the_page_opens_from_disk_with_no_request_at_all(browser, published, size, name):
    path, _ = published
    url = path.with_name(f"{name}.html").as_uri()
    page, requests, errors = open_page(browser, url, *size)
    expect(page.locator(".gn-timeline-epoch")).to_have_attribute("data-value", "60")
    page.wait_for_timeout(300)  # anything lazy (styles, modules) would have asked by now
    assert requests == [url] and errors == []
    if name == "circle-embed":  # the compact page fits its iframe, as /embed does
        page.locator(".gn-net-stage").element_handle().wait_for_element_state("stable")
        scroll = "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
        assert page.evaluate(scroll) == list(size)
        assert page.locator(".gn-timeline-slider").is_visible()
    page.screenshot(path=str(SHOTS / f"published-{size[0]}x{size[1]}.png"))
    page.context.close()


def test_scrubbing_shows_the_network_as_the_recording_kept_it_at_that_epoch(browser, published):
    path, session = published
    page, _, errors = open_page(browser, path.as_uri())
    label = page.locator(".gn-timeline-epoch")
    for epoch in (0, 30, 50):
        seek(page, epoch)
        expect(label).to_have_attribute("data-value", str(epoch))
        x1, x2, shown = shown_answer(page)
        expected = engine_answer(session, epoch, x1, x2)
        np.testing.assert_allclose(shown, expected, rtol=1e-12, atol=1e-12)
    # An epoch without a keyframe shows the nearest one, and says so.
    seek(page, 17)
    expect(label).to_have_attribute("data-value", "20")
    expect(page.locator(".gn-timeline-note")).to_contain_text("nearest recorded to 17")
    loss = page.locator(".gn-metrics")
    assert loss.count() == 0 or loss.first.is_visible()
    assert errors == []
    page.context.close()


def test_the_replay_plays_through_to_the_last_epoch(browser, published):
    path, _ = published
    page, _, errors = open_page(browser, path.as_uri())
    seek(page, 0)
    page.locator(".gn-timeline-play").click()
    expect(page.locator(".gn-timeline-epoch")).to_have_attribute("data-value", "60", timeout=10000)
    assert errors == []
    page.context.close()


def test_live_controls_say_they_need_glassnet_and_how_to_open_it_there(browser, published):
    path, _ = published
    page, requests, _ = open_page(browser, path.as_uri())
    assert page.locator(".glassnet").get_attribute("data-live") == "false"
    expect(page.locator(".gn-timeline-about")).to_contain_text("Load this .html file")
    page.get_by_role("button", name="Play", exact=True).click()
    expect(page.locator(".gn-toast-errors")).to_contain_text("open this page in glassnet")
    assert requests == [path.as_uri()]
    page.context.close()


def test_the_page_works_inside_an_iframe_of_another_site(browser, published):
    path, _ = published
    html = path.read_text()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pages = {
        "https://portfolio.example/": '<h1>My work</h1><iframe src="https://cdn.example/net.html" '
        'width="600" height="450" style="border:0"></iframe>',
        "https://cdn.example/net.html": html,
    }
    requests = []

    def serve(route):
        requests.append(route.request.url)
        body = pages.get(route.request.url)
        if body is None:
            return route.abort()
        return route.fulfill(status=200, content_type="text/html", body=body)

    context.route("**/*", serve)
    page = context.new_page()
    page.goto("https://portfolio.example/")
    frame = page.frame_locator("iframe")
    expect(frame.locator(".glassnet")).to_have_attribute("data-ready", "true", timeout=15000)
    expect(frame.locator(".gn-timeline-epoch")).to_have_attribute("data-value", "60")
    assert sorted(requests) == sorted(pages)
    page.screenshot(path=str(SHOTS / "published-iframe.png"))
    context.close()


def test_a_class_named_like_a_script_stays_text(browser, tmp_path):
    s = Session()
    rows = "\n".join(f"{i * 0.3 - 3},{(i % 5) - 2},{EVIL if i % 2 else '<!--'}" for i in range(30))
    s.load_data("evil.csv", "x,y,label\n" + rows)
    s.step()
    path = glassnet.publish(s, tmp_path / "evil.html")
    page, requests, errors = open_page(browser, path.as_uri())
    expect(page.locator(".gn-output")).to_contain_text(EVIL)
    assert errors == [] and requests == [path.as_uri()]
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    page.context.close()


def test_a_recorded_step_can_be_stepped_through_with_the_engines_numbers(browser, published):
    path, session = published
    page, requests, errors = open_page(browser, path.as_uri())
    point = int(session.workspace.train[0])
    expected = explanation_message(session.explain(point, "sample"))
    page.get_by_role("button", name="Step through", exact=True).click()
    page.locator(f".gn-ex-point[data-point='{point}']").dispatch_event("click")
    card = page.locator(".gn-ex-card")
    expect(card).to_have_attribute("data-stage", "forward")
    values = card.locator("[data-part='feature']").evaluate_all(
        "els => els.map(e => +e.dataset.value)"
    )
    assert values == expected["inputs"]
    # A point the page was not published with says what it can step through instead.
    other = int(session.workspace.train[1])
    page.locator(f".gn-ex-point[data-point='{other}']").dispatch_event("click")
    expect(page.locator(".gn-toast-errors")).to_contain_text(f"on points {point} at epoch 60")
    assert errors == [] and requests == [path.as_uri()]
    page.context.close()


def test_a_clicked_point_is_followed_through_the_network_at_each_epoch(browser, published):
    path, session = published
    page, _, errors = open_page(browser, path.as_uri())
    box = page.locator(".gn-map").bounding_box()
    page.mouse.click(box["x"] + 0.3 * box["width"], box["y"] + 0.4 * box["height"])
    card = page.locator(".gn-follow")
    expect(card).to_be_visible()
    x1, x2 = float(card.get_attribute("data-x1")), float(card.get_attribute("data-x2"))
    for epoch in (60, 30):
        seek(page, epoch)
        expect(page.locator(".gn-timeline-epoch")).to_have_attribute("data-value", str(epoch))
        rows = card.locator(".gn-follow-layer")
        shown = [
            [float(v) for v in row.locator(".gn-follow-value").evaluate_all(
                "els => els.map(e => e.dataset.value)")]
            for row in rows.all()
        ]  # fmt: skip
        assert shown[0] == [x1, x2]
        expected = engine_answer(session, epoch, x1, x2)
        np.testing.assert_allclose(shown[-1], expected, rtol=1e-12, atol=1e-12)
    card.get_by_role("button", name="Stop following the point").click()
    expect(card).to_be_hidden()
    assert errors == []
    page.context.close()


def test_the_export_menu_publishes_the_sessions_network_as_a_page(page, playground, tmp_path):
    playground("/#dataset=xor")
    page.get_by_role("button", name="Step", exact=True).click()
    expect(page.locator(".gn-epoch-value")).to_contain_text("1")
    page.get_by_role("button", name="Export", exact=True).click()
    menu = page.get_by_role("dialog", name="Export")
    menu.get_by_label("Leave the data points out").check()
    with page.expect_download() as info:
        menu.get_by_role("button", name="Web page (publish)", exact=True).click()
    assert info.value.suggested_filename == "glassnet-xor.html"
    text = Path(info.value.path()).read_text()
    publication = read_publication(text)
    assert publication["session"]["training"]["epoch"] == 1
    assert publication["data"]["points"] == []
    expect(menu.locator(".gn-export-status")).to_contain_text("Saved glassnet-xor.html")
    # And the page it wrote opens on its own.
    saved = tmp_path / "xor.html"
    saved.write_text(text)
    other, requests, errors = open_page(page.context.browser, saved.as_uri())
    expect(other.locator(".gn-timeline-epoch")).to_have_attribute("data-value", "1")
    assert requests == [saved.as_uri()] and errors == []
    other.context.close()


def test_a_page_published_from_the_menu_lets_readers_step_through_a_point_of_each_class(
    page, playground, tmp_path
):
    playground("/#dataset=xor")
    page.get_by_role("button", name="Step", exact=True).click()
    expect(page.locator(".gn-epoch-value")).to_contain_text("1")
    page.get_by_role("button", name="Export", exact=True).click()
    menu = page.get_by_role("dialog", name="Export")
    expect(menu.get_by_label("Readers can step through training")).to_be_checked()
    with page.expect_download() as info:
        menu.get_by_role("button", name="Web page (publish)", exact=True).click()
    publication = read_publication(Path(info.value.path()).read_text())
    data = publication["data"]
    explained = [e["point"] for e in publication["explanations"]]
    # The first training point of each class, in the order of the classes.
    first = {}
    for i in data["train"]:
        first.setdefault(data["targets"][i], i)
    assert explained == [first[c] for c in sorted(first)] and len(explained) == 2
    assert all(e["epoch"] == 1 for e in publication["explanations"])
    # Leaving the points out leaves the step-through out (it shows a point's inputs).
    menu.get_by_label("Leave the data points out").check()
    expect(menu.get_by_label("Readers can step through training")).to_be_disabled()
    with page.expect_download() as info:
        menu.get_by_role("button", name="Web page (publish)", exact=True).click()
    assert read_publication(Path(info.value.path()).read_text())["explanations"] == []


REPLAY_WAITING = """
async (publication) => {
  const { createReplayModel } = await import("/static/lib/replayModel.js");
  const weights = publication.session.recording.parameters;
  publication.session.recording.parameters = null; // as the page carries it: apart
  let give;
  const weightsLater = new Promise((resolve) => { give = resolve; });
  const model = createReplayModel(publication, { weights: weightsLater });
  const heard = [];
  let saved = null;
  model.on("msg:custom", (message) => { if (message.type === "saved") saved = message.session; });
  model.on("msg:custom", (message, buffers) => heard.push(
    message.type === "frame" ? `frame ${message.epoch} ${new Float64Array(buffers[0].buffer,
      buffers[0].byteOffset, message.parameters.length)[0]}` : message.type));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  model.send({ type: "hello" });
  model.send({ type: "seek", epoch: 20 });
  model.send({ type: "goodbye_not_a_request" });
  await settle();
  const before = [...heard];
  give(weights);
  await settle();
  model.send({ type: "save" });
  await settle();
  return { before, after: heard, saved: saved?.recording.parameters === weights };
}
"""


def test_the_replay_answers_in_order_and_waits_for_its_weights(page, dev_server, published):
    """A published page draws before it has read its recorded weights (they come last in it):
    what needs them waits, and what was asked after waits its turn."""
    path, session = published
    page.goto(dev_server + "/health")
    result = page.evaluate(REPLAY_WAITING, read_publication(path.read_text()))
    last = session.epoch
    first_weight = session.network.layers[0].weights[0, 0]
    # The hello is answered from the last frame the page carries; the seek waits for the weights.
    assert result["before"][:3] == ["welcome", "data", f"frame {last} {first_weight}"]
    assert len(result["before"]) == 3
    at_20 = session.training.recording.nearest(20).parameters[0]
    assert result["after"][3:5] == [f"frame 20 {at_20}", "error"]
    assert result["saved"]


REPLAY_AFTER_A_FAILURE = """
async (publication) => {
  const { createReplayModel } = await import("/static/lib/replayModel.js");
  const model = createReplayModel(publication);
  const heard = [];
  let first = true;
  model.on("msg:custom", (message) => {
    heard.push(message.type);
    if (first) { first = false; throw new Error("a view's bug"); }
  });
  const reported = [];
  window.addEventListener("error", (event) => {
    reported.push(event.message);
    event.preventDefault();
  });
  model.send({ type: "hello" });
  model.send({ type: "seek", epoch: 10 });
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { heard, reported };
}
"""


def test_a_request_whose_answer_fails_is_reported_and_the_next_ones_are_answered(
    page, dev_server, published
):
    path, _ = published
    page.goto(dev_server + "/health")
    result = page.evaluate(REPLAY_AFTER_A_FAILURE, read_publication(path.read_text()))
    assert result["heard"] == ["welcome", "frame"]  # the hello's answer stopped at the bug
    assert len(result["reported"]) == 1 and "a view's bug" in result["reported"][0]
