/* Copyright 2026 PPID Exempted contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";
import {searchItemSteps, tourRef} from "@ppid_exempted/../tests/tours/ppid_role_tour_helpers";

/* The head of the body (atasan PPID) approves a classification from its
 * kanban card, after reading the conclusion on it and confirming. */
registry.category("web_tour.tours").add("ppid_role_head_approve", {
    steps: () => {
        const ref = tourRef();
        const card = `.o_kanban_record:contains('${ref}')`;
        return [
            ...searchItemSteps(ref),
            {
                content: "The card of the item waits in the Menunggu Persetujuan column",
                trigger: `.o_kanban_group:has(.o_column_title:contains('Menunggu Persetujuan')) ${card}`,
            },
            {
                content: "The card says what the test concluded",
                trigger: `${card}:contains('Kesimpulan'):contains('Dikecualikan')`,
            },
            {
                content: "Approve from the card: the button reads Setujui",
                trigger: `${card} button.o_ppid_approve:contains('Setujui')`,
                run: "click",
            },
            {
                content: "The approval asks for a confirmation, in Indonesian",
                trigger: ".modal:contains('Setujui penetapan informasi ini') .modal-footer .btn-primary",
                run: "click",
            },
            {
                content: "The card moved to the Dikecualikan column, with no approval left",
                trigger: `.o_kanban_group:has(.o_column_title:contains('Dikecualikan')) ${card}:not(:has(button.o_ppid_approve))`,
            },
        ];
    },
});
