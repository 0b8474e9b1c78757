# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bad input, fuzzed: property-based tests (hypothesis) over the RPC surface.

Every generated call goes through the records' own methods as a user of the
role that would make it from the web client, with values of the shapes RPC
delivers (JSON: strings, numbers, lists, null; dates as ISO strings): strings
of any length and alphabet (right-to-left, zero-width, emoji, control
characters, up to 10 MB), dates from year 1 to 9999, wrong types, missing
and extra keys, ids of another public body and of deleted records.

Expected of each call: it succeeds and stores exactly what it was given, or
it is refused with a clear ValidationError, UserError or AccessError (an
IntegrityError counts: the RPC layer turns it into a ValidationError), and a
refused call leaves nothing behind. A value of the wrong type or an unknown
field name refused by Odoo's own ORM, before any code of this addon runs, is
counted apart ("refused by the ORM"). Anything else (an OverflowError in a
compute, a database error, a TypeError in our code) is a server error.

The counts per method are logged at INFO ("fuzz <method>: ...").
"""

import json
import logging
import traceback
from datetime import date

from psycopg2 import DataError, IntegrityError, ProgrammingError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import PpidCase

try:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - .ci/run installs it
    st = None

_logger = logging.getLogger(__name__)

CLEAR = (ValidationError, UserError, AccessError)
# The item's contract (PP 61/2010 dates of a lifetime; sane text sizes).
DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2199, 12, 31)
TITLE_MAX = 500
TEXT_MAX = 20000

SPECIAL = (
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\ufeff",  # byte-order mark
    "\u202e",  # right-to-left override
    "\u0645\u0639\u0644\u0648\u0645\u0627\u062a",  # Arabic
    "\u05de\u05d9\u05d3\u05e2",  # Hebrew
    "\U0001f600",  # emoji
    "\U0001f469\u200d\U0001f4bb",  # emoji sequence
    "'; DROP TABLE ppid_exempted_information; --",
    "<script>alert(1)</script>",
    "%(x)s {x} %s",
    "\r\n",
    "\t",
)
BIG = (
    "a" * (10 * 1024 * 1024),  # 10 MB
    "\U0001f600" * (TEXT_MAX + 1),
    "\u0645" * (TITLE_MAX + 1),
    "x" * TITLE_MAX,
    "\u200b" * TEXT_MAX,
)

if st:
    # No NUL: PostgreSQL refuses it in text (see the note in the report).
    CHARACTERS = st.one_of(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        st.sampled_from(SPECIAL),
    )
    # By index: hypothesis would render the 10 MB values in the strategy's repr.
    PIECES = st.lists(CHARACTERS, max_size=120).map("".join)
    TEXTS = st.one_of(
        PIECES,
        st.integers(0, len(BIG) - 1).map(BIG.__getitem__),
        st.just(""),
    )
    DATES = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(
        date.isoformat
    )
    WRONG = st.one_of(
        st.none(),
        st.booleans(),
        # ids beyond PostgreSQL's integer are refused by nobody: see the report
        st.integers(min_value=-(2**31), max_value=2**31 - 1),
        st.floats(allow_nan=True),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    )
    # a wrong type one time in four: most inputs reach the addon's own code
    MOSTLY_TEXT = st.one_of(TEXTS, TEXTS, TEXTS, WRONG)
    MOSTLY_DATE = st.one_of(DATES, DATES, DATES, WRONG)
    UNKNOWN_KEYS = st.dictionaries(
        st.sampled_from(
            ["no_such_field", "id", "create_uid", "write_date", "__last_update"]
        ),
        WRONG,
        max_size=2,
    )
    # unknown or system keys in one call of three
    EXTRA_KEYS = st.one_of(st.just({}), st.just({}), UNKNOWN_KEYS)
    SETTINGS = settings(
        max_examples=35,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
else:  # placeholders so that the decorators below still evaluate

    def given(*_args, **_kwargs):
        return lambda function: function

    def SETTINGS(function):
        return function


def _fuzz_skip(case):
    if st is None:
        case.skipTest("hypothesis is not installed (.ci/run installs it)")


def _origin(exc):
    """Where the exception was raised: 'orm' (Odoo's ORM, or the database
    refusing a value the ORM passed through as given), 'addon' or 'other'."""
    frames = traceback.extract_tb(exc.__traceback__)
    for frame in reversed(frames):
        path = frame.filename.replace("\\", "/")
        if "/ppid_exempted/" in path:
            return "addon"
        if "/odoo/orm/" in path or path.endswith("/odoo/fields.py"):
            return "orm"
    return "other"


class FuzzMixin:
    """Runs one RPC-shaped call, classifies its outcome, checks the rules."""

    @classmethod
    def _fuzz_counts(cls):
        if "_counts" not in cls.__dict__:
            cls._counts = {}
        return cls._counts

    @classmethod
    def tearDownClass(cls):
        for method, counts in sorted(cls._fuzz_counts().items()):
            _logger.info(
                "fuzz %s: %s inputs, %s stored, %s refused clearly, %s refused by "
                "the ORM, %s server errors, %s partial writes",
                method,
                counts["inputs"],
                counts["ok"],
                counts["clear"],
                counts["orm"],
                counts["crash"],
                counts["partial"],
            )
        super().tearDownClass()

    def _count(self, method, outcome):
        counts = self._fuzz_counts().setdefault(
            method,
            {"inputs": 0, "ok": 0, "clear": 0, "orm": 0, "crash": 0, "partial": 0},
        )
        counts["inputs"] += 1
        counts[outcome] += 1

    def _call(self, method, function, *args):
        """(outcome, result): 'ok', 'clear', 'orm'; fails on a server error."""
        args = json.loads(json.dumps(args))  # the shapes RPC delivers
        try:
            # sql_db logs every refused query; the outcome is classified here
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                result = function(*args)
                self.env.flush_all()
        except CLEAR + (IntegrityError,):
            self._count(method, "clear")
            return "clear", None
        except (ValueError, TypeError, KeyError, DataError, ProgrammingError) as exc:
            if _origin(exc) == "orm":
                self._count(method, "orm")
                return "orm", None
            self._count(method, "crash")
            self.fail(f"{method}{str(args)[:300]}: server error {exc!r}")
        except Exception as exc:  # noqa: BLE001 - any other exception is the bug
            self._count(method, "crash")
            self.fail(f"{method}{str(args)[:300]}: server error {exc!r}")
        self._count(method, "ok")
        return "ok", result

    def _assert_stored(self, method, record, vals):
        """A successful call stored exactly what it was given."""
        record.invalidate_recordset()
        for name, value in vals.items():
            field = record._fields.get(name)
            if field is None or field.type not in ("char", "text", "date"):
                continue
            if not isinstance(value, str):
                continue  # converted by the ORM (a number written as text)
            stored = record[name] or False
            if field.type == "date":
                stored = stored.isoformat() if stored else False
            if stored != (value or False):
                self._count(method, "partial")
                self.fail(f"{method}: {name} stored {str(stored)[:80]!r}")

    @staticmethod
    def _breaks_contract(vals, dates=(), titles=(), texts=()):
        for name in dates:
            value = vals.get(name)
            if isinstance(value, str) and value[:4].isdigit():
                day = date.fromisoformat(value)
                if not DATE_MIN <= day <= DATE_MAX:
                    return True
        for names, limit in ((titles, TITLE_MAX), (texts, TEXT_MAX)):
            for name in names:
                value = vals.get(name)
                if isinstance(value, str) and len(value) > limit:
                    return True
        return False


ITEM_TEXTS = (
    "description",
    "source_document",
    "harm_if_opened",
    "interest_if_closed",
    "public_interest_note",
    "exempt_part",
    "period_basis",
)
ITEM_DATES = ("period_end_date", "review_date", "decree_date")


@tagged("post_install", "-at_install")
class TestFuzzItem(FuzzMixin, PpidCase):
    """The item, as its unit officer creates and edits it (RPC create/write)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = cls.users["pelaksana"]
        cls.item = cls._create_item()
        other_company = cls.env["res.company"].create({"name": "Badan Lain"})
        cls.foreign_unit = cls.env["ppid.unit"].create(
            {"name": "Dinas Lain", "code": "LAIN", "company_id": other_company.id}
        )
        gone = cls.env["ppid.unit"].create({"name": "Dihapus", "code": "HAPUS"})
        cls.deleted_id = gone.id
        gone.unlink()
        cls.contract = cls._has_contract()

    @classmethod
    def _has_contract(cls):
        """The item's limits on dates and lengths are in place."""
        try:
            with cls.env.cr.savepoint():
                cls.item.write({"title": "x" * (TITLE_MAX + 1)})
                cls.env.flush_all()
        except ValidationError:
            return True
        return False

    def setUp(self):
        super().setUp()
        _fuzz_skip(self)
        if not self.contract:
            self.skipTest(
                "the item's limits (dates 1900-2199, title 500, texts 20,000 "
                "characters) are not in this code yet"
            )

    def _ids(self):
        return st.sampled_from(
            [self.unit.id, self.other_unit.id, self.foreign_unit.id, self.deleted_id]
        )

    def _vals(self, create=False):
        optional = {name: MOSTLY_TEXT for name in ITEM_TEXTS}
        optional.update({name: MOSTLY_DATE for name in ITEM_DATES})
        optional["unit_id"] = st.one_of(self._ids(), WRONG)
        optional["legal_basis_id"] = st.one_of(
            st.sampled_from([self.basis_a.id, self.deleted_id]), WRONG
        )
        required = {"title": MOSTLY_TEXT}
        if create:
            # mostly the officer's own unit, so that most creates reach the rules
            own = st.just(self.unit.id)
            required["unit_id"] = st.one_of(own, own, own, optional.pop("unit_id"))
        return st.fixed_dictionaries(required, optional=optional)

    def _check_success(self, method, record, vals):
        contract = self._breaks_contract(vals, ITEM_DATES, ("title",), ITEM_TEXTS)
        if contract:
            self.fail(f"{method}: accepted out of limits {str(vals)[:200]}")
        if vals.get("unit_id") in (self.foreign_unit.id, self.deleted_id):
            self.fail(f"{method}: accepted unit {vals['unit_id']}")
        self._assert_stored(method, record, vals)

    def test_fuzz_create(self):
        Items = self.env["ppid.exempted.information"].with_user(self.officer)

        @SETTINGS
        @given(self._vals(create=True), EXTRA_KEYS)
        def check(vals, extra):
            outcome, record = self._call("item.create", Items.create, {**vals, **extra})
            if outcome == "ok":
                self._check_success("item.create", record, vals)

        check()

    def test_fuzz_write(self):
        item = self.item.with_user(self.officer)
        title = item.title

        @SETTINGS
        @given(self._vals(), EXTRA_KEYS)
        def check(vals, extra):
            outcome, _result = self._call("item.write", item.write, {**vals, **extra})
            if outcome == "ok":
                self._check_success("item.write", item, vals)
            item.invalidate_recordset()
            if outcome != "ok":
                self.assertEqual(item.title, title, "a refused write left nothing")
            item.write({"title": title})

        check()


@tagged("post_install", "-at_install")
class TestFuzzClassification(FuzzMixin, PpidCase):
    """The consequence-test session (committee) and the decree (committee)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.committee = cls.users["committee"]
        cls.received = cls._create_item("received")
        other_company = cls.env["res.company"].create({"name": "Badan Lain"})
        foreign_unit = cls.env["ppid.unit"].create(
            {"name": "Dinas Lain", "code": "LAIN", "company_id": other_company.id}
        )
        cls.foreign_item = cls._create_item(
            "received", unit_id=foreign_unit.id, company_id=other_company.id
        )
        gone = cls._create_item()
        cls.deleted_id = gone.id
        gone.unlink()

    def setUp(self):
        super().setUp()
        _fuzz_skip(self)

    def test_fuzz_test_create(self):
        Tests = self.env["ppid.consequence.test"].with_user(self.committee)
        ids = st.sampled_from([self.received.id, self.foreign_item.id, self.deleted_id])
        line = st.fixed_dictionaries(
            {"information_id": st.one_of(ids, WRONG)},
            optional={
                "conclusion": st.one_of(
                    st.sampled_from(["exempted", "open"]), TEXTS, WRONG
                ),
                "statute_name": MOSTLY_TEXT,
            },
        )
        vals = st.fixed_dictionaries(
            {},
            optional={
                "trigger": st.one_of(st.sampled_from(["before_request"]), TEXTS),
                "place": MOSTLY_TEXT,
                "date": MOSTLY_DATE,
                "request_reference": MOSTLY_TEXT,
                "line_ids": st.lists(line.map(lambda v: [0, 0, v]), max_size=2),
            },
        )

        @SETTINGS
        @given(vals, EXTRA_KEYS)
        def check(values, extra):
            outcome, record = self._call(
                "test.create", Tests.create, {**values, **extra}
            )
            if outcome == "ok":
                lines = record.line_ids.information_id.ids
                self.assertNotIn(self.foreign_item.id, lines)
                self.assertNotIn(self.deleted_id, lines)
                self._assert_stored(
                    "test.create",
                    record,
                    {k: values[k] for k in ("place",) if k in values},
                )

        check()

    def test_fuzz_decree_write(self):
        decree = self.env["ppid.classification.decree"]._create_for_items(
            self._create_item("approval")
        )
        decree = decree.with_user(self.committee)
        vals = st.fixed_dictionaries(
            {},
            optional={
                "place": MOSTLY_TEXT,
                "date": MOSTLY_DATE,
                "ppid_official_position": MOSTLY_TEXT,
                "ppid_official_nip": MOSTLY_TEXT,
                "state": st.one_of(st.sampled_from(["approved", "draft"]), WRONG),
                "approved_by_id": st.one_of(st.just(self.committee.id), WRONG),
            },
        )

        @SETTINGS
        @given(vals, EXTRA_KEYS)
        def check(values, extra):
            outcome, _result = self._call(
                "decree.write", decree.write, {**values, **extra}
            )
            decree.invalidate_recordset()
            self.assertEqual(decree.state, "draft", "a write never approves")
            self.assertFalse(decree.approved_by_id)

        check()


@tagged("post_install", "-at_install")
class TestFuzzRegisterIssue(FuzzMixin, PpidCase):
    """The issued register, as the documentation officer drafts it."""

    def setUp(self):
        super().setUp()
        _fuzz_skip(self)

    def test_register_issue_limits(self):
        """Lengths and dates of a register issue, a table written out by hand."""
        Issues = self.env["ppid.register.issue"].with_user(self.users["documentation"])
        table = [
            # (values, refused)
            ({"decree_reference": "x" * 200}, False),
            ({"decree_reference": "x" * 201}, True),
            ({"note": "\u0645" * 20000}, False),
            ({"note": "\u0645" * 20001}, True),
            ({"note": "a" * (10 * 1024 * 1024)}, True),
            ({"decree_date": "1900-01-01"}, False),
            ({"decree_date": "1899-12-31"}, True),
            ({"decree_date": "0001-01-01"}, True),
            ({"decree_date": "2199-12-31"}, False),
            ({"decree_date": "9999-12-31"}, True),
            ({"date": "1900-01-01"}, False),
            ({"date": "0001-01-01"}, True),
            ({"date": "9999-12-31"}, True),
        ]
        for values, refused in table:
            with self.subTest(values=str(values)[:60]):
                if refused:
                    with self.assertRaises(ValidationError):
                        Issues.create(values)
                else:
                    issue = Issues.create(values)
                    self._assert_stored("register_issue.limits", issue, values)
                    # and a write is held to the same limits
                    if not refused and "decree_reference" in values:
                        with self.assertRaises(ValidationError):
                            issue.write({"decree_reference": "y" * 201})

    def test_fuzz_register_issue(self):
        Issues = self.env["ppid.register.issue"].with_user(self.users["documentation"])
        vals = st.fixed_dictionaries(
            {},
            optional={
                "date": MOSTLY_DATE,
                "decree_reference": MOSTLY_TEXT,
                "decree_date": MOSTLY_DATE,
                "note": MOSTLY_TEXT,
                "issue_type": st.one_of(st.sampled_from(["periodic", "ad_hoc"]), TEXTS),
                # the body's own id, a deleted or impossible one
                "company_id": st.sampled_from([self.env.company.id, 99999, 0, -1]),
            },
        )

        @SETTINGS
        @given(vals, EXTRA_KEYS)
        def check(values, extra):
            outcome, record = self._call(
                "register_issue.create", Issues.create, {**values, **extra}
            )
            if outcome != "ok":
                return
            reference = values.get("decree_reference")
            self.assertFalse(
                self._breaks_contract(values, ("date", "decree_date"), (), ("note",))
                or (isinstance(reference, str) and len(reference) > 200),
                f"accepted {str(values)[:200]}",
            )
            self._assert_stored("register_issue.create", record, values)
            outcome, _result = self._call(
                "register_issue.write", record.write, {**values, **extra}
            )
            if outcome == "ok":
                self._assert_stored("register_issue.write", record, values)

        check()


@tagged("post_install", "-at_install")
class TestFuzzPublicRoutes(FuzzMixin, HttpCase):
    """The public register: any URL is a 200/304, a 400 or a 404, never a 500."""

    def setUp(self):
        super().setUp()
        _fuzz_skip(self)

    def test_fuzz_public_routes(self):
        company = self.env.company.id
        ids = st.one_of(st.just(company), st.integers(min_value=0, max_value=2**70))
        routes = st.sampled_from(["dik", "dik.json", "dik.csv", "opened"])
        pages = st.one_of(
            st.lists(CHARACTERS, max_size=10).map("".join),
            st.integers(-(2**70), 2**70).map(str),
        )

        @SETTINGS
        @given(ids, routes, pages)
        def check(company_id, route, page):
            response = self.url_open(
                f"/ppid/{company_id}/{route}", params={"page": page}, timeout=60
            )
            self._count("public." + route, "ok" if response.ok else "clear")
            self.assertIn(response.status_code, (200, 304, 400, 404), page)

        check()
