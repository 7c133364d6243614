"""The output column: metrics, loss chart and output map, in a real browser.

The numbers on screen are checked against the session's own messages, read off
the WebSocket, so these tests fail if a view shows a number the engine did not send.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect
from socket_watch import SocketWatch as Messages

NUMBER = r"-?\d+(?:\.\d+)?(?:e-?\d+)?"


def close_to(text, value, relative=0.006):
    """Whether a number rounded for display is the session's value."""
    return abs(float(text) - value) <= relative * abs(value) + 1e-12


def map_data(page, name):
    return page.locator(".gn-map").get_attribute(f"data-{name}")


def wait_for_map(page, name, value):
    """Wait until the map's data-<name> attribute reads `value`."""
    key = re.sub(r"-(\w)", lambda m: m[1].upper(), name)
    page.wait_for_function(
        f"document.querySelector('.gn-map').dataset.{key} === {json.dumps(str(value))}"
    )


def canvas_url(page, selector):
    return page.locator(selector).evaluate("c => c.toDataURL()")


def play_until(page, epoch):
    """Play until the page shows `epoch` epochs trained, pause, and wait for the paused frame."""
    page.get_by_role("button", name="Play", exact=True).click()
    page.wait_for_function(
        "n => Number(document.querySelector('.gn-epoch-value').textContent.replace(/,/g, '')) >= n",
        arg=epoch,
    )
    page.get_by_role("button", name="Pause", exact=True).click()
    # The play button follows the frames: "false" again once the session's paused frame is drawn.
    expect(page.locator(".gn-play")).to_have_attribute("data-playing", "false")


def click_map(page, fx, fy, **options):
    box = page.locator(".gn-map").bounding_box()
    page.mouse.click(
        box["x"] + 1 + fx * (box["width"] - 2), box["y"] + 1 + fy * (box["height"] - 2), **options
    )


def test_the_metrics_show_the_sessions_losses_and_accuracy_under_their_labels(page, playground):
    messages = Messages(page)
    playground()
    play_until(page, 20)
    messages.wait_for(lambda: messages.last("frame")["playing"] is False)
    metrics = messages.last("frame")["metrics"]
    labels = page.locator(".gn-metrics dt > span:first-child").all_inner_texts()
    assert [t.strip() for t in labels] == ["Training loss", "Test loss", "Accuracy"]
    train = page.locator("[data-metric=train_loss]").inner_text()
    test = page.locator("[data-metric=test_loss]").inner_text()
    assert close_to(train, metrics["train_loss"]) and close_to(test, metrics["test_loss"])
    accuracy = page.locator("[data-metric=accuracy]").inner_text()
    shown = re.fullmatch(rf"({NUMBER})% / ({NUMBER})%", accuracy)
    assert shown, accuracy
    assert close_to(shown[1], 100 * metrics["train_accuracy"], 0.002)
    assert close_to(shown[2], 100 * metrics["test_accuracy"], 0.002)


def test_regression_has_no_accuracy_row(playground):
    page = playground("/#gn=1&dataset=plane&problem=regression&output_activation=linear&loss=mse")
    wait_for_map(page, "kind", "regression")
    assert page.locator(".gn-metric-accuracy").is_hidden()
    assert re.fullmatch(NUMBER, page.locator("[data-metric=train_loss]").inner_text())


def test_hovering_the_loss_chart_reads_out_that_epochs_values(playground):
    page = playground()
    play_until(page, 40)
    chart = page.locator(".gn-chart-canvas")
    assert "training loss now" in chart.get_attribute("aria-label")
    assert chart.get_attribute("role") == "img"
    box = chart.bounding_box()
    readout = page.locator(".gn-chart-readout")
    assert readout.is_hidden()
    page.mouse.move(box["x"] + 1, box["y"] + 40)
    first = re.fullmatch(
        rf"Epoch (\d+): training ({NUMBER}), test ({NUMBER})", readout.inner_text()
    )
    assert first and first[1] == "0"
    page.mouse.move(box["x"] + box["width"] - 1, box["y"] + 40)
    last = re.fullmatch(rf"Epoch (\d+): training ({NUMBER}), test ({NUMBER})", readout.inner_text())
    assert last and int(last[1]) > 0
    # The last entry of the history is the epoch the metrics show.
    assert last[2] == page.locator("[data-metric=train_loss]").inner_text()
    assert float(last[2]) < float(first[2])  # it learned
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] - 30)
    assert readout.is_hidden()


def test_the_map_repaints_as_the_network_learns(playground):
    page = playground()
    before = canvas_url(page, ".gn-map-heat")
    play_until(page, 10)
    assert canvas_url(page, ".gn-map-heat") != before
    assert map_data(page, "mode") == "output"


def test_show_test_data_toggles_the_test_points(page, playground):
    messages = Messages(page)
    playground()
    data = messages.last("data")
    assert map_data(page, "train-shown") == str(len(data["train"]))
    assert map_data(page, "test-shown") == "0"
    before = canvas_url(page, ".gn-map-points")
    page.get_by_role("checkbox", name="Show test data").check()
    wait_for_map(page, "test-shown", len(data["test"]))
    assert map_data(page, "test-shown") == str(len(data["test"])) != "0"
    assert canvas_url(page, ".gn-map-points") != before
    page.get_by_role("checkbox", name="Show test data").uncheck()
    wait_for_map(page, "test-shown", "0")
    assert canvas_url(page, ".gn-map-points") == before


def test_drawn_points_are_added_trained_on_marked_and_removed(page, playground):
    messages = Messages(page)
    playground()
    points_before = int(map_data(page, "points"))
    draw = page.get_by_role("button", name="Draw points", exact=True)
    draw.click()
    expect(draw).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Draw class 1", exact=True).click()
    spots = [(0.1, 0.1), (0.2, 0.1), (0.9, 0.9)]
    for fx, fy in spots:
        click_map(page, fx, fy)
    wait_for_map(page, "points", points_before + 3)
    data = messages.last("data")
    drawn = list(range(data["n_base"], len(data["points"])))
    assert len(drawn) == 3 and set(drawn) <= set(data["train"])  # drawn points always train
    assert [data["targets"][i] for i in drawn] == [1, 1, 1]
    for i, (fx, fy) in zip(drawn, spots):
        assert data["points"][i] == pytest.approx([-6 + 12 * fx, 6 - 12 * fy], abs=0.1)
    assert map_data(page, "drawn") == "3" and map_data(page, "drawn-shown") == "3"
    # Each drawn point is painted in its class's colour, with a dark ring around it.
    size = page.locator(".gn-map").evaluate("m => m.clientWidth")
    pixel = """([x, y]) => {
        const c = document.querySelector('.gn-map-points');
        const r = c.width / c.clientWidth;
        const ctx = c.getContext('2d');
        return Array.from(ctx.getImageData(Math.round(x * r), Math.round(y * r), 1, 1).data);
    }"""
    center = page.evaluate(pixel, [0.9 * size, 0.9 * size])
    ring = [page.evaluate(pixel, [0.9 * size + dx / 2, 0.9 * size]) for dx in range(8, 19)]
    assert center[:3] == pytest.approx([8, 119, 189], abs=12) and center[3] == 255  # class 1 blue
    assert any(max(p[:3]) < 90 and p[3] > 150 for p in ring)  # the dark ring, 6.5 px out
    # A right-click on a drawn point removes it.
    click_map(page, 0.9, 0.9, button="right")
    wait_for_map(page, "points", points_before + 2)
    page.get_by_role("button", name="Clear drawn points", exact=True).click()
    wait_for_map(page, "points", points_before)
    assert map_data(page, "drawn-shown") == "0"


def test_points_can_be_drawn_and_removed_from_the_keyboard(playground):
    page = playground()
    page.get_by_role("button", name="Draw points", exact=True).click()
    drawing_map = page.get_by_role("application", name=re.compile("Output map"))
    drawing_map.focus()
    for key in ["ArrowRight", "ArrowRight", "ArrowUp", "Enter"]:
        page.keyboard.press(key)
    wait_for_map(page, "drawn", "1")
    assert page.locator(".gn-map-cursor").is_visible()
    page.keyboard.press("Delete")
    wait_for_map(page, "drawn", "0")


def test_clicking_the_map_adds_nothing_when_drawing_is_off(page, playground):
    messages = Messages(page)
    playground()
    before = int(map_data(page, "points"))
    click_map(page, 0.5, 0.2)
    # A marker after it: with drawing on, a click at (3.6, -3.6) adds a point. The page sends
    # in order and the session answers in order, so once the marker is in the session's data
    # the first click has had every chance to add a point too.
    marker = pytest.approx([-6 + 12 * 0.8, 6 - 12 * 0.8], abs=0.1)
    page.get_by_role("button", name="Draw points", exact=True).click()
    click_map(page, 0.8, 0.8)
    messages.wait_for(lambda: any(x == marker for x in messages.last("data")["points"]))
    assert [m["x"] for m in messages.sent if m["type"] == "add_point"] == [marker]
    data = messages.last("data")
    assert len(data["points"]) - data["n_base"] == 1
    wait_for_map(page, "points", before + 1)
    assert map_data(page, "drawn") == "1"


def test_hovering_a_neuron_shows_its_picture_enlarged_and_named(playground):
    page = playground()
    output = canvas_url(page, ".gn-map-heat")
    page.get_by_role("button", name="Neuron 2 of layer 1", exact=True).hover()
    wait_for_map(page, "mode", "neuron")
    assert page.locator(".gn-map-caption").inner_text() == "Neuron 2 of layer 1"
    assert canvas_url(page, ".gn-map-heat") != output
    page.mouse.move(5, 795)
    wait_for_map(page, "mode", "output")
    assert page.locator(".gn-map-caption").is_hidden()


def test_many_classes_get_a_legend_and_a_drawing_button_each(playground):
    page = playground(
        "/#gn=1&dataset=blobs&classes=3&output_activation=softmax&loss=categorical_crossentropy"
    )
    wait_for_map(page, "kind", "multiclass")
    legend = page.locator(".gn-legend-classes li").all_inner_texts()
    assert legend == ["class 0", "class 1", "class 2"]
    page.get_by_role("button", name="Draw points", exact=True).click()
    for k in range(3):
        expect(page.get_by_role("button", name=f"Draw class {k}", exact=True)).to_be_visible()


def test_one_input_data_shows_a_fitted_curve_and_draws_values_by_height(page, playground):
    messages = Messages(page)
    playground("/#gn=1&dataset=sine&problem=regression&output_activation=linear&loss=mse&noise=0")
    wait_for_map(page, "mode", "curve")
    assert page.locator(".gn-map-heat").is_hidden() and page.locator(".gn-map-plot").is_visible()
    page.get_by_role("button", name="Draw points", exact=True).click()
    click_map(page, 0.75, 0.25)  # a quarter down a plot from 1.2 to -1.2: the value 0.6
    wait_for_map(page, "drawn", "1")
    data = messages.last("data")
    assert data["points"][-1] == pytest.approx([3.0], abs=0.1)
    assert data["targets"][-1] == pytest.approx(0.6, abs=0.05)


def test_the_map_stays_square_and_inside_a_small_window(browser, server):
    context = browser.new_context(viewport={"width": 600, "height": 450})
    page = context.new_page()
    page.goto(server + "/")
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    box = page.locator(".gn-map").bounding_box()
    assert box["width"] == pytest.approx(box["height"], abs=1)
    assert box["width"] >= 150 and box["x"] + box["width"] <= 600
    context.close()
