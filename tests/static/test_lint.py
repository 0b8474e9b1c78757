"""ruff and pylint-odoo (OCA's mandatory checks) over the code.

A missing tool fails its test: .ci/run installs them all.
"""

import importlib.util
import subprocess
import sys

from addon_files import REPO

LINTED = ["addons", "tests"]


def run_tool(module, *args):
    """Run ``python3 -m module args``; fail when the module is missing."""
    if importlib.util.find_spec(module) is None:
        raise AssertionError(f"{module} is not installed: run .ci/run")
    proc = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    return proc.returncode, (proc.stdout + proc.stderr)[-20000:]


def test_ruff_check():
    status, output = run_tool("ruff", "check", "--no-fix", *LINTED)
    assert status == 0, output


def test_ruff_format():
    status, output = run_tool("ruff", "format", "--diff", *LINTED)
    assert status == 0, "ruff format would change:\n" + output


def test_pylint_odoo_mandatory_checks(addon):
    if importlib.util.find_spec("pylint_odoo") is None:
        raise AssertionError("pylint-odoo is not installed: run .ci/run")
    status, output = run_tool(
        "pylint",
        "--rcfile=.pylintrc-mandatory",
        "--output-format=text",
        str(addon.relative_to(REPO)),
    )
    assert status == 0, output
