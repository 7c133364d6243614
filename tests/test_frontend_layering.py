"""Imports in the front end point one way, as tests/test_layering.py checks for Python.

- lib/ is the bottom: it never imports a view, app.js or the page's host code above it.
- A view (views/<folder>/) imports lib/ and its own folder: never another view.
- The shared front end (app.js and everything it imports) never imports the
  standalone page's host code (page.js, hostTools.js, keptUndo.js, lib/socketModel.js,
  lib/urlState.js): a notebook or a published page hosts it too.

Every import counts: static, dynamic import(), and JSDoc type imports.
"""

import posixpath
import re
from pathlib import Path

import pytest

STATIC = Path(__file__).parents[1] / "src" / "glassnet" / "static"
HOST = {
    "page.js", "hostTools.js", "keptUndo.js", "lib/socketModel.js", "lib/urlState.js",
    "replay.js", "lib/replayModel.js",
}  # fmt: skip

# `... from "./x.js"` (imports, re-exports, JSDoc @import), `import "./x.js"`, `import("./x.js")`.
IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}/[^"']+)["']""")
# Comments, but for JSDoc type imports: an example in a docstring is not an import.
COMMENT = re.compile(r"/\*(?!\*\s*@import\b).*?\*/|//[^\n]*", re.S)


def modules() -> list[str]:
    return sorted(p.relative_to(STATIC).as_posix() for p in STATIC.rglob("*.js"))


def imports_of(module: str) -> list[str]:
    """The modules `module` imports, as paths under static/."""
    text = COMMENT.sub("", (STATIC / module).read_text())
    base = posixpath.dirname(module)
    return [posixpath.normpath(posixpath.join(base, spec)) for spec in IMPORT.findall(text)]


def test_every_import_names_a_module_that_exists():
    for module in modules():
        for target in imports_of(module):
            assert (STATIC / target).is_file(), f"{module} imports {target}, which does not exist"


@pytest.mark.parametrize("module", [m for m in modules() if m.startswith("lib/")])
def test_lib_imports_only_lib(module):
    for target in imports_of(module):
        assert target.startswith("lib/"), (
            f"{module} imports {target}; lib/ is the bottom layer and imports only lib/"
        )


@pytest.mark.parametrize("module", [m for m in modules() if m.startswith("views/")])
def test_a_view_imports_only_lib_and_its_own_folder(module):
    folder = posixpath.dirname(module)
    for target in imports_of(module):
        assert target.startswith("lib/") or posixpath.dirname(target) == folder, (
            f"{module} imports {target}; a view imports only lib/ and {folder}/"
        )
        assert target not in HOST, f"{module} imports the page's host code {target}"


def test_the_shared_front_end_never_imports_host_code():
    seen, todo = set(), ["app.js"]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        for target in imports_of(module):
            assert target not in HOST, (
                f"{module} imports {target}, the standalone page's host code; "
                "app.js and what it imports must run in any host"
            )
            todo.append(target)
    assert "lib/store.js" in seen and "views/network/network.js" in seen  # the walk found the tree


def test_the_import_pattern_finds_every_kind_of_import_and_skips_examples_in_comments():
    text = """
    import { a } from "./a.js";
    export { b } from "../b.js";
    import "./c.js";
    const d = await import("./d.js");
    /** @import { E } from "./e.js" */
    /** Use it so: import { f } from "./f.js" */
    // or so: import("./g.js")
    """
    found = IMPORT.findall(COMMENT.sub("", text))
    assert found == ["./a.js", "../b.js", "./c.js", "./d.js", "./e.js"]
