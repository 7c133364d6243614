"""Dragging a weight's or a bias's slider in the diagram's editor: the value follows the
pointer, the map follows the value, and one drag is one undo step."""

from __future__ import annotations

from lesson_people import drag_slider_to, edge_point
from playwright.sync_api import expect
from socket_watch import SocketWatch


def button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def weight_of(frame, index):
    return float(frame["parameters"][index])


def test_one_drag_of_a_weights_slider_sends_its_values_as_it_moves_and_is_one_undo_step(
    playground, page
):
    messages = SocketWatch(page)
    playground("/#gn=1&hidden_layers=")  # one neuron: W0 is (2 x 1), so x2's weight is parameter 1
    before = weight_of(messages.last("frame"), 1)
    point = edge_point(page, 0, 1, 0)
    page.mouse.click(point["x"], point["y"])
    slider = page.get_by_label("Slide: Weight from x₂ to the output neuron")
    expect(slider).to_be_visible()
    drag_slider_to(page, slider, 0.9)
    messages.wait_for(lambda: messages.last("frame")["undo"] == "Edit weight")
    sent = [m for m in messages.sent if m["type"] == "set_weight"]
    assert len(sent) >= 2, "the value is sent while the slider moves, not only at the end"
    assert len({m["drag"] for m in sent}) == 1
    assert all((m["layer"], m["source"], m["target"]) == (0, 1, 0) for m in sent)
    final = float(slider.evaluate("s => s.value"))
    messages.wait_for(lambda: weight_of(messages.last("frame"), 1) == final)
    typed = page.get_by_role("textbox", name="Weight from x₂ to the output neuron")
    assert float(typed.input_value()) == final  # the typed value follows the slider
    expect(button(page, "Close")).to_be_visible()  # nothing left to cancel: the values are sent
    button(page, "Close").click()
    button(page, "Undo").click()  # one undo takes the whole drag back
    messages.wait_for(lambda: weight_of(messages.last("frame"), 1) == before)
    expect(button(page, "Undo")).to_be_disabled()


def test_a_bias_slider_moves_the_bias_from_the_keyboard_one_step_a_press(playground, page):
    messages = SocketWatch(page)
    playground("/#gn=1&hidden_layers=")
    page.get_by_role("button", name="Bias of the output neuron").click()
    slider = page.get_by_label("Slide: Bias of the output neuron")
    slider.focus()
    for _ in range(3):
        slider.press("ArrowRight")
    messages.wait_for(lambda: len([m for m in messages.sent if m["type"] == "set_bias"]) == 3)
    drags = [m["drag"] for m in messages.sent if m["type"] == "set_bias"]
    assert len(set(drags)) == 3  # each press is its own undo step
