# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# At most a re-issue every ten years and a re-test every thirty (the longest
# period of PP 61/2010 Ps 5(1)): beyond that nothing is periodic.
MAX_REISSUE_MONTHS = 120
MAX_RETEST_YEARS = 30


class ResCompanySchedule(models.Model):
    """The periodic work of a public body (Kaltim SOP: the classification and
    the consequence tests are done periodically; the DIK is re-issued, e.g.
    yearly): when the register is re-issued and long exemptions re-tested."""

    _inherit = "res.company"  # pylint: disable=R8180

    ppid_register_reissue_months = fields.Integer(
        string="Re-issue the Register Every (Months)",
        default=12,
        help="The register (DIK) is issued again this many months after the last "
        "issued register; the documentation officer gets an activity on the due "
        "date. 0: no periodic re-issue.",
    )
    ppid_register_reissue_start = fields.Date(
        string="First Periodic Register Due On",
        help="While the body has issued no register yet: when its first periodic "
        "register is due.",
    )
    ppid_retest_interval_years = fields.Integer(
        string="Re-test Long Exemptions Every (Years)",
        default=0,
        help="An exemption still in force this many years after its decree is "
        "tested again: the PPID gets an activity on each anniversary. 0: no "
        "periodic re-test (each item still has its review date).",
    )

    @api.constrains("ppid_register_reissue_months", "ppid_retest_interval_years")
    def _check_ppid_schedule(self):
        for company in self:
            if not 0 <= company.ppid_register_reissue_months <= MAX_REISSUE_MONTHS:
                raise ValidationError(
                    self.env._(
                        "The register is re-issued every 0 to %(max)s months.",
                        max=MAX_REISSUE_MONTHS,
                    )
                )
            if not 0 <= company.ppid_retest_interval_years <= MAX_RETEST_YEARS:
                raise ValidationError(
                    self.env._(
                        "Long exemptions are re-tested every 0 to %(max)s years.",
                        max=MAX_RETEST_YEARS,
                    )
                )

    def _ppid_register_reissue_due(self):
        """The date the next periodic register is due, or None: the months of
        the setting after the last issued register, else the first due date."""
        self.ensure_one()
        months = self.ppid_register_reissue_months
        if months <= 0:
            return None
        last = (
            self.env["ppid.register.issue"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.id),
                    ("state", "in", ("issued", "published")),
                ],
                order="date desc",
                limit=1,
            )
        )
        if last:
            return last.date + relativedelta(months=months)
        return self.ppid_register_reissue_start or None
