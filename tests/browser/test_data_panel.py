"""The data panel in a real browser: picking datasets, the sliders, and loading files.

Every check goes through the real session: a picked dataset only shows as picked
once the session answers with it, and the point counts come from the data it sends.
"""

from __future__ import annotations

import os

import pytest

from glassnet.data import DATASETS
from glassnet.limits import MAX_FILE_BYTES

try:
    import playwright  # noqa: F401
except ImportError:
    # As the browser fixture does for Chromium: CI must run these tests, not skip them.
    if os.environ.get("CI") == "true":
        pytest.fail("Playwright is missing; CI must run the browser tests", pytrace=False)
    pytest.skip("Playwright is not installed", allow_module_level=True)

from playwright.sync_api import expect
from socket_watch import SocketWatch, wait_until_kept

TILE_NAMES = [
    "Circle",
    "Exclusive or",
    "Two Gaussians",
    "Spiral",
    "Plane",
    "Multiple Gaussians",
    "Moons",
    "Blobs",
    "Checkerboard",
    "Sine wave",
]

# The Okabe-Ito class colours of lib/colors.js, as the browser reports them.
ORANGE, BLUE, GREEN = "rgb(245, 147, 34)", "rgb(8, 119, 189)", "rgb(0, 158, 115)"


def panel(page):
    return page.locator("section.gn-data")


def tile(page, name):
    return panel(page).get_by_role("button", name=name, exact=True)


def summary(page):
    return panel(page).locator(".gn-dp-count")


def settings_from_session(watch):
    """The values of every settings message the session sent, in order."""
    return [message["values"] for message in watch.all("settings")]


def test_every_dataset_and_draw_your_own_has_a_named_tile(playground):
    page = playground()
    # The names come from the catalog, so the registry and the tiles agree.
    assert len(DATASETS) == len(TILE_NAMES)
    for name in [*TILE_NAMES, "Draw your own"]:
        assert tile(page, name).count() == 1, f"no tile named {name!r}"
    pressed = panel(page).locator(".gn-dp-tile[aria-pressed='true']")
    assert pressed.count() == 1
    assert pressed.get_attribute("aria-label") == "Circle"
    assert "disc" in tile(page, "Circle").get_attribute("title")


def test_tiles_are_grouped_by_problem(playground):
    page = playground()
    regression = panel(page).get_by_role("group", name="Regression")
    for name in ["Plane", "Multiple Gaussians", "Sine wave"]:
        assert regression.get_by_role("button", name=name, exact=True).count() == 1
    assert (
        panel(page)
        .get_by_role("group", name="Classification")
        .get_by_role("button", name="Spiral")
        .count()
        == 1
    )


def test_picking_spiral_makes_the_session_answer_with_spiral(page, playground):
    watch = SocketWatch(page)
    playground()
    tile(page, "Spiral").click()
    page.wait_for_selector(".gn-dp-tile[data-dataset='spiral'][aria-pressed='true']")
    watch.wait_for(
        lambda: any(values.get("dataset") == "spiral" for values in settings_from_session(watch))
    )
    assert tile(page, "Circle").get_attribute("aria-pressed") == "false"
    assert panel(page).locator(".gn-dp-current strong").inner_text() == "Spiral"
    # The new data arrives too: 500 points, split 50/50 by default.
    page.wait_for_function(
        "() => document.querySelector('.gn-dp-count').textContent"
        " === '500 points: 250 training, 250 test'"
    )


def test_a_tile_can_be_picked_with_the_keyboard(playground):
    page = playground()
    tile(page, "Checkerboard").focus()
    page.keyboard.press("Space")
    page.wait_for_selector(".gn-dp-tile[data-dataset='checkerboard'][aria-pressed='true']")
    assert panel(page).locator(".gn-dp-current strong").inner_text() == "Checkerboard"


def test_a_three_class_blobs_set_shows_three_class_colours(playground):
    page = playground()
    tile(page, "Blobs").click()
    page.wait_for_selector(".gn-dp-tile[data-dataset='blobs'][aria-pressed='true']")
    classes = panel(page).locator(".gn-dp-legend .gn-dp-class")
    expect(classes).to_have_count(3)
    colours = classes.locator(".gn-dp-swatch").evaluate_all(
        "spans => spans.map(s => getComputedStyle(s).backgroundColor)"
    )
    assert colours == [ORANGE, BLUE, GREEN]
    assert classes.all_inner_texts() == ["class 0", "class 1", "class 2"]
    # Blobs let you choose how many classes; the session answers with four.
    panel(page).get_by_role("combobox", name="Classes").select_option("4")
    expect(classes).to_have_count(4)
    assert (
        classes.nth(3).locator(".gn-dp-swatch").evaluate("s => getComputedStyle(s).backgroundColor")
        == "rgb(204, 121, 167)"
    )


def test_the_noise_slider_sends_its_setting_and_shows_the_answer(page, playground):
    watch = SocketWatch(page)
    playground()
    noise = panel(page).get_by_role("slider", name="Noise")
    assert noise.input_value() == "0"
    noise.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    assert panel(page).locator("output[for='gn-dp-noise']").inner_text() == "5"
    # The slider sends 250 ms after the last key press; the session answers.
    watch.wait_for(lambda: any(values.get("noise") == 5 for values in settings_from_session(watch)))
    # The session's next answer (to another change) still carries noise 5, and so does the slider.
    tile(page, "Moons").click()
    page.wait_for_selector(".gn-dp-tile[data-dataset='moons'][aria-pressed='true']")
    # (the socket's messages reach this test a little after the page has drawn them)
    watch.wait_for(lambda: settings_from_session(watch)[-1]["dataset"] == "moons")
    assert settings_from_session(watch)[-1]["noise"] == 5
    assert noise.input_value() == "5"


def test_the_noise_setting_survives_a_reload(playground):
    page = playground()
    panel(page).get_by_role("slider", name="Noise").focus()
    page.keyboard.press("ArrowRight")
    wait_until_kept(page, "kept.settings.noise === 1")
    page.reload()
    page.wait_for_selector(".glassnet[data-ready='true']")
    # The kept session is restored before the session sends anything: the first frame shows it.
    assert panel(page).get_by_role("slider", name="Noise").input_value() == "1"


def test_a_playground_link_opens_with_its_data_settings_on_the_controls(playground):
    page = playground("/#dataset=spiral&noise=20&percTrainData=70&batchSize=5")
    assert tile(page, "Spiral").get_attribute("aria-pressed") == "true"
    assert panel(page).get_by_role("slider", name="Noise").input_value() == "20"
    ratio = panel(page).get_by_role("slider", name="Ratio of training to test data")
    assert ratio.input_value() == "70"
    assert panel(page).locator("output[for='gn-dp-train-percent']").inner_text() == "70%"
    assert panel(page).get_by_role("slider", name="Batch size").input_value() == "5"
    assert summary(page).inner_text() == "500 points: 350 training, 150 test"


def test_a_link_can_hide_the_noise_slider_and_loading(playground):
    page = playground("/#dataset=circle&noise_hide=true&load_hide=true")
    assert panel(page).get_by_role("slider", name="Noise").is_hidden()
    assert panel(page).get_by_role("button", name="Load CSV or JSON").is_hidden()
    assert panel(page).get_by_role("slider", name="Batch size").is_visible()


def test_noise_and_regenerate_are_off_for_drawn_data(playground):
    page = playground()
    tile(page, "Draw your own").click()
    page.wait_for_selector(".gn-dp-tile[data-dataset='custom'][aria-pressed='true']")
    # Drawing your own starts with drawing turned on in the output map.
    page.wait_for_selector(".gn-draw-toggle[aria-pressed='true']")
    assert panel(page).get_by_role("slider", name="Noise").is_disabled()
    assert panel(page).get_by_role("button", name="Regenerate", exact=True).is_disabled()
    # Drawn data asks which problem it is; the session switches to regression.
    panel(page).get_by_role("button", name="Regression", exact=True).click()
    page.wait_for_selector(".gn-dp-problem-choice[data-problem='regression'][aria-pressed='true']")
    assert "No points yet" in summary(page).inner_text()


def test_the_ratio_slider_shows_a_percentage_and_changes_the_split(playground):
    page = playground()
    ratio = panel(page).get_by_role("slider", name="Ratio of training to test data")
    ratio.focus()
    page.keyboard.press("ArrowRight")  # 50% -> 60%
    assert panel(page).locator("output[for='gn-dp-train-percent']").inner_text() == "60%"
    page.wait_for_function(
        "() => document.querySelector('.gn-dp-count').textContent"
        " === '500 points: 300 training, 200 test'"
    )


def test_loading_a_csv_file_shows_its_name_and_point_count(playground):
    page = playground()
    rows = [f"{i % 7 - 3},{i % 5 - 2},{'cat' if i % 2 else 'dog'}" for i in range(40)]
    content = "x,y,label\n" + "\n".join(rows) + "\n"
    page.set_input_files(
        "section.gn-data input[type=file]",
        files=[{"name": "pets.csv", "mimeType": "text/csv", "buffer": content.encode()}],
    )
    loaded = panel(page).locator(".gn-dp-loaded")
    loaded.wait_for(state="visible")
    assert loaded.locator(".gn-dp-loaded-name").inner_text() == "pets.csv"
    assert "40 points" in loaded.inner_text()
    page.wait_for_function(
        "() => document.querySelector('.gn-dp-count').textContent.startsWith('40 points')"
    )
    # The classes are the file's labels, each with its own colour.
    classes = panel(page).locator(".gn-dp-legend .gn-dp-class")
    assert sorted(classes.all_inner_texts()) == ["cat", "dog"]
    colours = classes.locator(".gn-dp-swatch").evaluate_all(
        "spans => spans.map(s => getComputedStyle(s).backgroundColor)"
    )
    assert colours == [ORANGE, BLUE]


@pytest.mark.allow_console_errors
def test_a_broken_csv_names_the_row_and_keeps_the_data(playground):
    page = playground()
    tile(page, "Spiral").click()
    page.wait_for_selector(".gn-dp-tile[data-dataset='spiral'][aria-pressed='true']")
    before = summary(page).inner_text()
    broken = b"x,y,label\n1,2,a\n3,4\n5,6,b\n"
    page.set_input_files(
        "section.gn-data input[type=file]",
        files=[{"name": "ragged.csv", "mimeType": "text/csv", "buffer": broken}],
    )
    error = panel(page).locator(".gn-dp-file-error")
    error.wait_for(state="visible")
    assert "ragged.csv" in error.inner_text()
    assert "row 3" in error.inner_text()
    assert summary(page).inner_text() == before
    assert tile(page, "Spiral").get_attribute("aria-pressed") == "true"
    assert panel(page).locator(".gn-dp-loaded").is_hidden()


def test_a_file_over_the_size_limit_is_refused_before_sending(page, playground):
    watch = SocketWatch(page)
    playground()
    big = b"x,y,label\n" + b"1,2,a\n" * (MAX_FILE_BYTES // 6 + 10)
    page.set_input_files(
        "section.gn-data input[type=file]",
        files=[{"name": "huge.csv", "mimeType": "text/csv", "buffer": big}],
    )
    error = panel(page).locator(".gn-dp-file-error")
    error.wait_for(state="visible")
    assert "huge.csv" in error.inner_text()
    assert f"up to {MAX_FILE_BYTES / 1e6:.1f} MB" in error.inner_text()
    # A marker after it: once the session has answered a later request, whatever the file
    # made the page send has been sent.
    tile(page, "Spiral").click()
    watch.wait_for(lambda: watch.last("settings")["values"]["dataset"] == "spiral")
    assert not [m for m in watch.sent if m["type"] == "load_data"]


def test_a_file_whose_message_would_be_over_the_limit_is_refused_before_sending(page, playground):
    from glassnet.limits import MAX_MESSAGE_BYTES

    watch = SocketWatch(page)
    playground()
    # Under 5 MB as a file, but every quote is written twice in JSON: over 6 MB as a message.
    row = b'"1.25","2.5","a ""quoted"" label"\r\n'
    big = b"x,y,label\r\n" + row * ((MAX_FILE_BYTES - 100) // len(row))
    assert len(big) <= MAX_FILE_BYTES
    page.set_input_files(
        "section.gn-data input[type=file]",
        files=[{"name": "quoted.csv", "mimeType": "text/csv", "buffer": big}],
    )
    error = panel(page).locator(".gn-dp-file-error")
    error.wait_for(state="visible")
    assert "quoted.csv makes a message of" in error.inner_text()
    assert f"up to {MAX_MESSAGE_BYTES / 1e6:.1f} MB" in error.inner_text()
    tile(page, "Spiral").click()
    watch.wait_for(lambda: watch.last("settings")["values"]["dataset"] == "spiral")
    assert not [m for m in watch.sent if m["type"] == "load_data"]


def test_a_csv_with_crlf_line_ends_is_sent_with_lf_and_loads(page, playground):
    watch = SocketWatch(page)
    playground()
    rows = [f"{i % 7 - 3},{i % 5 - 2},{'cat' if i % 2 else 'dog'}" for i in range(40)]
    content = "x,y,label\r\n" + "\r\n".join(rows) + "\r\n"
    page.set_input_files(
        "section.gn-data input[type=file]",
        files=[{"name": "windows.csv", "mimeType": "text/csv", "buffer": content.encode()}],
    )
    panel(page).locator(".gn-dp-loaded").wait_for(state="visible")
    sent = [m for m in watch.sent if m["type"] == "load_data"]
    assert "\r" not in sent[0]["content"] and sent[0]["content"].count("\n") == 41


def test_dropping_a_file_on_the_panel_loads_it(playground):
    page = playground()
    page.evaluate(
        """() => {
            const data = new DataTransfer();
            data.items.add(new File(["x,y,label\\n1,2,a\\n3,4,b\\n-1,0,a\\n"], "dropped.csv"));
            const target = document.querySelector("section.gn-data .gn-dp-sliders");
            for (const type of ["dragenter", "dragover", "drop"]) {
                target.dispatchEvent(
                    new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data })
                );
            }
        }"""
    )
    loaded = panel(page).locator(".gn-dp-loaded")
    loaded.wait_for(state="visible")
    assert loaded.locator(".gn-dp-loaded-name").inner_text() == "dropped.csv"
    assert "3 points" in loaded.inner_text()
    assert not panel(page).evaluate("el => el.classList.contains('gn-dp-dropping')")
