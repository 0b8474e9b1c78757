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
