# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The shape of the register item (issue 10, "a structure a newcomer can
read"): the legal content is declared once for the item and the lines, and
the item has one create() and one write() that call its pieces' hooks in a
declared order, each once."""

from contextlib import contextmanager

from odoo.tests import tagged

from ..models.ppid_classification_mixin import CLASSIFICATION_FIELDS
from .common import PpidCase

MODULE = "odoo.addons.ppid_exempted."
CONTENT = "ppid.classification.content.mixin"
CLASSIFIED = (
    "ppid.exempted.information",
    "ppid.consequence.test.line",
    "ppid.classification.decree.line",
)
# The checks of the legal content, written once (in the content mixin).
CONTENT_CHECKS = (
    "_check_subpoint_belongs_to_huruf",
    "_compute_huruf",
    "_missing_legal_basis",
    "_missing_analysis",
    "_missing_scope",
    "_missing_period",
    "_missing_period_bounds",
    "_legal_basis_text",
)
# The order write() declares in its docstring, written out by hand.
WRITE_HOOKS = (
    "_vault_before_write",
    "_audit_before_write",
    "_check_values_sane",
    "_check_field_rules",
    "_audit_after_write",
    "_vault_after_write",
)
CREATE_HOOKS = ("_vault_before_create", "_audit_after_create", "_vault_after_create")


@tagged("post_install", "-at_install")
class TestItemStructure(PpidCase):
    @contextmanager
    def _hooks_called(self, names):
        """The names of these methods of the item, in the order they run.
        The real methods run; only their calls are written down."""
        Item = type(self.env["ppid.exempted.information"])
        calls = []
        own = {name: vars(Item)[name] for name in names if name in vars(Item)}

        def spy(name, method):
            def recorded(records, *args, **kwargs):
                calls.append(name)
                return method(records, *args, **kwargs)

            return recorded

        for name in names:
            setattr(Item, name, spy(name, getattr(Item, name)))
        try:
            yield calls
        finally:
            for name in names:
                if name in own:
                    setattr(Item, name, own[name])
                else:
                    delattr(Item, name)

    def test_the_legal_fields_come_from_the_content_mixin(self):
        content = self.env[CONTENT]._fields
        for model in CLASSIFIED:
            fields = self.env[model]._fields
            self.assertIn(type(self.env[CONTENT]), type(self.env[model]).__mro__)
            for name in (*CLASSIFICATION_FIELDS, "huruf"):
                with self.subTest(model=model, field=name):
                    field, declared = fields[name], content[name]
                    self.assertEqual(field.type, declared.type)
                    self.assertEqual(field.string, declared.string)
                    self.assertEqual(field.help, declared.help)
                    self.assertEqual(
                        getattr(field, "comodel_name", None),
                        getattr(declared, "comodel_name", None),
                    )
                    self.assertEqual(
                        getattr(field, "selection", None),
                        getattr(declared, "selection", None),
                    )
        self.assertEqual(
            self.env["ppid.exempted.information"]
            ._fields["public_interest_note"]
            .string,
            self.env["ppid.consequence.test.line"]
            ._fields["public_interest_note"]
            .string,
        )

    def test_the_checks_of_the_legal_content_are_written_once(self):
        written = type(self.env[CONTENT])
        for model in CLASSIFIED:
            for name in CONTENT_CHECKS:
                with self.subTest(model=model, check=name):
                    self.assertIs(
                        getattr(type(self.env[model]), name), getattr(written, name)
                    )
        self.assertFalse(
            hasattr(self.env["ppid.consequence.test.line"], "_virtual_item"),
            "A line runs the checks itself, not through an in-memory item.",
        )

    def test_one_create_and_one_write_on_the_item(self):
        Item = type(self.env["ppid.exempted.information"])
        for method in ("create", "write", "unlink"):
            with self.subTest(method=method):
                defined = [
                    cls.__module__
                    for cls in Item.__mro__
                    if method in vars(cls) and cls.__module__.startswith(MODULE)
                ]
                self.assertEqual(defined, [MODULE + "models.ppid_exempted_information"])

    def test_a_write_runs_the_hooks_in_the_declared_order_once(self):
        item = self._create_item()
        officer = item.with_user(self.users["pelaksana"])
        with self._hooks_called(WRITE_HOOKS) as calls:
            officer.write({"title": "Notulen rapat penyidikan"})
        self.assertEqual(tuple(calls), WRITE_HOOKS)
        with self._hooks_called(WRITE_HOOKS) as calls:
            officer.action_submit()
        self.assertEqual(tuple(calls), WRITE_HOOKS)
        self.assertEqual(item.state, "submitted")

    def test_a_create_runs_the_hooks_in_the_declared_order_once(self):
        Items = self.env["ppid.exempted.information"].with_user(self.users["pelaksana"])
        with self._hooks_called(CREATE_HOOKS) as calls:
            item = Items.create(self._item_values())
        self.assertEqual(tuple(calls), CREATE_HOOKS)
        self.assertEqual(item.audit_log_ids.mapped("event"), ["create"])
