"""The catalog: what a view needs to offer choices, from the registries."""

from glassnet import limits
from glassnet.data import DATASETS, FEATURES, VIEW
from glassnet.engine import ACTIVATIONS
from glassnet.protocol import catalog
from glassnet.session import SETTINGS
from glassnet.session.rules import OUTPUTS


def test_the_catalog_lists_every_registered_choice():
    c = catalog()
    assert [d["name"] for d in c["datasets"]] == list(DATASETS)
    assert [f["name"] for f in c["features"]] == list(FEATURES)
    assert [a["name"] for a in c["activations"]] == list(ACTIVATIONS)
    assert c["outputs"] == {kind: [list(p) for p in pairs] for kind, pairs in OUTPUTS.items()}
    assert c["view"] == list(VIEW)
    assert c["limits"]["MAX_POINTS"] == limits.MAX_POINTS


def test_each_setting_comes_with_its_range_or_choices_and_what_it_rebuilds():
    by_name = {s["name"]: s for s in catalog()["settings"]}
    assert list(by_name) == list(SETTINGS)
    assert by_name["noise"]["low"] == 0 and by_name["noise"]["high"] == 50
    assert by_name["learning_rate"]["low_open"] is True
    assert by_name["dataset"]["choices"][-1] == "custom"
    assert by_name["hidden_layers"]["max_items"] == limits.MAX_HIDDEN_LAYERS
    assert by_name["features"]["default"] == ["x1", "x2"]
    assert {s["rebuilds"] for s in by_name.values()} == {"data", "network", "training", "nothing"}


def test_each_dataset_preview_is_a_small_thumbnail_inside_the_view():
    for entry in catalog()["datasets"]:
        points = entry["preview"]["points"]
        assert len(points) == 120 and len(points[0]) == entry["inputs"]
        assert all(VIEW[0] <= v <= VIEW[1] for p in points for v in p)
