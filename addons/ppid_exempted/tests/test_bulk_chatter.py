# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests import tagged

from ..models.bulk_chatter import create_activities, log_notes
from .common import PpidCase

COMPARED = (
    "body",
    "message_type",
    "subtype_id",
    "is_internal",
    "author_id",
    "email_from",
    "reply_to",
    "model",
    "email_add_signature",
    "partner_ids",
    "notification_ids",
    "attachment_ids",
    "tracking_value_ids",
)


@tagged("post_install", "-at_install")
class TestBulkChatter(PpidCase):
    """The expiry cron's notes, written in one INSERT, are the notes that
    mail.thread._message_log_batch writes one ORM record at a time."""

    def test_bulk_notes_are_the_notes_of_message_log_batch(self):
        bulk = self._create_item("exempted") | self._create_item("exempted")
        orm = self._create_item("exempted")
        env = self.env(user=self.users["service"], su=True)
        body = "Jangka waktu pengecualian berakhir <dalam> 30 hari kerja."
        bulk.with_env(env)._log_batch(body)
        orm.with_env(env)._message_log_batch(bodies={orm.id: body})
        expected = orm.message_ids[:1]
        self.assertEqual(
            expected.body,
            "<p>Jangka waktu pengecualian berakhir &lt;dalam&gt; 30 hari kerja.</p>",
        )
        for item in bulk:
            with self.subTest(item=item.name):
                # the chatter of the item shows it at once (caches refreshed)
                note = item.message_ids[:1]
                self.assertEqual(note.res_id, item.id)
                for name in COMPARED:
                    self.assertEqual(note[name], expected[name], name)
                self.assertTrue(note.date)
                self.assertFalse(note.date.microsecond)

    def test_different_bodies_per_record(self):
        items = self._create_item("exempted") | self._create_item("opened")
        bodies = {items[0].id: "Satu", items[1].id: "Dua"}
        log_notes(items, bodies)
        self.assertEqual(
            [item.message_ids[:1].body for item in items], ["<p>Satu</p>", "<p>Dua</p>"]
        )
        log_notes(items, {})  # nothing to log: no error, no query needed

    def test_bulk_activities_are_the_activities_of_create(self):
        """The cron's activities, in one INSERT, are those mail.activity.create
        makes under mail_activity_quick_update: same values, assignee
        following the item."""
        bulk, orm = self._create_item("expiring"), self._create_item("expiring")
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(bulk._name)
        assignee = self.users["service"]
        assignee.tz = "Asia/Makassar"
        env = self.env(context={"mail_activity_quick_update": True})

        def values(item):
            return item._activity_values(activity_type, model_id, self.today, assignee)

        create_activities(env, [values(bulk)])
        env["mail.activity"].create([values(orm)])
        expected = orm.activity_ids
        activity = bulk.activity_ids
        self.assertEqual(len(activity), 1)
        for name in (
            "res_model",
            "res_model_id",
            "activity_type_id",
            "summary",
            "date_deadline",
            "user_id",
            "user_tz",
            "automated",
            "active",
            "state",
            "note",
        ):
            self.assertEqual(activity[name], expected[name], name)
        self.assertEqual(activity.res_name, bulk.display_name)
        self.assertEqual(expected.res_name, orm.display_name)
        self.assertIn(assignee.partner_id, bulk.message_partner_ids)
        self.assertIn(assignee.partner_id, orm.message_partner_ids)
        self.assertEqual(bulk.activity_state, orm.activity_state)
