#!/usr/bin/env python3
"""Run every test layer of the project and print one summary.

Layers:
  static  pytest over tests/static/: manifest, data files, XML ids, ACLs,
          views, translations, ruff and pylint-odoo (no Odoo needed)
  unit    pytest over tests/unit/: pure-Python tests (no Odoo needed)
  odoo    installs the addon in fresh databases with Odoo 19 and runs its
          tests; skipped (not failed) when Odoo 19 is not importable

Usage: python3 tests/run.py [--layer static|unit|odoo]... [--keep-db]
The last line reads "TOTAL: N passed, N failed"; the exit code is non-zero
on any failure.
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LOG_DIR = Path(os.environ.get("PPID_TEST_LOG_DIR", REPO / "tests" / ".logs"))
LAYERS = ("static", "unit", "odoo")
PYTHON = sys.executable or "python3"
ODOO_STEP_TIMEOUT = 40 * 60  # seconds; CI allows 90 minutes in all

ODOO_CHECK = (
    "import odoo.release; "
    "assert odoo.release.version_info[:2] == (19, 0), odoo.release.version"
)
# "2026-11-22 01:02:03,456 1234 WARNING db logger: message"
LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \d+ (?P<level>[A-Z?]+) \S+ \S+: "
)
BAD_LEVELS = {"WARNING", "ERROR", "CRITICAL"}
# Debian's wkhtmltopdf is built without the patched Qt of the official Odoo
# image, and Odoo logs that fact as a WARNING on every PDF it renders. It says
# something of the machine, not of the addon: the papers are still rendered.
MACHINE_WARNINGS = re.compile(r"wkhtmltopdf: The switch --[\w-]+, is not support")
# Logged by odoo/service/server.py from OdooTestResult.__str__
# (odoo/tests/result.py) once all at_install and post_install tests ran.
TEST_SUMMARY = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests "
    r"when loading database"
)
# OdooTestResult.addSkip logs "skipped <test> : <reason>" at INFO.
TEST_SKIPPED = re.compile(r" INFO \S+ \S+: skipped ")


@dataclass
class LayerResult:
    name: str
    ran: bool = True
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    notes: list = field(default_factory=list)


# --- static and unit layers: pytest --------------------------------------


def run_pytest(name, folder):
    """Run pytest over one folder; counts come from its JUnit XML report."""
    result = LayerResult(name)
    junit = LOG_DIR / f"{name}-junit.xml"
    junit.unlink(missing_ok=True)
    cmd = [
        PYTHON,
        "-m",
        "pytest",
        str(folder),
        "-q",
        "-rfE",
        f"--rootdir={REPO}",
        f"--junitxml={junit}",
        "-p",
        "no:cacheprovider",
        # pytest-odoo, when installed, imports odoo as it loads
        "-p",
        "no:odoo",
    ]
    banner(f"{name} layer: pytest {folder.relative_to(REPO)}")
    rc = subprocess.call(cmd, cwd=REPO)
    if junit.exists():
        count_junit(junit, result)
    result.notes.append(f"JUnit report: {junit}")
    if rc == 5:
        result.notes.append("pytest collected no tests")
    if rc != 0 and result.failed == 0:
        result.failed = 1  # collection or internal error, or no tests at all
        result.notes.append(f"pytest exited with status {rc}")
    return result


def count_junit(path, result):
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    for suite in suites:
        total = int(suite.get("tests", 0))
        bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped = int(suite.get("skipped", 0))
        result.failed += bad
        result.skipped += skipped
        result.passed += total - bad - skipped


# --- odoo layer ----------------------------------------------------------


def odoo_unavailable_reason():
    """None when Odoo 19 is importable by python3, else why not."""
    proc = subprocess.run(
        [PYTHON, "-c", ODOO_CHECK], capture_output=True, text=True, cwd="/"
    )
    if proc.returncode == 0:
        return None
    lines = proc.stderr.strip().splitlines()
    return lines[-1] if lines else f"exit status {proc.returncode}"


def odoo_addons_path(addons_dir):
    """The addon folder first, then ODOO_ADDONS_PATH or Odoo's own addons."""
    core = os.environ.get("ODOO_ADDONS_PATH")
    if not core:
        code = (
            "import odoo, pathlib; "
            "print(pathlib.Path(odoo.__path__[0]).parent / 'addons')"
        )
        out = subprocess.run(
            [PYTHON, "-c", code], capture_output=True, text=True, check=True
        )
        core = out.stdout.strip()
        # A packaged Odoo keeps every addon in odoo/addons, which Odoo
        # always adds by itself.
        if not Path(core, "web", "__manifest__.py").exists():
            core = ""
    return ",".join(p for p in (str(addons_dir), core) if p)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def odoo_command(db, addon, addons_path, data_dir, extra):
    # Database connection: libpq's PGHOST, PGPORT, PGUSER and PGPASSWORD;
    # without them the local Unix socket and the current user.
    return [
        PYTHON,
        "-m",
        "odoo",
        "server",
        f"--config={REPO / 'config' / 'odoo-local.conf'}",
        f"--addons-path={addons_path}",
        f"--data-dir={data_dir}",
        f"--database={db}",
        f"--init={addon}",
        "--stop-after-init",
        "--log-level=info",
        *extra,
    ]


def run_logged(cmd, log_path):
    """Run a command, its output into log_path; returns the exit status."""
    print("$ " + " ".join(cmd), flush=True)
    with open(log_path, "w", encoding="utf-8") as log:
        try:
            return subprocess.call(
                cmd,
                cwd=REPO,
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=ODOO_STEP_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            log.write(f"\n*** timed out after {ODOO_STEP_TIMEOUT} s ***\n")
            return -1


def bad_log_lines(log_path, context=30):
    """Log records at WARNING or above, each with its traceback lines."""
    found, keep = [], 0
    with open(log_path, encoding="utf-8", errors="replace") as log:
        for line in log:
            line = line.rstrip("\n")
            match = LOG_LINE.match(line)
            if match:
                bad = match["level"] in BAD_LEVELS and not MACHINE_WARNINGS.search(line)
                keep = context if bad else 0
                if keep:
                    found.append(line)
            elif keep:
                keep -= 1
                found.append("    " + line)
    return found


def parse_test_counts(log_path):
    """(run, failed, errors, skipped) from an Odoo log, or None."""
    text = Path(log_path).read_text(encoding="utf-8", errors="replace")
    summaries = TEST_SUMMARY.findall(text)
    if not summaries:
        return None
    failed, errors, run = (int(n) for n in summaries[-1])
    return run, failed, errors, len(TEST_SKIPPED.findall(text))


def check_step(result, label, rc, log_path):
    """One install step counts as one check: exit 0 and a clean log."""
    bad = bad_log_lines(log_path)
    ok = rc == 0 and not bad
    if ok:
        result.passed += 1
    else:
        result.failed += 1
    status = "OK" if ok else f"FAILED (exit status {rc}, {count(bad)} bad lines)"
    result.notes.append(f"{label}: {status}; log: {log_path}")
    if bad:
        print(f"\n{label}: log records at WARNING level or above:")
        print("\n".join(bad[:400]))
    return ok


def count(lines):
    return sum(1 for line in lines if not line.startswith("    "))


def add_test_counts(result, log_path):
    counts = parse_test_counts(log_path)
    if counts is None:
        result.failed += 1
        result.notes.append("no Odoo test summary found in the log")
        return
    run, failed, errors, skipped = counts
    if run == 0:
        result.failed += 1
        result.notes.append("Odoo ran zero tests")
        return
    result.passed += run - failed - errors - skipped
    result.failed += failed + errors
    result.skipped += skipped
    result.notes.append(
        f"Odoo tests: {run} run, {failed} failed, {errors} errors, {skipped} skipped"
    )


def drop_db(db, data_dir):
    cmd = [PYTHON, "-m", "odoo", "db", f"--data-dir={data_dir}", "drop", db]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0 and "does not exist" not in proc.stderr:
        print(f"warning: could not drop database {db}: {proc.stderr.strip()}")


def run_odoo(addon, addons_dir, keep_db):
    reason = odoo_unavailable_reason()
    if reason:
        return LayerResult(
            "odoo",
            ran=False,
            notes=[f"NOT RUN — Odoo 19 is not importable by python3 ({reason})"],
        )
    result = LayerResult("odoo")
    addons_path = odoo_addons_path(addons_dir)
    data_dir = tempfile.mkdtemp(prefix="ppid_test_data_")
    db_tests = f"ppid_test_{os.getpid()}"
    db_demo = f"ppid_test_{os.getpid()}_demo"
    try:
        banner(f"odoo layer A: install {addon} without demo data, run its tests")
        log_a = LOG_DIR / "odoo-install-tests.log"
        extra = [f"--test-tags=/{addon}", f"--http-port={free_port()}"]
        cmd = odoo_command(db_tests, addon, addons_path, data_dir, extra)
        rc = run_logged(cmd, log_a)
        check_step(result, "install and tests, no demo", rc, log_a)
        add_test_counts(result, log_a)

        banner(f"odoo layer B: install {addon} with demo data")
        log_b = LOG_DIR / "odoo-install-demo.log"
        cmd = odoo_command(db_demo, addon, addons_path, data_dir, ["--with-demo"])
        rc = run_logged(cmd, log_b)
        check_step(result, "install with demo data", rc, log_b)
    finally:
        if keep_db:
            result.notes.append(
                f"kept databases {db_tests}, {db_demo}; data dir {data_dir}"
            )
        else:
            drop_db(db_tests, data_dir)
            drop_db(db_demo, data_dir)
            shutil.rmtree(data_dir, ignore_errors=True)
    return result


# --- summary -------------------------------------------------------------


def banner(text):
    print(f"\n=== {text} ===", flush=True)


def print_summary(results):
    banner("summary")
    for res in results:
        if not res.ran:
            print(f"{res.name} layer: {res.notes[0]}")
            continue
        status = "FAILED" if res.failed else "OK"
        total = res.passed + res.failed + res.skipped
        skipped = f", {res.skipped} skipped" if res.skipped else ""
        print(
            f"{res.name} layer: {status} — {total} tests: "
            f"{res.passed} passed, {res.failed} failed{skipped}"
        )
        for note in res.notes:
            print(f"    {note}")
    passed = sum(r.passed for r in results)
    failed = sum(r.failed for r in results)
    print(f"TOTAL: {passed} passed, {failed} failed", flush=True)
    return failed


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--layer",
        action="append",
        choices=LAYERS,
        help="run only this layer (repeatable); default: all three",
    )
    parser.add_argument(
        "--keep-db", action="store_true", help="keep the odoo layer's databases"
    )
    parser.add_argument(
        "--addon", default="ppid_exempted", help="addon the odoo layer installs"
    )
    parser.add_argument(
        "--addons-dir",
        type=Path,
        default=REPO / "addons",
        help="folder holding that addon (default: the repository's addons/)",
    )
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    layers = args.layer or list(LAYERS)
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    results = []
    if "static" in layers:
        results.append(run_pytest("static", REPO / "tests" / "static"))
    if "unit" in layers:
        results.append(run_pytest("unit", REPO / "tests" / "unit"))
    if "odoo" in layers:
        addons_dir = args.addons_dir.resolve()
        results.append(run_odoo(args.addon, addons_dir, args.keep_db))
    failed = print_summary(results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
