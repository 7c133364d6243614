"""The network diagram (static/views/network/network.js) in Chromium, against the real server.

Every count the diagram shows comes from the session's frame, so these tests change the
network through the diagram's own buttons and check that the drawing follows.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from socket_watch import EDGE_POINT, SocketWatch

NEURONS = ".gn-net-neuron"
EDGES = ".gn-edge"
ORANGE = "rgb(245, 147, 34)"  # colors.js NEGATIVE: a weight of -1 or less

# Remember the page's WebSocket so a test can change a setting that no control offers yet.
CAPTURE_SOCKET = """
window.__gnSockets = [];
const NativeWebSocket = window.WebSocket;
window.WebSocket = class extends NativeWebSocket {
  constructor(...args) { super(...args); window.__gnSockets.push(this); }
};
"""


def edge(page, layer, source, target, hit=False):
    kind = "gn-edge-hit" if hit else "gn-edge"
    return page.locator(
        f".{kind}[data-layer='{layer}'][data-source='{source}'][data-target='{target}']"
    )


def point_at_edge(page, layer, source, target):
    point = edge(page, layer, source, target, hit=True).evaluate(EDGE_POINT)
    assert point is not None, "the edge is hidden under other edges everywhere"
    return point["x"], point["y"]


def pixels(page, name):
    return (
        page.get_by_role("button", name=name, exact=True)
        .locator("canvas")
        .evaluate("c => c.toDataURL()")
    )


def button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def send_settings(page, changes):
    page.evaluate(
        "c => window.__gnSockets[0].send(JSON.stringify({type: 'set', changes: c}))", changes
    )


def round_trip(page, watch):
    """Send a marker request and wait for its answer: another speed, confirmed by the session.

    The page sends in order and the session answers in order: once the answer is here,
    anything an earlier action sent has reached the session and been answered.
    """
    speed = page.locator("#gn-speed")
    chosen = "10" if speed.input_value() != "10" else "5"
    speed.select_option(chosen)
    watch.wait_for(
        lambda: watch.all("settings") and watch.last("settings")["values"]["speed"] == int(chosen)
    )


def test_the_default_network_draws_every_neuron_and_edge_of_the_frame(playground):
    page = playground()
    # Features x1, x2 -> 4 -> 2 -> 1 output.
    expect(page.locator(NEURONS)).to_have_count(4 + 2 + 1)
    expect(page.locator(EDGES)).to_have_count(2 * 4 + 4 * 2 + 2 * 1)
    expect(page.locator(".gn-net-layer-count")).to_have_text("2 hidden layers")
    counts = page.locator(".gn-net-count")
    expect(counts.nth(0)).to_have_attribute("data-count", "4")
    expect(counts.nth(1)).to_have_attribute("data-count", "2")
    expect(counts.nth(0)).to_contain_text("4 neurons")
    expect(page.locator(".gn-net-feature")).to_have_count(7)
    for stroke in page.locator(EDGES).evaluate_all("ps => ps.map(p => p.getAttribute('stroke'))"):
        assert stroke.startswith("rgb(")


def test_adding_a_layer_and_a_neuron_changes_the_drawn_network(playground):
    page = playground()
    button(page, "Add layer").click()
    # The new layer copies the last one: 4 -> 2 -> 2 -> output.
    expect(page.locator(".gn-net-layer-count")).to_have_text("3 hidden layers")
    expect(page.locator(NEURONS)).to_have_count(4 + 2 + 2 + 1)
    expect(button(page, "Activation of layer 3")).to_have_count(0)  # a select, not a button
    expect(page.get_by_role("combobox", name="Activation of layer 3")).to_have_value("tanh")

    button(page, "Add neuron to layer 3").click()
    expect(page.locator(".gn-net-count").nth(2)).to_have_attribute("data-count", "3")
    expect(page.locator(NEURONS)).to_have_count(4 + 2 + 3 + 1)
    expect(page.locator(EDGES)).to_have_count(2 * 4 + 4 * 2 + 2 * 3 + 3 * 1)
    expect(button(page, "Neuron 3 of layer 3")).to_be_visible()

    button(page, "Remove neuron from layer 1").click()
    expect(page.locator(".gn-net-count").nth(0)).to_have_attribute("data-count", "3")
    expect(page.locator(NEURONS)).to_have_count(3 + 2 + 3 + 1)


def test_the_layer_and_neuron_buttons_stop_at_the_limits(playground):
    page = playground()
    button(page, "Remove neuron from layer 2").click()
    expect(page.locator(".gn-net-count").nth(1)).to_have_attribute("data-count", "1")
    expect(button(page, "Remove neuron from layer 2")).to_be_disabled()
    button(page, "Remove layer").click()
    expect(page.locator(".gn-net-layer-count")).to_have_text("1 hidden layer")
    button(page, "Remove layer").click()
    expect(page.locator(".gn-net-layer-count")).to_have_text("0 hidden layers")
    expect(button(page, "Remove layer")).to_be_disabled()
    # With no hidden layer the features join the output directly.
    expect(page.locator(NEURONS)).to_have_count(1)
    expect(page.locator(EDGES)).to_have_count(2)
    expect(button(page, "Add layer")).to_be_enabled()


def test_changing_a_layers_activation_reaches_the_session(playground):
    page = playground()
    page.get_by_role("combobox", name="Activation of layer 1").select_option("relu")
    button(page, "Neuron 1 of layer 1").hover()
    # The tooltip's formula comes from the catalog for the activation in the new frame.
    expect(page.locator(".gn-net-tip")).to_contain_text("ReLU: max(0, z)")
    expect(page.get_by_role("combobox", name="Activation of layer 2")).to_have_value("tanh")


def test_a_typed_weight_changes_the_picture_and_undo_restores_it(playground):
    page = playground()
    first = edge(page, 0, 0, 0)  # x1 -> neuron 1 of layer 1
    stroke, width = first.get_attribute("stroke"), first.get_attribute("stroke-width")
    before = pixels(page, "Neuron 1 of layer 1")

    page.mouse.click(*point_at_edge(page, 0, 0, 0))
    field = page.get_by_role("textbox", name="Weight from x₁ to neuron 1 of layer 1")
    expect(field).to_be_focused()
    field.fill("-4")
    field.press("Enter")

    expect(first).to_have_attribute("stroke", ORANGE)
    expect(first).to_have_attribute("stroke-width", "5")
    assert pixels(page, "Neuron 1 of layer 1") != before
    expect(page.get_by_role("dialog")).to_have_count(0)

    button(page, "Undo").click()
    expect(first).to_have_attribute("stroke", stroke)
    expect(first).to_have_attribute("stroke-width", width)
    assert pixels(page, "Neuron 1 of layer 1") == before


def test_escape_closes_the_weight_editor_without_changing_anything(page, playground):
    watch = SocketWatch(page)
    playground()
    first = edge(page, 0, 0, 0)
    stroke = first.get_attribute("stroke")
    page.mouse.click(*point_at_edge(page, 0, 0, 0))
    field = page.get_by_role("textbox", name="Weight from x₁ to neuron 1 of layer 1")
    field.fill("-4")
    field.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)
    round_trip(page, watch)
    assert not [m for m in watch.sent if m["type"] == "set_weight"]
    expect(first).to_have_attribute("stroke", stroke)
    expect(button(page, "Undo")).to_be_disabled()


def test_a_weight_that_is_not_a_number_gets_the_sessions_message(playground):
    page = playground()
    page.mouse.click(*point_at_edge(page, 1, 0, 0))
    field = page.get_by_role(
        "textbox", name="Weight from neuron 1 of layer 1 to neuron 1 of layer 2"
    )
    field.fill("lots")
    field.press("Enter")
    expect(page.locator(".gn-toasts")).to_contain_text("must be a number")


def test_the_keyboard_edits_a_bias_through_the_neurons_card(playground):
    page = playground()
    neuron = button(page, "Neuron 2 of layer 1")
    swatch = page.locator(".gn-net-node", has=neuron).locator(".gn-net-bias-swatch")
    before = swatch.evaluate("s => getComputedStyle(s).backgroundColor")
    neuron.focus()
    page.keyboard.press("Enter")
    card = page.get_by_role("dialog", name="Neuron 2 of layer 1")
    expect(card).to_be_visible()
    # The card lists the bias and every incoming weight.
    expect(card.get_by_role("textbox")).to_have_count(1 + 2)
    bias = card.get_by_role("textbox", name="Bias of neuron 2 of layer 1")
    expect(bias).to_be_focused()
    page.keyboard.type("-3")
    page.keyboard.press("Enter")
    expect(card).to_have_count(0)
    expect(neuron).to_be_focused()  # focus goes back to the neuron
    expect(swatch).not_to_have_css("background-color", before)
    expect(swatch).to_have_css("background-color", ORANGE)


def test_turning_a_feature_off_removes_its_edges_and_on_brings_new_ones(playground):
    page = playground()
    x2 = button(page, "Feature x₂")
    expect(x2).to_have_attribute("aria-pressed", "true")
    x2.click()
    expect(x2).to_have_attribute("aria-pressed", "false")
    expect(page.locator(EDGES)).to_have_count(1 * 4 + 4 * 2 + 2 * 1)
    # Only x1 (source 0) feeds the first layer now.
    expect(page.locator(".gn-edge[data-layer='0'][data-source='1']")).to_have_count(0)

    button(page, "Feature x₁²").click()
    expect(button(page, "Feature x₁²")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(EDGES)).to_have_count(2 * 4 + 4 * 2 + 2 * 1)


def test_turning_off_the_last_feature_is_refused_with_a_message(playground):
    page = playground()
    button(page, "Feature x₂").click()
    expect(page.locator(EDGES)).to_have_count(4 + 8 + 2)
    button(page, "Feature x₁").click()
    expect(page.locator(".gn-toasts")).to_contain_text("features")
    expect(button(page, "Feature x₁")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(EDGES)).to_have_count(4 + 8 + 2)


def test_hovering_shows_the_real_numbers_and_marks_what_is_hovered(playground):
    page = playground()
    neuron = button(page, "Neuron 1 of layer 2")
    neuron.hover()
    tip = page.locator(".gn-net-tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Neuron 1 of layer 2")
    expect(tip).to_contain_text("bias")
    for k in range(1, 5):
        expect(tip).to_contain_text(f"from neuron {k} of layer 1")
    # The hover goes through the store (state.ui.hover) and comes back as a mark.
    expect(page.locator(".gn-net-node.gn-net-hovered")).to_have_count(1)
    expect(
        page.locator(".gn-net-node.gn-net-hovered").get_by_role(
            "button", name="Neuron 1 of layer 2", exact=True
        )
    ).to_have_count(1)

    page.mouse.move(*point_at_edge(page, 2, 1, 0))
    expect(tip).to_contain_text("from neuron 2 of layer 2 to the output neuron")
    expect(tip).to_have_text(re.compile(r"^Weight -?\d"))
    expect(edge(page, 2, 1, 0)).to_have_class(re.compile("gn-edge-hovered"))
    page.mouse.move(5, 5)
    expect(tip).to_be_hidden()
    expect(page.locator(".gn-net-hovered")).to_have_count(0)


def test_controls_have_accessible_names(playground):
    page = playground()
    for name in [
        "Add layer",
        "Remove layer",
        "Add neuron to layer 1",
        "Remove neuron from layer 1",
        "Add neuron to layer 2",
        "Remove neuron from layer 2",
        "Neuron 1 of layer 1",
        "Neuron 2 of layer 2",
        "Output neuron",
        "Bias of neuron 1 of layer 1",
        "Bias of the output neuron",
        "Help: Features",
        "Help: Hidden layers",
        "Help: Neurons",
        "Help: Weights",
        "Help: Biases",
    ]:
        expect(button(page, name)).to_have_count(1)
    for label in ["x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin(x₁)", "sin(x₂)"]:
        expect(button(page, f"Feature {label}")).to_have_attribute(
            "aria-pressed", re.compile("true|false")
        )
    expect(page.get_by_role("combobox", name="Activation of layer 1")).to_have_value("tanh")


def test_a_softmax_output_has_one_labelled_neuron_per_class(page, playground):
    page.add_init_script(CAPTURE_SOCKET)
    playground()
    send_settings(page, {"dataset": "blobs"})
    outputs = page.get_by_role("button", name=re.compile(r"^Output: class "))
    expect(outputs).to_have_count(3)
    expect(page.locator(".gn-net-class-label")).to_have_count(3)
    expect(page.locator(EDGES)).to_have_count(2 * 4 + 4 * 2 + 2 * 3)


def test_one_dimensional_data_disables_the_features_that_need_x2(page, playground):
    page.add_init_script(CAPTURE_SOCKET)
    watch = SocketWatch(page)
    playground()
    send_settings(page, {"dataset": "sine"})
    x2 = button(page, "Feature x₂")
    expect(x2).to_have_attribute("aria-disabled", "true")
    expect(x2).to_have_attribute("title", re.compile("needs x₂"))
    expect(button(page, "Feature x₁")).to_have_attribute("aria-pressed", "true")
    edges = page.locator(EDGES).count()
    x2.click(force=True)  # aria-disabled: Playwright would wait for it to be enabled
    round_trip(page, watch)
    asked = [m["changes"] for m in watch.sent if m["type"] == "set" and "features" in m["changes"]]
    assert asked == []
    expect(x2).to_have_attribute("aria-pressed", "false")
    assert page.locator(EDGES).count() == edges == 1 * 4 + 4 * 2 + 2 * 1


@pytest.mark.parametrize("size", [(1280, 800), (600, 450)])
def test_the_diagram_fits_its_section_without_scrolling_sideways(page, playground, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    playground()
    scroller = page.locator(".gn-net-scroll")
    expect(page.locator(NEURONS)).to_have_count(7)
    assert scroller.evaluate("s => s.scrollWidth <= s.clientWidth")


def test_the_keyboard_keeps_its_place_when_the_network_is_rebuilt(playground):
    page = playground()
    add = button(page, "Add neuron to layer 2")
    add.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".gn-net-count").nth(1)).to_have_attribute("data-count", "3")
    expect(add).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".gn-net-count").nth(1)).to_have_attribute("data-count", "4")
    feature = button(page, "Feature x₁x₂")
    feature.focus()
    page.keyboard.press("Space")
    expect(feature).to_have_attribute("aria-pressed", "true")
    expect(feature).to_be_focused()


@pytest.mark.parametrize(
    ("motion", "animation"), [("no-preference", "gn-net-flow"), ("reduce", "none")]
)
def test_edges_flow_only_while_playing_and_only_when_motion_is_welcome(
    page, playground, motion, animation
):
    page.emulate_media(reduced_motion=motion)
    playground()
    first = edge(page, 0, 0, 0)
    expect(first).to_have_css("animation-name", "none")
    button(page, "Play").click()
    expect(page.locator(".gn-net")).to_have_attribute("data-flow", "true")
    expect(first).to_have_css("animation-name", animation)
    # Enter, not a click: the Play button's insides are redrawn every frame while training,
    # so a mouse click can land on a removed element and be lost (see controls.js).
    button(page, "Pause").press("Enter")
    expect(page.locator(".gn-net")).to_have_attribute("data-flow", "false")
    expect(first).to_have_css("animation-name", "none")
