"""Embedding: /embed fits 600x450 with no scrollbars; hide keys hide; the Embed button's snippet."""

import pytest


@pytest.fixture
def small(browser):
    context = browser.new_context(viewport={"width": 600, "height": 450})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors


def open_embed(page, server, hash_=""):
    page.goto(f"{server}/embed{hash_}")
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    return page


@pytest.mark.parametrize(
    "hash_",
    ["", "#gn=1&dataset=spiral&hidden_layers=8,8,8,8,8,8", "#gn=1&dataset=blobs&classes=5"],
)
def test_embed_fits_600_by_450_without_scrollbars(small, server, hash_):
    page = open_embed(small, server, hash_)
    # The diagram places itself a frame after its column is sized (views/network.js): measure
    # once it holds still (Playwright's "stable": the same box in two animation frames in a row).
    page.locator(".gn-net-stage").element_handle().wait_for_element_state("stable")
    sizes = page.evaluate(
        """() => ({
          page: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
          sections: [...document.querySelectorAll('.gn-network, .gn-output')]
            .map((s) => [s.scrollHeight - s.clientHeight, s.scrollWidth - s.clientWidth]),
        })"""
    )
    assert sizes["page"] == [600, 450]
    for overflow in sizes["sections"]:
        assert overflow == [0, 0]
    # Everything in the top bar is on screen, not cut off at the edge.
    boxes = page.locator(".gn-top button:visible").evaluate_all(
        "bs => bs.map((b) => { const r = b.getBoundingClientRect();"
        " return [r.left, r.right, r.bottom]; })"
    )
    assert boxes and all(
        left >= 0 and right <= 600 and bottom <= 450 for left, right, bottom in boxes
    )
    assert page.get_by_role("button", name="Play", exact=True).is_visible()
    assert page.locator(".gn-map").is_visible()


def test_embed_opens_data_and_settings_as_overlays(small, server):
    page = open_embed(small, server)
    assert not page.get_by_role("button", name="Spiral").is_visible()
    page.get_by_role("button", name="Data", exact=True).click()
    page.get_by_role("button", name="Spiral").click()
    page.wait_for_function("location.hash.includes('dataset=spiral')")
    page.keyboard.press("Escape")
    assert not page.get_by_role("button", name="Spiral").is_visible()
    page.get_by_role("button", name="Settings", exact=True).click()
    assert page.get_by_label("Learning rate", exact=True).is_visible()


def test_a_hide_key_hides_its_control_and_a_feature_key_its_feature(small, server):
    page = open_embed(
        small, server, "#gn=1&learningRate_hide=true&stepButton_hide=true&y_hide=true"
    )
    assert not page.get_by_role("button", name="Step", exact=True).is_visible()
    page.get_by_role("button", name="Settings", exact=True).click()
    assert not page.get_by_label("Learning rate", exact=True).is_visible()
    assert page.get_by_label("Activation", exact=True).is_visible()
    assert page.locator(".gn-net [data-control~='y']").count() >= 1
    assert not page.locator(".gn-net [data-control~='y']").first.is_visible()


def test_a_playground_link_with_hide_text_hides_the_help(page, server):
    page.goto(server + "/#networkShape=3&hideText=true")
    page.wait_for_selector(".glassnet[data-ready='true']")
    assert not page.locator(".gn-help").first.is_visible()


def test_the_embed_button_gives_an_iframe_of_this_setup_on_this_server(page, server):
    page.goto(server + "/#gn=1&dataset=moons")
    page.wait_for_selector(".glassnet[data-ready='true']")
    page.wait_for_function("location.hash.includes('dataset=moons')")
    page.get_by_role("button", name="Embed", exact=True).click()
    code = page.get_by_label("Embed code").input_value()
    assert code.startswith(f'<iframe src="{server}/embed#gn=1&dataset=moons')
    assert 'width="600" height="450"' in code
