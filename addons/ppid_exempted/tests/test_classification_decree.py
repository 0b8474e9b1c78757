# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..models.ppid_rulebook import CONSEQUENCE_TEST
from .common import ROLES
from .common_classification import ClassificationCase


@tagged("post_install", "-at_install")
class TestClassificationDecree(ClassificationCase):
    # Rule 7: only the head of the body approves, and the approval is recorded.
    def test_rule_07_only_the_head_approves_a_decree(self):
        item, decree = self._approval_item()
        for role in ROLES:
            if role == "head":
                continue
            with self.subTest(role=role), self.assertRaises(AccessError):
                decree.with_user(self.users[role]).action_approve()
        self.assertEqual(decree.state, "draft")
        self.assertEqual(item.state, "approval")
        for user in (self.committee, self.head):
            with self.assertRefused(AccessError, "Approve button"):
                decree.with_user(user).write(
                    {"state": "approved", "approved_by_id": user.id}
                )

        decree.with_user(self.head).action_approve()
        self.assertEqual(decree.state, "approved")
        self.assertEqual(decree.approved_by_id, self.head)
        self.assertTrue(decree.approved_datetime)
        self.assertTrue(decree.name.startswith("PPID/SPK/"))
        self.assertEqual(item.state, "exempted")
        self.assertEqual(item.approved_by_id, self.head)
        self.assertEqual(item.approved_datetime, decree.approved_datetime)
        self.assertEqual(item.decree_reference, decree.name)
        self.assertEqual(item.decree_date, decree.date)

    def test_rule_07_the_kanban_card_approves_the_pending_decree(self):
        item, decree = self._approval_item()
        item.with_user(self.head).action_approve()
        self.assertEqual(decree.state, "approved")
        self.assertEqual(item.decree_reference, decree.name)
        self.assertEqual(len(item.decree_line_ids), 1)

    def test_rule_07_a_drag_without_decree_issues_a_single_item_decree(self):
        item = self._create_item("approval", title="Langsung dari kanban")
        with self.assertRaises(AccessError):
            item.with_user(self.committee).write({"state": "exempted"})
        self.assertFalse(item.decree_line_ids)

        item.with_user(self.head).write({"state": "exempted"})
        decree = item.decree_line_ids.decree_id
        self.assertEqual(len(decree), 1)
        self.assertEqual(decree.state, "approved")
        self.assertEqual(decree.line_ids.information_id, item)
        # The six fields, from the body, its unit and the item.
        self.assertEqual(decree.ppid_official_id, self.committee)
        self.assertEqual(decree.ppid_official_name, self.committee.name)
        self.assertEqual(
            decree.ppid_official_position, "Kepala Dinas Kominfo selaku PPID Utama"
        )
        self.assertEqual(decree.company_id, item.company_id)
        self.assertEqual(decree.unit_id, self.unit_utama)
        self.assertEqual(decree.place, "Tenggarong")
        self.assertEqual(decree.date, self.company._ppid_today())
        self.assertIn("Pasal 17 huruf a", decree.classification_type)
        self.assertEqual(decree.line_ids.period_end_date, item.period_end_date)
        self.assertEqual(item.state, "exempted")
        self.assertEqual(item.decree_reference, decree.name)

    def test_rule_07_a_card_of_a_larger_decree_is_split_off(self):
        first = self._create_item("received", title="Pertama")
        second = self._create_item("received", title="Kedua")
        decree = self._completed(first | second).decree_ids
        first.with_user(self.head).action_approve()
        self.assertEqual(first.state, "exempted")
        self.assertEqual(second.state, "approval")
        self.assertEqual(decree.state, "draft")
        self.assertEqual(decree.line_ids.information_id, second)
        split = first.decree_line_ids.decree_id
        self.assertNotEqual(split, decree)
        self.assertEqual(split.test_id, decree.test_id)
        self.assertEqual(split.state, "approved")

    def test_rule_07_the_sequence_is_the_office_s(self):
        sequence = self.env.ref("ppid_exempted.seq_ppid_classification_decree")
        sequence.write({"prefix": "188.4/PPID/%(year)s/", "padding": 2})
        _item, decree = self._approval_item()
        decree.with_user(self.head).action_approve()
        self.assertRegex(decree.name, r"^188\.4/PPID/\d{4}/\d{2}$")
        _item, manual = self._approval_item()
        manual.with_user(self.committee).name = "800/12/SK-PPID/2026"
        manual.with_user(self.head).action_approve()
        self.assertEqual(manual.name, "800/12/SK-PPID/2026")

    def test_returned_item_leaves_its_draft_decree(self):
        item, decree = self._approval_item()
        item.with_user(self.head).action_return("Periksa kembali analisis.")
        self.assertEqual(item.state, "testing")
        self.assertFalse(decree.line_ids)
        self.assertTrue(decree.message_ids.filtered(lambda m: item.name in m.body))
        with self.assertRefused(ValidationError, "the information it classifies"):
            decree.with_user(self.head).action_approve()

    # Rule 6: the six fields of PP 61/2010 Pasal 4(2).
    def test_rule_06_decree_needs_its_six_fields(self):
        header = {
            "ppid_official_name": "name of the PPID official",
            "ppid_official_position": "position of the PPID official",
            "unit_id": "unit kerja",
            "place": "place of the decision",
            "date": "date of the decision",
        }
        for field_name, expected in header.items():
            item, decree = self._approval_item()
            decree.with_user(self.committee).write({field_name: False})
            with self.subTest(field=field_name):
                with self.assertRefused(ValidationError, expected):
                    decree.with_user(self.head).action_approve()
                self.assertEqual(item.state, "approval")
        # (d) the period: the decree's own part of each line.
        per_line = {
            "end date of the exemption period": {"period_end_date": False},
            "basis of the period": {"period_basis": False},
        }
        for expected, values in per_line.items():
            _item, decree = self._approval_item()
            decree.line_ids.with_user(self.committee).write(values)
            with (
                self.subTest(missing=expected),
                self.assertRefused(ValidationError, expected),
            ):
                decree.with_user(self.head).action_approve()
        # (a) jenis klasifikasi and (e) the reasons come from the signed test,
        # which cannot complete without them; a decree issued for an item
        # without a pending test still checks them.
        per_item = {
            "Pasal 17 huruf": {"legal_basis_id": False, "legal_subpoint_id": False},
            "harm if opened": {"harm_if_opened": False},
            "interest protected if closed": {"interest_if_closed": False},
        }
        for expected, values in per_item.items():
            item = self._create_item("approval", **values)
            with (
                self.subTest(missing=expected),
                self.assertRefused(ValidationError, expected),
            ):
                item.with_user(self.head).action_approve()
            self.assertEqual(item.state, "approval")

    # Rule 3: the decree decides on what the signed test analysed.
    def test_rule_03_decree_keeps_the_tested_analysis(self):
        _item, decree = self._approval_item()
        line = decree.line_ids
        for role in ("committee", "head", "manager"):
            with self.subTest(role=role):
                with self.assertRefused(UserError, "signed consequence test"):
                    line.with_user(self.users[role]).write(
                        {"legal_basis_id": self.basis_h.id}
                    )
        line.with_user(self.committee).period_basis = "PP 61/2010 Pasal 5 ayat (1)"
        self.assertEqual(line.period_basis, "PP 61/2010 Pasal 5 ayat (1)")

    # Rule 8: huruf a, at most 30 years from the decree date.
    def test_rule_08_thirty_years_from_the_decree_date(self):
        decree_date = self.today - relativedelta(months=6)
        item, decree = self._approval_item(
            period_end_date=self.today + relativedelta(years=30)
        )
        # The test was completed before the decree date (set as history).
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE ppid_consequence_test SET completed_datetime = %s WHERE id = %s",
            (decree_date - relativedelta(days=1), decree.test_id.id),
        )
        decree.test_id.invalidate_recordset(["completed_datetime"])
        decree.with_user(self.committee).date = decree_date
        with self.assertRefused(ValidationError, "within 30 years of the decree"):
            decree.with_user(self.head).action_approve()
        decree.line_ids.with_user(self.head).period_end_date = (
            decree_date + relativedelta(years=30)
        )
        decree.with_user(self.head).action_approve()
        self.assertEqual(item.state, "exempted")
        self.assertEqual(item.period_end_date, decree_date + relativedelta(years=30))

    # Rule 10: huruf b, g and i rest their period on a regulation.
    def test_rule_10_period_basis_cites_a_regulation(self):
        for code in "bgi":
            basis = self.env.ref(f"ppid_exempted.legal_basis_{code}")
            _item, decree = self._approval_item(
                legal_basis_id=basis.id,
                legal_subpoint_id=False,
                period_basis="PP 61/2010 Pasal 6 jo. UU 30/2000 Rahasia Dagang",
            )
            decree.line_ids.with_user(
                self.committee
            ).period_basis = "Sesuai kebutuhan unit"
            with (
                self.subTest(huruf=code),
                self.assertRefused(ValidationError, "regulation the period rests on"),
            ):
                decree.with_user(self.head).action_approve()
            decree.line_ids.with_user(
                self.committee
            ).period_basis = "Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan"
            decree.with_user(self.head).action_approve()
            self.assertEqual(decree.state, "approved")

    # Rule 11: for huruf c-f the period is set by the head of the body.
    def test_rule_11_head_sets_the_period_for_c_to_f(self):
        basis_c = self.env.ref("ppid_exempted.legal_basis_c")
        manager = self.users["manager"]
        _item, decree = self._approval_item(
            legal_basis_id=basis_c.id, legal_subpoint_id=basis_c.child_ids[:1].id
        )
        # Even a system path (sudo) does not let a non-head set a c-f period.
        with self.assertRefused(ValidationError, "PP 61/2010 Pasal 7"):
            decree.with_user(manager).sudo().action_approve()
        self.assertEqual(decree.state, "draft")
        # The same path for huruf a is not refused: the check is rule 11's.
        _item, decree_a = self._approval_item()
        decree_a.with_user(manager).sudo().action_approve()
        self.assertEqual(decree_a.state, "approved")

        decree.with_user(self.head).action_approve()
        self.assertEqual(decree.state, "approved")
        self.assertEqual(decree.approved_by_id, self.head)

    # Rule 12: no unlimited period for a-f; an end and a review date.
    def test_rule_12_definite_period_and_review_date(self):
        _item, decree = self._approval_item()
        line = decree.line_ids.with_user(self.head)
        line.write(
            {
                "period_type": "condition",
                "period_end_event": "case_closed",
                "period_end_condition": "Permanen",
                "period_end_date": False,
            }
        )
        with self.assertRefused(ValidationError, "without limit"):
            decree.with_user(self.head).action_approve()
        line.write(
            {
                "period_end_date": self.today + relativedelta(years=5),
                "period_end_condition": "Sampai putusan berkekuatan hukum tetap",
                "review_date": False,
            }
        )
        with self.assertRefused(ValidationError, "next review date"):
            decree.with_user(self.head).action_approve()
        line.review_date = self.today + relativedelta(years=1)
        decree.with_user(self.head).action_approve()
        self.assertEqual(decree.line_ids.information_id.period_type, "condition")

    # Rule 19: the decree keeps the part exempted or the whole-document reason.
    def test_rule_19_decree_line_needs_part_or_justified_whole(self):
        # The test line cannot complete without it (test_consequence_test); a
        # decree issued for an item without a pending test checks it again.
        item = self._create_item("approval", exempt_part=False)
        with self.assertRefused(ValidationError, "which part of the document"):
            item.with_user(self.head).action_approve()
        item = self._create_item(
            "approval", exemption_scope="whole", whole_document_justification=False
        )
        with self.assertRefused(ValidationError, "whole document is exempted"):
            item.with_user(self.head).action_approve()
        self.assertEqual(item.state, "approval")

    # Rule 17: a classified item's legal content changes only through a new test
    # and a new decree, and the history stays.
    def test_rule_17_classified_fields_are_never_written_directly(self):
        item = self._create_item("exempted")
        attempts = {
            "legal_basis_id": self.basis_j.id,
            "legal_subpoint_id": False,
            "statute_name": "UU lain",
            "harm_if_opened": "Diubah",
            "interest_if_closed": "Diubah",
            "public_interest_note": "Diubah",
            "exemption_scope": "whole",
            "exempt_part": "Diubah",
            "period_end_date": self.today + relativedelta(years=2),
            "period_basis": "Diubah",
            "decree_reference": "SK palsu",
            "decree_date": self.today,
        }
        writers = [self.users[role] for role in ("head", "committee", "manager")]
        for field_name, value in attempts.items():
            for writer in writers:
                with self.subTest(field=field_name, user=writer.login):
                    with self.assertRefused(UserError, "new consequence test"):
                        item.with_user(writer).write({field_name: value})
            with self.assertRefused(UserError, "new consequence test"):
                item.write({field_name: value})  # superuser: no path around it
        # Unchanged values and the next review date are not a reclassification.
        item.with_user(self.head).write(
            {
                "harm_if_opened": item.harm_if_opened,
                "review_date": self.today + relativedelta(years=2),
            }
        )
        for state in ("documented", "expiring"):
            other = self._create_item(state, documentation_waiver_reason="Fisik")
            with self.assertRefused(UserError, "new consequence test"):
                other.write({"legal_basis_id": self.basis_j.id})

    def test_rule_17_reclassification_through_a_new_test_and_decree(self):
        item, first_decree = self._approval_item()
        first_decree.with_user(self.head).action_approve()
        first_test = first_decree.test_id
        self.assertEqual(item.huruf, "a")

        # Tracking starts once the item's creation is committed.
        self.env.cr.precommit.run()
        item = item.with_context(tracking_disable=False)
        test = self._session(
            item,
            line_values={
                "legal_basis_id": self.basis_h.id,
                "legal_subpoint_id": self.basis_h2.id,
                "statute_name": "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
                "period_basis": "PP 61/2010 Pasal 8 ayat (2)",
            },
        ).with_context(tracking_disable=False)
        self.assertEqual(item.state, "exempted", "Drafting a test changes nothing")
        self._sign_all(test)
        test.with_user(self.committee).action_complete()
        self.assertEqual(item.state, "approval")
        self.assertEqual(item.huruf, "a", "the decree in force still holds")
        with self.assertRefused(UserError, "classified"):
            item.with_user(self.users["pelaksana"]).write({"period_end_date": False})
        second_decree = test.decree_ids
        second_decree.with_user(self.head).action_approve()
        self.assertEqual(item.state, "exempted")
        self.assertEqual(item.decree_reference, second_decree.name)

        # The history stays: both tests, both decrees, and the tracked change.
        self.assertEqual(item.consequence_test_line_ids.test_id, first_test | test)
        self.assertEqual(item.decree_line_ids.decree_id, first_decree | second_decree)
        self.assertEqual(first_decree.state, "approved")
        self.assertEqual(first_decree.line_ids.huruf, "a")
        self.assertEqual(first_test.line_ids.huruf, "a")
        self.env.cr.precommit.run()
        item.invalidate_recordset(["message_ids"])
        tracked = item.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "legal_basis_id"
        )
        self.assertTrue(tracked)

    def test_rule_17_retest_concluding_open_is_announced(self):
        item, decree = self._approval_item()
        decree.with_user(self.head).action_approve()
        self._completed(
            item,
            conclusion="open",
            line_values={"public_interest_note": "Perkara telah diputus."},
        )
        # The test proposes; only the head opens classified information.
        self.assertEqual(item.state, "approval")
        self.assertTrue(item.opening_proposed)
        for role in ("committee", "service", "documentation", "manager"):
            with self.subTest(role=role), self.assertRaises(UserError):
                item.with_user(self.users[role]).write(
                    {"state": "opened", "open_reason": "reclassification"}
                )
        with self.assertRefused(UserError, "approve the opening"):
            item.with_user(self.head).write({"state": "exempted"})
        item.with_user(self.head).action_approve()
        self.assertEqual(item.state, "opened")
        self.assertEqual(item.open_reason, "reclassification")
        self.assertFalse(item.opening_proposed)
        entry = self.env["ppid.public.information"].search(
            [("information_id", "=", item.id)]
        )
        self.assertEqual(len(entry), 1)

    def test_approved_decree_never_changes(self):
        _item, decree = self._approval_item()
        decree.with_user(self.head).action_approve()
        for user in (self.head, self.committee):
            with self.assertRefused(UserError, "never changes"):
                decree.with_user(user).place = "Tempat lain"
            with self.assertRefused(UserError, "never changes"):
                decree.line_ids.with_user(user).period_basis = "Lain"
        with self.assertRefused(UserError, "never changes"):
            decree.with_user(self.committee).unlink()
        with self.assertRefused(UserError, "never changes"):
            decree.with_user(self.head).action_approve()
        decree.with_user(self.head).write(
            {"signed_copy": "JVBERi0xLjQ=", "signed_copy_filename": "sk.pdf"}
        )
        self.assertTrue(decree.signed_copy)

    def test_unit_officer_reads_its_units_decrees(self):
        mine, decree = self._approval_item()
        _theirs, foreign = self._approval_item(unit_id=self.other_unit.id)
        Decree = self.Decree.with_user(self.users["pelaksana"])
        self.assertEqual(Decree.search([("id", "in", (decree | foreign).ids)]), decree)
        with self.assertRaises(AccessError):
            decree.with_user(self.users["pelaksana"]).write({"place": "x"})
        self.assertEqual(
            mine.with_user(self.users["pelaksana"]).decree_line_ids.decree_id, decree
        )

    def test_kanban_decree_adopts_no_test_already_decided(self):
        item, first = self._approval_item()
        item.with_user(self.head).action_approve()
        self.assertEqual(first.line_ids.test_line_id.information_id, item)
        item.with_user(self.committee).write({"state": "testing"})
        item._as_system(CONSEQUENCE_TEST).write({"state": "approval"})
        item.with_user(self.head).action_approve()
        second = item.decree_line_ids.decree_id - first
        self.assertEqual(len(second), 1)
        self.assertEqual(second.state, "approved")
        self.assertFalse(second.line_ids.test_line_id)
