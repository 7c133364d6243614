"""The docs keep up with the code: an undocumented message or setting fails CI."""

import json
from pathlib import Path

import pytest

from glassnet.protocol import OUTGOING, REQUESTS
from glassnet.session import SETTINGS

DOCS = Path(__file__).parents[1] / "docs"
PROTOCOL = (DOCS / "protocol.md").read_text()


@pytest.mark.parametrize("kind", sorted(REQUESTS) + list(OUTGOING))
def test_every_message_type_is_documented_in_a_table_row(kind):
    assert f"| `{kind}` |" in PROTOCOL, f"docs/protocol.md has no row for the {kind!r} message"


@pytest.mark.parametrize("name", list(SETTINGS))
def test_every_setting_is_documented_with_its_default(name):
    section = PROTOCOL.split("\n## Settings\n")[1]
    row = next((line for line in section.splitlines() if line.startswith(f"| `{name}` |")), None)
    assert row is not None, f"docs/protocol.md does not document the setting {name!r}"
    documented = row.split("|")[2].strip().strip("`")
    try:
        value = json.loads(documented)
    except ValueError:
        value = documented  # a bare word, such as circle
    default = SETTINGS[name].default
    assert value == (list(default) if isinstance(default, tuple) else default)


def test_the_readme_starts_with_the_install_and_test_commands():
    readme = (DOCS.parent / "README.md").read_text()
    blocks = readme.split("```sh")[1:3]
    assert "pip install -e ." in blocks[0]
    assert "pip install -e '.[test]'" in blocks[1] and "pytest" in blocks[1]
    ci = (DOCS.parent / ".ci" / "run").read_text()
    assert blocks[1].strip().split("\n")[0].rstrip("`").strip() in ci
