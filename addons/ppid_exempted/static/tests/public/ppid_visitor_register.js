/* Copyright 2026 PPID Exempted contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
/* Not a module of any bundle: tests/test_role_tours.py runs it in the public
 * register page, which has no script of its own, with window.ppidTourExpect
 * set. A visitor reads what is on the screen, in Bahasa Indonesia. */
((expect) => {
    const text = (selector) =>
        [...document.querySelectorAll(selector)].map((node) => node.innerText).join(" | ");
    const fail = (message) => console.error("visitor tour failed: " + message);
    if (document.documentElement.lang !== "id") {
        return fail("the page is not in Bahasa Indonesia");
    }
    if (!text(".ppid-body-name").includes(expect.body)) {
        return fail("the name of the body is missing: " + text(".ppid-body-name"));
    }
    if (!text("h1").includes("Daftar Informasi yang Dikecualikan")) {
        return fail("the title is not the register's: " + text("h1"));
    }
    const headers = text("table.ppid-register thead th");
    for (const header of ["Kode", "Dasar Hukum Pengecualian", "Jangka Waktu Pengecualian"]) {
        if (!headers.includes(header)) {
            return fail("no column " + header + ": " + headers);
        }
    }
    const row = [...document.querySelectorAll("table.ppid-register tbody tr")].find((tr) =>
        tr.innerText.includes(expect.reference)
    );
    if (!row) {
        return fail(expect.reference + " is not listed");
    }
    for (const value of [expect.title, expect.harm, "Pasal 17 huruf"]) {
        if (!row.innerText.includes(value)) {
            return fail(expect.reference + " does not show " + value);
        }
    }
    if (document.body.innerText.includes(expect.secret)) {
        return fail("the content of the information is on the public page");
    }
    const request = document.querySelector("a.ppid-request");
    if (!request || !request.innerText.includes("Ajukan permohonan informasi")) {
        return fail("no link to request information");
    }
    const opened = [...document.querySelectorAll(".ppid-links a")].find((a) =>
        a.innerText.includes("Pengumuman informasi yang telah dibuka")
    );
    if (!opened || !opened.href.endsWith("/opened")) {
        return fail("no link to the announcements");
    }
    console.log("test successful");
})(window.ppidTourExpect);
