/* Copyright 2026 PPID Exempted contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ppid_exempted_redacted_copy", {
    steps: () => [
        {
            content: "The draft copy is open",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Draft')",
        },
        {
            content: "Add a redaction",
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Type the exempted passage",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='passage'] textarea",
            run: "edit Budi Santoso",
        },
        {
            content: "Choose the point of Pasal 17",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='legal_basis_id'] input",
            run: "edit huruf a angka 2",
        },
        {
            content: "Pick it from the list",
            trigger: ".o-autocomplete--dropdown-item a:contains('Pasal 17 huruf a angka 2')",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='reason'] textarea",
            run: "edit Identitas saksi dalam penyidikan.",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "Generate the redacted copy",
            trigger: "button[name='action_generate']",
            run: "click",
        },
        {
            content: "The copy is generated",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Copy Generated')",
        },
    ],
});
