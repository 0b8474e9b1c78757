# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The version of a body's published rows, kept by the database itself.

One row per body and family of public representations ("register": the DIK
feeds and pages; "opened": the announcements of information opened again).
PostgreSQL triggers, created in `init()`, bump it in the statement that
changes a row the family shows, whatever the path: the ORM, an import, the
cron, or SQL typed by hand. A conditional request then reads the version by
its unique index (ppid.public.snapshot._version) instead of aggregating the
published rows.

What bumps a family (every value a public representation shows):
- an item inserted, written or deleted that is published and classified
  before or after the statement (register), or opened before or after it
  (opened: its reference and whether it is listed); nothing done on a draft
  or on an item the PPID did not publish shows in a validator, so the public
  learns nothing of activity on information it cannot see;
- an announcement (DIP entry) of an opened item (opened);
- a unit of the body written (register: the holding unit's name);
- the legal-basis catalogue written: labels, names and their translations
  (register, every body);
- the body written: its name, addresses, or its logo (both; a new logo
  rewrites the body's row, which stores its web copy, res.company.logo_web);
- a language activated or deactivated (both: the labels are Indonesian once
  Indonesian is installed);
- an install or update of the module (both: the templates may have changed).

`serial` grows with every such statement. `changed_at` (the Last-Modified of
the family) grows by at least one second from one transaction to the next, so
that a client revalidating by date alone never keeps a stale copy; within one
transaction it stays, since nobody sees the states in between. Writers of one
body's published rows now update one row: two concurrent transactions
changing published rows of the same body conflict, and Odoo retries the later
one (a serialization failure), as for any row both write.
"""

from odoo import api, fields, models
from odoo.tools import SQL

from .ppid_exempted_information import ACTIVE_EXEMPTION_STATES

FAMILIES = ("register", "opened")

# plpgsql: one function bumps; one per watched table finds the bodies touched.
# After an uninstall the triggers on res_company and res_lang stay behind
# without a table to bump: then they do nothing.
BUMP_FUNCTION = """
CREATE OR REPLACE FUNCTION ppid_public_bump(companies integer[], families text[])
RETURNS void LANGUAGE plpgsql AS $bump$
BEGIN
    IF to_regclass('ppid_public_version') IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO ppid_public_version AS version (
        company_id, family, serial, changed_at, transaction_id,
        create_uid, write_uid, create_date, write_date)
    SELECT company.id, family.name, 1,
           date_trunc('second', statement_timestamp() AT TIME ZONE 'UTC'),
           pg_current_xact_id()::text, 1, 1,
           statement_timestamp() AT TIME ZONE 'UTC',
           statement_timestamp() AT TIME ZONE 'UTC'
      FROM res_company company
     CROSS JOIN unnest(families) AS family(name)
     WHERE company.id = ANY(companies)
    ON CONFLICT (company_id, family) DO UPDATE
       SET serial = version.serial + 1,
           changed_at = CASE
               WHEN version.transaction_id = EXCLUDED.transaction_id
               THEN version.changed_at
               ELSE greatest(EXCLUDED.changed_at,
                             version.changed_at + interval '1 second')
           END,
           transaction_id = EXCLUDED.transaction_id,
           write_date = EXCLUDED.write_date;
END
$bump$;
"""

ITEMS_FUNCTION = """
CREATE OR REPLACE FUNCTION ppid_public_items_changed()
RETURNS trigger LANGUAGE plpgsql AS $items$
DECLARE
    register integer[];
    opened integer[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT company_id) FILTER (
                   WHERE is_published AND state IN %(states)s),
               array_agg(DISTINCT company_id) FILTER (WHERE state = 'opened')
          INTO register, opened FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT company_id) FILTER (
                   WHERE is_published AND state IN %(states)s),
               array_agg(DISTINCT company_id) FILTER (WHERE state = 'opened')
          INTO register, opened FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT company_id) FILTER (
                   WHERE is_published AND state IN %(states)s),
               array_agg(DISTINCT company_id) FILTER (WHERE state = 'opened')
          INTO register, opened
          FROM (SELECT company_id, is_published, state FROM old_rows
                UNION ALL
                SELECT company_id, is_published, state FROM new_rows) AS touched;
    END IF;
    IF register IS NOT NULL THEN
        PERFORM ppid_public_bump(register, ARRAY['register']);
    END IF;
    IF opened IS NOT NULL THEN
        PERFORM ppid_public_bump(opened, ARRAY['opened']);
    END IF;
    RETURN NULL;
END
$items$;
"""

# An announcement shows only while its item is opened.
ENTRIES_FUNCTION = """
CREATE OR REPLACE FUNCTION ppid_public_entries_changed()
RETURNS trigger LANGUAGE plpgsql AS $entries$
DECLARE
    opened integer[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT entry.company_id) INTO opened
          FROM new_rows entry
          JOIN ppid_exempted_information item ON item.id = entry.information_id
         WHERE item.state = 'opened';
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT entry.company_id) INTO opened
          FROM old_rows entry
          JOIN ppid_exempted_information item ON item.id = entry.information_id
         WHERE item.state = 'opened';
    ELSE
        SELECT array_agg(DISTINCT entry.company_id) INTO opened
          FROM (SELECT company_id, information_id FROM old_rows
                UNION ALL
                SELECT company_id, information_id FROM new_rows) AS entry
          JOIN ppid_exempted_information item ON item.id = entry.information_id
         WHERE item.state = 'opened';
    END IF;
    IF opened IS NOT NULL THEN
        PERFORM ppid_public_bump(opened, ARRAY['opened']);
    END IF;
    RETURN NULL;
END
$entries$;
"""

UNITS_FUNCTION = """
CREATE OR REPLACE FUNCTION ppid_public_units_changed()
RETURNS trigger LANGUAGE plpgsql AS $units$
BEGIN
    PERFORM ppid_public_bump(
        (SELECT array_agg(DISTINCT company_id) FROM new_rows), ARRAY['register']);
    RETURN NULL;
END
$units$;
"""

CATALOGUE_FUNCTION = """
CREATE OR REPLACE FUNCTION ppid_public_catalogue_changed()
RETURNS trigger LANGUAGE plpgsql AS $catalogue$
BEGIN
    PERFORM ppid_public_bump(
        (SELECT array_agg(id) FROM res_company), ARRAY['register']);
    RETURN NULL;
END
$catalogue$;
"""

COMPANIES_FUNCTION = """
CREATE OR REPLACE FUNCTION ppid_public_companies_changed()
RETURNS trigger LANGUAGE plpgsql AS $companies$
BEGIN
    PERFORM ppid_public_bump(
        (SELECT array_agg(id) FROM new_rows), ARRAY['register', 'opened']);
    RETURN NULL;
END
$companies$;
"""

# The feeds' labels are Indonesian once the language is installed.
LANGUAGES_FUNCTION = """
CREATE OR REPLACE FUNCTION ppid_public_languages_changed()
RETURNS trigger LANGUAGE plpgsql AS $languages$
BEGIN
    PERFORM ppid_public_bump(
        (SELECT array_agg(id) FROM res_company), ARRAY['register', 'opened']);
    RETURN NULL;
END
$languages$;
"""

# What is watched: (name, table, function, events). Each statement hands the
# function the rows it touched (transition tables new_rows / old_rows).
WATCHED_TABLES = (
    ("items", "ppid_exempted_information", "ppid_public_items_changed", "IUD"),
    ("entries", "ppid_public_information", "ppid_public_entries_changed", "IUD"),
    ("units", "ppid_unit", "ppid_public_units_changed", "U"),
    ("catalogue", "ppid_legal_basis", "ppid_public_catalogue_changed", "U"),
    ("languages", "res_lang", "ppid_public_languages_changed", "U"),
    ("companies", "res_company", "ppid_public_companies_changed", "U"),
)
EVENTS = {
    "I": ("INSERT", "NEW TABLE AS new_rows"),
    "U": ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    "D": ("DELETE", "OLD TABLE AS old_rows"),
}
# (trigger name, table, event, transition tables, function)
STATEMENT_TRIGGERS = tuple(
    (f"ppid_public_{name}_{EVENTS[code][0].lower()}", table, *EVENTS[code], function)
    for name, table, function, codes in WATCHED_TABLES
    for code in codes
)


class PpidPublicVersion(models.Model):
    """The version of a body's published rows, per family (technical)."""

    _name = "ppid.public.version"
    _description = "Public Register Version"

    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Public Body",
        required=True,
        ondelete="cascade",
    )
    family = fields.Char(required=True)
    serial = fields.Integer(
        required=True,
        help="Grows with every statement that changes a row the family shows.",
    )
    changed_at = fields.Datetime(
        string="Changed On",
        required=True,
        help="When the published rows last changed (the Last-Modified header).",
    )
    transaction_id = fields.Char(
        help="The database transaction that last changed the rows.",
    )

    _family_uniq = models.UniqueIndex("(company_id, family)")

    def init(self):
        cr = self.env.cr
        states = ", ".join(f"'{state}'" for state in ACTIVE_EXEMPTION_STATES)
        states = f"({states})"
        cr.execute(BUMP_FUNCTION)
        cr.execute(SQL(ITEMS_FUNCTION.replace("%(states)s", states)))
        for function in (
            ENTRIES_FUNCTION,
            UNITS_FUNCTION,
            CATALOGUE_FUNCTION,
            COMPANIES_FUNCTION,
            LANGUAGES_FUNCTION,
        ):
            cr.execute(function)
        for name, table, event, transition, function in STATEMENT_TRIGGERS:
            cr.execute(
                SQL(
                    "DROP TRIGGER IF EXISTS %s ON %s",
                    SQL.identifier(name),
                    SQL.identifier(table),
                )
            )
            cr.execute(
                SQL(
                    "CREATE TRIGGER %s AFTER %s ON %s REFERENCING %s"
                    " FOR EACH STATEMENT EXECUTE FUNCTION %s()",
                    SQL.identifier(name),
                    SQL(event),
                    SQL.identifier(table),
                    SQL(transition),
                    SQL.identifier(function),
                )
            )
        # An install or update may change what the representations look like.
        cr.execute(
            SQL(
                "SELECT ppid_public_bump((SELECT array_agg(id) FROM res_company), %s)",
                list(FAMILIES),
            )
        )

    @api.model
    def _current(self, company_id, family):
        """(serial, changed_at) of a family; (0, None) before any change."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT serial, changed_at FROM ppid_public_version"
                " WHERE company_id = %s AND family = %s",
                company_id,
                family,
            )
        )
        return self.env.cr.fetchone() or (0, None)
