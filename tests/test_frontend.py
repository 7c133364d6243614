"""The front end's JavaScript is type-checked (tsc, strict) and linted (ESLint) clean.

Both tools are development-only npm packages pinned in package.json; `npm ci`
installs them. Without node_modules the checks skip on a developer's machine,
but fail under CI=true: CI must run them.
"""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
BIN = ROOT / "node_modules" / ".bin"


def run_tool(name: str, *args: str) -> subprocess.CompletedProcess:
    tool = BIN / name
    if not tool.exists():
        message = f"{tool.relative_to(ROOT)} is missing: run `npm ci` in {ROOT}"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI must type-check and lint the front end)")
        pytest.skip(message)
    return subprocess.run([str(tool), *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_front_end_type_checks_in_strict_mode():
    result = run_tool("tsc", "-p", "tsconfig.json")
    assert result.returncode == 0, f"tsc found problems:\n{result.stdout}{result.stderr}"


def test_the_front_end_passes_the_linter():
    result = run_tool(
        "eslint", "--max-warnings=0", "src/glassnet/static", "eslint.config.js", "scripts/build.mjs"
    )
    assert result.returncode == 0, f"ESLint found problems:\n{result.stdout}{result.stderr}"


def test_every_front_end_module_is_checked():
    # tsc checks every .js file (tsconfig.json), and each one says so at its top.
    unchecked = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "src" / "glassnet" / "static").rglob("*.js"))
        if not path.read_text().startswith("// @ts-check")
    ]
    assert not unchecked, f"these modules lack // @ts-check on their first line: {unchecked}"


def test_the_tools_are_pinned_exactly():
    import json

    package = json.loads((ROOT / "package.json").read_text())
    pins = package["devDependencies"]
    assert pins["typescript"] == "5.9.3"
    loose = {name: v for name, v in pins.items() if not v[0].isdigit()}
    assert not loose, f"pin these exactly (npm install --save-exact): {loose}"
    assert (ROOT / "package-lock.json").exists()
