/* Copyright 2026 PPID Exempted contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

const card = ".o_kanban_record:contains('Tour: berkas untuk disetujui')";

registry.category("web_tour.tours").add("ppid_exempted_kanban_approve", {
    steps: () => [
        {
            content: "The head of the body approves the card from the kanban",
            trigger: `${card} button.o_ppid_approve`,
            run: "click",
        },
        {
            content: "The approval asks for a confirmation first",
            trigger: ".modal .modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "Once approved, the card offers no approval any more",
            trigger: `${card}:not(:has(button.o_ppid_approve))`,
        },
    ],
});
