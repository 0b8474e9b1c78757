# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the benchmark scripts share: where the code is, how a throwaway
database with the addon is made, and how RESULTS.md gets a section."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "tests" / "bench" / "RESULTS.md"


def addons_path():
    """This repository's addons, then Odoo's own."""
    import odoo  # noqa: PLC0415 - the scripts check that Odoo is importable first

    core = Path(list(odoo.__path__)[0]).resolve().parent / "addons"
    return f"{ROOT / 'addons'},{core}"


def odoo_command(db, *args, port=0, addons=None):
    """An `odoo server` command line on `db`, on 127.0.0.1:`port`."""
    return [
        sys.executable,
        "-m",
        "odoo",
        "server",
        "-d",
        db,
        f"--addons-path={addons or addons_path()}",
        "--http-interface=127.0.0.1",
        f"--http-port={port}",
        "--max-cron-threads=0",
        "--log-level=warn",
        *args,
    ]


def create_database(db, modules="ppid_exempted", port=0, addons=None, quiet=True):
    """A fresh database `db` with `modules` installed (no demo data)."""
    subprocess.run(["dropdb", "--if-exists", db], check=True)
    print(f"Installing {modules} in {db} ...", flush=True)
    subprocess.run(
        odoo_command(db, "-i", modules, "--stop-after-init", port=port, addons=addons),
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def replace_section(path, marker, section):
    """Replace the section of `path` starting with `marker` (up to the next
    "## ") by `section`, or append it."""
    body = section.rstrip("\n")
    text = path.read_text() if path.exists() else "# Benchmark results\n"
    if marker in text:
        head, _sep, tail = text.partition(marker)
        rest = tail.split("\n## ", 1)
        text = head + body + ("\n\n## " + rest[1] if len(rest) > 1 else "\n")
    else:
        text = text.rstrip() + "\n\n" + body + "\n"
    path.write_text(text)
