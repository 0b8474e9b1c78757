# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

PREFIX = "ppid_exempted.ppid_exempted_information_"


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """The demo body lives the whole SOP (issue 12): every step was taken by
    its owner through the product, and every menu shows what it produced."""

    def setUp(self):
        super().setUp()
        if not self.env.ref(
            f"{PREFIX}inspektorat_investigasi_demo", raise_if_not_found=False
        ):
            self.skipTest("the demo data is not installed")
        self.Item = self.env["ppid.exempted.information"]
        self.items = self.env["ppid.demo"]._demo_all_items()

    def _item(self, key):
        return self.env.ref(f"{PREFIX}{key}_demo")

    def test_every_state_of_the_pipeline(self):
        counts = dict(
            self.Item._read_group(
                [("id", "in", self.items.ids)], ["state"], ["__count"]
            )
        )
        self.assertEqual(
            counts,
            {
                "draft": 4,
                "submitted": 3,
                "received": 3,
                "testing": 3,
                "approval": 5,
                "exempted": 4,
                "documented": 4,
                "expiring": 2,
                "opened": 4,
            },
        )

    def test_every_classified_item_has_a_done_test_and_an_approved_decree(self):
        classified = self.items.filtered("approved_datetime")
        self.assertEqual(len(classified), 4 + 4 + 2 + 3)
        for item in classified:
            tested = item.consequence_test_line_ids.filtered(
                lambda line: (
                    line.test_id.state == "done" and line.conclusion == "exempted"
                )
            )
            self.assertTrue(tested, item.name)
            decreed = item.decree_line_ids.filtered(
                lambda line, tested=tested: (
                    line.decree_id.state == "approved" and line.test_line_id in tested
                )
            )
            self.assertTrue(decreed, item.name)
            self.assertEqual(
                decreed.decree_id.approved_by_id,
                self.env.ref("ppid_exempted.user_ppid_atasan_demo"),
            )
        # Awaiting the head: a completed test and a draft decree.
        for item in self.items.filtered(lambda i: i.state == "approval"):
            self.assertEqual(item.decree_line_ids.decree_id.state, "draft")
        self.assertEqual(self.env["ppid.demo"]._demo_unbacked_items(), [])

    def test_sessions_are_lawful_and_signed_by_each_participant(self):
        tests = self.env["ppid.consequence.test"].search(
            [("line_ids.information_id", "in", self.items.ids)]
        )
        self.assertEqual(sorted(tests.mapped("state")), ["done"] * 4 + ["draft"])
        ppid = self.env.ref("ppid_exempted.user_ppid_pertimbangan_demo")
        for test in tests:
            participants = test.participant_ids
            self.assertEqual(
                participants.filtered(lambda p: p.capacity == "ppid").user_id, ppid
            )
            self.assertTrue(
                participants.filtered(
                    lambda p: p.capacity == "committee" and p.user_id != ppid
                )
            )
            for unit in test.line_ids.information_id.unit_id:
                officers = participants.filtered(
                    lambda p: p.capacity == "unit"
                ).user_id.filtered(lambda user, unit=unit: unit in user.ppid_unit_ids)
                self.assertTrue(officers, f"{test.name}: {unit.name}")
            if test.state == "done":
                for participant in participants:
                    self.assertEqual(participant.signed_by_id, participant.user_id)
            else:
                self.assertEqual(test.signature_progress, "2 / 5")
        open_lines = tests.line_ids.filtered(lambda line: line.conclusion == "open")
        self.assertEqual(
            open_lines.information_id,
            self._item("dindik_bos") | self._item("bpkad_tanah_pasar"),
        )

    def test_the_rest_of_the_sop(self):
        collection = self.env["ppid.collection.round"].search(
            [("information_ids", "in", self.items.ids)]
        )
        self.assertEqual(collection.state, "open")
        self.assertEqual(len(collection.line_ids), 10)
        returned = self._item("dinkes_ppns_obat")
        self.assertEqual(returned.state, "draft")
        self.assertTrue(returned.return_reason and returned.submitted_datetime)
        # Opened after a classification: a DIP entry with its announcement each.
        entries = self.env["ppid.public.information"].search([])
        self.assertEqual(
            entries.information_id,
            self._item("bpkad_tanah_pasar")
            | self._item("bkpsdm_ijazah")
            | self._item("dindik_nota_ppdb"),
        )
        self.assertTrue(all(entries.mapped("announcement")))
        self.assertEqual(
            sorted(entries.mapped("open_reason")),
            ["komisi_informasi", "public_office", "reclassification"],
        )
        # Documented with real file names and a located hardcopy.
        documented = self.items.filtered("documented_datetime")
        self.assertEqual(len(documented), 9)
        for item in documented:
            self.assertRegex(item.softcopy_filename, r"^[a-z0-9_]+\.pdf$")
            self.assertTrue(item.hardcopy_location_id and item.jra_reference)
        expiring = self.items.filtered(lambda i: i.state == "expiring")
        expiry = self.env.ref("ppid_exempted.mail_activity_type_ppid_expiry")
        for item in expiring:
            self.assertTrue(item.ends_within_30_working_days)
            self.assertIn(expiry, item.activity_ids.activity_type_id)
        published = self.items.filtered("is_published")
        self.assertEqual(len(published), 6)
        self.assertTrue(all(published.mapped("published_harm_summary")))
        issue = self.env["ppid.register.issue"].search([("state", "=", "issued")])
        self.assertEqual(len(issue.line_ids), 10)
        transfers = self.env["ppid.custody.transfer"].search([])
        self.assertTrue(transfers.filtered("holder_partner_id"))
        downloads = self.env["ppid.vault.log"].search([("event", "=", "download")])
        self.assertEqual(
            downloads.user_id,
            self.env.ref("ppid_exempted.user_ppid_pengelola_demo")
            | self.env.ref("ppid_exempted.user_ppid_atasan_demo"),
        )

    def test_every_menu_shows_demo_records_to_every_role(self):
        self.assertEqual(self.env["ppid.demo"]._demo_empty_menus(), [])
