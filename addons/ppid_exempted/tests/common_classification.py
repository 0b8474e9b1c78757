# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64

from odoo.fields import Command
from odoo.tests import new_test_user

from .common import PpidCase

KUHAP = "Undang-Undang Nomor 8 Tahun 1981 tentang Hukum Acara Pidana"
SIGNED_SHEET = base64.b64encode(b"%PDF-1.4 lembar uji ditandatangani")


class ClassificationCase(PpidCase):
    """Consequence-test sessions and decrees on top of the PPID roles."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.committee = cls.users["committee"]
        cls.head = cls.users["head"]
        # A second member of the Tim Pertimbangan, and the other unit's officer:
        # a lawful session is never one person (Perki 1/2021 Pasal 49).
        cls.member = new_test_user(
            cls.env,
            login="ppid_member",
            name="Anggota Tim Pertimbangan",
            groups="ppid_exempted.group_ppid_committee",
        )
        cls.other_officer = new_test_user(
            cls.env,
            login="ppid_other_pelaksana",
            name="Pelaksana Disdik",
            groups="ppid_exempted.group_ppid_pelaksana",
        )
        cls.other_officer.ppid_unit_ids = cls.other_unit
        cls.officers = {
            cls.unit: cls.users["pelaksana"],
            cls.other_unit: cls.other_officer,
        }
        cls.Test = cls.env["ppid.consequence.test"]
        cls.Decree = cls.env["ppid.classification.decree"]

    def _lawful_participants(self, items):
        """The composition the body requires by default: the PPID official as
        chair, the officer of each unit tested, and one more member."""
        participants = [{"user_id": self.committee.id, "capacity": "ppid"}]
        for unit in items.unit_id:
            participants.append(
                {
                    "user_id": self.officers[unit].id,
                    "capacity": "unit",
                    "unit_id": unit.id,
                }
            )
        participants.append({"user_id": self.member.id, "capacity": "committee"})
        return participants

    def _session(self, items, conclusion="exempted", participants=None, **values):
        """A session of the committee testing `items`, lawfully composed."""
        if participants is None:
            participants = self._lawful_participants(items)
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
            if participant.user_id:
                test.with_user(participant.user_id).action_sign()
            else:
                participant.with_user(self.committee).action_upload_signed_sheet(
                    SIGNED_SHEET, "lembar_uji_ditandatangani.pdf"
                )

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
