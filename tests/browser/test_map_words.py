"""The output map speaks: the network's answer under the pointer, and why a network cannot fit.

The answer is checked against the engine: a session made with the same
settings starts from the same first weights (the same seed), and its network's
prediction at the pointer's place is what the page must show.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from playwright.sync_api import expect

from glassnet.session import Session


def hover_map(page, fx, fy):
    box = page.locator(".gn-map").bounding_box()
    page.mouse.move(box["x"] + 1 + fx * (box["width"] - 2), box["y"] + 1 + fy * (box["height"] - 2))


@pytest.mark.parametrize(
    "link, settings",
    [
        ("", {}),
        ("#gn=1&dataset=blobs&classes=3", {"dataset": "blobs", "classes": 3}),
        ("#gn=1&dataset=plane&problem=regression", {"dataset": "plane", "problem": "regression"}),
    ],
)
def test_resting_on_the_map_shows_the_networks_answer_there_as_the_engine_computes_it(
    playground, page, link, settings
):
    playground("/" + link)
    readout = page.locator(".gn-map-readout")
    expect(readout).to_be_hidden()
    hover_map(page, 0.3, 0.7)
    expect(readout).to_be_visible()
    x1, x2 = float(readout.get_attribute("data-x1")), float(readout.get_attribute("data-x2"))
    assert -6 < x1 < 0 < -x2 < 6
    shown = json.loads(readout.get_attribute("data-outputs"))
    engine = Session(settings).network.predict(np.array([[x1, x2]]))[0]
    np.testing.assert_allclose(shown, engine, rtol=1e-12, atol=1e-12)
    text = readout.inner_text()
    if settings.get("problem") == "regression":
        assert "value" in text
    else:
        assert "class 0" in text and "class 1" in text and "%" in text
    page.mouse.move(0, 0)
    expect(readout).to_be_hidden()


def test_a_network_without_a_bend_says_so_and_a_hidden_layer_takes_the_note_away(playground, page):
    playground("/#gn=1&dataset=xor&hidden_layers=")
    note = page.locator(".gn-no-bend")
    expect(note).to_be_visible()
    expect(note).to_contain_text("No bend")
    expect(note).to_contain_text("one straight line")
    expect(note).to_contain_text("Add a hidden layer")
    page.get_by_role("button", name="Add layer", exact=True).click()
    expect(note).to_be_hidden()
    page.locator("#gn-activation").select_option("linear")
    expect(note).to_be_visible()
    expect(note).to_contain_text("linear")
    expect(note).to_contain_text("Pick tanh or ReLU")


@pytest.mark.parametrize(
    "link, shown",
    [
        ("#gn=1&dataset=circle&hidden_layers=", True),
        ("#gn=1&dataset=spiral&hidden_layers=3,3&activations=linear,linear", True),
        ("#gn=1&dataset=circle&hidden_layers=&features=x1,x2,x1%5E2,x2%5E2", False),
        ("#gn=1&dataset=xor&hidden_layers=&features=x1,x2,x1*x2", False),
        ("#gn=1&dataset=gauss&hidden_layers=", False),
        ("#gn=1&dataset=circle&hidden_layers=4&activations=relu", False),
    ],
)
def test_the_note_follows_the_sessions_network_and_data_not_the_picture(
    playground, page, link, shown
):
    playground("/" + link)
    page.wait_for_selector(".gn-map[data-points]")
    assert page.locator(".gn-no-bend").is_visible() == shown
