"""Opening an ml5.js model in the data panel's loader, and loading its data beside it.

The model files are ones ml5.js 1.4.0's own save() wrote (tests/fixtures/ml5).
What the page shows is checked against what the session sent it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from socket_watch import SocketWatch

from glassnet.limits import MAX_MESSAGE_BYTES

SAVED = Path(__file__).parents[1] / "fixtures" / "ml5" / "cls3_named"


def choose(page, files: dict[str, bytes]):
    page.set_input_files(
        "section.gn-data input[type=file]",
        files=[{"name": n, "mimeType": "application/octet-stream", "buffer": b}
               for n, b in files.items()],
    )  # fmt: skip


def card(page):
    loaded = page.locator("section.gn-data .gn-dp-loaded")
    loaded.wait_for(state="visible")
    return loaded


def model_files():
    return {p.name: p.read_bytes() for p in SAVED.iterdir()}


def test_choosing_a_models_three_files_opens_it_without_data_and_says_what_to_load(
    page, playground
):
    watch = SocketWatch(page)
    playground()
    choose(page, model_files())
    page.wait_for_function(
        "() => document.querySelector('.gn-dp-loaded-facts')?.textContent.includes('ml5.js model')"
    )
    text = card(page).inner_text()
    assert "mymodel.json" in text and "an ml5.js model without data" in text
    assert "3 classes (cat, dog, bird)" in text
    assert "load the data it learned from" in text and "saveData()" in text
    assert "an ml5.js model carries no data" in page.locator(".gn-dp-count").inner_text()
    # The network shown is the model's: 16 ReLU neurons, three outputs named by its classes.
    page.wait_for_selector(".gn-net-node[data-a='1'][data-unit='15']")
    assert watch.last("frame")["network"]["layer_sizes"] == [2, 16, 3]
    assert page.get_by_role("button", name="Output: class bird").count() == 1


def drop(page, files: dict[str, bytes]):
    """Drop files on the data panel, as dragging them from a file manager does."""
    page.evaluate(
        """(files) => {
            const data = new DataTransfer();
            for (const [name, bytes] of files) {
                data.items.add(new File([new Uint8Array(bytes)], name));
            }
            const target = document.querySelector("section.gn-data .gn-dp-sliders");
            for (const type of ["dragenter", "dragover", "drop"]) {
                target.dispatchEvent(
                    new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data })
                );
            }
        }""",
        [[name, list(content)] for name, content in files.items()],
    )


def test_dropping_a_models_three_files_opens_it_as_choosing_them_does(page, playground):
    watch = SocketWatch(page)
    playground()
    drop(page, model_files())
    page.wait_for_selector(".gn-net-node[data-a='1'][data-unit='15']")
    assert "mymodel.json" in card(page).inner_text()
    assert watch.last("frame")["network"]["layer_sizes"] == [2, 16, 3]
    assert page.get_by_role("button", name="Output: class cat").count() == 1


def test_the_models_data_loaded_beside_it_keeps_its_network(page, playground):
    watch = SocketWatch(page)
    playground()
    choose(page, model_files())
    page.wait_for_selector(".gn-net-node[data-a='1'][data-unit='15']")
    opened = watch.last("frame")["parameters"].copy()
    rows = [[0.1, 0.0, "cat"], [1.2, 1.9, "dog"], [2.3, 3.8, "bird"], [0.4, 0.2, "cat"]]
    items = [{"xs": {"0": a, "1": b}, "ys": {"0": label}} for a, b, label in rows]
    choose(page, {"saved.json": json.dumps({"data": items}).encode()})
    page.wait_for_function(
        "() => document.querySelector('.gn-dp-loaded-name')?.textContent.includes('saved.json')"
    )
    assert "ml5.js model, with saved.json" in card(page).inner_text()
    watch.wait_for(lambda: watch.last("data")["points"] != [])
    assert watch.last("data")["source"] == "model"
    assert (watch.last("frame")["parameters"] == opened).all()
    assert page.locator(".gn-map").get_attribute("data-points") == "4"


@pytest.mark.allow_console_errors
def test_a_file_that_does_not_fit_the_model_is_refused_by_name_next_to_the_button(playground):
    page = playground()
    choose(page, model_files())
    page.wait_for_selector(".gn-net-node[data-a='1'][data-unit='15']")
    choose(page, {"other.csv": b"a,b,label\n1,2,cat\n2,3,dog\n"})
    error = page.locator("section.gn-data .gn-dp-file-error")
    error.wait_for(state="visible")
    assert (
        'other.csv does not fit the opened model, so nothing changed: the model takes an input "0"'
        in (error.inner_text())
    )


def test_a_model_json_alone_is_recognised_and_its_three_files_asked_for(page, playground):
    watch = SocketWatch(page)
    playground()
    choose(page, {"mymodel.json": (SAVED / "mymodel.json").read_bytes()})
    error = page.locator("section.gn-data .gn-dp-file-error")
    error.wait_for(state="visible")
    assert "mymodel.json is part of an ml5.js model" in error.inner_text()
    assert "model.json, model.weights.bin and model_meta.json" in error.inner_text()
    assert not [m for m in watch.sent if m["type"] in ("load_data", "open_model")]


@pytest.mark.allow_console_errors
def test_a_damaged_model_is_refused_naming_the_part_and_nothing_changes(page, playground):
    watch = SocketWatch(page)
    playground()
    files = model_files()
    files["mymodel.weights.bin"] = files["mymodel.weights.bin"][:100]
    choose(page, files)
    error = page.locator("section.gn-data .gn-dp-file-error")
    error.wait_for(state="visible")
    assert "This ml5.js model cannot be opened" in error.inner_text()
    assert "weights file is too short" in error.inner_text()
    assert watch.last("frame")["network"]["layer_sizes"] == [2, 4, 2, 1]


def test_model_files_larger_than_a_message_are_refused_before_sending(page, playground):
    watch = SocketWatch(page)
    playground()
    files = model_files()
    # Under the limit per file, over it all together once in base64.
    part = MAX_MESSAGE_BYTES * 2 // 5
    files |= {"a.weights.bin": b"\0" * part, "b.weights.bin": b"\0" * part}
    choose(page, files)
    error = page.locator("section.gn-data .gn-dp-file-error")
    error.wait_for(state="visible")
    assert "glassnet takes up to" in error.inner_text()
    page.get_by_role("button", name="Spiral", exact=True).click()
    watch.wait_for(lambda: watch.last("settings")["values"]["dataset"] == "spiral")
    assert not [m for m in watch.sent if m["type"] == "open_model"]
