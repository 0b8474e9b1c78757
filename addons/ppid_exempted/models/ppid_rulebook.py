# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The rulebook of an item of the register (DIK): declared once, read by
everything that moves or writes an item.

- ``STATES``: the pipeline, in its order.
- ``MOVES``: every move of the pipeline: from, to, who may make it (a role or
  a system actor), the reason it needs, the path it must take.
- ``STAMPS`` and ``STEP_ACTIVITIES``: what each state records and asks.
- ``FIELD_GROUPS``, ``FIELD_WRITERS`` and ``FROZEN_WHEN``: who writes which
  field, and from which stage of the item's life a field never changes again.

``ppid.exempted.information`` enforces it in ``write()`` and ``create()`` (every
path: buttons, kanban drags, RPC), computes its ``can_*`` buttons and
``locked_*`` flags from it, and makes the form read-only from it.
"""

from collections import namedtuple

from .ppid_classification_mixin import CLASSIFICATION_FIELDS, PERIOD_END_EVENTS  # noqa: F401

STATES = (
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("received", "Received"),
    ("testing", "Consequence Test"),
    ("approval", "Awaiting Approval"),
    ("exempted", "Exempted"),
    ("documented", "Documented"),
    ("expiring", "Expiring"),
    ("opened", "Opened"),
)
ACTIVE_EXEMPTION_STATES = ("exempted", "documented", "expiring")

# The roles of the PPID, each one group.
ROLE_GROUPS = {
    "pelaksana": "ppid_exempted.group_ppid_pelaksana",
    "service": "ppid_exempted.group_ppid_service",
    "committee": "ppid_exempted.group_ppid_committee",
    "documentation": "ppid_exempted.group_ppid_documentation",
    "head": "ppid_exempted.group_ppid_head",
    "manager": "ppid_exempted.group_ppid_manager",
}


class SystemActor:
    """Code that moves items no user may move by hand: the completed test
    session, the approved decree, the expiry scheduler. Only code can hold an
    instance: a context coming from an RPC call or a URL carries strings, never
    one of these, so no caller can pose as a system actor, not even with sudo.
    """

    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"SystemActor({self.name})"


CONSEQUENCE_TEST = SystemActor("consequence_test")
DECREE = SystemActor("decree")
EXPIRY = SystemActor("expiry")
SYSTEM_ACTORS = (CONSEQUENCE_TEST, DECREE, EXPIRY)

# via: "decree" means the move happens only as the approval of a decree (PP
# 61/2010 Ps 3(2)): a drag or a write approves the item's decree instead.
Move = namedtuple("Move", "source target actors reason via", defaults=(None, None))

MOVES = (
    # Compilation and hand-over (SOP Kukar steps 1-3)
    Move("draft", "submitted", {"pelaksana"}),
    Move("submitted", "received", {"service"}),
    Move("submitted", "draft", {"service"}, reason="return_reason"),
    # The consequence test (Perki 1/2017 Ps 4(1)): only a completed session
    # concludes it (UU 14/2008 Ps 19; PP 61/2010 Ps 3).
    Move("received", "testing", {"service", "committee"}),
    Move("testing", "approval", {CONSEQUENCE_TEST}),
    Move("testing", "opened", {CONSEQUENCE_TEST}),
    Move("testing", "draft", {"committee"}, reason="return_reason"),
    # The decision of the head of the body (PP 61/2010 Ps 3(2), Ps 4).
    Move("approval", "exempted", {"head", DECREE}, via="decree"),
    Move("approval", "testing", {"head"}, reason="return_reason"),
    # The head approves an opening that a re-test proposed (PP 61/2010 Ps 10).
    Move("approval", "opened", {"head", EXPIRY}, reason="open_reason"),
    # ... or sets it to take effect at the end of the period, when decided in
    # its last 30 working days (PP 61/2010 Ps 11(2); Bontang SOP step 3): the
    # item stays exempted until then and the scheduler opens it.
    Move("approval", "expiring", {"head"}, reason="scheduled_open_date"),
    # Safekeeping (SOP Kukar step 4)
    Move("exempted", "documented", {"documentation"}),
    # The end of the period (PP 61/2010 Ps 11): warned 30 working days before,
    # opened at the end.
    Move("exempted", "expiring", {EXPIRY}),
    Move("documented", "expiring", {EXPIRY}),
    Move("exempted", "opened", {"head", EXPIRY}, reason="open_reason"),
    Move("documented", "opened", {"head", EXPIRY}, reason="open_reason"),
    Move("expiring", "opened", {"head", EXPIRY}, reason="open_reason"),
    # Reclassification or extension: a new consequence test (PP 61/2010 Ps 10).
    Move("exempted", "testing", {"committee"}),
    Move("documented", "testing", {"committee"}),
    Move("expiring", "testing", {"committee"}),
)
MOVE_BY_STATES = {(move.source, move.target): move for move in MOVES}

# What each state records when an item reaches it (who and when).
STAMPS = {
    "submitted": {"submitted_datetime": "now"},
    "received": {"received_datetime": "now", "received_by_id": "user"},
    "exempted": {"approved_datetime": "now", "approved_by_id": "user"},
    "documented": {"documented_datetime": "now"},
    "opened": {"opened_date": "today"},
}

# The activity each state asks of its owner (SOP steps and expiry), and the
# states that complete it; leaving the state otherwise abandons the step.
STEP_ACTIVITIES = {
    "submitted": "ppid_exempted.mail_activity_type_ppid_receipt",
    "exempted": "ppid_exempted.mail_activity_type_ppid_documentation",
    "expiring": "ppid_exempted.mail_activity_type_ppid_expiry",
}
STEP_COMPLETED_BY = {
    "submitted": ("received",),
    "exempted": ("documented",),
    "expiring": ("opened", "testing"),
}

# What waits for whom ("My tasks"): the step each state asks of a role. The
# unit officer's drafts are those of its own units.
TASKS = {
    "draft": {"pelaksana"},
    "submitted": {"service"},
    "received": {"service", "committee"},
    "testing": {"committee"},
    "approval": {"head"},
    "exempted": {"documentation"},
    "expiring": {"committee", "head"},
}

# ----------------------------------------------------------------------
# Field ownership
# ----------------------------------------------------------------------

FIELD_GROUPS = {
    # What the information is and who holds it.
    "identity": (
        "title",
        "description",
        "source_document",
        "unit_id",
        "collection_round_id",
        "user_id",
    ),
    # What was decided: UU 14/2008 Ps 17 and 18, PP 61/2010 Ps 4(2).
    "legal": (
        *(name for name in CLASSIFICATION_FIELDS if name != "review_date"),
        "pasal18_type",
        "pasal18_override_reason",
        "decree_reference",
        "decree_date",
    ),
    "review": ("review_date",),
    # Why and how the information becomes public; consent or a public office
    # arise after the decision and open it (UU 14/2008 Ps 18(2)).
    "opening": (
        "open_reason",
        "open_note",
        "open_decision_reference",
        "consent_given",
        "public_office",
        "consent_evidence",
    ),
    "publication": (
        "is_published",
        "published_harm_summary",
        "published_interest_summary",
    ),
    # Written by the pipeline itself, never by a caller.
    "pipeline": (
        "name",
        "huruf",
        "submitted_datetime",
        "received_datetime",
        "received_by_id",
        "approved_by_id",
        "approved_datetime",
        "documented_datetime",
        "opened_date",
        "opening_proposed",
        # The decided opening (Bontang SOP step 3), set by its own action.
        "scheduled_open_date",
        "scheduled_open_by_id",
        "scheduled_open_datetime",
        "scheduled_open_note",
    ),
    # The public body never changes: each body classifies its own information
    # (UU 14/2008 Ps 1 angka 3, PP 61/2010 Ps 3).
    "body": ("company_id",),
}
GROUP_OF_FIELD = {
    name: group for group, names in FIELD_GROUPS.items() for name in names
}

# Who may write a group while it is not frozen. "pelaksana@draft": the unit
# officer, on the drafts of its own units only. Groups not listed here are
# guarded elsewhere (the pipeline, the body, publication by the PPID only:
# _check_publisher) or free to every writer.
# The PPID's officers and, on drafts, the unit that compiles them.
PPID_WRITERS = frozenset(
    {"pelaksana@draft", "service", "committee", "documentation", "head", "manager"}
)
FIELD_WRITERS = {"identity": PPID_WRITERS, "legal": PPID_WRITERS}

# From which stage a group never changes again, whoever writes, superuser
# included: "classified" = under a decree (exempted, or tested again while the
# decree holds) or opened; "opened" = opened; "created" = once the item exists;
# "pipeline" fields are written by the pipeline only, whatever the stage
# (PpidWorkflowMixin._refuse_pipeline_fields). A new classification changes the
# legal fields only through a new test and a new decree (PP 61/2010 Ps 10).
FROZEN_WHEN = {
    "identity": "classified",
    "legal": "classified",
    "review": "opened",
    "body": "created",
}

# The chatter of a frozen record (a completed test, an approved decree, a
# signed hand-over) stays open: messages and activities are not the record.
FREE_FIELD_PREFIXES = ("message_", "activity_", "website_message")

# Sane bounds of every date of the register, so that no date overflows the
# working-day arithmetic and none is absurd.
DATE_MIN = (1900, 1, 1)
DATE_MAX = (2199, 12, 31)
# Text bounds: a title is a line, a description a few pages.
TITLE_MAX_LENGTH = 500
TEXT_MAX_LENGTH = 20000
