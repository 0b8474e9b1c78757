"""Unit tests for addons/ppid_exempted/utils/indonesian_dates.py (no Odoo needed)."""

import importlib.util
from datetime import date, datetime
from pathlib import Path

MODULE_PATH = (
    Path(__file__).resolve().parents[2]
    / "addons"
    / "ppid_exempted"
    / "utils"
    / "indonesian_dates.py"
)


def _load_module():
    spec = importlib.util.spec_from_file_location("ppid_indonesian_dates", MODULE_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tanggal = _load_module().tanggal


def test_date_in_indonesian():
    assert tanggal(date(2026, 3, 5)) == "5 Maret 2026"
    assert tanggal(date(2026, 12, 31)) == "31 Desember 2026"


def test_day_name():
    assert tanggal(date(2026, 3, 5), with_day=True) == "Kamis, 5 Maret 2026"
    assert tanggal(date(2026, 3, 8), with_day=True) == "Minggu, 8 Maret 2026"


def test_datetime_gets_its_time():
    assert tanggal(datetime(2026, 8, 17, 9, 5)) == "17 Agustus 2026 09.05"


def test_empty_values():
    assert tanggal(None) == ""
    assert tanggal(False) == ""
