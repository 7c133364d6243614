"""The registry of controls and panels: plain data, named once, documented."""

from pathlib import Path

from glassnet.controls import CONTROLS, PLACES
from glassnet.protocol import catalog

URLS = (Path(__file__).parents[1] / "docs" / "urls.md").read_text()


def test_every_control_has_a_label_and_a_known_place():
    for name, control in CONTROLS.items():
        assert control.name == name and control.label and control.where in PLACES


def test_every_control_is_documented_as_a_hide_key():
    hide_table = URLS.split("## Hiding controls and panels")[1]
    missing = [name for name in CONTROLS if f"`{name}`" not in hide_table]
    assert missing == []


def test_the_catalog_sends_the_controls_to_views():
    assert [c["name"] for c in catalog()["controls"]] == list(CONTROLS)
