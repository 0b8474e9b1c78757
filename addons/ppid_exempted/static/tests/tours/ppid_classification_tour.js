/* Copyright 2026 PPID Exempted contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ppid_exempted_consequence_test_complete", {
    steps: () => [
        {
            content: "The PPID signs the consequence-test sheet",
            trigger: ".o_form_view button.o_ppid_sign",
            run: "click",
        },
        {
            content: "Every participant has signed",
            trigger: ".o_field_widget[name=signature_progress]:contains('2 / 2')",
        },
        {
            content: "The Tim Pertimbangan completes the test",
            trigger: ".o_form_view button.o_ppid_complete",
            run: "click",
        },
        {
            content: "and confirms it",
            trigger: ".modal .modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The test is complete",
            trigger: ".o_statusbar_status button[data-value='done'][aria-checked='true']",
        },
    ],
});

registry.category("web_tour.tours").add("ppid_exempted_decree_approve", {
    steps: () => [
        {
            content: "The head of the body approves the decree",
            trigger: ".o_form_view button.o_ppid_decree_approve",
            run: "click",
        },
        {
            content: "and confirms it",
            trigger: ".modal .modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The decree is approved",
            trigger: ".o_statusbar_status button[data-value='approved'][aria-checked='true']",
        },
    ],
});
