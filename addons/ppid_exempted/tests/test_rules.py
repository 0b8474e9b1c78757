# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from dateutil.relativedelta import relativedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..models.ppid_rulebook import CONSEQUENCE_TEST
from .common import PpidCase


@tagged("post_install", "-at_install")
class TestDomainRules(PpidCase):
    def _submit(self, **overrides):
        item = self._create_item("draft", **overrides)
        item.with_user(self.users["pelaksana"]).action_submit()
        return item

    def _conclude(self, **overrides):
        """Conclude as a completed consequence-test session does."""
        item = self._create_item("testing", **overrides)
        item._as_system(CONSEQUENCE_TEST).write({"state": "approval"})
        return item

    # Rule 1: a huruf; an angka for a/c/e/f/h; the statute for j.
    def test_rule_01_huruf_is_required(self):
        with self.assertRefused(ValidationError, "Pasal 17 huruf"):
            self._submit(legal_basis_id=False, legal_subpoint_id=False)

    def test_rule_01_angka_required_for_a_c_e_f_h(self):
        for code in "acefh":
            basis = self.env.ref(f"ppid_exempted.legal_basis_{code}")
            with self.subTest(huruf=code), self.assertRefused(ValidationError, "angka"):
                self._submit(legal_basis_id=basis.id, legal_subpoint_id=False)
        item = self._submit(
            legal_basis_id=self.env.ref("ppid_exempted.legal_basis_b").id,
            legal_subpoint_id=False,
        )
        self.assertEqual(item.state, "submitted")

    def test_rule_01_statute_required_for_j(self):
        j = {"legal_basis_id": self.basis_j.id, "legal_subpoint_id": False}
        with self.assertRefused(ValidationError, "statute"):
            self._submit(**j, statute_name="UU Kearsipan", statute_number="43/2009")
        item = self._submit(
            **j,
            statute_name="Undang-Undang tentang Kearsipan",
            statute_number="43/2009",
            statute_article="Pasal 44",
        )
        self.assertEqual(item.state, "submitted")

    def test_rule_01_an_angka_is_not_a_huruf(self):
        with self.assertRefused(ValidationError, "huruf of Pasal 17"):
            self._create_item(legal_basis_id=self.basis_a1.id, legal_subpoint_id=False)

    def test_rule_01_angka_must_belong_to_its_huruf(self):
        with self.assertRaises(ValidationError):
            self._create_item(
                legal_basis_id=self.basis_a.id, legal_subpoint_id=self.basis_h2.id
            )

    # Rule 3: classified only through the consequence test and the approval.
    def test_rule_03_exempted_only_after_test_and_approval(self):
        for source in ("draft", "submitted", "received", "testing"):
            item = self._create_item(source)
            with (
                self.subTest(source=source),
                self.assertRefused(UserError, "cannot move"),
            ):
                item.with_user(self.users["head"]).write({"state": "exempted"})
            self.assertEqual(item.state, source)
        item = self._create_item("approval")
        item.with_user(self.users["head"]).action_approve()
        self.assertEqual(item.state, "exempted")

    # Rule 12: a definite period and a review date.
    def test_rule_12_unlimited_period_refused_for_a_to_f(self):
        """A condition is of a known kind, and for huruf a-f comes with a
        latest end date: the words of the condition cannot make it unlimited."""
        for wording in ("Tidak terbatas", "Tidak dibatasi", "Sepanjang masa"):
            with self.subTest(wording=wording):
                with self.assertRefused(ValidationError, "its kind"):
                    self._conclude(
                        period_type="condition", period_end_condition=wording
                    )
        with self.assertRefused(ValidationError, "without limit"):
            self._conclude(
                period_type="condition",
                period_end_event="case_closed",
                period_end_condition="Selama diperlukan",
                period_end_date=False,
            )
        item = self._conclude(
            period_type="condition",
            period_end_event="case_closed",
            period_end_condition="Sampai putusan pengadilan berkekuatan hukum tetap",
        )
        self.assertEqual(item.state, "approval")
        self.assertTrue(item.period_end_date, "a latest end date is kept")

    def test_rule_12_end_date_or_condition_and_review_date(self):
        with self.assertRefused(ValidationError, "end date"):
            self._conclude(period_end_date=False)
        with self.assertRefused(ValidationError, "end condition"):
            self._conclude(period_type="condition", period_end_condition=False)
        with self.assertRefused(ValidationError, "review"):
            self._conclude(review_date=False)

    def test_rule_08_huruf_a_at_most_thirty_years(self):
        with self.assertRefused(ValidationError, "30 years"):
            self._conclude(period_end_date=self.today + relativedelta(years=31))

    # Rule 13: Pasal 18(1) types are never exempt without an override reason.
    def test_rule_13_pasal18_type_needs_override(self):
        with self.assertRefused(ValidationError, "Pasal 18"):
            self._conclude(pasal18_type="court_decision")
        item = self._conclude(
            pasal18_type="policy",
            pasal18_override_reason="Lampiran memuat identitas saksi pelapor.",
        )
        self.assertEqual(item.state, "approval")

    # Rule 14: consent or public office for g/h opens the information.
    def test_rule_14_consent_needs_evidence_and_blocks_exemption(self):
        personal = {
            "legal_basis_id": self.basis_h.id,
            "legal_subpoint_id": self.basis_h2.id,
        }
        with self.assertRaises(ValidationError):
            self._create_item("testing", **personal, consent_given=True)
        with self.assertRefused(ValidationError, "consent"):
            self._conclude(
                **personal,
                consent_given=True,
                consent_evidence="Surat persetujuan tertanggal 2 Maret 2026",
            )
        item = self._create_item("exempted", **personal)
        item.write(
            {
                "public_office": True,
                "consent_evidence": "Menyangkut jabatan publik Kepala Dinas",
            }
        )
        item.with_user(self.users["head"]).action_open("public_office")
        self.assertEqual(item.state, "opened")

    # Rule 19: the part exempted, or a justification for the whole document.
    def test_rule_19_part_or_justified_whole(self):
        with self.assertRefused(ValidationError, "part of the document"):
            self._submit(exempt_part=False)
        with self.assertRefused(ValidationError, "whole document"):
            self._submit(exemption_scope="whole")
        item = self._submit(
            exemption_scope="whole",
            whole_document_justification="Seluruh isi dokumen adalah data intelijen.",
        )
        self.assertEqual(item.state, "submitted")

    # Rule 20: the public list never contains exempted information.
    def test_rule_20_public_list_never_holds_exempted_items(self):
        Public = self.env["ppid.public.information"]
        for state in ("draft", "testing", "exempted", "documented", "expiring"):
            item = self._create_item(state)
            with (
                self.subTest(state=state),
                self.assertRefused(ValidationError, "exempted"),
            ):
                Public.create({"name": item.title, "information_id": item.id})
        item = self._create_item("expiring", period_end_date=self.today)
        item.with_user(self.users["head"]).action_open("period_ended", "Masa berakhir")
        entry = Public.search([("information_id", "=", item.id)])
        self.assertEqual(len(entry), 1)
        self.assertIn(item.name, entry.announcement)
        self.assertFalse(
            Public.search([("information_id.state", "!=", "opened")]),
            "Only opened items may be in the public list",
        )

    def test_rule_20_refused_at_test_is_not_announced(self):
        item = self._create_item("testing")
        item._as_system(CONSEQUENCE_TEST).action_open("test_open")
        self.assertFalse(
            self.env["ppid.public.information"].search(
                [("information_id", "=", item.id)]
            )
        )

    # Rule 25: a hand-over is a DIK row plus the unit's test sheet.
    def test_rule_25_handover_needs_test_sheet_and_dik_row(self):
        with self.assertRefused(ValidationError, "test sheet"):
            self._submit(unit_test_sheet=False)
        for field_name in (
            "description",
            "source_document",
            "harm_if_opened",
            "interest_if_closed",
        ):
            with self.subTest(field=field_name), self.assertRaises(ValidationError):
                self._submit(**{field_name: False})
        self.assertEqual(self._submit().state, "submitted")
