# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Chatter notes for many records in one INSERT (the expiry cron's worst day).

PP 61/2010 Pasal 11(3) opens thousands of items on the same day when a body
classified a whole archive at once; one ORM record per note costs about a
millisecond each, most of the cron's time. `log_notes` writes the same rows
as mail.thread._message_log_batch (an internal note, no notification, no
follower, no tracking) with one statement per batch.
"""

from markupsafe import escape

from odoo import fields
from odoo.tools import SQL
from odoo.tools.mail import generate_tracking_message_id

BATCH_SIZE = 10000


def log_notes(records, bodies):
    """Log `bodies` ({record id: plain-text body}) on `records`, a mail.thread
    recordset, as internal notes of the current user; returns nothing."""
    if not bodies:
        return
    env = records.env
    messages = env["mail.message"].sudo()
    author_id, email_from = records._message_compute_author(None, None)
    reply_to = env["mail.thread"]._notify_get_reply_to(
        default=email_from, author_id=author_id
    )[False]
    subtype_id = env["ir.model.data"]._xmlid_to_res_id("mail.mt_note")
    body_field = messages._fields["body"]
    html = {}  # the same body is sanitised once
    items = list(bodies.items())
    for start in range(0, len(items), BATCH_SIZE):
        batch = items[start : start + BATCH_SIZE]
        res_ids = [res_id for res_id, _body in batch]
        texts = []
        for _res_id, body in batch:
            if body not in html:
                # plain text is escaped, as mail.thread does with a str body
                html[body] = str(
                    body_field.convert_to_column(escape(body), messages) or ""
                )
            texts.append(html[body])
        env.cr.execute(
            SQL(
                """
                INSERT INTO mail_message (
                    model, res_id, body, message_type, subtype_id, is_internal,
                    author_id, email_from, reply_to, message_id,
                    email_add_signature, date,
                    create_uid, write_uid, create_date, write_date)
                SELECT %(model)s, note.res_id, note.body, 'notification',
                       %(subtype)s, TRUE, %(author)s, %(email_from)s,
                       %(reply_to)s, %(message_id)s, FALSE, %(date)s,
                       %(uid)s, %(uid)s, %(now)s, %(now)s
                  FROM unnest(%(res_ids)s::int[], %(bodies)s::text[])
                       AS note(res_id, body)
                """,
                model=records._name,
                subtype=subtype_id,
                author=author_id,
                email_from=email_from or None,
                reply_to=reply_to or None,
                message_id=generate_tracking_message_id("message-notify"),
                date=fields.Datetime.now(),
                now=env.cr.now(),
                uid=env.uid,
                res_ids=res_ids,
                bodies=texts,
            )
        )
    # the ORM caches of the documents' chatter are now out of date
    records.browse(list(bodies)).invalidate_recordset(["message_ids"])
    messages.invalidate_model()


ACTIVITY_COLUMNS = (
    "res_model_id",
    "res_id",
    "activity_type_id",
    "summary",
    "date_deadline",
    "user_id",
)


def create_activities(env, values_list):
    """Create automated activities (the values of `_activity_values`) with one
    INSERT, as mail.activity.create does under `mail_activity_quick_update`
    (no e-mail to the assignee): the document name and the assignee's time
    zone stored, the assignees subscribed to their documents, their activity
    counters refreshed."""
    if not values_list:
        return
    model_names = {
        model.id: model.model
        for model in env["ir.model"]
        .sudo()
        .browse({values["res_model_id"] for values in values_list})
    }
    names = {}
    for model_id, model_name in model_names.items():
        records = (
            env[model_name]
            .sudo()
            .browse({v["res_id"] for v in values_list if v["res_model_id"] == model_id})
        )
        names.update({(model_id, record.id): record.display_name for record in records})
    users = env["res.users"].sudo().browse({v["user_id"] for v in values_list})
    timezones = {user.id: user.tz or None for user in users}
    for start in range(0, len(values_list), BATCH_SIZE):
        batch = values_list[start : start + BATCH_SIZE]
        columns = {
            name: [values[name] for values in batch] for name in ACTIVITY_COLUMNS
        }
        env.cr.execute(
            SQL(
                """
                INSERT INTO mail_activity (
                    res_model_id, res_model, res_id, res_name, activity_type_id,
                    summary, date_deadline, user_id, user_tz, automated, active,
                    create_uid, write_uid, create_date, write_date)
                SELECT activity.res_model_id, model.model, activity.res_id,
                       activity.res_name, activity.activity_type_id,
                       activity.summary, activity.date_deadline,
                       activity.user_id, activity.user_tz, TRUE, TRUE,
                       %(uid)s, %(uid)s, %(now)s, %(now)s
                  FROM unnest(%(model_ids)s::int[], %(res_ids)s::int[],
                              %(names)s::varchar[], %(types)s::int[],
                              %(summaries)s::varchar[], %(deadlines)s::date[],
                              %(users)s::int[], %(tzs)s::varchar[])
                       AS activity(res_model_id, res_id, res_name,
                                   activity_type_id, summary, date_deadline,
                                   user_id, user_tz)
                  JOIN ir_model model ON model.id = activity.res_model_id
                """,
                model_ids=columns["res_model_id"],
                res_ids=columns["res_id"],
                names=[names[v["res_model_id"], v["res_id"]] for v in batch],
                types=columns["activity_type_id"],
                summaries=columns["summary"],
                deadlines=columns["date_deadline"],
                users=columns["user_id"],
                tzs=[timezones[user_id] for user_id in columns["user_id"]],
                uid=env.uid,
                now=env.cr.now(),
            )
        )
    env["mail.activity"].invalidate_model()
    # as mail.activity.create: assignees follow their documents ...
    today = fields.Date.today()
    for model_id, model_name in model_names.items():
        per_user = {}
        for values in values_list:
            if values["res_model_id"] == model_id:
                per_user.setdefault(values["user_id"], set()).add(values["res_id"])
        for user_id, res_ids in per_user.items():
            records = env[model_name].browse(res_ids)
            records.invalidate_recordset(["activity_ids"])
            records.message_subscribe(partner_ids=users.browse(user_id).partner_id.ids)
    # ... and see their counter of activities to do change
    due = {}
    for values in values_list:
        if values["date_deadline"] <= today:
            due[values["user_id"]] = due.get(values["user_id"], 0) + 1
    for user_id, count in due.items():
        users.browse(user_id)._bus_send(
            "mail.activity/updated", {"activity_created": True, "count_diff": count}
        )
