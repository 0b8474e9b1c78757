"""Unit tests for addons/ppid_exempted/utils/statute_citation.py (no Odoo needed)."""

import importlib.util
from pathlib import Path

MODULE_PATH = (
    Path(__file__).resolve().parents[2]
    / "addons"
    / "ppid_exempted"
    / "utils"
    / "statute_citation.py"
)


def _load_module():
    spec = importlib.util.spec_from_file_location("ppid_statute_citation", MODULE_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cite_statute = _load_module().cite_statute
KESEHATAN = "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan, Pasal 4"


def test_the_parts_as_the_demo_types_them():
    assert (
        cite_statute("Undang-Undang tentang Kesehatan", "17 Tahun 2023", "Pasal 4")
        == KESEHATAN
    )


def test_every_way_of_typing_the_number():
    for number in ("17/2023", "17 / 2023", "Nomor 17 Tahun 2023", "No. 17 Th. 2023"):
        assert (
            cite_statute("Undang-Undang tentang Kesehatan", number, "Pasal 4")
            == KESEHATAN
        ), number


def test_a_name_that_names_its_number_is_not_numbered_twice():
    # the garbled citation of the first demo: "... tentang Kesehatan 17/2023 Pasal 4"
    assert (
        cite_statute(
            "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan", "17/2023", "Pasal 4"
        )
        == KESEHATAN
    )


def test_missing_parts():
    assert cite_statute("", "", "") == ""
    assert cite_statute(None, None, None) == ""
    assert cite_statute("KUHAP", None, "Pasal 43") == "KUHAP, Pasal 43"
    assert cite_statute("Undang-Undang tentang Hukum Acara Pidana", "8/1981") == (
        "Undang-Undang Nomor 8 Tahun 1981 tentang Hukum Acara Pidana"
    )
    assert (
        cite_statute("Peraturan Daerah", "3/2020")
        == "Peraturan Daerah Nomor 3 Tahun 2020"
    )
    assert cite_statute(
        "  Undang-Undang   tentang  Kearsipan ", "43/2009", " Pasal 44 "
    ) == ("Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan, Pasal 44")
