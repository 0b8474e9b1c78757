# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

I18N = Path(__file__).resolve().parents[1] / "i18n"


@tagged("post_install", "-at_install")
class TestIndonesianTranslation(TransactionCase):
    """Users work in Bahasa Indonesia: every term of the module is translated."""

    def test_every_term_has_an_indonesian_translation(self):
        translated = {
            entry.msgid
            for entry in polib.pofile(str(I18N / "id.po"))
            if entry.msgstr and "fuzzy" not in entry.flags
        }
        terms = {
            source
            for module, _type, _name, _res_id, source, _value, _comments in (
                TranslationModuleReader(self.env.cr, modules=["ppid_exempted"])
            )
            if module == "ppid_exempted" and source
        }
        missing = sorted(terms - translated)
        self.assertFalse(missing, "Terms without a translation in i18n/id.po")
        # Odoo loads a translation only for a term of the template: a term
        # missing from the .pot shows in English although id.po has it.
        template = {
            entry.msgid for entry in polib.pofile(str(I18N / "ppid_exempted.pot"))
        }
        self.assertFalse(
            sorted(terms - template), "Terms missing from i18n/ppid_exempted.pot"
        )
