"""ir.model.access.csv refers to real models and groups."""

import pytest
from addon_files import (
    defined_models,
    model_xmlid,
    read_csv,
    read_manifest,
    records_of_model,
)

ACL_COLUMNS = [
    "id",
    "name",
    "model_id:id",
    "group_id:id",
    "perm_read",
    "perm_write",
    "perm_create",
    "perm_unlink",
]


@pytest.fixture
def acl_rows(addon):
    path = addon / "security" / "ir.model.access.csv"
    assert path.is_file(), "security/ir.model.access.csv is missing"
    return read_csv(path)


def foreign_module(addon, xmlid):
    """The module an xml id belongs to, or None when it is the addon's own."""
    module, dot, _name = xmlid.rpartition(".")
    return module if dot and module != addon.name else None


def test_acl_columns(addon):
    header = (addon / "security" / "ir.model.access.csv").read_text().split("\n")[0]
    assert header.strip().split(",") == ACL_COLUMNS


def test_acl_models_exist(addon, acl_rows):
    own = {model_xmlid(name) for name in defined_models(addon)}
    allowed_modules = {"base", *read_manifest(addon)["depends"]}
    for row in acl_rows:
        xmlid = row["model_id:id"]
        module = foreign_module(addon, xmlid)
        if module:
            assert module in allowed_modules, f"{row['id']}: {xmlid}"
        else:
            assert xmlid.rpartition(".")[2] in own, f"{row['id']}: no model {xmlid}"


def test_acl_groups_exist(addon, acl_rows):
    own = records_of_model(addon, "res.groups")
    for row in acl_rows:
        xmlid = row["group_id:id"]
        assert xmlid, f"{row['id']}: access for every user; name a group"
        module = foreign_module(addon, xmlid)
        if module:
            assert module == "base", f"{row['id']}: {xmlid}"
        else:
            assert xmlid.rpartition(".")[2] in own, f"{row['id']}: no group {xmlid}"


def test_acl_permissions_are_0_or_1(addon, acl_rows):
    for row in acl_rows:
        for column in ACL_COLUMNS[4:]:
            assert row[column] in ("0", "1"), f"{row['id']}: {column}"


def test_acl_ids_are_unique(addon, acl_rows):
    ids = [row["id"] for row in acl_rows]
    assert len(ids) == len(set(ids))


def test_every_model_has_access_rights(addon, acl_rows):
    # Odoo logs a warning for a model without any access rule.
    covered = {row["model_id:id"].rpartition(".")[2] for row in acl_rows}
    missing = [
        name
        for name, kind in defined_models(addon).items()
        if kind != "AbstractModel" and model_xmlid(name) not in covered
    ]
    assert not missing, f"models without ACL rows: {missing}"
