# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Upgrade to 19.0.1.1.0, before the new data is loaded.

The catalogue of UU 14/2008 Pasal 17 carries the rules of the law (the period
caps of PP 61/2010, which huruf need an angka or a statute). From 19.0.1.1.0 it
changes only by a module update, never by a user: its records were loaded as
``noupdate`` before, so an update would not re-apply the law to them. Mark
them updatable, so that this upgrade and every later one load the law as the
module states it. Nothing is deleted; labels edited since are audited.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_model_data
           SET noupdate = FALSE
         WHERE module = 'ppid_exempted' AND model = 'ppid.legal.basis'
        """
    )
