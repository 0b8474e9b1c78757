# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .common_classification import KUHAP, ClassificationCase


@tagged("post_install", "-at_install")
class TestConsequenceTest(ClassificationCase):
    # Rule 4: the test takes place before a request, on a request, or on the
    # order of the Majelis Komisioner, and says which.
    def test_rule_04_trigger_is_one_of_three_and_named(self):
        triggers = [key for key, _label in self.Test._fields["trigger"].selection]
        self.assertEqual(triggers, ["before_request", "on_request", "commission_order"])
        with self.assertRaises(ValueError):
            self._session(self._create_item("received"), trigger="periodic")

        item = self._create_item("received")
        test = self._session(item, trigger="commission_order")
        self._sign_all(test)
        with self.assertRefused(ValidationError, "order of the Majelis Komisioner"):
            test.with_user(self.committee).action_complete()
        test.with_user(self.committee).action_reset_signatures()
        test.with_user(
            self.committee
        ).commission_order_reference = "Sengketa 015/III/KI-KT/2026, 4 Maret 2026"
        self._sign_all(test)
        test.with_user(self.committee).action_complete()
        self.assertEqual(test.state, "done")

        test = self._session(self._create_item("received"), trigger="on_request")
        self._sign_all(test)
        with self.assertRefused(ValidationError, "number of the request"):
            test.with_user(self.committee).action_complete()

    # Rule 5: nothing completes while anything the test must record is missing,
    # and the refusal says exactly what.
    def test_rule_05_incomplete_session_says_what_is_missing(self):
        item = self._create_item("received")
        test = self._session(
            item,
            line_values={
                "harm_if_opened": False,
                "public_interest_note": False,
                "period_basis": False,
                "source_document": False,
            },
        )
        test.participant_ids.filtered(lambda p: p.capacity == "ppid").with_user(
            self.committee
        ).action_sign()
        with self.assertRefused(ValidationError, "cannot be completed") as refused:
            test.with_user(self.committee).action_complete()
        message = str(refused.exception)
        for expected in (
            "the signature of ppid_pelaksana",
            "the source document",
            "the harm if opened",
            "the public-interest weighing",
            "the basis of the period",
        ):
            self.assertIn(expected, message)
        for not_expected in ("the signature of ppid_committee", "the description"):
            self.assertNotIn(not_expected, message)
        self.assertEqual(item.state, "received")
        self.assertEqual(test.state, "draft")

    def test_rule_05_each_requirement_blocks_on_its_own(self):
        required = {
            "the description of the information": {"description": False},
            "the interest protected if closed": {"interest_if_closed": False},
            "the conclusion": {"conclusion": False},
            "the end date of the exemption period": {"period_end_date": False},
            "the next review date": {"review_date": False},
            "the legal basis": {"legal_basis_id": False, "legal_subpoint_id": False},
            "the angka": {"legal_subpoint_id": False},
        }
        for expected, line_values in required.items():
            with self.subTest(missing=expected):
                test = self._session(
                    self._create_item("received"), line_values=line_values
                )
                self._sign_all(test)
                with self.assertRefused(ValidationError, expected):
                    test.with_user(self.committee).action_complete()

    def test_rule_05_all_participants_sign_a_ppid_among_them(self):
        test = self._session(
            self._create_item("received"),
            participants=[
                {"user_id": self.users["pelaksana"].id, "capacity": "unit"},
                {"external_name": "Dr. Rina, pakar hukum", "capacity": "expert"},
            ],
        )
        test.with_user(self.users["pelaksana"]).action_sign()
        with self.assertRefused(ValidationError, "cannot be completed") as refused:
            test.with_user(self.committee).action_complete()
        self.assertIn("the PPID among the participants", str(refused.exception))
        self.assertIn(
            "Dr. Rina, pakar hukum (Expert): upload the scan of the sheet",
            str(refused.exception),
        )

    def test_complete_session_moves_its_items(self):
        kept = self._create_item("received", title="Berkas penyidikan A")
        opened = self._create_item("received", title="Laporan kegiatan B")
        test = self._session(kept | opened)
        open_line = test.line_ids.filtered(lambda line: line.information_id == opened)
        open_line.with_user(self.committee).write(
            {
                "conclusion": "open",
                "public_interest_note": "Tidak ada kerugian bila dibuka.",
            }
        )
        kept_line = test.line_ids - open_line
        kept_line.with_user(self.committee).write(
            {"harm_if_opened": "Saksi dapat diintimidasi."}
        )
        self._sign_all(test)
        test.with_user(self.committee).action_complete()

        self.assertEqual(test.state, "done")
        self.assertEqual(test.completed_by_id, self.committee)
        self.assertEqual(kept.state, "approval")
        self.assertEqual(kept.harm_if_opened, "Saksi dapat diintimidasi.")
        self.assertEqual(kept.statute_name, KUHAP)
        self.assertEqual(opened.state, "opened")
        self.assertEqual(opened.open_reason, "test_open")
        self.assertIn("Tidak ada kerugian bila dibuka.", opened.open_note)
        self.assertIn(test.name, opened.open_note)
        decree = test.decree_ids
        self.assertEqual(len(decree), 1)
        self.assertEqual(decree.state, "draft")
        self.assertEqual(decree.line_ids.information_id, kept)
        self.assertEqual(decree.line_ids.test_line_id, kept_line)

    # Rule 2: the law behind the exemption is recorded; UU 14/2008 alone warns.
    def test_rule_02_only_uu_kip_warns_without_blocking(self):
        weak = self._create_item("received", title="Hanya UU KIP")
        kip = self._create_item("received", title="UU KIP tertulis")
        strong = self._create_item("received", title="Dengan KUHAP")
        test = self._session(weak | kip | strong)
        lines = {line.information_id: line for line in test.line_ids}
        lines[weak].with_user(self.committee).statute_name = False
        lines[kip].with_user(
            self.committee
        ).statute_name = (
            "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"
        )
        self.assertTrue(lines[weak].basis_warning)
        self.assertTrue(lines[kip].basis_warning)
        self.assertFalse(lines[strong].basis_warning)
        self.assertEqual(test.basis_warning_count, 2)

        self._sign_all(test)
        test.with_user(self.committee).action_complete()
        self.assertEqual(test.state, "done")
        warning = test.message_ids.filtered(lambda m: "only UU 14/2008" in m.body)
        self.assertEqual(len(warning), 1)
        self.assertIn(weak.name, warning.body)
        self.assertIn(kip.name, warning.body)
        self.assertNotIn(strong.name, warning.body)

    # Rule 19: the test says which part is exempted, or why the whole document.
    def test_rule_19_test_line_needs_part_or_justified_whole(self):
        test = self._session(
            self._create_item("received"), line_values={"exempt_part": False}
        )
        self._sign_all(test)
        with self.assertRefused(ValidationError, "which part of the document"):
            test.with_user(self.committee).action_complete()

        item = self._create_item("received")
        test = self._session(item, line_values={"exemption_scope": "whole"})
        self._sign_all(test)
        with self.assertRefused(ValidationError, "whole document is exempted"):
            test.with_user(self.committee).action_complete()

        item = self._create_item("received")
        self._completed(
            item,
            line_values={
                "exemption_scope": "whole",
                "whole_document_justification": "Seluruh isi adalah data intelijen.",
            },
        )
        self.assertEqual(item.state, "approval")
        self.assertEqual(item.exemption_scope, "whole")

    # Signatures: each participant signs for themselves, and what is signed holds.
    def test_nobody_signs_for_someone_else(self):
        test = self._session(self._create_item("received"))
        unit_row = test.participant_ids.filtered(lambda p: p.capacity == "unit")
        with self.assertRefused(AccessError, "Only ppid_pelaksana"):
            unit_row.with_user(self.committee).action_sign()
        for user in (self.committee, self.users["manager"]):
            with self.assertRefused(AccessError, "nobody signs for someone else"):
                unit_row.with_user(user).write(
                    {"signed_datetime": "2026-03-02 10:00:00"}
                )
        with self.assertRefused(AccessError, "nobody signs for someone else"):
            unit_row.sudo().write({"signed_by_id": self.users["pelaksana"].id})
        with self.assertRefused(AccessError, "Sign button"):
            self.env["ppid.consequence.test.participant"].with_user(
                self.committee
            ).create(
                {
                    "test_id": test.id,
                    "external_name": "Palsu",
                    "signed_datetime": "2026-03-02 10:00:00",
                }
            )
        self.assertFalse(unit_row.signed_datetime)

        test.with_user(self.users["pelaksana"]).action_sign()
        self.assertEqual(unit_row.signed_by_id, self.users["pelaksana"])
        self.assertTrue(unit_row.signed_datetime)
        self.assertIn("1 / 3", test.signature_progress)
        with self.assertRefused(UserError, "already signed"):
            unit_row.with_user(self.users["pelaksana"]).action_sign()

    def test_signed_content_changes_only_after_a_reset(self):
        test = self._session(self._create_item("received"))
        test.with_user(self.users["pelaksana"]).action_sign()
        line = test.line_ids.with_user(self.committee)
        with self.assertRefused(UserError, "signatures vouch"):
            line.harm_if_opened = "Diubah setelah ditandatangani."
        with self.assertRefused(UserError, "signatures vouch"):
            test.with_user(self.committee).place = "Tempat lain"
        with self.assertRefused(UserError, "already signed"):
            test.participant_ids.filtered("signed_datetime").with_user(
                self.committee
            ).user_id = self.users["service"]
        unsigned = test.participant_ids.filtered(lambda p: not p.signed_datetime)
        with self.assertRefused(UserError, "signatures vouch"):
            unsigned.with_user(self.committee).unlink()  # who takes part is signed
        with self.assertRefused(UserError, "signatures vouch"):
            test.with_user(self.committee).write(
                {"participant_ids": [Command.create({"external_name": "Ahli"})]}
            )
        with self.assertRaises(AccessError):
            test.with_user(self.users["pelaksana"]).action_reset_signatures()

        test.with_user(self.committee).action_reset_signatures()
        self.assertFalse(test.participant_ids.filtered("signed_datetime"))
        line.harm_if_opened = "Diubah sebelum ditandatangani ulang."
        self.assertTrue(
            test.message_ids.filtered(lambda m: "Signatures reset" in m.body)
        )

    def test_completed_session_never_changes(self):
        item = self._create_item("received")
        test = self._completed(item)
        committee_test = test.with_user(self.committee)
        with self.assertRefused(UserError, "complete"):
            committee_test.place = "Tempat lain"
        with self.assertRefused(UserError, "complete"):
            committee_test.line_ids.harm_if_opened = "Ditulis ulang."
        with self.assertRefused(UserError, "complete"):
            committee_test.participant_ids[:1].position = "Jabatan baru"
        with self.assertRefused(UserError, "complete"):
            committee_test.unlink()
        with self.assertRefused(AccessError, "Complete button"):
            committee_test.write({"state": "draft"})
        with self.assertRefused(UserError, "complete"):
            committee_test.action_complete()

    def test_only_the_committee_completes(self):
        for role in ("pelaksana", "service", "documentation", "head", "auditor"):
            test = self._session(self._create_item("received"))
            self._sign_all(test)
            with self.subTest(role=role), self.assertRaises(AccessError):
                test.with_user(self.users[role]).action_complete()
            self.assertEqual(test.state, "draft")

    def test_item_in_one_session_at_a_time(self):
        item = self._create_item("received")
        self._session(item)
        with self.assertRefused(ValidationError, "only one consequence-test session"):
            self._session(item)
        with self.assertRefused(ValidationError, "cannot be tested"):
            self._session(self._create_item("draft"))

    def test_expert_with_a_plain_user_reads_and_signs(self):
        expert = new_test_user(self.env, login="ppid_expert", groups="base.group_user")
        other = self._session(self._create_item("received"))
        test = self._session(
            self._create_item("received"),
            participants=[
                {"user_id": self.committee.id, "capacity": "ppid"},
                {"user_id": expert.id, "capacity": "expert", "position": "Pakar"},
            ],
        )
        Test = self.Test.with_user(expert)
        self.assertEqual(Test.search([("id", "in", (test | other).ids)]), test)
        self.assertEqual(
            test.with_user(expert).line_ids.information_title,
            test.line_ids.information_title,
        )
        # What the session form reads, with the related records' names.
        names = {"fields": {"display_name": {}}}
        form = test.with_user(expert).web_read(
            {
                "name": {},
                "decree_count": {},
                "basis_warning_count": {},
                "can_sign": {},
                "line_ids": {
                    "fields": {
                        "information_id": names,
                        "information_title": {},
                        "unit_id": names,
                        "legal_basis_id": names,
                        "harm_if_opened": {},
                    }
                },
                "participant_ids": {"fields": {"user_id": names, "capacity": {}}},
            }
        )[0]
        self.assertTrue(form["can_sign"])
        self.assertEqual(len(form["line_ids"]), 1)
        test.with_user(expert).action_sign()
        self.assertTrue(
            test.participant_ids.filtered(lambda p: p.user_id == expert).signed_datetime
        )
        with self.assertRaises(AccessError):
            other.with_user(expert).read(["name"])

    def test_unit_officer_reads_its_own_units_tests_only(self):
        mine = self._create_item("received")
        theirs = self._create_item("received", unit_id=self.other_unit.id)
        shared = self._session(
            mine | theirs,
            participants=[{"user_id": self.committee.id, "capacity": "ppid"}],
        )
        foreign = self._session(
            self._create_item("received", unit_id=self.other_unit.id),
            participants=[{"user_id": self.committee.id, "capacity": "ppid"}],
        )
        officer = self.users["pelaksana"]
        visible = self.Test.with_user(officer).search(
            [("id", "in", (shared | foreign).ids)]
        )
        self.assertEqual(visible, shared)
        lines = (
            self.env["ppid.consequence.test.line"]
            .with_user(officer)
            .search([("test_id", "=", shared.id)])
        )
        self.assertEqual(lines.information_id, mine)
        with self.assertRaises(AccessError):
            foreign.with_user(officer).read(["name"])
        with self.assertRaises(AccessError):
            shared.with_user(officer).write({"place": "Di unit"})
        with self.assertRaises(AccessError):
            self.env["ppid.consequence.test.line"].with_user(officer).create(
                {"test_id": shared.id, "information_id": mine.id}
            )

    def test_auditor_reads_everything_changes_nothing(self):
        test = self._session(self._create_item("received"))
        auditor = self.users["auditor"]
        self.assertEqual(test.with_user(auditor).line_ids, test.line_ids)
        with self.assertRaises(AccessError):
            test.with_user(auditor).write({"place": "x"})
        with self.assertRaises(AccessError):
            self.Test.with_user(auditor).create({"place": "x"})
        with self.assertRaises(AccessError):
            test.participant_ids.with_user(auditor).write({"position": "x"})

    def test_sessions_stay_within_their_public_body(self):
        other_company = self.env["res.company"].create({"name": "Pemkot Lain"})
        test = self._session(self._create_item("received"))
        outsider = new_test_user(
            self.env,
            login="ppid_other_committee",
            groups="ppid_exempted.group_ppid_committee",
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        self.assertFalse(self.Test.with_user(outsider).search([("id", "=", test.id)]))
        self.assertFalse(
            self.env["ppid.consequence.test.line"]
            .with_user(outsider)
            .search([("test_id", "=", test.id)])
        )
