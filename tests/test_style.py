"""The code reads one way: ruff's lint rules and its formatter (pyproject.toml) hold everywhere.

ruff runs as ``python -m ruff`` from the interpreter running the tests, so the
version pinned in the ``test`` extra is the one that judges, not whatever ruff
is first on the PATH.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
CHECKED = ["src", "tests", "benchmarks", "scripts", "examples"]


def ruff(*args):
    # --no-cache: a test run writes nothing into the work tree.
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--no-cache", *CHECKED],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    "command",
    [["check"], ["format", "--check"]],
    ids=["ruff check finds nothing", "ruff format would change nothing"],
)
def test_ruff_passes_over_the_code_the_tests_the_benchmarks_scripts_and_examples(command):
    done = ruff(*command)
    assert done.returncode == 0, f"ruff {' '.join(command)}:\n{done.stdout}{done.stderr}"
