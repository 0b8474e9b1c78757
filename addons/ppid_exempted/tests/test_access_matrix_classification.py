# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ROLES
from .common_classification import SIGNED_SHEET, ClassificationCase

# Who may do what with consequence tests and decrees (README, "Roles").
EXPECTED = {
    # The unit's officer sits in the session and signs for the unit.
    "pelaksana": {"read test", "sign as participant", "read decree"},
    "service": {"read test", "read decree"},
    "committee": {
        "read test",
        "create test",
        "write test",
        "delete draft test",
        "sign as participant",
        "upload an expert's signed sheet",
        "complete test",
        "read decree",
    },
    "documentation": {"read test", "read decree"},
    "head": {"read test", "read decree", "approve decree"},
    "auditor": {"read test", "read decree"},
    # The administrator may prepare a session; only the committee completes it.
    "manager": {"read test", "create test", "write test", "read decree"},
}


class _Undo(Exception):
    """Rolls an allowed operation back, so the next one starts afresh."""


@tagged("post_install", "-at_install")
class TestClassificationAccessMatrix(ClassificationCase):
    """Every role against every operation on consequence tests and decrees,
    through the ORM as that user (the same doors an RPC call uses)."""

    def _allowed(self, operation):
        """Run `operation` and undo it, whatever happened."""
        try:
            with self.env.cr.savepoint():
                operation()
                self.env.flush_all()
                raise _Undo()
        except _Undo:
            return True
        except UserError:
            return False

    def _operations(self, user):
        item = self._create_item("received")
        draft = self._session(item)
        signed = self._session(self._create_item("received"))
        self._sign_all(signed)
        _item, decree = self._approval_item()
        external = self._session(
            self._create_item("received"),
            participants=[
                {"user_id": self.committee.id, "capacity": "ppid"},
                {
                    "external_name": "Dr. Rina",
                    "institution": "Universitas Mulawarman",
                    "capacity": "expert",
                },
            ],
        ).participant_ids.filtered(lambda p: not p.user_id)
        return {
            "read test": lambda: draft.with_user(user).read(["name", "place"]),
            "create test": lambda: self.Test.with_user(user).create(
                {"trigger": "before_request", "place": "Aula"}
            ),
            "write test": lambda: draft.with_user(user).write({"place": "Aula"}),
            "delete draft test": lambda: draft.with_user(user).unlink(),
            "sign as participant": lambda: draft.with_user(user).action_sign(),
            "upload an expert's signed sheet": lambda: external.with_user(
                user
            ).action_upload_signed_sheet(SIGNED_SHEET, "lembar.pdf"),
            "complete test": lambda: signed.with_user(user).action_complete(),
            "read decree": lambda: decree.with_user(user).read(["name", "place"]),
            "approve decree": lambda: decree.with_user(user).action_approve(),
        }

    def test_every_role_against_every_operation(self):
        for role in ROLES:
            user = self.users[role]
            with self.subTest(role=role):
                allowed = {
                    name
                    for name, operation in self._operations(user).items()
                    if self._allowed(operation)
                }
                self.assertEqual(allowed, EXPECTED[role])
