# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.fields import Command

from .common import PpidCase

KUHAP = "Undang-Undang Nomor 8 Tahun 1981 tentang Hukum Acara Pidana"


class ClassificationCase(PpidCase):
    """Consequence-test sessions and decrees on top of the PPID roles."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.committee = cls.users["committee"]
        cls.head = cls.users["head"]
        cls.Test = cls.env["ppid.consequence.test"]
        cls.Decree = cls.env["ppid.classification.decree"]

    def _session(self, items, conclusion="exempted", participants=None, **values):
        """A session of the committee testing `items`, with a PPID and the unit."""
        if participants is None:
            participants = [
                {"user_id": self.committee.id, "capacity": "ppid"},
                {"user_id": self.users["pelaksana"].id, "capacity": "unit"},
            ]
        line_values = values.pop("line_values", {})
        return self.Test.with_user(self.committee).create(
            {
                "trigger": "before_request",
                "place": "Ruang Rapat Diskominfo",
                "participant_ids": [Command.create(p) for p in participants],
                "line_ids": [
                    Command.create(
                        {
                            "information_id": item.id,
                            "conclusion": conclusion,
                            "statute_name": KUHAP,
                            **line_values,
                        }
                    )
                    for item in items
                ],
                **values,
            }
        )

    def _sign_all(self, test):
        for participant in test.participant_ids:
            test.with_user(participant.user_id).action_sign()

    def _completed(self, items, conclusion="exempted", **values):
        test = self._session(items, conclusion=conclusion, **values)
        self._sign_all(test)
        test.with_user(self.committee).action_complete()
        return test

    def _approval_item(self, **overrides):
        """An item concluded exempted by a completed test, with its draft decree."""
        item = self._create_item("received", **overrides)
        test = self._completed(item)
        return item, test.decree_ids
