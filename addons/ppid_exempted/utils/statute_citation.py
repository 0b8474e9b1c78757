"""Citing a statute the way Indonesian regulations cite each other.

"Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan, Pasal 4 ayat (1) huruf i":
the kind of regulation, its number and year, what it is about, then the
article (Permenkumham 16/2015 and Lampiran II UU 12/2011, teknik penulisan
kutipan). The register keeps the three parts apart (name, number, article), as
officers type them: "Undang-Undang tentang Kesehatan", "17/2023" or
"17 Tahun 2023" or "Nomor 17 Tahun 2023", "Pasal 4". This module must not
import Odoo.
"""

import re

# "17/2023", "17 / 2023", "Nomor 17 Tahun 2023", "No. 17 Th. 2023"
NUMBER_PATTERN = re.compile(
    r"^\s*(?:nomor|no\.?)?\s*(?P<number>[\w.\-]+?)\s*"
    r"(?:/|\s(?:tahun|th\.?)\s)\s*(?P<year>\d{4})\s*$",
    re.IGNORECASE,
)
# A name that already carries a number ("... Nomor 17 Tahun 2023 tentang ...")
NUMBERED_NAME_PATTERN = re.compile(r"\b(nomor|no\.)\s*\S+", re.IGNORECASE)
ABOUT_PATTERN = re.compile(r"\s+tentang\s+", re.IGNORECASE)


def _clean(text):
    return " ".join((text or "").split())


def statute_number(number):
    """ "17/2023" and its variants as "17 Tahun 2023"; other text as typed."""
    number = _clean(number)
    match = NUMBER_PATTERN.match(number)
    if match:
        return f"{match['number']} Tahun {match['year']}"
    return re.sub(r"^(nomor|no\.?)\s+", "", number, flags=re.IGNORECASE)


def cite_statute(name, number=None, article=None):
    """The citation of a statute from its three parts; "" when all are empty.

    The number goes after the kind of regulation and before "tentang"; a name
    that already names its number keeps it (the number typed beside it is
    then the same and is not repeated); the article follows after a comma.
    """
    name, article = _clean(name), _clean(article)
    number = statute_number(number)
    if number and not NUMBERED_NAME_PATTERN.search(name):
        about = ABOUT_PATTERN.search(name)
        if about:
            name = (
                f"{name[: about.start()]} Nomor {number} tentang {name[about.end() :]}"
            )
        else:
            name = f"{name} Nomor {number}".strip()
    return ", ".join(part for part in (name, article) if part)
