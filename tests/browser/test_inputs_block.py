"""Data with more than two inputs in a real browser: the map's two inputs, the held point, the bars.

Every number is checked against the engine: the bars above the neurons are the
network's values at the held point, computed here from the frame the session
sent and the data it sent.
"""

from __future__ import annotations

import numpy as np
from socket_watch import SocketWatch, network_of

from glassnet.data import compute_features

IRIS = "sepal_length,sepal_width,petal_length,petal_width,species\n" + "\n".join(
    f"{5.0 + 0.9 * k + 0.1 * (i % 5)},{3.4 - 0.3 * k + 0.05 * i},{1.5 + 2 * k + 0.1 * (i % 3)},"
    f"{0.2 + 0.9 * k + 0.02 * i},{name}"
    for k, name in enumerate(["setosa", "versicolor", "virginica"])
    for i in range(8)
)


def hand_pose(n_points=30):
    rng = np.random.default_rng(3)
    header = ",".join(f"{c}{i}" for i in range(21) for c in "xyz") + ",gesture"
    labels = ["paper", "rock"] * (n_points // 2)
    rows = [",".join(f"{v:.1f}" for v in rng.uniform(0, 640, 63)) + f",{label}" for label in labels]
    return (header + "\n" + "\n".join(rows) + "\n").encode()


def load(page, name, content: bytes):
    page.set_input_files(
        "section.gn-data input[type=file]",
        files=[{"name": name, "mimeType": "text/csv", "buffer": content}],
    )
    page.wait_for_selector(".gn-ib:not([hidden])")


def bars(page) -> dict[tuple[int, int], float]:
    """Each neuron's bar, by (layer of activations, unit): its exact value."""
    found = page.evaluate(
        """() => [...document.querySelectorAll('.gn-net-node')]
            .filter((n) => n.querySelector('.gn-net-bar'))
            .map((n) => [Number(n.dataset.a), Number(n.dataset.unit),
                         Number(n.querySelector('.gn-net-bar').dataset.value)])"""
    )
    return {(a, unit): value for a, unit, value in found}


def engine_at(watch, point) -> dict[tuple[int, int], float]:
    """The engine's value of every neuron at a point (view coordinates, every input)."""
    frame = watch.last("frame")
    features = compute_features(np.array([point]), frame["network"]["features"])
    activations = network_of(frame).forward(features).activations
    return {(a, j): float(layer[0, j]) for a, layer in enumerate(activations) if a > 0
            for j in range(layer.shape[1])}  # fmt: skip


def assert_bars_are(page, watch, point):
    expected = engine_at(watch, point)
    page.wait_for_function(
        """(expected) => expected.every(([a, u, v]) => {
          const node = `.gn-net-node[data-a="${a}"][data-unit="${u}"]`;
          const bar = document.querySelector(`${node} .gn-net-bar`);
          return bar && Math.abs(Number(bar.dataset.value) - v) <= 1e-12 * Math.max(1, Math.abs(v));
        })""",
        arg=[[a, u, v] for (a, u), v in expected.items()],
    )
    assert bars(page).keys() == expected.keys()


def test_four_inputs_show_two_on_the_map_and_hold_the_others_at_their_mean(page, playground):
    watch = SocketWatch(page)
    playground()
    load(page, "iris.csv", IRIS.encode())
    block = page.locator(".gn-ib")
    assert (
        block.get_by_role("combobox", name="Across").locator("option:checked").inner_text()
        == "sepal_length"
    )
    assert (
        block.get_by_role("combobox", name="Up").locator("option:checked").inner_text()
        == "sepal_width"
    )
    assert block.get_by_role("slider").count() == 2  # petal_length and petal_width, held
    assert page.locator(".gn-map-y .gn-axis-name").inner_text() == "sepal_width"
    watch.wait_for(lambda: len(watch.last("data")["points"]) == 24)
    mean = np.mean(watch.last("data")["points"], axis=0)
    assert_bars_are(page, watch, mean)
    # The held values read in the file's own units: the mean of petal_length.
    raw = np.mean([float(r.split(",")[2]) for r in IRIS.splitlines()[1:]])
    shown = block.locator(".gn-ib-value").first.inner_text()
    assert abs(float(shown) - raw) < 0.01


def test_a_held_value_moves_with_its_slider_and_the_pictures_and_bars_follow(page, playground):
    watch = SocketWatch(page)
    playground()
    load(page, "iris.csv", IRIS.encode())
    heat = page.locator(".gn-map-heat").evaluate("c => c.toDataURL()")
    page.get_by_role("slider", name="Held value of petal_width").evaluate(
        "(s) => { s.value = '4.5'; s.dispatchEvent(new Event('input', { bubbles: true })); }"
    )
    page.wait_for_function(
        "(old) => document.querySelector('.gn-map-heat').toDataURL() !== old", arg=heat
    )
    point = np.mean(watch.last("data")["points"], axis=0)
    point[3] = 4.5
    assert_bars_are(page, watch, point)
    assert page.get_by_role("combobox", name="The others are held at").input_value() == "edited"


def test_another_input_across_the_map_changes_its_name_and_which_are_held(page, playground):
    playground()
    load(page, "iris.csv", IRIS.encode())
    page.get_by_role("combobox", name="Across").select_option(label="petal_length")
    page.wait_for_function(
        "() => document.querySelector('.gn-map-x .gn-axis-name').textContent === 'petal_length'"
    )
    names = page.locator(".gn-ib-slider .gn-ib-name").all_inner_texts()
    assert names == ["sepal_length", "petal_width"]


def test_clicking_a_point_on_the_map_holds_the_other_inputs_at_its_values(page, playground):
    watch = SocketWatch(page)
    playground()
    load(page, "iris.csv", IRIS.encode())
    watch.wait_for(lambda: len(watch.last("data")["points"]) == 24)
    data = watch.last("data")
    index = data["train"][3]
    x1, x2 = data["points"][index][:2]
    box = page.locator(".gn-map").bounding_box()
    page.mouse.click(
        box["x"] + (x1 + 6) / 12 * box["width"], box["y"] + (6 - x2) / 12 * box["height"]
    )
    page.wait_for_selector(".gn-ib-point-row:not([hidden])")
    assert page.get_by_role("spinbutton", name="Data point number").input_value() == str(index + 1)
    assert_bars_are(page, watch, data["points"][index])


def test_a_drawn_point_gets_the_held_values_of_the_inputs_off_the_map(page, playground):
    watch = SocketWatch(page)
    playground()
    load(page, "iris.csv", IRIS.encode())
    watch.wait_for(lambda: len(watch.last("data")["points"]) == 24)
    mean = np.mean(watch.last("data")["points"], axis=0)
    page.get_by_role("button", name="Draw points", exact=True).click()
    box = page.locator(".gn-map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    watch.wait_for(lambda: any(m["type"] == "add_point" for m in watch.sent))
    sent = next(m for m in watch.sent if m["type"] == "add_point")["x"]
    assert len(sent) == 4
    np.testing.assert_allclose(sent[2:], mean[2:], rtol=1e-12)


def test_the_step_through_works_on_data_with_four_inputs(page, playground):
    watch = SocketWatch(page)
    playground()
    load(page, "iris.csv", IRIS.encode())
    page.get_by_role("button", name="Step through", exact=True).click()
    # Pick a training point in the panel's table, as the step-through's own tests do.
    target = page.locator(".gn-ex-point[data-point]").nth(1)
    point = int(target.get_attribute("data-point"))
    target.click()
    watch.wait_for(lambda: watch.all("explanation"), timeout_ms=15_000)
    explanation = watch.last("explanation")
    assert explanation["point"] == point
    assert len(explanation["x"]) == 4 and explanation["features"] == ["x1", "x2", "x3", "x4"]
    page.wait_for_selector(".gn-ex-card[data-stage='forward']")
    # While a step is explained, the map and the bars show the explained point itself:
    # each bar is the activation the session recorded for it.
    assert_bars_are(page, watch, explanation["x"])
    shown = bars(page)
    for k, layer in enumerate(explanation["layers"]):
        for j, a in enumerate(layer["a"]):
            assert abs(shown[(k + 1, j)] - a) <= 1e-12 * max(1, abs(a))


def test_a_hand_poses_63_inputs_hold_in_a_table_of_numbers(page, playground):
    watch = SocketWatch(page)
    playground()
    load(page, "hand.csv", hand_pose())
    block = page.locator(".gn-ib")
    assert block.get_by_role("slider").count() == 0
    cells = block.get_by_role("spinbutton", name="Held value of", exact=False)
    assert cells.count() == 61
    # A value typed in the file's own units is held (in view coordinates) and the bars follow.
    z5 = block.get_by_role("spinbutton", name="Held value of z5")
    z5.fill("320")
    z5.press("Enter")
    watch.wait_for(lambda: len(watch.last("data")["points"]) == 30)
    data = watch.last("data")
    norm = data["normalization"]
    point = np.mean(data["points"], axis=0)
    k = 17  # z5: x0 y0 z0 ... x5 y5 z5
    low, high = norm["input_min"][k], norm["input_max"][k]
    point[k] = -5 + 10 * (320 - low) / (high - low)
    assert_bars_are(page, watch, point)
    # The feature column is too crowded to name every input: the map's two keep their names.
    visible = page.locator(".gn-net-feature-label:visible").all_inner_texts()
    assert visible == ["x0", "y0"]


def columns(n_inputs, n_points=20):
    """A CSV of n_inputs numeric columns and a class, as a file of measurements would be."""
    rng = np.random.default_rng(n_inputs)
    header = ",".join(f"m{i}" for i in range(n_inputs)) + ",kind"
    rows = [
        ",".join(f"{v:.2f}" for v in rng.uniform(0, 10, n_inputs)) + f",{'ab'[i % 2]}"
        for i in range(n_points)
    ]
    return (header + "\n" + "\n".join(rows) + "\n").encode()


def test_eight_held_inputs_get_sliders_and_nine_a_table(page, playground):
    playground()
    block = page.locator(".gn-ib")
    load(page, "ten.csv", columns(10))  # two on the map, eight held
    assert block.get_by_role("slider").count() == 8
    assert block.get_by_role("spinbutton").count() == 0
    load(page, "eleven.csv", columns(11))  # two on the map, nine held
    page.wait_for_function("document.querySelectorAll('.gn-ib .gn-ib-number').length === 9")
    assert block.get_by_role("slider").count() == 0
    names = [block.get_by_role("spinbutton").nth(k).get_attribute("title") for k in range(9)]
    assert names == [f"m{i}" for i in range(2, 11)]
