/* Copyright 2026 PPID Exempted contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ppid_exempted_archive_with_reason", {
    steps: () => [
        {
            content: "The form of the item is open",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Exempted')",
        },
        {
            content: "Open the actions menu of the form",
            trigger: ".o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Archive",
            trigger: ".o-dropdown--menu .o_menu_item:has(.oi-archive)",
            run: "click",
        },
        {
            content: "Confirm the archiving",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The wizard asks for the reason",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Tercatat dua kali, lihat DIK/2026/0012.",
        },
        {
            content: "Archive with the reason",
            trigger: ".modal-footer button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The form shows the archived ribbon",
            trigger: ".o_form_view .ribbon:contains('Archived'), .o_form_view .o_widget_web_ribbon:contains('Archived')",
        },
    ],
});
