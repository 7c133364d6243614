"""The network diagram and the output map while stepping through one training step.

Every number the diagram shows is compared with the session's `explanation` message read
off the WebSocket, and every request the views make (explain, explain_weight) is read off
the same socket: the tests fail if a view shows a number the engine did not send, or asks
about another point or weight than the one clicked.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from socket_watch import EDGE_POINT, SocketWatch

PICK_RADIUS = 12  # CSS pixels: views/output/explainMap.js


def button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def opened(page, playground, path="/"):
    """The playground with its messages watched, and the step-through open."""
    watch = SocketWatch(page)
    playground(path)
    button(page, "Step through").click()
    expect(page.locator(".gn-map.gn-map-explaining")).to_have_count(1)
    return watch


def map_geometry(page):
    """Where the map's inside starts on the page, and its size in CSS pixels."""
    return page.locator(".gn-map").evaluate(
        """m => { const b = m.getBoundingClientRect();
                  return {x: b.left + m.clientLeft, y: b.top + m.clientTop,
                          size: m.clientWidth}; }"""
    )


def pixel_of(point, size):
    """A point of the plane [-6, 6]² in map pixels (x₂ points up)."""
    return (point[0] + 6) / 12 * size, (6 - point[1]) / 12 * size


def nearest_training_point(data, px, py, size, radius=float("inf")):
    best, best_distance = None, radius**2
    for i in data["train"]:
        x, y = pixel_of(data["points"][i], size)
        d = (x - px) ** 2 + (y - py) ** 2
        if d <= best_distance:
            best, best_distance = i, d
    return best


def pick_point(page, watch, offset=(4, 3), share=1 / 3):
    """Click near a training point (that far along the list); return the index it should pick."""
    data = watch.last("data")
    g = map_geometry(page)
    target = data["train"][int(len(data["train"]) * share)]
    x, y = pixel_of(data["points"][target], g["size"])
    px, py = x + offset[0], y + offset[1]
    expected = nearest_training_point(data, px, py, g["size"], PICK_RADIUS)
    assert expected is not None
    page.mouse.click(g["x"] + px, g["y"] + py)
    return expected


def explained(watch, point, size="sample"):
    """Wait for the explanation of `point`, and return it."""
    watch.wait_for(
        lambda: any(m["point"] == point and m["size"] == size for m in watch.all("explanation"))
    )
    return [m for m in watch.all("explanation") if m["point"] == point][-1]


def values(page, kind):
    """The numbers written under the neurons: {(a, unit): value}."""
    found = page.locator(f".gn-net-value[data-kind='{kind}']").evaluate_all(
        "els => els.map(e => [Number(e.dataset.a), Number(e.dataset.unit), e.dataset.value])"
    )
    return {(a, unit): float(v) for a, unit, v in found}


def click_edge(page, layer, source, target):
    hit = page.locator(
        f".gn-edge-hit[data-layer='{layer}'][data-source='{source}'][data-target='{target}']"
    )
    # Aim once the line holds still (Playwright's "stable": the same box in two animation
    # frames in a row): the diagram re-places itself a frame after its column changes size.
    hit.element_handle().wait_for_element_state("stable")
    point = hit.evaluate(EDGE_POINT)
    assert point is not None, "the edge is hidden under other edges everywhere"
    page.mouse.click(point["x"], point["y"])


def record_what_the_map_shows(page):
    """Keep every value the map's data-explain-shows takes, in window.__shows."""
    page.evaluate(
        """() => { window.__shows = [];
                   const map = document.querySelector('.gn-map');
                   new MutationObserver(() => window.__shows.push(map.dataset.explainShows))
                     .observe(map, {attributes: true,
                              attributeFilter: ['data-explain-shows']}); }"""
    )


def heat(page):
    return page.locator(".gn-map-heat").evaluate("c => c.toDataURL()")


def test_clicking_near_a_point_while_explaining_asks_about_that_point_and_draws_nothing(
    page, playground
):
    watch = SocketWatch(page)
    playground()
    button(page, "Draw points").click()  # drawing is on, and waits while stepping through
    button(page, "Step through").click()
    expect(page.locator(".gn-map-hint")).to_contain_text("Drawing points is paused")
    expected = pick_point(page, watch)
    watch.wait_for(lambda: any(m["type"] == "explain" for m in watch.sent))
    asked = [m for m in watch.sent if m["type"] == "explain"]
    assert [m["point"] for m in asked] == [expected]
    explained(watch, expected)
    expect(page.locator(".gn-map")).to_have_attribute("data-explain-point", str(expected))
    assert not [m for m in watch.sent if m["type"] == "add_point"]

    # Far from every point, a click picks nothing.
    g = map_geometry(page)
    data = watch.last("data")
    empty = next(
        (x, y)
        for x in range(8, int(g["size"]), 6)
        for y in range(8, int(g["size"]), 6)
        if nearest_training_point(data, x, y, g["size"], 3 * PICK_RADIUS) is None
    )
    page.mouse.click(g["x"] + empty[0], g["y"] + empty[1])
    # A marker after it: a click on another point. The page sends in order, so once the
    # marker's explanation is here, the empty click has had every chance to ask too.
    marker = pick_point(page, watch, share=2 / 3)
    explained(watch, marker)
    asked = [m["point"] for m in watch.sent if m["type"] == "explain"]
    assert asked == [expected, marker] and marker != expected
    assert not [m for m in watch.sent if m["type"] == "add_point"]


def test_the_keyboard_picks_the_point_nearest_to_the_cross(page, playground):
    watch = opened(page, playground)
    page.get_by_role("application", name=re.compile("^Output map")).focus()
    for key in ["ArrowRight", "ArrowRight", "ArrowUp", "Enter"]:
        page.keyboard.press(key)
    # The cross starts in the middle and moves half a unit per press: to (1, 0.5).
    g = map_geometry(page)
    px, py = pixel_of((1.0, 0.5), g["size"])
    expected = nearest_training_point(watch.last("data"), px, py, g["size"])
    explained(watch, expected)
    expect(page.locator(".gn-map-pick-cursor")).to_be_visible()


def test_the_diagram_shows_the_explanations_activations_contributions_and_deltas(page, playground):
    watch = opened(page, playground)
    m = explained(watch, pick_point(page, watch))
    layers = m["layers"]

    # Clicking the output neuron goes to its forward step: every neuron before it has its value.
    button(page, "Output neuron").click()
    expect(page.locator(".gn-net-current")).to_have_attribute("data-a", "3")
    shown = values(page, "a")
    expected = {(k + 1, j): a for k, layer in enumerate(layers) for j, a in enumerate(layer["a"])}
    assert shown == expected
    assert values(page, "input") == {(0, i): v for i, v in enumerate(m["inputs"])}
    # On the edges into the output: what each input adds, input × weight.
    found = page.locator(".gn-edge-explain[data-layer='2']").evaluate_all(
        "ps => ps.map(p => [Number(p.dataset.source), Number(p.dataset.value)])"
    )
    assert sorted(map(tuple, found)) == [
        (i, pytest.approx(a * layers[2]["weights"][i][0])) for i, a in enumerate(layers[1]["a"])
    ]

    # Then the loss, and back through every neuron: each gets its delta.
    neurons = sum(len(layer["delta"]) for layer in layers)
    for _ in range(1 + neurons):
        button(page, "Next").click()
    expect(page.locator(".gn-net-value[data-kind='delta']")).to_have_count(neurons)
    shown = values(page, "delta")
    expected = {
        (k + 1, j): d for k, layer in enumerate(layers) for j, d in enumerate(layer["delta"])
    }
    assert shown == expected
    # The gradients on the edges into the last neuron reached (neuron 4 of layer 1).
    found = page.locator(".gn-net-edge-value[data-kind='gradient']").evaluate_all(
        "els => els.map(e => [Number(e.dataset.source), Number(e.dataset.target),"
        " Number(e.dataset.value)])"
    )
    assert found and all(layers[0]["weight_grads"][i][j] == v for i, j, v in found)


def test_clicking_a_neuron_goes_to_its_forward_step(page, playground):
    watch = opened(page, playground)
    explained(watch, pick_point(page, watch))
    button(page, "Neuron 2 of layer 1").click()
    current = page.locator(".gn-net-current")
    expect(current).to_have_attribute("data-a", "1")
    expect(current).to_have_attribute("data-unit", "1")
    expect(page.locator(".gn-edge-lit[data-layer='0'][data-target='1']")).to_have_count(2)


def test_the_map_shows_the_network_before_and_after_the_update(page, playground):
    watch = opened(page, playground, "/#gn=1&learning_rate=3")
    explained(watch, pick_point(page, watch))
    page.get_by_role("radio", name="One batch (10)", exact=True).check()
    watch.wait_for(lambda: any(x["size"] == "batch" for x in watch.all("explanation")))
    m = [x for x in watch.all("explanation") if x["size"] == "batch"][-1]
    the_map = page.locator(".gn-map")
    expect(the_map).to_have_attribute("data-explain-batch", str(m["batch"]["size"] - 1))
    expect(the_map).to_have_attribute("data-explain-shows", "before")
    expect(page.locator(".gn-map-stage")).to_have_text("before the update")
    before = heat(page)

    record_what_the_map_shows(page)
    button(page, "Update").click()
    expect(the_map).to_have_attribute("data-explain-shows", "after")
    assert "morphing" in page.evaluate("window.__shows")  # from before to after, over time
    expect(page.locator(".gn-map-stage")).to_have_text("after the update")
    after = heat(page)
    assert after != before

    button(page, "Back").click()  # the last step of the backward pass
    expect(the_map).to_have_attribute("data-explain-shows", "before")
    assert heat(page) == before


def test_the_update_shows_each_weights_change_on_its_edge(page, playground):
    watch = opened(page, playground, "/#gn=1&learning_rate=3")
    m = explained(watch, pick_point(page, watch))
    button(page, "Update").click()
    steps = m["update"]["layers"][0]["weights"]["step"]
    expect(page.locator(".gn-edge-explain[data-layer='0']")).to_have_count(2 * 4)
    found = page.locator(".gn-edge-explain[data-layer='0']").evaluate_all(
        "ps => ps.map(p => [Number(p.dataset.source), Number(p.dataset.target),"
        " Number(p.dataset.value)])"
    )
    assert all(v == -steps[i][j] for i, j, v in found)
    assert page.locator(".gn-net-edge-value[data-kind='change']").count() > 0


def test_clicking_an_edge_while_explaining_asks_why_the_weight_changed(page, playground):
    watch = opened(page, playground)
    m = explained(watch, pick_point(page, watch))
    click_edge(page, 1, 2, 1)
    watch.wait_for(lambda: any(x["type"] == "explain_weight" for x in watch.sent))
    asked = [x for x in watch.sent if x["type"] == "explain_weight"]
    assert asked == [
        {"type": "explain_weight", "id": m["id"], "layer": 1, "source": 2, "target": 1}
    ]
    expect(page.get_by_role("dialog")).to_have_count(0)  # no weight editor

    # Outside the step-through the same click edits the weight again.
    button(page, "Step through").click()
    expect(page.locator(".gn-net-legend-hint")).to_have_text(
        "Click a line, a bias or a neuron to type a new value."
    )
    click_edge(page, 1, 2, 1)  # once the columns settle with the data panel back
    expect(
        page.get_by_role("dialog", name="Weight from neuron 3 of layer 1 to neuron 2 of layer 2")
    ).to_be_visible()


def test_a_chain_rule_path_in_the_panel_lights_up_its_edges(page, playground):
    watch = opened(page, playground, "/#gn=1&hidden_layers=4,3")
    explained(watch, pick_point(page, watch))
    button(page, "Backward").click()  # the panel answers "why?" from the backward pass on
    click_edge(page, 0, 1, 2)
    watch.wait_for(lambda: bool(watch.all("chain")))
    chain = watch.last("chain")
    units = chain["paths"][1]["units"]
    page.get_by_role("listitem", name=re.compile(r"^Path 2, ")).hover()
    path = page.locator(".gn-edge-path")
    wanted = [[0, 1, units[0]]] + [[k, units[k - 1], units[k]] for k in range(1, len(units))]
    expect(path).to_have_count(len(wanted))
    drawn = path.evaluate_all(
        "ps => ps.map(p => [p.dataset.layer, p.dataset.source, p.dataset.target].map(Number))"
    )
    assert sorted(drawn) == sorted(wanted)
    for a, unit in [(1, units[0]), (2, units[1]), (3, units[2])]:
        expect(page.locator(f".gn-net-node[data-a='{a}'][data-unit='{unit}']")).to_have_class(
            re.compile("gn-net-on-path")
        )


def test_without_motion_the_map_changes_at_once_and_no_dots_travel(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    page = context.new_page()
    watch = SocketWatch(page)
    page.goto(server + "/#gn=1&learning_rate=3")
    page.wait_for_selector(".glassnet[data-ready='true']")
    button(page, "Step through").click()
    expect(page.locator(".gn-map.gn-map-explaining")).to_have_count(1)  # picking has loaded
    explained(watch, pick_point(page, watch))
    button(page, "Neuron 1 of layer 1").click()
    expect(page.locator(".gn-edge-explain")).to_have_count(2)
    assert page.locator(".gn-edge-dot").count() == 0
    record_what_the_map_shows(page)
    button(page, "Update").click()
    expect(page.locator(".gn-map")).to_have_attribute("data-explain-shows", "after")
    assert "morphing" not in page.evaluate("window.__shows")
    context.close()


def test_closing_the_step_through_clears_the_diagram_and_the_map(page, playground):
    watch = opened(page, playground)
    explained(watch, pick_point(page, watch))
    button(page, "Output neuron").click()
    expect(page.locator(".gn-net-value")).not_to_have_count(0)
    button(page, "Close step through").click()
    expect(page.locator(".gn-net-value")).to_have_count(0)
    expect(page.locator(".gn-edge-explain")).to_have_count(0)
    expect(page.locator(".gn-map")).to_have_attribute("data-explain-point", "")
    expect(page.locator(".gn-map-stage")).to_be_hidden()
