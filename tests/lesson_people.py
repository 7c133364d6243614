"""What a person does to complete each task of the built-in lessons, with the page's controls.

``PEOPLE[lesson][step]`` is a function of the page that does the step's task
the way a person would: press Play and wait, drag a weight's slider, pick an
activation, step through a point, draw points. It waits until the lesson panel
shows the task's tick, so a test fails here when a lesson asks for something
the page cannot do.
"""

from __future__ import annotations

from playwright.sync_api import expect

TICK_MS = 90_000  # the longest task (a loss rising under a big learning rate) trains a while


def button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def ticked(page, timeout=TICK_MS):
    """Wait for the current step's task to show its tick."""
    expect(page.locator(".gn-lesson-task")).to_have_attribute("data-done", "true", timeout=timeout)


def fast(page):
    """Train at the fastest speed, when the lesson shows the speed."""
    speed = page.locator("#gn-speed")
    if speed.is_visible():
        speed.select_option("max")


def play_until_ticked(page):
    fast(page)
    button(page, "Play").click()
    ticked(page)
    button(page, "Pause").click()
    expect(page.locator(".gn-play")).to_have_attribute("data-playing", "false")


def edge_point(page, layer, source, target, at=0.4):
    """Where on the screen a weight's line runs, `at` of the way along it."""
    selector = (
        f"path.gn-edge-hit[data-layer='{layer}'][data-source='{source}'][data-target='{target}']"
    )
    return page.evaluate(
        """([sel, at]) => {
          const p = document.querySelector(sel);
          const q = p.getPointAtLength(p.getTotalLength() * at);
          const m = p.getScreenCTM();
          return { x: q.x * m.a + m.e, y: q.y * m.d + m.f };
        }""",
        [selector, at],
    )


def drag_slider_to(page, slider, fraction):
    """Press on a slider's thumb and drag it to `fraction` of its track, in small moves."""
    box = slider.bounding_box()
    low, high, value = slider.evaluate("s => [s.min, s.max, s.value].map(Number)")
    y = box["y"] + box["height"] / 2
    start = box["x"] + box["width"] * (value - low) / (high - low)
    end = box["x"] + box["width"] * fraction
    page.mouse.move(start, y)
    page.mouse.down()
    for k in range(1, 11):
        page.mouse.move(start + (end - start) * k / 10, y)
    page.mouse.up()


def step_through_a_point(page, to_the_end):
    """Open the step-through (if closed), pick a training point, and go to the end if asked."""
    if page.locator(".gn-explain").is_hidden():
        button(page, "Step through").click()
    picker = page.locator(".gn-ex-pick")
    expect(picker).to_be_visible()
    if not picker.evaluate("details => details.open"):  # it folds away once a point is picked
        picker.locator("summary").click()
    page.locator(".gn-ex-point").nth(1).click()
    expect(page.locator(".gn-ex-stage").first).to_be_enabled()
    if to_the_end:
        page.locator(".gn-ex-stage", has_text="Done").click()
    ticked(page)


def choose(selector, value):
    def person(page):
        page.locator(selector).select_option(value)
        ticked(page)

    return person


def learning_rate_then_play(value):
    def person(page):
        page.locator("#gn-learning-rate").select_option(value)
        play_until_ticked(page)

    return person


# -- lesson 1: drag a weight and a bias ------------------------------------------------


def turn_the_line_upright(page):
    point = edge_point(page, 0, 1, 0)
    page.mouse.click(point["x"], point["y"])
    slider = page.get_by_label("Slide: Weight from x₂ to the output neuron")
    drag_slider_to(page, slider, 0.5)  # the middle of -5..5: a weight of 0
    ticked(page)
    button(page, "Close").click()


def slide_the_line_with_the_bias(page):
    page.get_by_role("button", name="Bias of the output neuron").click()
    bias = page.get_by_role("textbox", name="Bias of the output neuron")
    bias.fill("-2")
    bias.press("Enter")
    ticked(page)


# -- lesson 5: add a hidden layer of 4 -------------------------------------------------


def add_a_hidden_layer(page):
    button(page, "Add layer").click()  # a first layer gets 4 neurons
    ticked(page)


# -- lesson 10: draw points of your own ------------------------------------------------


def draw_ten_points(page):
    button(page, "Draw points").click()
    for cls, xs in [(0, 0.2), (1, 0.8)]:
        button(page, f"Draw class {cls}").click()
        for row in range(5):
            # Measured at each click: the page's own tools arrive after the first frame and
            # may move the map down as the top bar takes another row.
            box = page.locator(".gn-map").bounding_box()
            page.mouse.click(
                box["x"] + box["width"] * xs, box["y"] + box["height"] * (0.2 + 0.15 * row)
            )
    ticked(page)
    button(page, "Draw points").click()  # drawing off


def export_a_model_for_ml5(page):
    """Open the Export menu the step points at, and save a model for ml5.js."""
    button(page, "Export").click()
    menu = page.get_by_role("dialog", name="Export")
    with page.expect_download() as saved:
        menu.get_by_role("button", name="Model for ml5.js", exact=True).click()
    assert saved.value.suggested_filename.endswith("-ml5-model.zip")
    ticked(page)
    menu.get_by_role("button", name="Close Export").click()


PEOPLE = {
    "one-neuron": {
        1: turn_the_line_upright,
        2: slide_the_line_with_the_bias,
        3: play_until_ticked,
    },
    "activation": {
        0: play_until_ticked,
        1: choose("#gn-activation", "tanh"),
        2: play_until_ticked,
        3: choose("#gn-activation", "sigmoid"),
        4: choose("#gn-activation", "relu"),
    },
    "loss": {
        1: lambda page: step_through_a_point(page, to_the_end=False),
        2: play_until_ticked,
    },
    "one-step": {
        0: lambda page: step_through_a_point(page, to_the_end=True),
        1: choose("#gn-learning-rate", "0.3"),
        2: lambda page: step_through_a_point(page, to_the_end=True),
        3: play_until_ticked,
    },
    "hidden-layers": {
        0: play_until_ticked,
        2: add_a_hidden_layer,
        3: play_until_ticked,
    },
    "backpropagation": {
        0: lambda page: step_through_a_point(page, to_the_end=False),
        3: lambda page: step_through_a_point(page, to_the_end=True),
    },
    "learning-rate": {
        0: play_until_ticked,
        1: learning_rate_then_play("0.1"),
        2: learning_rate_then_play("3"),
    },
    "overfitting": {
        0: play_until_ticked,
        1: play_until_ticked,
        2: choose("#gn-regularization-rate", "0.01"),
        3: play_until_ticked,
    },
    "many-classes": {
        0: play_until_ticked,
        1: lambda page: step_through_a_point(page, to_the_end=False),
        2: choose("#gn-dp-classes", "4"),
    },
    "your-own-data": {
        0: draw_ten_points,
        1: play_until_ticked,
        2: export_a_model_for_ml5,
    },
}
"""For each lesson, what a person does at each step that has a task."""
