# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
from contextlib import contextmanager

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.fields import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

ROLES = (
    "pelaksana",
    "service",
    "committee",
    "documentation",
    "head",
    "auditor",
    "manager",
)


class PpidCase(TransactionCase):
    """A public body with two units and one user per PPID role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.unit_utama = cls.env["ppid.unit"].create(
            {"name": "PPID Utama", "code": "UTAMA", "unit_type": "utama"}
        )
        cls.unit = cls.env["ppid.unit"].create(
            {
                "name": "Dinas Kesehatan",
                "code": "DINKES",
                "parent_id": cls.unit_utama.id,
            }
        )
        cls.other_unit = cls.env["ppid.unit"].create(
            {
                "name": "Dinas Pendidikan",
                "code": "DISDIK",
                "parent_id": cls.unit_utama.id,
            }
        )
        cls.users = {
            role: new_test_user(
                cls.env,
                login=f"ppid_{role}",
                groups=f"ppid_exempted.group_ppid_{role}",
                # the body's time zone, as its officers have it
                tz="Asia/Jakarta",
            )
            for role in ROLES
        }
        cls.users["pelaksana"].ppid_unit_ids = cls.unit
        cls.basis_a = cls.env.ref("ppid_exempted.legal_basis_a")
        cls.basis_a1 = cls.env.ref("ppid_exempted.legal_basis_a_1")
        cls.basis_h = cls.env.ref("ppid_exempted.legal_basis_h")
        cls.basis_h2 = cls.env.ref("ppid_exempted.legal_basis_h_2")
        cls.basis_j = cls.env.ref("ppid_exempted.legal_basis_j")
        cls.room = cls.env["ppid.archive.location"].create(
            {"name": "Ruang Arsip", "location_type": "room"}
        )
        cls.box = cls.env["ppid.archive.location"].create(
            {
                "name": "Boks",
                "code": "14",
                "location_type": "box",
                "parent_id": cls.room.id,
            }
        )
        cls.classification = cls.env.ref("ppid_exempted.archive_classification_300")
        cls.calendar = cls._create_asn_calendar()
        cls.company.write(
            {
                # Who sets the classifications (the six fields of PP 61/2010 4(2)).
                "ppid_official_id": cls.users["committee"].id,
                "ppid_official_position": "Kepala Dinas Kominfo selaku PPID Utama",
                "ppid_official_nip": "197001011990031001",
                "ppid_decree_place": "Tenggarong",
                "resource_calendar_id": cls.calendar.id,
                "ppid_cuti_bersama_non_working": True,
                "ppid_officer_user_id": cls.users["service"].id,
                "ppid_head_user_id": cls.users["head"].id,
                "ppid_documentation_user_id": cls.users["documentation"].id,
            }
        )
        cls.company.ppid_load_holidays([2026, 2027])
        # The body's today (WIB): after 17:00 UTC it is already tomorrow there.
        cls.today = cls.company._ppid_today()

    @classmethod
    def _create_asn_calendar(cls):
        """Government office hours: Monday to Friday, 07:30 to 16:00 WIB."""
        attendances = [
            Command.create(
                {
                    "name": f"Day {day}",
                    "dayofweek": str(day),
                    "hour_from": 7.5,
                    "hour_to": 16.0,
                    "day_period": "full_day",
                }
            )
            for day in range(5)
        ]
        return cls.env["resource.calendar"].create(
            {
                "name": "Jam kerja ASN",
                "tz": "Asia/Jakarta",
                "attendance_ids": attendances,
                "company_id": cls.company.id,
            }
        )

    @contextmanager
    def assertRefused(self, exception, pattern):
        """assertRaisesRegex inside a savepoint, like Odoo's assertRaises."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)

    @classmethod
    def _item_values(cls, **overrides):
        """A complete DIK row with the unit's test sheet: ready to hand over."""
        values = {
            "title": "Berkas penyidikan perkara pengadaan alat kesehatan",
            "description": "Berita acara pemeriksaan saksi dalam penyidikan.",
            "source_document": "BAP Nomor 12/2026",
            "unit_id": cls.unit.id,
            "legal_basis_id": cls.basis_a.id,
            "legal_subpoint_id": cls.basis_a1.id,
            "harm_if_opened": "Menghambat proses penyidikan.",
            "interest_if_closed": "Kelancaran penegakan hukum.",
            "public_interest_note": "Kepentingan umum lebih terlindungi bila ditutup.",
            "exemption_scope": "part",
            "exempt_part": "Identitas saksi pada halaman 3-5 dihitamkan.",
            "period_type": "date",
            "period_end_date": cls.today + relativedelta(years=5),
            "period_basis": "PP 61/2010 Pasal 5 ayat (1)",
            "review_date": cls.today + relativedelta(years=1),
            "unit_test_sheet": base64.b64encode(b"%PDF-1.4 lembar uji"),
            "unit_test_sheet_name": "lembar_uji.pdf",
        }
        values.update(overrides)
        end = values.get("period_end_date")
        if "review_date" not in overrides and end:
            # A review never comes after the end of the period.
            values["review_date"] = min(values["review_date"], fields.Date.to_date(end))
        return values

    @classmethod
    def _hardcopy_values(cls):
        """Where the paper is kept and for how long (rules 23, 24)."""
        return {
            "hardcopy_location_id": cls.box.id,
            "archive_classification_id": cls.classification.id,
            "retention_active_years": 2,
            "retention_inactive_years": 8,
            "final_disposition": "permanen",
            "jra_reference": "Peraturan Bupati Nomor 12 Tahun 2021 tentang JRA",
        }

    @classmethod
    def _create_item(cls, state="draft", **overrides):
        """Create an item directly in `state`, as the system would have left it."""
        values = cls._item_values(state=state, **overrides)
        if state in ("exempted", "documented", "expiring"):
            values.setdefault("approved_by_id", cls.users["head"].id)
            values.setdefault("approved_datetime", "2026-01-05 09:00:00")
        if state == "opened":
            values.setdefault("open_reason", "period_ended")
        return cls.env["ppid.exempted.information"].create(values)
