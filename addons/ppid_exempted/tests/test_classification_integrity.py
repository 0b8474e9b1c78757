# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common_classification import SIGNED_SHEET, ClassificationCase


@tagged("post_install", "-at_install")
class TestDecreeLineIsItsTest(ClassificationCase):
    """A decree line is the analysis of its test line (PP 61/2010 Pasal 3;
    Perki 1/2017 Pasal 4(1)): the head approves what the signed test analysed."""

    def test_a_line_never_loses_its_test_link(self):
        _item, decree = self._approval_item()
        line = decree.line_ids
        test_line = line.test_line_id
        for role in ("committee", "head", "manager"):
            with self.subTest(role=role):
                with self.assertRefused(UserError, "analysis of its consequence test"):
                    line.with_user(self.users[role]).write({"test_line_id": False})
        # The law, not a permission: the superuser cannot either.
        with self.assertRefused(UserError, "analysis of its consequence test"):
            line.write({"test_line_id": False})
        other_item, other_decree = self._approval_item(title="Berkas lain")
        with self.assertRefused(UserError, "analysis of its consequence test"):
            line.write({"test_line_id": other_decree.line_ids.test_line_id.id})
        with self.assertRefused(UserError, "analysis of its consequence test"):
            line.with_user(self.committee).write({"information_id": other_item.id})
        self.assertEqual(line.test_line_id, test_line)

    def test_a_detached_line_cannot_be_rewritten_and_approved(self):
        """The attack: detach, rewrite the harm and the huruf, approve."""
        item, decree = self._approval_item()
        line = decree.line_ids.with_user(self.committee)
        with self.assertRefused(UserError, "come from the signed consequence test"):
            line.write(
                {
                    "legal_basis_id": self.basis_h.id,
                    "legal_subpoint_id": self.basis_h2.id,
                    "harm_if_opened": "Alasan yang tidak pernah diuji.",
                }
            )
        with self.assertRefused(UserError, "come from the signed consequence test"):
            line.sudo().write({"harm_if_opened": "Alasan yang tidak pernah diuji."})
        decree.with_user(self.head).action_approve()
        self.assertEqual(item.huruf, "a")
        self.assertEqual(item.harm_if_opened, "Menghambat proses penyidikan.")

    def test_a_deleted_line_comes_back_only_as_its_test(self):
        item, decree = self._approval_item()
        test_line = decree.line_ids.test_line_id
        decree.line_ids.with_user(self.committee).unlink()
        Line = self.env["ppid.classification.decree.line"]
        forged = {
            "decree_id": decree.id,
            "information_id": item.id,
            "legal_basis_id": self.basis_h.id,
            "legal_subpoint_id": self.basis_h2.id,
            "harm_if_opened": "Alasan yang tidak pernah diuji.",
        }
        for user in (self.committee, self.head):
            with self.subTest(user=user.login):
                with self.assertRefused(UserError, "choose the test line"):
                    Line.with_user(user).create(forged)
                with self.assertRefused(
                    UserError, "come from the signed consequence test"
                ):
                    Line.with_user(user).create(
                        {**forged, "test_line_id": test_line.id}
                    )
        with self.assertRefused(UserError, "choose the test line"):
            Line.create(forged)  # superuser: no path around it
        # The test line itself, with its own content, is welcome back; the
        # period stays the decree's.
        line = Line.with_user(self.committee).create(
            {
                "decree_id": decree.id,
                "information_id": item.id,
                "test_line_id": test_line.id,
                "period_basis": "PP 61/2010 Pasal 5 ayat (1) jo. KUHAP",
            }
        )
        self.assertEqual(line.legal_basis_id, self.basis_a)
        self.assertEqual(line.harm_if_opened, test_line.harm_if_opened)
        decree.with_user(self.head).action_approve()
        self.assertEqual(item.state, "exempted")

    def test_a_line_adopts_only_a_completed_exempting_test_of_its_item(self):
        item, decree = self._approval_item()
        Line = self.env["ppid.classification.decree.line"].with_user(self.committee)
        draft_item = self._create_item("received", title="Masih diuji")
        draft_test = self._session(draft_item)
        other_item = self._create_item("received", title="Butir lain")
        other_test = self._completed(other_item)
        decree.line_ids.unlink()
        attempts = {
            "a test still in progress": (draft_item, draft_test.line_ids),
            "the test of another item": (item, other_test.line_ids),
        }
        for case, (target, test_line) in attempts.items():
            with self.subTest(case=case):
                with self.assertRefused(ValidationError, "completed consequence test"):
                    Line.create(
                        {
                            "decree_id": decree.id,
                            "information_id": target.id,
                            "test_line_id": test_line.id,
                        }
                    )
        # A test already decided by an approved decree is not adopted again.
        other_test.decree_ids.with_user(self.head).action_approve()
        self.assertEqual(other_item.state, "exempted")
        with self.assertRefused(ValidationError, "already been decided"):
            Line.create(
                {
                    "decree_id": decree.id,
                    "information_id": other_item.id,
                    "test_line_id": other_test.line_ids.id,
                }
            )

    def test_the_approved_decree_reprints_what_was_approved(self):
        item, decree = self._approval_item(
            title="Berkas penyidikan seperti disetujui",
            description="Uraian seperti disetujui.",
            source_document="BAP Nomor 12/2026",
        )
        line = decree.line_ids
        with self.assertRefused(AccessError, "recorded by the approval"):
            line.with_user(self.committee).write({"approved_title": "Judul palsu"})
        decree.with_user(self.head).action_approve()
        self.assertEqual(line.approved_title, "Berkas penyidikan seperti disetujui")
        self.assertEqual(line.approved_information_ref, item.name)
        self.assertEqual(line.approved_unit_name, self.unit.complete_name)
        self.assertEqual(line.approved_description, "Uraian seperti disetujui.")
        self.assertEqual(line.approved_source_document, "BAP Nomor 12/2026")
        with self.assertRefused(AccessError, "recorded by the approval"):
            line.write({"approved_title": "Judul palsu"})
        # The item changes later, by whatever path: the decree does not.
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE ppid_exempted_information SET title = %s, description = %s "
            "WHERE id = %s",
            ("Judul yang ditulis ulang", "Uraian yang ditulis ulang.", item.id),
        )
        item.invalidate_recordset(["title", "description"])
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "ppid_exempted.action_report_classification_decree", decree.ids
            )[0]
            .decode()
        )
        self.assertIn("Berkas penyidikan seperti disetujui", html)
        self.assertIn("Uraian seperti disetujui.", html)
        self.assertNotIn("Judul yang ditulis ulang", html)
        self.assertNotIn("Uraian yang ditulis ulang.", html)


@tagged("post_install", "-at_install")
class TestDecreeDate(ClassificationCase):
    """A decree is dated on the day it is set: not in the future (which would
    stretch PP 61/2010 Pasal 5(1)) and not before its test was completed."""

    def test_a_decree_is_not_dated_in_the_future(self):
        item, decree = self._approval_item()
        tomorrow = self.company._ppid_today() + relativedelta(days=1)
        for role in ("committee", "head"):
            with self.subTest(role=role):
                with self.assertRefused(ValidationError, "is in the future"):
                    decree.with_user(self.users[role]).write({"date": tomorrow})
        with self.assertRefused(ValidationError, "is in the future"):
            decree.write({"date": tomorrow})
        self.assertEqual(item.state, "approval")

    def test_a_decree_is_not_dated_before_its_test(self):
        _item, decree = self._approval_item()
        before = self.company._ppid_today() - relativedelta(days=1)
        with self.assertRefused(ValidationError, "before the consequence test"):
            decree.with_user(self.committee).write({"date": before})
        decree.with_user(self.committee).write({"date": self.company._ppid_today()})
        decree.with_user(self.head).action_approve()
        self.assertEqual(decree.state, "approved")


@tagged("post_install", "-at_install")
class TestConsequenceTestComposition(ClassificationCase):
    """A consequence test is never one person: the PPID chairs, the officer of
    each unit tested takes part, and at least one other member (SOP Kaltim,
    definition F; SOP Bontang; Perki 1/2021 Pasal 49)."""

    def _try_complete(self, test):
        self._sign_all(test)
        with self.assertRefused(ValidationError, "cannot be completed") as refused:
            test.with_user(self.committee).action_complete()
        self.assertEqual(test.state, "draft")
        return str(refused.exception)

    def test_one_person_alone_does_not_complete(self):
        item = self._create_item("received")
        test = self._session(
            item, participants=[{"user_id": self.committee.id, "capacity": "ppid"}]
        )
        message = self._try_complete(test)
        self.assertIn(f"the PPID Pelaksana of {self.unit.complete_name}", message)
        self.assertIn("at least 1 other member(s)", message)
        self.assertEqual(item.state, "received")

    def test_a_capacity_is_held_not_claimed(self):
        plain = new_test_user(self.env, login="ppid_plain", groups="base.group_user")
        item = self._create_item("received")
        test = self._session(item)
        Participant = self.env["ppid.consequence.test.participant"].with_user(
            self.committee
        )
        refused = {
            "not the PPID official": {"user_id": plain.id, "capacity": "ppid"},
            "not a PPID Pelaksana": {"user_id": plain.id, "capacity": "unit"},
            "not a member of the Tim Pertimbangan": {
                "user_id": plain.id,
                "capacity": "committee",
            },
            "not an officer of": {
                "user_id": self.other_officer.id,
                "capacity": "unit",
                "unit_id": self.unit.id,
            },
            "only an expert from outside the body": {
                "external_name": "Orang luar",
                "capacity": "ppid",
            },
        }
        for expected, values in refused.items():
            with self.subTest(expected=expected):
                with self.assertRefused(ValidationError, expected):
                    Participant.create({"test_id": test.id, **values})
        # The member of the Tim Pertimbangan is not the PPID of the body.
        with self.assertRefused(ValidationError, "not the PPID official"):
            test.participant_ids.filtered(lambda p: p.user_id == self.member).with_user(
                self.committee
            ).write({"capacity": "ppid"})
        # An expert of the related field may be any user.
        Participant.create(
            {"test_id": test.id, "user_id": plain.id, "capacity": "expert"}
        )

    def test_a_capacity_lost_before_completion_is_reported(self):
        test = self._session(self._create_item("received"))
        self.users["pelaksana"].ppid_unit_ids = self.other_unit
        message = self._try_complete(test)
        self.assertIn("is not an officer of", message)
        self.assertIn(f"the PPID Pelaksana of {self.unit.complete_name}", message)

    def test_each_unit_tested_has_its_officer(self):
        mine = self._create_item("received", title="Butir Dinkes")
        theirs = self._create_item(
            "received", title="Butir Disdik", unit_id=self.other_unit.id
        )
        participants = self._lawful_participants(mine)
        test = self._session(mine | theirs, participants=participants)
        message = self._try_complete(test)
        self.assertIn(f"the PPID Pelaksana of {self.other_unit.complete_name}", message)
        self.assertNotIn(f"the PPID Pelaksana of {self.unit.complete_name},", message)

        lawful = self._completed(
            self._create_item("received", title="Dinkes 2")
            | self._create_item(
                "received", title="Disdik 2", unit_id=self.other_unit.id
            )
        )
        self.assertEqual(lawful.state, "done")

        # One officer of both units speaks for both (a user takes part once).
        self.users["pelaksana"].ppid_unit_ids = self.unit | self.other_unit
        both = self._create_item("received", title="Dinkes 3") | self._create_item(
            "received", title="Disdik 3", unit_id=self.other_unit.id
        )
        test = self._session(
            both,
            participants=[
                {"user_id": self.committee.id, "capacity": "ppid"},
                {"user_id": self.users["pelaksana"].id, "capacity": "unit"},
                {"user_id": self.member.id, "capacity": "committee"},
            ],
        )
        self._sign_all(test)
        test.with_user(self.committee).action_complete()
        self.assertEqual(test.state, "done")

    def test_the_composition_is_the_body_s(self):
        item = self._create_item("received")
        alone = [
            {"user_id": self.committee.id, "capacity": "ppid"},
            {"user_id": self.users["pelaksana"].id, "capacity": "unit"},
        ]
        test = self._session(item, participants=alone)
        self.assertIn("at least 1 other member(s)", self._try_complete(test))
        self.company.ppid_test_min_other_members = 0
        test.with_user(self.committee).action_complete()
        self.assertEqual(test.state, "done")

        self.company.write(
            {
                "ppid_test_min_other_members": 2,
                "ppid_test_requires_unit_officers": False,
            }
        )
        test = self._session(
            self._create_item("received"),
            participants=[
                {"user_id": self.committee.id, "capacity": "ppid"},
                {"user_id": self.member.id, "capacity": "committee"},
            ],
        )
        message = self._try_complete(test)
        self.assertIn("at least 2 other member(s)", message)
        self.assertNotIn("PPID Pelaksana", message)
        with self.assertRaises(ValidationError):
            self.company.ppid_test_min_other_members = -1

    def test_the_form_says_who_is_missing(self):
        form = Form(self.Test.with_user(self.committee))
        form.place = "Aula"
        with form.participant_ids.new() as row:
            row.user_id = self.committee
            row.capacity = "ppid"
        self.assertIn("at least 1 other member(s)", form.composition_missing)
        with form.participant_ids.new() as row:
            row.user_id = self.users["pelaksana"]
            row.capacity = "unit"
        with form.participant_ids.new() as row:
            row.user_id = self.member
            row.capacity = "committee"
        test = form.save()
        self.assertFalse(test.composition_missing)
        self.assertEqual(
            test.participant_ids.filtered(lambda p: p.capacity == "unit").unit_id,
            self.unit,
        )

    def test_settings_carry_the_composition(self):
        settings = self.env["res.config.settings"].create({})
        self.assertTrue(settings.ppid_test_requires_ppid)
        self.assertTrue(settings.ppid_test_requires_unit_officers)
        self.assertEqual(settings.ppid_test_min_other_members, 1)
        settings.ppid_test_min_other_members = 3
        settings.execute()
        self.assertEqual(self.company.ppid_test_min_other_members, 3)

    def test_an_external_expert_signs_by_the_scan_of_the_signed_sheet(self):
        item = self._create_item("received")
        participants = self._lawful_participants(item)[:-1] + [
            {
                "external_name": "Dr. Rina Wulandari, S.H.",
                "institution": "Universitas Mulawarman",
                "position": "Pakar hukum pidana",
                "capacity": "expert",
            }
        ]
        test = self._session(item, participants=participants)
        expert = test.participant_ids.filtered(lambda p: not p.user_id)
        self.assertTrue(expert.is_external)
        # Nobody clicks for the expert.
        with self.assertRefused(UserError, "upload the scan"):
            expert.with_user(self.committee).action_sign()
        for role in ("pelaksana", "head", "auditor"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                expert.with_user(self.users[role]).action_upload_signed_sheet(
                    SIGNED_SHEET, "lembar.pdf"
                )
        with self.assertRefused(AccessError, "nobody signs for someone else"):
            expert.with_user(self.committee).write(
                {"signed_datetime": "2026-03-02 10:00:00"}
            )
        # A colleague with a user cannot be signed for by an upload either.
        unit_row = test.participant_ids.filtered(lambda p: p.capacity == "unit")
        with self.assertRefused(UserError, "signs with the Sign button"):
            unit_row.with_user(self.committee).action_upload_signed_sheet(
                SIGNED_SHEET, "lembar.pdf"
            )
        self.assertFalse(unit_row.signed_datetime)
        # The upload (through the form's binary field) is the signature.
        expert.with_user(self.committee).write(
            {"signed_sheet": SIGNED_SHEET, "signed_sheet_filename": "lembar.pdf"}
        )
        self.assertTrue(expert.signed_datetime)
        self.assertEqual(expert.signed_by_id, self.committee)
        self.assertEqual(expert.signed_sheet_filename, "lembar.pdf")
        with self.assertRefused(UserError, "already signed"):
            expert.with_user(self.committee).action_upload_signed_sheet(
                SIGNED_SHEET, "lagi.pdf"
            )
        with self.assertRefused(UserError, "resetting the signatures"):
            expert.with_user(self.committee).write({"signed_sheet": False})
        for participant in test.participant_ids.filtered("user_id"):
            test.with_user(participant.user_id).action_sign()
        test.with_user(self.committee).action_complete()
        self.assertEqual(test.state, "done")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "ppid_exempted.action_report_consequence_test", test.ids
            )[0]
            .decode()
        )
        self.assertIn("Universitas Mulawarman", html)
        self.assertIn("Ditandatangani pada lembar tersendiri", html)

    def test_an_expert_added_with_the_sheet_has_signed(self):
        test = self._session(self._create_item("received"))
        expert = (
            self.env["ppid.consequence.test.participant"]
            .with_user(self.committee)
            .create(
                {
                    "test_id": test.id,
                    "external_name": "Ir. Budi",
                    "institution": "Politeknik Negeri Samarinda",
                    "capacity": "expert",
                    "signed_sheet": SIGNED_SHEET,
                    "signed_sheet_filename": "lembar_budi.pdf",
                }
            )
        )
        self.assertTrue(expert.signed_datetime)
        self.assertEqual(expert.signed_by_id, self.committee)
        other = self._session(self._create_item("received"))
        with self.assertRaises(AccessError):
            self.env["ppid.consequence.test.participant"].with_user(
                self.users["pelaksana"]
            ).create(
                {
                    "test_id": other.id,
                    "external_name": "Palsu",
                    "capacity": "expert",
                    "signed_sheet": SIGNED_SHEET,
                }
            )

    def test_an_external_expert_names_the_institution(self):
        item = self._create_item("received")
        participants = self._lawful_participants(item)[:-1] + [
            {"external_name": "Dr. Rina", "capacity": "expert"}
        ]
        test = self._session(item, participants=participants)
        self.assertIn("the institution of Dr. Rina", self._try_complete(test))


@tagged("post_install", "-at_install")
class TestLegalCatalogueIsTheLaw(ClassificationCase):
    """The rule flags of UU 14/2008 Pasal 17 and PP 61/2010 change only by a
    module update, never by a user, the superuser included."""

    def test_no_user_rewrites_the_rules(self):
        attempts = {
            "max_period_years": 0,
            "forbids_unlimited_period": False,
            "requires_angka": False,
            "openable_by_consent": True,
            "head_sets_period": True,
            "requires_statute": True,
            "requires_period_regulation": True,
            "huruf": "j",
            "angka": 9,
            "parent_id": self.basis_h.id,
        }
        manager = self.users["manager"]
        admin = self.env.ref("base.user_admin")
        for field_name, value in attempts.items():
            for basis in (self.basis_a, self.basis_a.with_user(manager)):
                with self.subTest(field=field_name, user=basis.env.user.login):
                    with self.assertRefused(UserError, "change only with an update"):
                        basis.write({field_name: value})
            with self.assertRefused(UserError, "change only with an update"):
                self.basis_a.with_user(admin).sudo().write({field_name: value})
        self.assertEqual(self.basis_a.max_period_years, 30)
        self.assertTrue(self.basis_a.forbids_unlimited_period)
        # The loader's context key from an RPC caller does not pose as the loader.
        with self.assertRefused(UserError, "change only with an update"):
            self.basis_a.with_user(manager).with_context(install_mode=True).write(
                {"max_period_years": 0}
            )
        Basis = self.env["ppid.legal.basis"]
        with self.assertRefused(UserError, "change only with an update"):
            Basis.with_user(manager).create(
                {"name": "Huruf baru", "huruf": "j", "angka": 7}
            )
        with self.assertRefused(UserError, "change only with an update"):
            self.basis_a1.with_user(manager).unlink()
        with self.assertRefused(UserError, "change only with an update"):
            self.basis_a1.unlink()
        # Writing a rule flag's current value changes nothing and passes.
        self.basis_a.with_user(manager).write({"max_period_years": 30})

    def test_labels_stay_editable_and_audited(self):
        manager = self.users["manager"]
        self.basis_a.with_user(manager).write(
            {"name": "Menghambat proses penegakan hukum"}
        )
        self.assertEqual(self.basis_a.name, "Menghambat proses penegakan hukum")
        row = self.env["ppid.audit.log"].search(
            [
                ("res_model", "=", "ppid.legal.basis"),
                ("res_id", "=", self.basis_a.id),
                ("field_name", "=", "name"),
            ]
        )
        self.assertEqual(len(row), 1)
        self.assertEqual(row.user_id, manager)
        self.assertEqual(row.new_value, "Menghambat proses penegakan hukum")
        # The catalogue belongs to no body: its rows are read by every auditor.
        Log = self.env["ppid.audit.log"].with_user(self.users["auditor"])
        self.assertEqual(Log.search([("id", "=", row.id)]), row)
        for role in ("committee", "head", "pelaksana"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.basis_a.with_user(self.users[role]).write({"name": "x"})


@tagged("post_install", "-at_install")
class TestClassificationAudit(ClassificationCase):
    """Every change to tests, decrees, signatures, the catalogue and holidays
    is in the append-only audit log (Permenkominfo 39(4))."""

    def _rows(self, records, **conditions):
        domain = [("res_model", "=", records._name), ("res_id", "in", records.ids)]
        domain += [(key, "=", value) for key, value in conditions.items()]
        return self.env["ppid.audit.log"].search(domain, order="id")

    def test_a_test_and_its_decree_leave_a_trail(self):
        item = self._create_item("received")
        test = self._session(item)
        self.assertEqual(self._rows(test, event="create").user_id, self.committee)
        self.assertEqual(len(self._rows(test.participant_ids, event="create")), 3)
        line = test.line_ids
        line.with_user(self.committee).harm_if_opened = "Saksi dapat diintimidasi."
        change = self._rows(line, field_name="harm_if_opened")
        self.assertEqual(
            (change.old_value, change.new_value),
            ("Menghambat proses penyidikan.", "Saksi dapat diintimidasi."),
        )
        self.assertEqual(change.information_id, item)
        self._sign_all(test)
        signed = self._rows(test.participant_ids, event="sign")
        self.assertEqual(
            set(signed.mapped("user_id")), set(test.participant_ids.user_id)
        )
        test.with_user(self.committee).action_reset_signatures()
        self.assertEqual(
            len(self._rows(test.participant_ids, event="signature_reset")), 3
        )
        self._sign_all(test)
        test.with_user(self.committee).action_complete()
        state = self._rows(test, event="state")
        self.assertEqual(
            (state.user_id, state.old_value, state.new_value),
            (self.committee, "In Progress", "Completed"),
        )
        decree = test.decree_ids
        self.assertTrue(self._rows(decree, event="create"))
        decree.with_user(self.committee).place = "Samarinda"
        self.assertEqual(self._rows(decree, field_name="place").new_value, "Samarinda")
        decree.with_user(self.head).action_approve()
        approved = self._rows(decree, event="state")
        self.assertEqual(
            (approved.user_id, approved.new_value), (self.head, "Approved")
        )
        self.assertTrue(
            self._rows(decree.line_ids, field_name="approved_title").new_value
        )
        # The rows are append-only, for everyone.
        rows = self._rows(test) | self._rows(decree)
        for user in (self.users["manager"], self.env.ref("base.user_admin")):
            with self.assertRaises(UserError):
                rows.with_user(user).write({"reason": "x"})
            with self.assertRaises(UserError):
                rows.with_user(user).unlink()

    def test_a_deleted_draft_session_stays_in_the_trail(self):
        test = self._session(self._create_item("received"))
        name = test.name
        test_id = test.id
        test.with_user(self.committee).unlink()
        row = self.env["ppid.audit.log"].search(
            [
                ("res_model", "=", "ppid.consequence.test"),
                ("res_id", "=", test_id),
                ("event", "=", "unlink"),
            ]
        )
        self.assertEqual(row.record_ref, name)
        self.assertEqual(row.user_id, self.committee)

    def test_holidays_leave_a_trail(self):
        manager = self.users["manager"]
        Leave = self.env["resource.calendar.leaves"]
        leave = Leave.create(
            {
                "name": "Cuti bersama tambahan",
                "calendar_id": self.calendar.id,
                "company_id": self.company.id,
                "date_from": "2026-12-24 00:00:00",
                "date_to": "2026-12-24 16:00:00",
                "ppid_holiday_type": "cuti_bersama",
            }
        )
        self.assertEqual(len(self._rows(leave, event="create")), 1)
        leave.write({"name": "Cuti bersama Natal"})
        self.assertEqual(
            self._rows(leave, field_name="name").new_value, "Cuti bersama Natal"
        )
        untagged = Leave.create(
            {
                "name": "Libur kantor",
                "calendar_id": self.calendar.id,
                "date_from": "2026-12-28 00:00:00",
                "date_to": "2026-12-28 16:00:00",
            }
        )
        self.assertFalse(self._rows(untagged))
        untagged.write({"ppid_holiday_type": "national"})
        self.assertEqual(
            self._rows(untagged, field_name="ppid_holiday_type").new_value,
            "National holiday",
        )
        leave_id = leave.id
        leave.unlink()
        self.assertTrue(
            self.env["ppid.audit.log"].search(
                [
                    ("res_model", "=", "resource.calendar.leaves"),
                    ("res_id", "=", leave_id),
                    ("event", "=", "unlink"),
                ]
            )
        )
        loaded = self.company.with_user(manager).ppid_load_holidays([2028])
        self.assertTrue(loaded)
        self.assertEqual(len(self._rows(loaded, event="create")), len(loaded))
        self.assertEqual(set(self._rows(loaded).mapped("user_id")), {manager})

    def test_item_rows_name_their_record(self):
        item = self._create_item("draft")
        row = self.env["ppid.audit.log"].search(
            [("information_id", "=", item.id), ("event", "=", "create")]
        )
        self.assertEqual(
            (row.res_model, row.res_id, row.record_ref),
            ("ppid.exempted.information", item.id, item.name),
        )
