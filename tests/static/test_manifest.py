"""The manifest holds what Odoo 19 and the OCA guidelines expect."""

import re

from addon_files import addon_dirs, read_manifest

VERSION = re.compile(r"^19\.0\.\d+\.\d+\.\d+$")
# As in OCA's .pylintrc-mandatory (license-allowed).
LICENSES = {
    "AGPL-3",
    "GPL-2",
    "GPL-2 or any later version",
    "GPL-3",
    "GPL-3 or any later version",
    "LGPL-3",
}


def test_addons_folder_has_an_addon():
    assert addon_dirs(), "no addons/*/__manifest__.py found"


def test_version(addon):
    version = read_manifest(addon).get("version", "")
    assert VERSION.match(version), f"version {version!r} is not 19.0.x.y.z"


def test_license(addon):
    assert read_manifest(addon).get("license") in LICENSES


def test_author_and_website(addon):
    manifest = read_manifest(addon)
    assert isinstance(manifest.get("author"), str) and manifest["author"].strip()
    assert manifest.get("website", "").startswith("https://")


def test_name_and_summary(addon):
    manifest = read_manifest(addon)
    assert manifest.get("name") and manifest.get("summary")


def test_depends(addon):
    depends = read_manifest(addon).get("depends")
    assert depends and all(isinstance(name, str) for name in depends)
    assert len(depends) == len(set(depends)), "duplicate dependency"


def test_external_python_dependencies(addon):
    external = read_manifest(addon).get("external_dependencies", {})
    assert "holidays" in external.get("python", [])


def test_installable(addon):
    assert read_manifest(addon).get("installable", True) is True


def test_no_deprecated_keys(addon):
    deprecated = {"description", "active"} & set(read_manifest(addon))
    assert not deprecated, f"deprecated manifest keys: {sorted(deprecated)}"


def test_no_duplicated_data_files(addon):
    manifest = read_manifest(addon)
    files = manifest.get("data", []) + manifest.get("demo", [])
    duplicates = sorted({name for name in files if files.count(name) > 1})
    assert not duplicates, f"listed twice: {duplicates}"
