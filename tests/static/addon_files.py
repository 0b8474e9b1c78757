"""Read an addon's files (manifest, XML, CSV, Python) without Odoo."""

import ast
import csv
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[2]
ADDONS_DIR = REPO / "addons"
# Tags that declare records at the top level of an Odoo data file.
RECORD_TAGS = {"record", "template", "menuitem", "asset"}
MODEL_KINDS = {"Model", "TransientModel", "AbstractModel"}


def addon_dirs():
    return sorted(path.parent for path in ADDONS_DIR.glob("*/__manifest__.py"))


def read_manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))


def manifest_files(addon, keys=("data", "demo")):
    manifest = read_manifest(addon)
    return [addon / name for key in keys for name in manifest.get(key, [])]


def data_xml_files(addon):
    return [path for path in manifest_files(addon) if path.suffix == ".xml"]


def parse_xml(path):
    return etree.parse(str(path))


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def top_level_records(tree):
    """Record-like elements directly under <odoo> or <odoo><data>."""
    root = tree.getroot()
    for parent in [root, *root.findall("data")]:
        for element in parent:
            if element.tag in RECORD_TAGS:
                yield element


def local_xmlid(addon, xmlid):
    """'ppid_exempted.foo' and 'foo' both become 'foo'; others stay whole."""
    prefix = addon.name + "."
    return xmlid.removeprefix(prefix)


def record_ids(addon):
    """(xml id, file) for every record the addon's data files declare."""
    found = []
    for path in data_xml_files(addon):
        for element in top_level_records(parse_xml(path)):
            if element.get("id"):
                found.append((local_xmlid(addon, element.get("id")), path))
    return found


def records_of_model(addon, model):
    ids = set()
    for path in data_xml_files(addon):
        for element in top_level_records(parse_xml(path)):
            if element.tag == "record" and element.get("model") == model:
                ids.add(local_xmlid(addon, element.get("id", "")))
    return ids


def python_files(addon):
    return sorted(
        path
        for path in addon.rglob("*.py")
        if path.relative_to(addon).parts[0] not in ("tests", "migrations")
    )


def defined_models(addon):
    """{model name: class kind} for the models the addon creates."""
    models = {}
    for path in python_files(addon):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                name, inherit = _model_attributes(node)
                kind = _model_kind(node)
                if name and kind and name not in inherit:
                    models[name] = kind
    return models


def _model_attributes(class_node):
    name, inherit = None, []
    for statement in class_node.body:
        if not isinstance(statement, ast.Assign):
            continue
        targets = [t.id for t in statement.targets if isinstance(t, ast.Name)]
        try:
            value = ast.literal_eval(statement.value)
        except ValueError:
            continue
        if "_name" in targets and isinstance(value, str):
            name = value
        if "_inherit" in targets:
            inherit = [value] if isinstance(value, str) else list(value)
    return name, inherit


def _model_kind(class_node):
    for base in class_node.bases:
        base_name = base.attr if isinstance(base, ast.Attribute) else None
        if base_name in MODEL_KINDS:
            return base_name
    return None


def model_xmlid(model_name):
    return "model_" + model_name.replace(".", "_")
