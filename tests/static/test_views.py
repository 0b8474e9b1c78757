"""No pre-17 view syntax: Odoo 19 rejects it when the module loads."""

from addon_files import data_xml_files, parse_xml

# Since 17.0, attrs= and states= raise; since 18.0 <tree> is <list>.
OLD_ATTRIBUTES = ("attrs", "states")


def test_no_tree_elements(addon):
    found = [
        f"{path.name}:{element.sourceline}"
        for path in data_xml_files(addon)
        for element in parse_xml(path).iter("tree")
    ]
    assert not found, f"<tree> is <list> in Odoo 19: {found}"


def test_no_attrs_or_states(addon):
    found = [
        f"{path.name}:{element.sourceline} {name}="
        for path in data_xml_files(addon)
        for element in parse_xml(path).iter()
        for name in OLD_ATTRIBUTES
        if isinstance(element.tag, str) and element.get(name) is not None
    ]
    assert not found, f"use invisible/readonly/required expressions: {found}"


def test_no_tree_view_mode(addon):
    found = [
        f"{path.name}:{field.sourceline}"
        for path in data_xml_files(addon)
        for field in parse_xml(path).iter("field")
        if field.get("name") == "view_mode" and "tree" in (field.text or "")
    ]
    assert not found, f"view_mode 'tree' is 'list' in Odoo 19: {found}"
