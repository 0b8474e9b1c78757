/* Copyright 2026 PPID Exempted contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
/* Steps shared by the role tours (tests/test_role_tours.py). Every label a
 * step looks for is the Indonesian one: the tours prove the UI speaks
 * Bahasa Indonesia to the demo users. */

import {queryFirst, waitFor} from "@odoo/hoot-dom";
import {download} from "@web/core/network/download";

/** The reference of the item a tour works on, from the cookie the test sets. */
export function tourRef() {
    const match = document.cookie.match(/(?:^|;\s*)ppid_tour_ref=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : "";
}

/** Search the item by its reference in the kanban, as a user types it. */
export function searchItemSteps(ref) {
    return [
        {
            content: "The kanban of the exempted information is open",
            trigger: ".o_kanban_view .o_kanban_record",
        },
        {
            content: `Search ${ref}`,
            trigger: ".o_searchview_input",
            run: `edit ${ref}`,
        },
        {
            content: "Search in the title or the reference",
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Only the item searched is shown",
            trigger: `.o_searchview_facet:contains('${ref}')`,
        },
    ];
}

/** Open the item's form from its kanban card. */
export function openCardSteps(ref) {
    return [
        {
            content: `Open the card of ${ref}`,
            trigger: `.o_kanban_record:contains('${ref}') span.fw-bold`,
            run: "click",
        },
        {
            content: "The form of the item is open",
            trigger: `.o_form_view .o_field_widget[name='name']:contains('${ref}')`,
        },
    ];
}

/** Put a file in a binary field, as the user picks it in the file dialog. */
export function uploadStep(fieldName, fileName, content) {
    return {
        content: `Upload ${fileName}`,
        trigger: `.o_field_widget[name='${fieldName}'] input[type='file']:not(:visible)`,
        run() {
            const transfer = new DataTransfer();
            transfer.items.add(new File([content], fileName, {type: "application/pdf"}));
            this.anchor.files = transfer.files;
            this.anchor.dispatchEvent(new Event("change", {bubbles: true}));
        },
    };
}

/** Pick a value in a many2one field: type, then click the proposal. */
export function many2oneSteps(fieldName, text, proposal, scope = "") {
    return [
        {
            content: `Type ${text} in ${fieldName}`,
            trigger: `${scope} .o_field_widget[name='${fieldName}'] input`,
            run: `edit ${text}`,
        },
        {
            content: `Pick ${proposal}`,
            trigger: `${scope} .o_field_widget[name='${fieldName}'] .o-autocomplete--dropdown-item:contains('${proposal}')`,
            run: "click",
        },
    ];
}

/** Open a tab of the form's notebook (its page name), by its Indonesian label. */
export function tabStep(name, label) {
    return {
        content: `Open the tab ${label}`,
        trigger: `.o_notebook .nav-link[name='${name}']:contains('${label}')`,
        run: "click",
    };
}

/** The status bar shows the item in this (Indonesian) state. */
export function stateStep(label) {
    return {
        content: `The item is now ${label}`,
        trigger: `.o_statusbar_status .o_arrow_button_current:contains('${label}')`,
    };
}

/** Open a menu of the PPID app by its Indonesian label: from its section in
 * the top bar, or from the "more" menu when the bar is too narrow for it. */
export function menuSteps(sectionXmlid, sectionLabel, itemXmlid, itemLabel) {
    return [
        {
            content: `Open the menu ${sectionLabel}`,
            trigger: ".o_main_navbar .o_menu_sections",
            async run(helpers) {
                const section = queryFirst(
                    `.o_menu_sections [data-menu-xmlid='${sectionXmlid}']:contains('${sectionLabel}'):visible`
                );
                await helpers.click(section || ".o_menu_sections_more button");
            },
        },
        {
            content: `Open ${itemLabel}`,
            trigger: `.o-dropdown--menu [data-menu-xmlid='${itemXmlid}']:contains('${itemLabel}')`,
            run: "click",
        },
    ];
}

/** Open a menu of the PPID app that has no submenu, by its Indonesian label. */
export function menuEntryStep(xmlid, label) {
    return {
        content: `Open the menu ${label}`,
        trigger: ".o_main_navbar .o_menu_sections",
        async run(helpers) {
            const selector = `[data-menu-xmlid='${xmlid}']:contains('${label}')`;
            const entry = queryFirst(`.o_menu_sections ${selector}:visible`);
            if (entry) {
                await helpers.click(entry);
                return;
            }
            await helpers.click(".o_menu_sections_more button");
            await helpers.click(await waitFor(`.o-dropdown--menu ${selector}`));
        },
    };
}

/** Print a report of the open record from its actions menu (Cetak): the
 * download the browser would start is recorded on the page instead. */
export function printSteps(label) {
    return [
        {
            content: "Catch the download of the printed paper",
            trigger: ".o_form_view",
            run() {
                const original = download._download;
                download._download = async (options) => {
                    download._download = original;
                    document.body.dataset.ppidPrinted = options.data.data;
                };
            },
        },
        {
            content: "Open the actions menu",
            trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Open the print menu (Cetak), when there are several papers",
            trigger: ".o-dropdown--menu:has(.fa-print)",
            async run(helpers) {
                const printMenu = queryFirst(".o-dropdown--menu button:has(.fa-print):visible");
                if (printMenu) {
                    await helpers.click(printMenu);
                }
            },
        },
        {
            content: `Print ${label}`,
            trigger: `.o-dropdown--menu .o_menu_item:contains('${label}')`,
            run: "click",
        },
    ];
}
