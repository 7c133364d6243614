"""Tests for the data layer as a whole: its imports point down and its docs are complete."""

import ast
import sys
from pathlib import Path

import pytest

import glassnet.data
from glassnet.data import DATASETS, FEATURES

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src" / "glassnet" / "data"
DOCS = ROOT / "docs" / "data.md"


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


@pytest.mark.parametrize("path", sorted(SOURCE.glob("*.py")), ids=lambda p: p.name)
def test_the_data_layer_imports_only_numpy_the_standard_library_and_limits(path):
    allowed = set(sys.stdlib_module_names) | {"numpy", "__future__"}
    for module in imported_modules(path):
        top = module.split(".")[0]
        assert top in allowed or module == "glassnet.limits", f"{path.name} imports {module}"


@pytest.mark.parametrize("path", sorted(SOURCE.glob("*.py")), ids=lambda p: p.name)
def test_every_module_opens_with_a_docstring_and_stays_small(path):
    text = path.read_text(encoding="utf-8")
    assert ast.get_docstring(ast.parse(text)), f"{path.name} has no module docstring"
    assert len(text.splitlines()) < 400


def test_every_public_name_is_exported_and_exists():
    assert sorted(glassnet.data.__all__) == sorted(set(glassnet.data.__all__))
    for name in glassnet.data.__all__:
        assert hasattr(glassnet.data, name)


@pytest.mark.parametrize("name", list(DATASETS) + list(FEATURES))
def test_every_dataset_and_feature_is_documented(name):
    assert f"`{name}`" in DOCS.read_text(encoding="utf-8")
