"""The compact layout at 600x450 with the step-through open, the loss chart's labels, and the
Embed dialog's links to the docs, which this server serves."""

from __future__ import annotations

import urllib.request

import pytest
from playwright.sync_api import expect


@pytest.fixture
def small(browser, server):
    context = browser.new_context(viewport={"width": 600, "height": 450})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server}/embed")
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    yield page
    context.close()
    assert not errors


def button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def step_through_a_point(page):
    button(page, "Step through").click()
    page.locator(".gn-ex-point[data-point]").first.click()
    expect(page.locator(".gn-ex-card")).to_have_attribute("data-stage", "forward")


def test_the_explanation_never_runs_over_the_heading_below_it(small):
    step_through_a_point(small)
    for _ in range(4):  # a long sentence: a neuron's forward step
        button(small, "Next").click()
    narration = small.locator(".gn-ex-narration").bounding_box()
    heading = small.locator(".gn-ex-card-title").bounding_box()
    assert narration["y"] + narration["height"] <= heading["y"]


def test_the_data_panel_opens_over_the_step_through_not_under_it(small):
    step_through_a_point(small)
    button(small, "Data").click()
    data = small.locator(".gn-data")
    expect(data).to_be_visible()
    box = data.bounding_box()
    on_top = small.evaluate(
        "([x, y]) => Boolean(document.elementFromPoint(x, y)?.closest('.gn-data'))",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top
    small.keyboard.press("Escape")
    expect(data).to_be_hidden()
    expect(small.locator(".gn-explain")).to_be_visible()


def test_the_loss_chart_is_drawn_at_the_height_it_is_shown_so_its_labels_fit(small):
    # A chart drawn for 90 px and shown at 50 squeezed its labels and cut them off.
    sizes = small.locator(".gn-chart-canvas").evaluate(
        "c => [c.height / devicePixelRatio, c.clientHeight]"
    )
    assert sizes[1] < 80 and sizes[0] == sizes[1]


def test_lessons_and_help_open_from_the_settings_overlay(small):
    button(small, "Settings").click()
    button(small, "Lessons").click()
    item = small.locator(".gn-lessons-item[data-lesson='one-neuron']")
    item.click()
    expect(small.locator(".gn-lesson")).to_be_visible()
    expect(small.locator(".gn-settings-slot")).to_be_hidden()  # the overlay closed
    box = small.locator(".gn-lesson").bounding_box()
    assert box["x"] + box["width"] <= 600 and box["y"] + box["height"] <= 450


def test_the_embed_dialog_links_the_docs_this_server_serves(page, server):
    page.goto(server + "/")
    page.wait_for_selector(".glassnet[data-ready='true']")
    button(page, "Embed").click()
    dialog = page.get_by_role("dialog", name="Embed this playground")
    for name in ("docs/urls.md", "docs/embedding.md"):
        link = dialog.get_by_role("link", name=name)
        href = link.get_attribute("href")
        assert href == f"/{name}" and link.get_attribute("target") == "_blank"
        with urllib.request.urlopen(server + href) as answer:
            assert answer.status == 200 and answer.read().startswith(b"# ")
