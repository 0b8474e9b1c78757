/* Copyright 2026 PPID Exempted contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("ppid_exempted_reporting_dashboard", {
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open the PPID app",
            trigger: ".o_app[data-menu-xmlid='ppid_exempted.ppid_menu_root']",
            run: "click",
        },
        {
            content: "Open the Reporting menu",
            trigger: "button[data-menu-xmlid='ppid_exempted.ppid_reporting_menu']",
            run: "click",
        },
        {
            content: "Open the dashboard",
            trigger: ".dropdown-item[data-menu-xmlid='ppid_exempted.ppid_dashboard_menu']",
            run: "click",
        },
        {
            content: "The dashboard opens on the graph of the items",
            trigger: ".o_graph_view .o_graph_renderer canvas",
        },
        {
            content: "Switch to the pivot table",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "The pivot shows the items by unit and huruf",
            trigger: ".o_pivot table:contains('Dinas Kesehatan')",
        },
    ],
});
