"""The settings table for the page and the docs: fresh, and one change shows everywhere."""

import dataclasses
import importlib
import json
import re

import pytest

from glassnet.protocol import tables
from glassnet.session import SETTINGS, Session, SessionError

# The module, not the function of the same name the package exports.
catalog_module = importlib.import_module("glassnet.protocol.catalog")


def test_the_page_module_and_the_docs_table_are_generated_from_the_current_tables():
    assert tables.main(["--check"]) == 0, "run: python -m glassnet.protocol.tables"


def test_the_page_module_holds_every_setting_as_the_catalog_describes_it_but_its_help():
    text = tables.TABLES_JS.read_text()
    block = text.split("export const SETTINGS = [")[1].split("];")[0]
    entries = [json.loads(line.rstrip(",")) for line in block.strip().splitlines()]
    described = catalog_module.settings_table()
    assert all(entry["help"] for entry in described)  # the catalog keeps the help texts
    assert entries == [{k: v for k, v in entry.items() if k != "help"} for entry in described]
    assert [e["name"] for e in entries] == list(SETTINGS)


def test_changing_one_range_in_the_table_changes_it_everywhere(monkeypatch):
    narrower = dataclasses.replace(SETTINGS["noise"], high=30)
    monkeypatch.setitem(SETTINGS, "noise", narrower)
    monkeypatch.setattr(catalog_module, "_CATALOG", None)

    with pytest.raises(SessionError, match="noise must be a whole number from 0 to 30"):
        Session().change_settings({"noise": 40})
    assert Session({"noise": 30}).settings.noise == 30
    noise = next(s for s in catalog_module.catalog()["settings"] if s["name"] == "noise")
    assert noise["high"] == 30
    assert re.search(r'\{"name": "noise", [^\n]*"high": 30', tables.tables_js())
    assert "| `noise` | `0` | a whole number 0 to 30 |" in tables.settings_docs()


def test_the_page_glossary_is_the_lessons_glossary_word_for_word():
    from glassnet.lessons import GLOSSARY

    text = tables.GLOSSARY_JS.read_text()
    block = text.split("export const GLOSSARY = [")[1].split("];")[0]
    entries = [json.loads(line.rstrip(",")) for line in block.strip().splitlines()]
    assert entries == [dataclasses.asdict(term) for term in GLOSSARY.values()]
