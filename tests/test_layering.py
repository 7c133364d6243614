"""Imports point down: engine and data know only NumPy, the standard library and limits;
lessons know the session but not the protocol; nothing below the server knows the web."""

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "glassnet"

# What each layer may import from outside the standard library.
ALLOWED = {
    "engine": {"numpy", "glassnet.limits", "glassnet.engine"},
    "data": {"numpy", "glassnet.limits", "glassnet.data"},
    # The session knows the engine and the data, never the web; and the names of the
    # controls (plain data that imports nothing), which its saved MIDI mappings name.
    "session": {
        "numpy", "glassnet.limits", "glassnet.__version__", "glassnet.engine", "glassnet.data",
        "glassnet.session", "glassnet.controls",
    },
    # The bridge is pure functions of engine and data objects: no sessions, no web.
    "bridge": {
        "numpy", "glassnet.limits", "glassnet.__version__", "glassnet.engine", "glassnet.data",
        "glassnet.bridge",
    },
    # Lessons drive a session through its public methods; they know no web either.
    "lessons": {
        "numpy", "glassnet.limits", "glassnet.controls", "glassnet.data", "glassnet.engine",
        "glassnet.session", "glassnet.lessons",
    },
    # Workers run sessions in processes; they know the protocol, but no HTTP or WebSockets.
    "workers": {
        "glassnet.limits", "glassnet.session", "glassnet.protocol", "glassnet.workers",
        "glassnet.lessons",
    },
    # The protocol turns sessions into JSON; it knows no sockets or HTTP.
    "protocol": {
        "numpy", "glassnet.limits", "glassnet.controls", "glassnet.engine", "glassnet.data",
        "glassnet.session", "glassnet.bridge", "glassnet.lessons", "glassnet.protocol",
    },
}  # fmt: skip


def imports_of(path: Path, package: str):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # relative: resolve against the module's package
                parts = package.split(".")
                base = parts[: len(parts) - node.level + 1]
                module = ".".join(base + ([module] if module else []))
            # "from glassnet import limits" imports glassnet.limits, not all of glassnet.
            yield from (f"{module}.{alias.name}" for alias in node.names)


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_a_lower_layer_imports_nothing_from_above_it(layer):
    files = sorted((PACKAGE / layer).glob("*.py"))
    assert files
    for path in files:
        for name in imports_of(path, f"glassnet.{layer}"):
            top = name.split(".")[0]
            if top in sys.stdlib_module_names:
                continue
            assert any(name == a or name.startswith(a + ".") for a in ALLOWED[layer]), (
                f"{path.name} imports {name}; the {layer} layer may import only "
                f"{sorted(ALLOWED[layer])} and the standard library"
            )
