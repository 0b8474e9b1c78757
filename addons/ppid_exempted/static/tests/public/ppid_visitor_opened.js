/* Copyright 2026 PPID Exempted contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
/* Not a module of any bundle: tests/test_role_tours.py runs it in the public
 * page of the announcements, with window.ppidTourExpect set. */
((expect) => {
    const fail = (message) => console.error("visitor tour failed: " + message);
    if (!document.querySelector("h1").innerText.includes("Pengumuman Informasi")) {
        return fail("not the page of the announcements");
    }
    const row = [...document.querySelectorAll("table.ppid-opened tbody tr")].find((tr) =>
        tr.innerText.includes(expect.reference)
    );
    if (!row || !row.innerText.includes(expect.title)) {
        return fail(expect.reference + " is not announced");
    }
    console.log("test successful");
})(window.ppidTourExpect);
