"""The Export menu in a real browser: the session's files become downloads; pictures are made here.

What is downloaded is checked against the session's own network (the frame the
page was sent), and the menu must fit the page and the 600x450 embed.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

import numpy as np
from socket_watch import SocketWatch, network_of

from glassnet.bridge import open_ml5


def open_menu(page):
    page.get_by_role("button", name="Export", exact=True).click()
    menu = page.get_by_role("dialog", name="Export")
    menu.wait_for()
    return menu


def download(page, menu, name):
    with page.expect_download() as info:
        menu.get_by_role("button", name=name, exact=True).click()
    path = info.value.path()
    return info.value.suggested_filename, Path(path).read_bytes()


def test_the_ml5_model_downloads_as_a_zip_that_predicts_as_the_sessions_network(page, playground):
    watch = SocketWatch(page)
    playground("/#dataset=xor")
    menu = open_menu(page)
    name, content = download(page, menu, "Model for ml5.js")
    assert name == "glassnet-xor-ml5-model.zip"
    archive = zipfile.ZipFile(io.BytesIO(content))
    files = {Path(n).name: archive.read(n) for n in archive.namelist()}
    model = open_ml5(files)
    rows = np.array([[1.0, -2.0], [-4.0, 3.5], [5.0, 5.0]])
    # A Playground link's tanh output is written as a two-unit softmax: probability (y + 1) / 2.
    y = network_of(watch.last("frame")).predict(rows)[:, 0]
    np.testing.assert_allclose(model.predict(rows)[:, 1], (y + 1) / 2, rtol=1e-6)
    assert "Saved glassnet-xor-ml5-model.zip" in menu.locator(".gn-export-status").inner_text()


def test_every_file_export_downloads_with_its_name(page, playground):
    playground("/")
    menu = open_menu(page)
    for button, pattern in [("p5.js sketch", r"glassnet-circle-sketch\.zip"),
                            ("Python (NumPy)", r"glassnet-circle\.py"),
                            ("Weights (JSON)", r"glassnet-circle-weights\.json"),
                            ("Weights (CSV)", r"glassnet-circle-weights\.csv")]:  # fmt: skip
        name, content = download(page, menu, button)
        assert re.fullmatch(pattern, name) and content


def test_the_menu_says_an_ml5_model_takes_the_features_the_sketch_computes(page, playground):
    playground("/#dataset=circle&xSquared=true&ySquared=true")
    menu = open_menu(page)
    note = menu.locator(".gn-export-note").first.inner_text()
    assert "The model takes x₁, x₂, x₁², x₂², computed from the map's coordinates" in note
    assert "Feature transforms such as x₁² are not part of an ml5.js model" in note
    assert "It answers each class's confidence." in note


def test_an_export_the_session_refuses_says_why_in_the_menu(page, playground):
    playground("/#gn=1&dataset=circle&activations=sine,sine")
    menu = open_menu(page)
    assert "ml5.js has no sine activation" in menu.locator(".gn-export-note").first.inner_text()
    menu.get_by_role("button", name="Model for ml5.js", exact=True).click()
    status = menu.locator(".gn-export-status")
    page.wait_for_function("(el) => el.textContent.includes('no sine activation')",
                           arg=status.element_handle())  # fmt: skip


def png_size(content: bytes) -> tuple[int, int]:
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", content[16:24])


def test_pictures_of_the_map_and_the_network_are_made_at_the_size_asked_for(page, playground):
    playground("/#gn=1&dataset=blobs&classes=3&hidden_layers=3&activations=tanh")
    menu = open_menu(page)
    menu.get_by_role("spinbutton", name="Width in pixels").fill("800")
    menu.get_by_role("combobox", name="Picture of").select_option("map")
    name, content = download(page, menu, "PNG")
    assert name == "glassnet-map-blobs.png" and png_size(content) == (800, 800)
    name, content = download(page, menu, "SVG")
    svg = content.decode()
    assert 'width="800" height="800"' in svg and '<image href="data:image/png;base64,' in svg
    # The training points are vector circles: as many as the page shows.
    shown = int(page.locator(".gn-map").get_attribute("data-train-shown"))
    assert svg.count("<circle") == shown
    menu.get_by_role("combobox", name="Picture of").select_option("network")
    name, content = download(page, menu, "SVG")
    svg = content.decode()
    # Two features, 3 hidden neurons and 3 outputs, each a picture; 2x3 + 3x3 edges.
    assert svg.count("<image") == 2 + 3 + 3 and svg.count("<path") == 15
    width, height = png_size(download(page, menu, "PNG")[1])
    assert width == 800 and height > 200


def test_the_menu_fits_the_page_and_the_embed(page, playground, server):
    for path, size in [("/", (1280, 800)), ("/embed", (600, 450))]:
        page.set_viewport_size({"width": size[0], "height": size[1]})
        playground(path)
        if path == "/embed":
            page.get_by_role("button", name="Settings", exact=True).click()
        menu = open_menu(page)
        box = menu.bounding_box()
        assert box["x"] >= 0 and box["y"] >= 0
        assert box["x"] + box["width"] <= size[0] and box["y"] + box["height"] <= size[1]
        # Everything in it can be reached: it scrolls when it is taller than the space.
        close = menu.get_by_role("button", name="Close Export")
        close.scroll_into_view_if_needed()
        close.click()
        assert menu.is_hidden()
