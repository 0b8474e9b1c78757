# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Concurrent users on committed data, through a real multi-worker server.

Creates a database with ppid_exempted and its demo data, prepares the records
below as superuser (committed), starts Odoo with the production settings (two
HTTP workers: two requests really run at once, each in its own transaction,
with Odoo's retry of serialization failures), then fires pairs of JSON-RPC
calls released together by a barrier, and checks the committed outcome:

- two heads approve the same decree: exactly one succeeds, the other gets a
  clear UserError; one approval, one "Approved by" note, one state row in the
  audit log per item, no decree number consumed twice;
- two unit officers edit the same item: both writes end (one after a retry)
  or one is refused clearly; the item holds one of the two values; one audit
  row per committed write;
- the expiry cron runs while a service officer writes the same items: every
  ended item is opened exactly once (one DIP entry, one state audit row), and
  the officer's write either commits (and survives) or is refused clearly;
- two service officers receive the same hand-over: exactly one receipt.

Each scenario runs ROUNDS times. Results: tests/reliability/RESULTS.md.

Run: python3 tests/reliability/concurrency_check.py [--rounds 3] [--port 18104]
"""

import argparse
import re
import threading
import time
from datetime import date, datetime, timedelta, timezone

from reliability_common import (
    ADDONS_PATH,
    DATA_DIR,
    Server,
    append_results,
    bad_log_lines,
    create_database,
    dropdb,
)

PASSWORD = "Reliab-2026!"
CRON_ITEMS = 20


def environment(db):
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(
        ["-d", db, f"--addons-path={ADDONS_PATH}", f"--data-dir={DATA_DIR}"]
    )
    registry = Registry(db)
    return registry, lambda cr: api.Environment(cr, SUPERUSER_ID, {})


def prepare(db, rounds):
    """Users and records of every scenario, committed; returns their ids."""
    from odoo.fields import Command

    registry, make_env = environment(db)
    with registry.cursor() as cr:
        env = make_env(cr)
        Items = env["ppid.exempted.information"]
        template = Items.search([("state", "=", "approval")], limit=1)
        unit = template.unit_id

        def user(login, group, **values):
            return env["res.users"].create(
                {
                    "name": login.title(),
                    "login": login,
                    "password": PASSWORD,
                    "group_ids": [Command.set(env.ref(group).ids)],
                    **values,
                }
            )

        users = {
            "head_1": user("head_1", "ppid_exempted.group_ppid_head"),
            "head_2": user("head_2", "ppid_exempted.group_ppid_head"),
            "officer_1": user(
                "officer_1",
                "ppid_exempted.group_ppid_pelaksana",
                ppid_unit_ids=[Command.set(unit.ids)],
            ),
            "officer_2": user(
                "officer_2",
                "ppid_exempted.group_ppid_pelaksana",
                ppid_unit_ids=[Command.set(unit.ids)],
            ),
            "service_1": user("service_1", "ppid_exempted.group_ppid_service"),
            "service_2": user("service_2", "ppid_exempted.group_ppid_service"),
            "admin": env.ref("base.user_admin"),
        }
        env.ref("base.user_admin").password = PASSWORD

        def copy_item(state, **values):
            # The fields of a complete demo item, in `state` as the system
            # would have left it.
            fields_read = [
                name
                for name, field in Items._fields.items()
                if field.store
                and not field.compute
                and field.type not in ("one2many", "many2many", "binary")
                and name not in ("id", "name", "create_date", "write_date")
                and not name.startswith(("message_", "activity_"))
            ]
            vals = template.read(fields_read, load=None)[0]
            vals.pop("id")
            sheet = template.with_context(bin_size=False)
            vals.update(
                state=state,
                unit_test_sheet=sheet.unit_test_sheet,
                unit_test_sheet_name=sheet.unit_test_sheet_name or "lembar_uji.pdf",
                published_harm_summary=False,
                published_interest_summary=False,
                **values,
            )
            return Items.create(vals)

        approval = [copy_item("approval") for _ in range(rounds)]
        decrees = [
            env["ppid.classification.decree"]._create_for_items(item)
            for item in approval
        ]
        drafts = [copy_item("draft") for _ in range(rounds)]
        submitted = [copy_item("submitted") for _ in range(rounds)]
        ended = []
        for _ in range(rounds):
            batch = Items
            for _n in range(CRON_ITEMS):
                batch |= copy_item(
                    "exempted",
                    period_type="date",
                    approved_by_id=users["head_1"].id,
                    approved_datetime=datetime(2020, 1, 6, 9, 0),
                    period_end_date=date.today() - timedelta(days=1),
                    review_date=date.today() - timedelta(days=2),
                    decree_date=date(2020, 1, 6),
                )
            ended.append(batch.ids)
        cron = env.ref("ppid_exempted.ir_cron_ppid_expiry")
        cr.commit()
        return {
            "logins": {key: value.login for key, value in users.items()},
            "decrees": [decree.id for decree in decrees],
            "approval_items": [item.id for item in approval],
            "drafts": [item.id for item in drafts],
            "submitted": [item.id for item in submitted],
            "ended": ended,
            "cron": cron.id,
        }


def call(server, cookie, model, method, *args, **kwargs):
    status, payload, _cookie = server.jsonrpc(
        f"/web/dataset/call_kw/{model}/{method}",
        {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        cookie=cookie,
    )
    if status != 200:
        return {"outcome": f"HTTP {status}"}
    if "error" in payload:
        data = payload["error"].get("data", {})
        return {
            "outcome": "refused",
            "error": data.get("name", "?"),
            "message": data.get("message", "")[:160],
        }
    return {"outcome": "ok"}


def race(*calls):
    """Run the calls at once (released by a barrier); their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, function):
        barrier.wait()
        results[index] = function()

    threads = [
        threading.Thread(target=run, args=(index, function))
        for index, function in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


CLEAR_ERRORS = (
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
)


def clear(result):
    return result["outcome"] == "ok" or result.get("error") in CLEAR_ERRORS


def audit_rows(env, item_id, event, field=None):
    domain = [("information_id", "=", item_id), ("event", "=", event)]
    if field:
        domain.append(("field_name", "=", field))
    return env["ppid.audit.log"].sudo().search_count(domain)


def check_decrees(env, ids, results_per_round):
    fails = []
    Decree = env["ppid.classification.decree"]
    numbers = []
    for decree_id, item_id, results in zip(
        ids["decrees"], ids["approval_items"], results_per_round, strict=True
    ):
        decree = Decree.browse(decree_id)
        ok = [r for r in results if r["outcome"] == "ok"]
        if len(ok) != 1 or not all(clear(r) for r in results):
            fails.append(f"decree {decree_id}: {results}")
        # the loser is told what happened: the decree is approved already
        told = [r for r in results if "approved" in r.get("message", "")]
        if len(ok) == 1 and not told:
            fails.append(f"decree {decree_id}: the refused head was told {results}")
        if decree.state != "approved" or not decree.name:
            fails.append(f"decree {decree_id} is {decree.state}")
            continue
        notes = env["mail.message"].search_count(
            [
                ("model", "=", decree._name),
                ("res_id", "=", decree_id),
                ("body", "ilike", "Approved by"),
            ]
        )
        states = audit_rows(env, item_id, "state")
        if notes != 1 or states != 1:
            fails.append(f"decree {decree_id}: {notes} notes, {states} audit rows")
        numbers.append(int(decree.name.rsplit("/", 1)[1]))
    sequence = env["ir.sequence"].search(
        [("code", "=", "ppid.classification.decree")], limit=1
    )
    if numbers:
        consumed = sequence.number_next_actual - min(numbers)
        if consumed != len(numbers):
            fails.append(
                f"{consumed} decree numbers consumed for {len(numbers)} decrees "
                f"(numbers {sorted(numbers)}, next {sequence.number_next_actual})"
            )
    return fails


def check_edits(env, ids, results_per_round):
    fails = []
    Items = env["ppid.exempted.information"]
    for item_id, results in zip(ids["drafts"], results_per_round, strict=True):
        item = Items.browse(item_id)
        if not all(clear(r) for r in results):
            fails.append(f"item {item_id}: {results}")
        committed = [
            title
            for title, r in zip(("Judul A", "Judul B"), results, strict=True)
            if r["outcome"] == "ok"
        ]
        if item.title not in committed:
            fails.append(f"item {item_id}: title {item.title!r}, {results}")
        rows = audit_rows(env, item_id, "field", "title")
        if rows != len(committed):
            fails.append(f"item {item_id}: {rows} audit rows for {committed}")
    return fails


def check_cron(env, ids, results_per_round):
    fails = []
    Items = env["ppid.exempted.information"].with_context(active_test=False)
    for batch, results in zip(ids["ended"], results_per_round, strict=True):
        if not all(clear(r) for r in results):
            fails.append(f"cron/write: {results}")
        items = Items.browse(batch)
        opened = items.filtered(lambda item: item.state == "opened")
        if opened != items:
            fails.append(f"{len(items) - len(opened)} ended items not opened")
        for item in items:
            entries = env["ppid.public.information"].search_count(
                [("information_id", "=", item.id)]
            )
            states = audit_rows(env, item.id, "state")
            if entries != 1 or states != 1:
                fails.append(
                    f"item {item.id}: {entries} DIP entries, {states} state rows"
                )
        if results[1]["outcome"] == "ok":
            lost = items.filtered(
                lambda item: item.published_harm_summary != "Menghambat penyidikan."
            )
            if lost:
                fails.append(f"the user's write was lost on {len(lost)} items")
    return fails


def check_receipts(env, ids, results_per_round):
    fails = []
    Items = env["ppid.exempted.information"]
    for item_id, results in zip(ids["submitted"], results_per_round, strict=True):
        item = Items.browse(item_id)
        ok = [r for r in results if r["outcome"] == "ok"]
        if len(ok) != 1 or not all(clear(r) for r in results):
            fails.append(f"item {item_id}: {results}")
        states = audit_rows(env, item_id, "state")
        if item.state != "received" or states != 1:
            fails.append(f"item {item_id}: {item.state}, {states} state rows")
        receipts = env["mail.message"].search_count(
            [
                ("model", "=", item._name),
                ("res_id", "=", item_id),
                ("tracking_value_ids", "!=", False),
            ]
        )
        if receipts > 2:
            fails.append(f"item {item_id}: {receipts} tracked changes")
    return fails


CHECKS = {
    "decree": check_decrees,
    "edit": check_edits,
    "cron": check_cron,
    "receive": check_receipts,
}


def check(db, ids, outcomes):
    """The committed outcome of every scenario: one list of failures each."""
    registry, make_env = environment(db)
    with registry.cursor() as cr:
        env = make_env(cr)
        return {
            name: function(env, ids, outcomes[name])
            for name, function in CHECKS.items()
        }


def unexpected_log_records(log):
    """Log records at WARNING or above other than the expected ones: a refused
    caller's message (Odoo logs a UserError at WARNING) and the failed query of
    a serialization failure that Odoo retries (logged at ERROR by sql_db)."""
    records = re.split(r"\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ )", log)
    unexpected = []
    for record in records:
        if not bad_log_lines(record.split("\n", 1)[0]):
            continue
        if " WARNING " in record and " odoo.http: " in record:
            continue
        if "bad query" in record and "could not serialize access" in record:
            continue
        if "server action" in record and "could not serialize access" in record:
            # the expiry cron lost a race: the job failed as a whole (counted)
            continue
        unexpected.append(record[:300])
    return unexpected


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="ppid_reliab_concurrency")
    parser.add_argument("--port", type=int, default=18104)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--no-record", action="store_true")
    options = parser.parse_args()
    db = options.db
    started = time.monotonic()
    print(f"Installing ppid_exempted with demo data in {db} ...", flush=True)
    create_database(db)
    ids = prepare(db, options.rounds)
    server = Server(db, options.port, extra=["--max-cron-threads=0"]).start()
    outcomes = {"decree": [], "edit": [], "cron": [], "receive": []}
    try:
        cookies = {
            key: server.login(login, PASSWORD) for key, login in ids["logins"].items()
        }

        def as_user(key, model, method, *args, **kwargs):
            return lambda: call(server, cookies[key], model, method, *args, **kwargs)

        decree = "ppid.classification.decree"
        item = "ppid.exempted.information"
        for index in range(options.rounds):
            outcomes["decree"].append(
                race(
                    as_user(
                        "head_1", decree, "action_approve", [ids["decrees"][index]]
                    ),
                    as_user(
                        "head_2", decree, "action_approve", [ids["decrees"][index]]
                    ),
                )
            )
            draft = [ids["drafts"][index]]
            outcomes["edit"].append(
                race(
                    as_user("officer_1", item, "write", draft, {"title": "Judul A"}),
                    as_user("officer_2", item, "write", draft, {"title": "Judul B"}),
                )
            )
            outcomes["cron"].append(
                race(
                    as_user("admin", "ir.cron", "method_direct_trigger", [ids["cron"]]),
                    as_user(
                        "service_1",
                        item,
                        "write",
                        ids["ended"][index],
                        {
                            "is_published": True,
                            "published_harm_summary": "Menghambat penyidikan.",
                            "published_interest_summary": "Penegakan hukum.",
                        },
                    ),
                )
            )
            handed_over = [ids["submitted"][index]]
            outcomes["receive"].append(
                race(
                    as_user("service_1", item, "action_receive", handed_over),
                    as_user("service_2", item, "action_receive", handed_over),
                )
            )
            # the next run of the cron, alone (a run that lost a race to the
            # user's write failed as a whole and is run again)
            outcomes["cron"][-1].append(
                as_user("admin", "ir.cron", "method_direct_trigger", [ids["cron"]])()
            )
        log = server.log_text()
    finally:
        server.stop()
    failures = check(db, ids, outcomes)
    if not options.keep_db:
        dropdb(db)
    retries = log.count("tries left, try again")
    cron_failures = sum(
        "server action" in record and "could not serialize access" in record
        for record in re.split(r"\n(?=\d{4}-\d\d-\d\d )", log)
    )
    warnings = unexpected_log_records(log)
    passed = not any(failures.values()) and not warnings
    lines = []
    for name, rounds in outcomes.items():
        summary = "; ".join(
            " / ".join(
                r["outcome"]
                + (f" ({r['error'].rsplit('.', 1)[-1]})" if "error" in r else "")
                for r in results
            )
            for results in rounds
        )
        verdict = "PASS" if not failures[name] else "FAIL: " + "; ".join(failures[name])
        lines.append(f"| {name} | {summary} | {verdict.replace('|', '/')} |")
    messages = sorted(
        {
            r["message"]
            for rounds in outcomes.values()
            for results in rounds
            for r in results
            if "message" in r
        }
    )
    body = (
        f"`python3 tests/reliability/concurrency_check.py --rounds {options.rounds}`, "
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, two HTTP workers: "
        f"**{'PASS' if passed else 'FAIL'}**. Serialization retries by Odoo in the "
        f"log: {retries}; expiry cron runs that failed on a serialization "
        f"failure (ERROR with traceback, logged by ir_cron): {cron_failures}; other "
        f"warnings/errors in the log: {len(warnings)}.\n\n"
        "| scenario | outcomes per round (first / second caller; cron: the cron, "
        "the user, the cron's next run alone) | committed result |\n"
        "|---|---|---|\n"
        + "\n".join(lines)
        + "\n\nMessages the refused callers got:\n\n"
        + "\n".join(f"- {message}" for message in messages)
        + (
            "\n\nLog warnings:\n\n"
            + "\n".join("    " + w.replace("\n", "\n    ") for w in warnings[:10])
            if warnings
            else ""
        )
    )
    print(body)
    print("PASS" if passed else "FAIL", f"({time.monotonic() - started:.0f}s)")
    if not options.no_record:
        append_results("Concurrency", body)
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
