# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The workflow of an item, enforced from the rulebook (ppid_rulebook): the
one gate of every move (_move_error), system actors, field ownership and
freezes (_check_field_rules), sane values, the stamps of each state, and the
form made read-only from the same declaration."""

from datetime import date, datetime

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError

from .ppid_rulebook import (
    DATE_MAX,
    DATE_MIN,
    DECREE,
    FIELD_GROUPS,
    FIELD_WRITERS,
    FROZEN_WHEN,
    GROUP_OF_FIELD,
    MOVE_BY_STATES,
    ROLE_GROUPS,
    STAMPS,
    SYSTEM_ACTORS,
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    SystemActor,
)

# The largest id PostgreSQL stores in an integer column.
PG_INTEGER_MAX = 2**31 - 1


class PpidWorkflowMixin(models.AbstractModel):
    """Gate, stamps and locks of ppid.exempted.information."""

    _name = "ppid.workflow.mixin"
    _description = "PPID Workflow of an Item"

    def _state_labels(self):
        return dict(self._fields["state"]._description_selection(self.env))

    def _current_user_roles(self):
        return self._user_roles(self.env.uid)

    @tools.ormcache("uid")
    def _user_roles(self, uid):
        """The PPID roles of a user, once per user: the gate asks for them for
        every move of every card. Cleared with the user's groups (a change of
        groups clears the registry's caches)."""
        user = self.env["res.users"].browse(uid)
        return frozenset(
            role for role, group in ROLE_GROUPS.items() if user.has_group(group)
        )

    # ------------------------------------------------------------------
    # The rulebook (ppid_rulebook): actors, moves and field ownership
    # ------------------------------------------------------------------

    def _as_system(self, actor):
        """These items, handled by the code of `actor` (a SystemActor)."""
        assert isinstance(actor, SystemActor)
        return self.sudo().with_context(ppid_system_actor=actor)

    def _system_actor(self):
        """The system actor the code set, or None. Honoured only together with
        superuser rights, which no RPC caller has; a context key sent by a
        caller is a string, never a SystemActor."""
        actor = self.env.context.get("ppid_system_actor")
        if self.env.su and isinstance(actor, SystemActor) and actor in SYSTEM_ACTORS:
            return actor
        return None

    def _actors(self):
        """Who is acting: the system actor, or the user's roles."""
        actor = self._system_actor()
        return {actor} if actor else self._current_user_roles()

    def _move_error(self, target, vals=None):
        """Why this item may not move to `target` now, or None.

        The one gate of the pipeline: write() raises what it returns, the
        buttons (can_*) show where it returns None. `vals` are the values
        written with the move (None when only asking whether it is possible).
        """
        self.ensure_one()
        labels = self._state_labels()
        move = MOVE_BY_STATES.get((self.state, target))
        if move is None:
            if self.state == target:
                message = self.env._(
                    "%(item)s is already %(state)s.",
                    item=self.display_name,
                    state=labels[target],
                )
            else:
                message = self.env._(
                    "%(item)s cannot move from %(from_state)s to %(to_state)s.",
                    item=self.display_name,
                    from_state=labels[self.state],
                    to_state=labels[target],
                )
            return UserError(message)
        if not move.actors & self._actors():
            return AccessError(
                self.env._(
                    "You are not allowed to move %(item)s from %(from_state)s to "
                    "%(to_state)s.",
                    item=self.display_name,
                    from_state=labels[self.state],
                    to_state=labels[target],
                )
            )
        return self._move_condition_error(move, vals)

    def _may_move(self, target):
        """The buttons' question: whether the gate lets this item move now.
        A move the rulebook does not have, or not for these actors, is
        answered without composing the gate's refusal (a kanban asks seven
        times per card); every other answer is the gate's own."""
        move = MOVE_BY_STATES.get((self.state, target))
        if move is None or not move.actors & self._actors():
            return False
        return not self._move_error(target)

    def _move_condition_error(self, move, vals):
        """What the law adds to a permitted move."""
        if move.target == "draft" and self.approved_datetime:
            return UserError(
                self.env._(
                    "%(item)s has been classified: it cannot go back to its unit; "
                    "open it or classify it again.",
                    item=self.display_name,
                )
            )
        proposed = self.opening_proposed
        if (move.source, move.target) == ("approval", "opened") and not (
            proposed or self._system_actor()
        ):
            return UserError(
                self.env._(
                    "%(item)s awaits its classification: return it to the test "
                    "rather than opening it.",
                    item=self.display_name,
                )
            )
        if (move.source, move.target) == ("approval", "exempted") and proposed:
            return UserError(
                self.env._(
                    "The consequence test concluded that %(item)s should be "
                    "opened: approve the opening or return it to the test.",
                    item=self.display_name,
                )
            )
        if move.reason == "scheduled_open_date":
            # A decided opening set to take effect later (ppid.expiry.mixin).
            return self._scheduled_opening_error(vals)
        if vals is None or not move.reason:
            return None
        if move.reason == "return_reason" and not vals.get("return_reason"):
            return UserError(
                self.env._(
                    "Give a reason to return %(item)s; use the Return button.",
                    item=self.display_name,
                )
            )
        if move.reason == "open_reason" and not (
            vals.get("open_reason") or self.open_reason
        ):
            return UserError(
                self.env._(
                    "Give the reason why %(item)s becomes public; use the Open button.",
                    item=self.display_name,
                )
            )
        return None

    def _check_state_transition(self, vals):
        """Raise unless every item may make the move `vals` asks for."""
        target = vals["state"]
        if target not in self._state_labels():
            raise UserError(self.env._("Unknown status %(state)s.", state=target))
        for item in self:
            error = item._move_error(target, vals)
            if error:
                raise error

    def _frozen_groups(self):
        """The field groups that never change again at this stage of the item."""
        self.ensure_one()
        stages = {"created"} if self.id else set()
        if self._is_classified() or self.state == "opened":
            stages.add("classified")
        if self.state == "opened":
            stages.add("opened")
        return {group for group, stage in FROZEN_WHEN.items() if stage in stages}

    def _writable_groups(self):
        """The guarded field groups the current user may write on this item."""
        self.ensure_one()
        roles = self._current_user_roles()
        if self.state == "draft" and "pelaksana" in roles:
            roles = roles | {"pelaksana@draft"}
        return {group for group, writers in FIELD_WRITERS.items() if writers & roles}

    def _check_field_rules(self, vals):
        """Field ownership (ppid_rulebook.FIELD_GROUPS): frozen groups never
        change (superuser included), guarded groups only by their writers,
        pipeline fields only by the pipeline."""
        if "huruf" in vals:
            raise UserError(
                self.env._(
                    "The huruf follows the legal basis: choose the legal basis instead."
                )
            )
        actor = self._system_actor()
        groups = {GROUP_OF_FIELD[name] for name in vals if name in GROUP_OF_FIELD}
        if "pipeline" in groups and not (actor or self.env.su):
            self._refuse_pipeline_fields(vals)
        for item in self:
            frozen = groups & item._frozen_groups() - item._unfrozen_by(actor)
            # The body first: moving an item out of its body is the graver act.
            for group in sorted(frozen, key=lambda name: (name != "body", name)):
                changed = [
                    name
                    for name in FIELD_GROUPS[group]
                    if name in vals and item._value_differs(name, vals[name])
                ]
                if changed:
                    raise UserError(item._frozen_message(group, changed))
            if self.env.su:
                continue
            refused = groups & set(FIELD_WRITERS) - item._writable_groups()
            if refused:
                raise AccessError(
                    self.env._(
                        "You are not allowed to change %(fields)s of %(item)s.",
                        fields=item._field_labels(
                            name
                            for group in refused
                            for name in FIELD_GROUPS[group]
                            if name in vals
                        ),
                        item=item.display_name,
                    )
                )

    @staticmethod
    def _unfrozen_by(actor):
        """The frozen groups a system actor changes on its lawful path: an
        approved decree sets the classification it decided (PP 61/2010 Ps 10)."""
        if actor is DECREE:
            return {"legal", "review"}
        return set()

    def _frozen_message(self, group, changed):
        labels = self._field_labels(changed)
        if group == "body":
            return self.env._(
                "%(item)s belongs to its public body for good: each body classifies "
                "its own information (PP 61/2010 Pasal 3). Register it in the other "
                "body instead.",
                item=self.display_name,
            )
        if group == "review" or self.state == "opened":
            return self.env._(
                "%(item)s is open: its legal record (%(fields)s) is kept as it was "
                "decided; only the facts of the opening and the publication change.",
                item=self.display_name,
                fields=labels,
            )
        return self.env._(
            "%(item)s is classified: %(fields)s can only change through a new "
            "consequence test and a new decree (PP 61/2010 Pasal 10).",
            item=self.display_name,
            fields=labels,
        )

    def _refuse_pipeline_fields(self, vals):
        # a new item (self is the empty model) may ask for its number with "/"
        forged = [
            name
            for name in FIELD_GROUPS["pipeline"]
            if name in vals and not (name == "name" and vals[name] == "/" and not self)
        ]
        if forged:
            raise AccessError(
                self.env._(
                    "%(fields)s are recorded by the pipeline itself and cannot be "
                    "written.",
                    fields=self._field_labels(sorted(forged)),
                )
            )

    def _field_labels(self, names):
        return ", ".join(
            self._fields[name]._description_string(self.env) for name in names
        )

    @api.model
    def _check_values_sane(self, vals):
        """Dates within the bounds of the register and texts of a sane length,
        before anything is computed from them."""
        low, high = date(*DATE_MIN), date(*DATE_MAX)
        for name, value in vals.items():
            field = self._fields.get(name)
            if not field or not value:
                continue
            if field.type in ("date", "datetime"):
                try:
                    day = field.convert_to_cache(value, self)
                except (TypeError, ValueError, OverflowError):
                    day = None
                day = day.date() if isinstance(day, datetime) else day
                if not isinstance(day, date) or not low <= day <= high:
                    raise ValidationError(
                        self.env._(
                            "%(field)s must be a date between %(low)s and %(high)s.",
                            field=field._description_string(self.env),
                            low=low.strftime("%d-%m-%Y"),
                            high=high.strftime("%d-%m-%Y"),
                        )
                    )
            elif (
                field.type == "many2one"
                and isinstance(value, int)
                and not (0 < value <= PG_INTEGER_MAX)
            ):
                raise ValidationError(
                    self.env._(
                        "%(field)s names a record that does not exist.",
                        field=field._description_string(self.env),
                    )
                )
            elif field.type in ("char", "text") and "\x00" in str(value):
                raise ValidationError(
                    self.env._(
                        "%(field)s holds a character that cannot be stored (NUL).",
                        field=field._description_string(self.env),
                    )
                )
            elif field.type in ("char", "text") and isinstance(value, str):
                limit = TITLE_MAX_LENGTH if field.type == "char" else TEXT_MAX_LENGTH
                if len(value) > limit:
                    raise ValidationError(
                        self.env._(
                            "%(field)s is too long: at most %(limit)s characters.",
                            field=field._description_string(self.env),
                            limit=limit,
                        )
                    )

    def _transition_stamps(self, target):
        """Who and when (ppid_rulebook.STAMPS), recorded the same way whichever
        path moved the item."""
        values = {
            "now": fields.Datetime.now(),
            "user": self.env.uid,
            "today": self._today(),
        }
        return {name: values[kind] for name, kind in STAMPS.get(target, {}).items()}

    # ------------------------------------------------------------------
    # Views
    # ------------------------------------------------------------------

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        """The form is read-only where the rulebook refuses a write: the same
        declaration (FIELD_GROUPS, FROZEN_WHEN, FIELD_WRITERS) drives both."""
        arch, view = super()._get_view(view_id, view_type, **options)
        if view_type == "form":
            self._apply_rulebook_readonly(arch)
        return arch, view

    @api.model
    def _apply_rulebook_readonly(self, arch):
        lock_of_group = {
            "identity": "locked_identity",
            "legal": "locked_legal",
            "review": "locked_review",
            "body": "id",
        }
        for node in arch.iter("field"):
            if any(parent.tag == "field" for parent in node.iterancestors()):
                continue  # a field of a sub-view, not of the item
            lock = lock_of_group.get(GROUP_OF_FIELD.get(node.get("name")))
            if not lock:
                continue
            current = node.get("readonly")
            if current in ("1", "True", "true"):
                continue
            node.set("readonly", f"({current}) or {lock}" if current else lock)
