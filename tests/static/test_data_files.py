"""Files named in the manifest exist and parse; data files are all listed."""

import csv
from collections import Counter

from addon_files import (
    ADDONS_DIR,
    manifest_files,
    parse_xml,
    read_manifest,
    record_ids,
)

# Folders whose XML and CSV files Odoo only loads through the manifest.
UNLISTED_OK = {"static", "i18n", "tests", "readme", "migrations"}


def test_data_and_demo_files_exist(addon):
    missing = [p.name for p in manifest_files(addon) if not p.is_file()]
    assert not missing, f"listed in the manifest but missing: {missing}"


def test_xml_files_parse(addon):
    for path in manifest_files(addon):
        if path.suffix == ".xml":
            root = parse_xml(path).getroot()
            assert root.tag == "odoo", f"{path.name}: root element is <{root.tag}>"


def test_csv_files_parse(addon):
    for path in manifest_files(addon):
        if path.suffix == ".csv":
            with open(path, newline="", encoding="utf-8") as handle:
                rows = list(csv.reader(handle))
            assert rows and rows[0], f"{path.name} is empty"
            widths = {len(row) for row in rows if row}
            assert widths == {len(rows[0])}, f"{path.name}: ragged rows"


def test_asset_globs_match_files(addon):
    for bundle, entries in read_manifest(addon).get("assets", {}).items():
        for entry in entries:
            # ("include", bundle) names a bundle; other tuples end in a path.
            if isinstance(entry, tuple | list):
                if entry[0] == "include":
                    continue
                entry = entry[-1]
            matches = list(ADDONS_DIR.glob(entry))
            assert matches, f"{bundle}: {entry} matches no file"


def test_every_data_file_is_listed(addon):
    listed = set(manifest_files(addon))
    unlisted = [
        str(path.relative_to(addon))
        for suffix in ("*.xml", "*.csv")
        for path in addon.rglob(suffix)
        if path.relative_to(addon).parts[0] not in UNLISTED_OK and path not in listed
    ]
    assert not unlisted, f"not in the manifest's data or demo: {unlisted}"


def test_xml_ids_are_unique(addon):
    ids = Counter(xmlid for xmlid, _path in record_ids(addon))
    duplicates = sorted(xmlid for xmlid, n in ids.items() if n > 1)
    assert not duplicates, f"xml ids declared more than once: {duplicates}"
