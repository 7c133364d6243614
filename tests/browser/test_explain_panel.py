"""The step-through panel (static/views/explain/) in Chromium, against the real server.

Every number the panel shows carries its exact value in ``data-value``; these tests read
those and compare them with the session's own ``explanation``, ``chain`` and ``delta``
messages (decoded by SocketWatch), never with numbers worked out here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from socket_watch import SocketWatch

SHOTS = Path("/tmp/glassnet-explain-shots")
STAGES = ["forward", "loss", "backward", "update", "done"]


def button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def open_panel(page, playground, path="/"):
    """Open the playground and the step-through panel; returns the socket watch."""
    watch = SocketWatch(page)
    playground(path)
    button(page, "Step through").click()
    expect(page.locator(".gn-explain")).to_be_visible()
    return watch


def pick(page, watch, row=1):
    """Pick the training point in that row of the panel's table; returns its explanation."""
    target = page.locator(".gn-ex-point[data-point]").nth(row)
    point = int(target.get_attribute("data-point"))
    count = len(watch.all("explanation"))
    target.click()
    watch.wait_for(lambda: len(watch.all("explanation")) > count)
    explanation = watch.last("explanation")
    assert explanation["point"] == point
    expect(page.locator(".gn-ex-card")).to_have_attribute("data-stage", "forward")
    return explanation


def values(locator):
    return [float(v) for v in locator.evaluate_all("els => els.map(e => e.dataset.value)")]


def value(locator):
    found = values(locator)
    assert len(found) == 1, f"expected one number, found {len(found)}"
    return found[0]


def card(page):
    return page.locator(".gn-ex-card")


def where(page):
    c = card(page)
    return (
        c.get_attribute("data-stage"),
        c.get_attribute("data-layer"),
        c.get_attribute("data-unit"),
    )


def position(page):
    text = page.locator(".gn-ex-position").inner_text()
    here, total = re.match(r"Step (\d+) of (\d+)", text).groups()
    return int(here), int(total)


def walk(page):
    """Press Next until the end, yielding (stage, layer, unit) at every step, the first included."""
    while True:
        yield where(page)
        if button(page, "Next").is_disabled():
            return
        before = position(page)[0]
        button(page, "Next").click()
        expect(page.locator(".gn-ex-position")).not_to_have_text(re.compile(rf"^Step {before} of"))


def go_to(page, stage, layer=None, unit=None):
    button(page, STAGES_LABEL[stage]).click()
    expect(card(page)).to_have_attribute("data-stage", stage)
    while (layer is not None and card(page).get_attribute("data-layer") != str(layer)) or (
        unit is not None and card(page).get_attribute("data-unit") != str(unit)
    ):
        assert not button(page, "Next").is_disabled(), f"no {stage} step {layer}:{unit}"
        before = position(page)[0]
        button(page, "Next").click()
        expect(page.locator(".gn-ex-position")).not_to_have_text(re.compile(rf"^Step {before} of"))


STAGES_LABEL = {s: s.capitalize() for s in STAGES}


def test_the_forward_arithmetic_shows_the_engines_numbers_for_the_chosen_point(page, playground):
    watch = open_panel(page, playground)
    e = pick(page, watch)
    c = card(page)
    assert values(c.locator("[data-part='x']")) == e["x"]
    assert values(c.locator("[data-part='feature']")) == e["inputs"]
    for stage, layer, unit in walk(page):
        if stage != "forward" or layer == "-1":
            continue
        k, j = int(layer), int(unit)
        trace = e["layers"][k]
        fed = e["inputs"] if k == 0 else e["layers"][k - 1]["a"]
        assert values(c.locator(".gn-ex-formula [data-part='input']")) == fed
        assert values(c.locator("[data-part='weight']")) == [row[j] for row in trace["weights"]]
        assert value(c.locator("[data-part='bias']")) == trace["biases"][j]
        assert value(c.locator("[data-part='z']")) == trace["z"][j]
        assert value(c.locator("[data-part='a']")) == trace["a"][j]
        # Rounded for display only: the text is the value with three significant digits.
        shown = c.locator("[data-part='z']").inner_text()
        assert float(shown) == pytest.approx(trace["z"][j], rel=5e-3, abs=1e-12)


def test_the_loss_and_backward_cards_show_the_engines_deltas_and_gradients(page, playground):
    watch = open_panel(page, playground)
    e = pick(page, watch, row=2)
    c = card(page)
    last = len(e["layers"]) - 1
    go_to(page, "loss")
    assert value(c.locator("[data-part='prediction']")) == e["layers"][last]["a"][0]
    assert value(c.locator("[data-part='target']")) == e["target"][0]
    assert value(c.locator("[data-part='loss']")) == e["loss"]["value"]
    assert "confidences, not certainties" in page.locator(".gn-ex-mixup").inner_text()
    backward = 0
    for stage, layer, unit in walk(page):
        if stage != "backward":
            continue
        backward += 1
        k, j = int(layer), int(unit)
        trace = e["layers"][k]
        fed = e["inputs"] if k == 0 else e["layers"][k - 1]["a"]
        assert value(c.locator("[data-part='delta']")) == trace["delta"][j]
        assert values(c.locator("[data-part='weight-grad']")) == [
            row[j] for row in trace["weight_grads"]
        ]
        assert values(c.locator(".gn-ex-grad-list [data-part='input']")) == fed
        assert value(c.locator("[data-part='bias-grad']")) == trace["bias_grads"][j]
        if k < last:
            after = e["layers"][k + 1]
            assert value(c.locator("[data-part='slope']")) == trace["slope"][j]
            assert values(c.locator("[data-part='next-weight']")) == after["weights"][j]
            assert values(c.locator("[data-part='next-delta']")) == after["delta"]
    assert backward == sum(len(layer["delta"]) for layer in e["layers"])


def test_why_did_this_weight_change_shows_paths_whose_products_add_up_to_the_gradient(
    page, playground
):
    watch = open_panel(page, playground)
    e = pick(page, watch)
    go_to(page, "backward", layer=0, unit=1)
    page.get_by_role(
        "button", name="Why did the weight from x₂ to neuron 2 of layer 1 change?", exact=True
    ).click()
    watch.wait_for(lambda: watch.all("chain"))
    chain = watch.last("chain")
    assert (chain["layer"], chain["source"], chain["target"]) == (0, 1, 1)
    assert chain["id"] == e["id"]
    block = page.locator(".gn-ex-chain")
    expect(block).to_be_visible()
    assert value(block.locator("[data-part='gradient']")) == chain["gradient"]
    assert chain["gradient"] == e["layers"][0]["weight_grads"][1][1]
    assert value(block.locator("[data-part='chain-input']")) == chain["input_value"]
    assert value(block.locator("[data-part='chain-delta']")) == chain["delta"]
    products = values(block.locator("[data-part='path-product']"))
    assert products == [p["product"] for p in chain["paths"]]
    hops = values(block.locator("[data-part='hop']"))
    assert hops == [h["value"] for p in chain["paths"] for h in p["hops"]]
    # The terms the page received add up to the gradient it shows, and the sum it
    # shows is the engine's.
    assert sum(products) == pytest.approx(chain["gradient"], rel=1e-12, abs=1e-15)
    shown_sum = value(block.locator("[data-part='path-sum']"))
    assert shown_sum == chain["path_sum"]
    assert "= dL/dw ✓" in block.locator(".gn-ex-sum").inner_text()
    labels = block.locator(".gn-ex-path").first.locator(".gn-ex-hop-label").all_inner_texts()
    assert labels[0] == "input a" and labels[-1] == "dL/dz" and "f'(z)" in labels
    # Hovering a path keeps the answer on screen; the network view lights the path up, one
    # edge per unit on it, so the hover has been drawn when the check is made.
    block.locator(".gn-ex-path").first.hover()
    expect(page.locator(".gn-edge-path")).to_have_count(len(chain["paths"][0]["units"]))
    expect(block).to_be_visible()
    button(page, "Hide why this weight changed").click()
    expect(page.locator(".gn-ex-chain")).to_have_count(0)


def test_a_deep_network_explains_the_chain_one_hop_at_a_time(page, playground):
    watch = open_panel(page, playground, "/#gn=1&hidden_layers=8,8,8,8,8")
    e = pick(page, watch)
    go_to(page, "update", layer=0)
    page.locator(".gn-ex-update .gn-ex-why[data-source='0'][data-target='0']").click()
    watch.wait_for(lambda: watch.all("chain"))
    chain = watch.last("chain")
    assert chain["paths"] is None and chain["path_count"] > 512
    block = page.locator(".gn-ex-chain")
    expect(block).to_contain_text(f"{chain['path_count']:,} paths")
    assert value(block.locator("[data-part='gradient']")) == chain["gradient"]
    button(page, "Show how δ of neuron 1 of layer 1 comes about").click()
    watch.wait_for(lambda: watch.all("delta"))
    delta = watch.last("delta")
    assert (delta["layer"], delta["unit"]) == (0, 0)
    expect(block.locator("[data-part='tree-delta']")).to_have_count(1)
    assert (
        value(block.locator("[data-part='tree-delta']"))
        == delta["delta"]
        == e["layers"][0]["delta"][0]
    )
    assert values(block.locator("[data-part='tree-next-delta']")) == [
        t["next_delta"] for t in delta["terms"]
    ]
    # Each next delta expands on demand.
    button(page, "Show how δ of neuron 3 of layer 2 comes about").click()
    watch.wait_for(lambda: len(watch.all("delta")) == 2)
    second = watch.last("delta")
    assert (second["layer"], second["unit"]) == (1, 2)
    expect(block.locator("[data-part='tree-delta']")).to_have_count(2)
    assert values(block.locator("[data-part='tree-delta']")) == [delta["delta"], second["delta"]]


def test_stepping_forward_then_back_returns_to_the_same_shown_state(page, playground):
    watch = open_panel(page, playground)
    pick(page, watch)
    shown = """() => [".gn-ex-narration", ".gn-ex-card", ".gn-ex-stages"].map(
        (s) => document.querySelector(s).innerHTML)"""
    seen = []
    for _ in walk(page):
        seen.append(page.evaluate(shown))
    assert len(seen) == position(page)[1]
    for i in range(len(seen) - 1, -1, -1):
        assert page.evaluate(shown) == seen[i], f"step {i + 1} looks different coming back"
        if i:
            button(page, "Back").click()
            expect(page.locator(".gn-ex-position")).to_have_text(re.compile(rf"^Step {i} of"))
    # The step was applied on the way through the update, and reverted on the way back.
    kinds = [m["type"] for m in watch.sent if m["type"] in ("apply_step", "revert_step")]
    assert kinds == ["apply_step", "revert_step"]


def test_the_arrow_keys_step_while_the_panel_has_focus(page, playground):
    watch = open_panel(page, playground)
    pick(page, watch)
    page.locator(".gn-ex-narration").click()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.locator(".gn-ex-position")).to_have_text(re.compile(r"^Step 3 of"))
    page.keyboard.press("ArrowLeft")
    expect(page.locator(".gn-ex-position")).to_have_text(re.compile(r"^Step 2 of"))


def walk_every_stage(page, name):
    """Walk through every step: the stage bar follows, and each stage's first step is shot."""
    SHOTS.mkdir(exist_ok=True)
    stages = []
    for stage, layer, _ in walk(page):
        current = page.locator(".gn-ex-stage[aria-current='step']")
        assert current.get_attribute("data-stage") == stage
        assert page.locator(".gn-ex-narration").inner_text().strip()
        if not stages or stages[-1] != stage:
            stages.append(stage)
            page.screenshot(path=str(SHOTS / f"{name}-{len(stages)}-{stage}.png"), full_page=True)
        elif stage == "update":
            page.screenshot(path=str(SHOTS / f"{name}-update-{layer}.png"), full_page=True)
    assert stages == STAGES


def test_a_full_walk_through_a_2_3_1_network(page, playground):
    watch = open_panel(page, playground, "/#gn=1&hidden_layers=3")
    e = pick(page, watch)
    assert e["layer_sizes"] == [2, 3, 1]
    # 1 input step + 4 neurons forward, the loss, 4 deltas, 2 layer updates, done.
    assert position(page)[1] == 1 + 4 + 1 + 4 + 2 + 1
    walk_every_stage(page, "net-2-3-1")
    metrics = page.locator(".gn-ex-metrics")
    assert (
        values(metrics.locator("[data-part='metric-before']"))[0]
        == e["metrics_before"]["train_loss"]
    )
    assert (
        values(metrics.locator("[data-part='metric-after']"))[0] == e["metrics_after"]["train_loss"]
    )


def test_a_full_walk_through_a_three_class_softmax_network(page, playground):
    watch = open_panel(page, playground, "/#gn=1&dataset=blobs&hidden_layers=4")
    e = pick(page, watch)
    assert e["kind"] == "multiclass" and e["layer_sizes"] == [2, 4, 3]
    go_to(page, "forward", layer=1, unit=2)
    output = e["layers"][1]
    table = page.locator(".gn-ex-softmax")
    assert values(table.locator("td .gn-ex-n")) == [
        v for pair in zip(output["z"], output["a"]) for v in pair
    ]
    go_to(page, "loss")
    assert values(card(page).locator("[data-part='prediction']")) == output["a"]
    assert values(card(page).locator("[data-part='target']")) == e["target"]
    assert value(card(page).locator("[data-part='loss']")) == e["loss"]["value"]
    button(page, "Forward").click()
    expect(page.locator(".gn-ex-position")).to_have_text(re.compile(r"^Step 1 of"))
    walk_every_stage(page, "net-softmax")


def test_a_test_point_shows_no_update(page, playground):
    watch = open_panel(page, playground)
    button(page, "A test point").click()
    watch.wait_for(lambda: watch.all("explanation"))
    e = watch.last("explanation")
    assert e["trains"] is False and e["update"] is None
    expect(card(page)).to_have_attribute("data-stage", "forward")
    go_to(page, "update")
    assert card(page).get_attribute("data-layer") == "-1"
    expect(card(page)).to_contain_text("never trains on test points")
    expect(page.locator(".gn-ex-update")).to_have_count(0)
    go_to(page, "done")
    expect(page.locator(".gn-ex-metrics")).to_contain_text("no change")
    assert not [m for m in watch.sent if m["type"] == "apply_step"]


def test_a_batch_step_shows_each_points_share_of_the_average(page, playground):
    watch = open_panel(page, playground)
    page.get_by_label("One batch (10)", exact=True).check()
    e = pick(page, watch, row=3)
    assert e["size"] == "batch" and e["batch"]["size"] == 10
    go_to(page, "update", layer=1)
    layer = e["update"]["layers"][1]["weights"]
    table = page.locator(".gn-ex-update tr[data-kind='weight']")
    flat = lambda m: [v for row in m for v in row]  # noqa: E731
    for part in ("before", "gradient", "step", "after"):
        assert values(table.locator(f"[data-part='{part}']")) == flat(layer[part])
    shares = page.locator(".gn-ex-shares")
    i, j = map(int, shares.locator("select").input_value().split(","))
    own = [g[i][j] for g in e["batch"]["weight_grads"][1]]
    assert values(shares.locator("[data-part='share']")) == own
    assert value(shares.locator("[data-part='share-mean']")) == layer["gradient"][i][j]
    assert sum(own) / len(own) == pytest.approx(layer["gradient"][i][j], rel=1e-9, abs=1e-15)
    first = shares.locator(".gn-ex-share").first
    assert first.get_attribute("data-point") == str(e["point"])
    expect(first).to_have_class(re.compile("gn-ex-current"))
    # Watching another weight shows its shares.
    shares.locator("select").select_option("0,1")
    own = [g[0][1] for g in e["batch"]["weight_grads"][1]]
    assert values(page.locator(".gn-ex-shares [data-part='share']")) == own


def test_play_steps_advances_by_itself_and_pause_stops_it(page, playground):
    page.clock.install()  # time flows as usual until the test holds it, below
    watch = open_panel(page, playground)
    pick(page, watch)
    page.get_by_label("Play speed", exact=True).select_option("4")
    button(page, "Play steps").click()
    expect(button(page, "Pause steps")).to_be_visible()
    expect(page.locator(".gn-ex-position")).to_have_text(
        re.compile(r"^Step ([3-9]|\d\d) of"), timeout=3000
    )
    button(page, "Pause steps").click()
    expect(button(page, "Play steps")).to_be_visible()
    stopped = position(page)[0]
    # Count the steps' timer ticks, not wall time: hold the page's clock, then run it on by
    # 2 s, eight steps at 4 steps/s, firing every timer and animation frame due in them.
    page.clock.pause_at(page.evaluate("Date.now()") + 1)
    page.clock.run_for(2000)
    assert position(page)[0] == stopped


def test_an_epoch_step_says_what_the_epoch_changed(page, playground):
    watch = open_panel(page, playground)
    page.get_by_label("One epoch", exact=True).check()
    e = pick(page, watch)
    assert e["size"] == "epoch" and e["update"] is None and e["metrics_after"] is not None
    go_to(page, "update")
    metrics = card(page).locator(".gn-ex-metrics")
    keys = metrics.locator("tr[data-metric]").evaluate_all("rs => rs.map(r => r.dataset.metric)")
    assert values(metrics.locator("[data-part='metric-before']")) == [
        e["metrics_before"][k] for k in keys
    ]
    assert values(metrics.locator("[data-part='metric-after']")) == [
        e["metrics_after"][k] for k in keys
    ]


def test_the_panel_explains_its_words_and_closes(page, playground):
    open_panel(page, playground)
    for name in (
        "Help: Step through training",
        "Help: Pick a point",
        "Help: Step size",
        "Help: Next goes one",
    ):
        expect(button(page, name)).to_be_visible()
    for name in ("Back", "Play steps", "Next", "Forward", "Loss", "Backward", "Update", "Done"):
        expect(button(page, name)).to_be_disabled()
    term = page.locator(".gn-ex-term[data-term='gradient']")
    term.click()
    expect(term).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".gn-ex-definition")).to_contain_text("Gradient (dL/dw): For each weight")
    term.click()
    expect(page.locator(".gn-ex-definition")).to_be_hidden()
    expect(page.locator(".gn-data")).to_be_hidden()
    button(page, "Close step through").click()
    expect(page.locator(".gn-explain")).to_be_hidden()
    expect(page.locator(".gn-data")).to_be_visible()
