"""Every limit is documented, with the value the code uses."""

from pathlib import Path

from glassnet import limits

DOC = (Path(__file__).parents[1] / "docs" / "limits.md").read_text()


def test_every_limit_is_documented_with_its_value():
    names = [n for n in dir(limits) if n.isupper()]
    assert names
    for name in names:
        row = next((line for line in DOC.splitlines() if line.startswith(f"| `{name}` |")), None)
        assert row is not None, f"docs/limits.md does not document {name}"
        value = row.split("|")[2].strip().replace(",", "")
        assert float(value) == getattr(limits, name), f"docs/limits.md gives {name} as {value}"
