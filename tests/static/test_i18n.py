"""Translations: an Indonesian catalogue exists and parses."""

import re

import pytest

try:
    import polib
except ImportError:  # the fallback parser below is enough for these checks
    polib = None

HEADER_LANGUAGE = re.compile(r'^"Language: (?P<lang>[^\\"]*)', re.MULTILINE)


def read_po(path):
    """{msgid: msgstr} and the Language header of a .po or .pot file."""
    if polib:
        catalogue = polib.pofile(str(path))
        entries = {entry.msgid: entry.msgstr for entry in catalogue}
        return entries, catalogue.metadata.get("Language", "")
    return _read_po_simply(path)


def _read_po_simply(path):
    text = path.read_text(encoding="utf-8")
    entries, key, values = {}, None, {}
    for line in text.splitlines() + [""]:
        line = line.strip()
        if line.startswith("msg"):  # msgctxt, msgid, msgstr, msgstr[0]...
            key, _space, rest = line.partition(" ")
            values[key] = _unquote(rest)
        elif line.startswith('"') and key:
            values[key] += _unquote(line)
        elif not line and "msgid" in values:
            entries[values["msgid"]] = values.get("msgstr", "")
            key, values = None, {}
        elif line and not line.startswith("#"):
            raise ValueError(f"{path.name}: cannot parse line {line!r}")
    match = HEADER_LANGUAGE.search(text)
    return entries, match["lang"] if match else ""


def _unquote(token):
    if len(token) < 2 or token[0] != '"' or token[-1] != '"':
        raise ValueError(f"not a quoted string: {token}")
    return token[1:-1]


def test_indonesian_catalogue_parses(addon):
    path = addon / "i18n" / "id.po"
    assert path.is_file(), "i18n/id.po is missing"
    entries, language = read_po(path)
    assert entries, "i18n/id.po has no entries"
    assert language.startswith("id"), f"Language header is {language!r}"


def test_template_parses_when_present(addon):
    path = addon / "i18n" / f"{addon.name}.pot"
    if not path.exists():
        pytest.skip("no .pot template")
    entries, _language = read_po(path)
    assert entries


def test_no_english_catalogue(addon):
    # OCA: English is the source language; an en.po only hides changes.
    assert not (addon / "i18n" / "en.po").exists()
