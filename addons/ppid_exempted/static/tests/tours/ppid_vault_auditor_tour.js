/* Copyright 2026 PPID Exempted contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ppid_exempted_vault_auditor", {
    steps: () => [
        {
            content: "The auditor sees the name of the softcopy, not the file",
            trigger: ".o_form_view .o_notebook a:contains('Documentation')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='softcopy_filename']:contains('bap_saksi.pdf')",
        },
        {
            trigger: ".o_form_view:not(:has(.o_field_widget[name='softcopy_file']))",
        },
        {
            content: "The stored documents are listed with their fingerprints",
            trigger: ".o_form_view .o_notebook a:contains('Safeguarding')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='vault_document_ids'] td:contains('memo_rahasia.pdf')",
        },
        {
            content: "The chatter loads without offering the files",
            trigger: ".o-mail-Chatter .o-mail-Message",
        },
    ],
});
