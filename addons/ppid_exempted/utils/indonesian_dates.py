"""Dates as Indonesian letters write them ("5 Maret 2026"), whatever the user's
language: the notification letter, the receipt, the test sheet and the decree are
legal forms in Bahasa Indonesia. This module must not import Odoo.
"""

from datetime import date, datetime

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def tanggal(value: date | datetime | None, with_day: bool = False) -> str:
    """Return ``value`` as "5 Maret 2026" ("Kamis, 5 Maret 2026" with the day);
    a datetime also gets its time ("09.30"). Empty values give an empty string."""
    if not value:
        return ""
    text = f"{value.day} {BULAN[value.month - 1]} {value.year}"
    if with_day:
        text = f"{HARI[value.weekday()]}, {text}"
    if isinstance(value, datetime):
        text = f"{text} {value:%H.%M}"
    return text
