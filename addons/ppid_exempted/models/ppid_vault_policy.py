# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

"""The vault boundary: who may read, search, attach, share and follow the
files of exempted information (UU 14/2008 Pasal 17; Permenkoinfra 39(4)).

Every path through which a file or its text can leave calls this model:
ir.attachment (read, search, grouping, order, create, write, copy, export,
access tokens), ir.binary (every stream), the file controllers, stored
reports, outgoing e-mail, mail.message and mail.followers, and the item's own
binary fields. A reader finds here, in one place, what each role may do.
"""

import re

from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain
from odoo.http import request

# The softcopy vault: every ir.attachment linked to an item of the register is
# exempted material (the softcopy, the unit's test sheet, chatter files, stored
# report PDFs, superseded versions).
VAULT_MODEL = "ppid.exempted.information"

# Who may read the content of the documents in the vault (Permenkoinfra
# 39(4): exempted content only for the officers who need it). The item's
# record rules still apply on top: a unit officer reads only its own units'
# documents, and no one reads across public bodies.
#
# - Pengelola Informasi (documentation officer): keeps the softcopy (SOP Kukar
#   step 4, Bontang step 4).
# - Tim Pertimbangan: cannot test consequences without reading the information
#   (Perki 1/2021 Pasal 49: identify the document, record it clearly).
# - Atasan PPID / Pimpinan: approves the classification and must see what it
#   classifies (PP 61/2010 Pasal 3).
# - PPID Pelaksana: compiled the information and holds the original in its own
#   unit; it reads its own units' documents only.
#
# Deliberately left out:
# - Petugas Layanan (service officer): it receives the hand-over and issues the
#   receipt (tanda terima), for which the file names, sizes and fingerprints
#   shown in the Documents tab suffice; it is also the officer who faces the
#   public requesters, so keeping the content out of its reach removes the
#   likeliest path of an accidental release.
# - Auditor and Administrator PPID: they audit the process (who did what, when,
#   and whether the stored files are intact), not the exempted content itself;
#   the vault registry and the logs give them that without the content. A
#   system administrator who is not in one of the groups below is refused too
#   (but see the README: the database and the filestore are theirs).
VAULT_GROUPS = (
    "ppid_exempted.group_ppid_pelaksana",
    "ppid_exempted.group_ppid_committee",
    "ppid_exempted.group_ppid_documentation",
    "ppid_exempted.group_ppid_head",
)
VAULT_GROUPS_CSV = ",".join(VAULT_GROUPS)
# Roles that read the documents of the whole body; a unit officer reads those
# of its own units only, whatever other role it also holds.
BODY_WIDE_VAULT_GROUPS = VAULT_GROUPS[1:]

# Fields of ir.attachment that carry (or derive from) the content.
CONTENT_FIELDS = frozenset({"raw", "datas", "db_datas", "index_content", "thumbnail"})
# Fields of ir.attachment that tell something about the content when they are
# searched, grouped or sorted on (a yes/no oracle is a read, one bit at a time).
SEARCH_CONTENT_FIELDS = CONTENT_FIELDS | {"checksum", "store_fname"}
# What may not change on a vault document once its item is past draft.
FROZEN_FIELDS = frozenset(
    {
        "res_model",
        "res_id",
        "res_field",
        "raw",
        "datas",
        "db_datas",
        "index_content",
        "type",
        "url",
        "mimetype",
    }
)
# Where a file of the item is linked; moving a file is attaching it anew.
LINK = ("res_model", "res_id", "res_field")
LINK_FIELDS = frozenset(LINK)

# The item's binary fields are stored as attachments named after the field;
# the file's own name is kept in a companion field.
DOCUMENT_FILENAME_FIELDS = {
    "softcopy_file": "softcopy_filename",
    "unit_test_sheet": "unit_test_sheet_name",
}
DOCUMENT_FIELDS = tuple(DOCUMENT_FILENAME_FIELDS)


class PpidVaultAccessError(AccessError):
    """A vault document was refused to the user asking for it."""


class PpidVaultIntegrityError(UserError):
    """A vault document no longer matches its fingerprint: it is not served."""


class PpidVaultPolicy(models.AbstractModel):
    _name = "ppid.vault.policy"
    _description = "Vault Policy"

    # ------------------------------------------------------------------
    # Who
    # ------------------------------------------------------------------

    @api.model
    def _readable_items_domain(self):
        """The items whose documents the user may read: None for every item it
        can read, a domain for its own units only, False for none."""
        user = self.env.user
        if self.env.su or any(user.has_group(g) for g in BODY_WIDE_VAULT_GROUPS):
            return None
        if user.has_group("ppid_exempted.group_ppid_pelaksana"):
            return Domain("unit_id", "child_of", user.ppid_unit_ids.ids)
        return False

    @api.model
    def _may_read_content(self):
        """Whether the current user holds a role that may read vault content."""
        return self._readable_items_domain() is not False

    # ------------------------------------------------------------------
    # Which files
    # ------------------------------------------------------------------

    @api.model
    def _vault_attachments(self, attachments):
        """The vault documents among `attachments` (sudo)."""
        return attachments.sudo().filtered(lambda a: a.res_model == VAULT_MODEL)

    @api.model
    def _documents_of(self, record, field_name):
        """The vault documents that streaming `field_name` of `record` reveals."""
        Document = self.env["ppid.vault.document"].sudo()
        if record._name == "ir.attachment":
            attachments = self._vault_attachments(record)
            if not attachments:
                return Document
            documents = Document.search([("attachment_id", "in", attachments.ids)])
            if len(documents) < len(attachments):
                # Not fingerprinted (stored before this addon): register it now.
                documents = Document._register_stored(attachments, "upload")
            return documents
        if record._name == VAULT_MODEL and field_name in DOCUMENT_FIELDS:
            return Document.search(
                [
                    ("information_id", "in", record.ids),
                    ("attachment_id.res_field", "=", field_name),
                ]
            )
        return Document

    # ------------------------------------------------------------------
    # Reading: ORM access, searches, groupings
    # ------------------------------------------------------------------

    @api.model
    def _denied_attachments(self, attachments, operation):
        """The vault documents among `attachments` that the current user may
        not reach for `operation` (Odoo's own checks come on top)."""
        Attachment = self.env["ir.attachment"]
        vault = self._vault_attachments(attachments)
        if self.env.su or not vault:
            return Attachment
        scope = self._readable_items_domain()
        if scope is False:
            return Attachment.browse(vault._ids)
        # Odoo skips the item's access check for public attachments; the vault
        # never does (there should be none, see ir_attachment.py).
        public = vault.filtered("public")
        items = self.env[VAULT_MODEL].browse(public.mapped("res_id"))
        allowed_ids = set(
            items._filtered_access("read" if operation == "read" else "write")._ids
        )
        denied = public.filtered(lambda a: a.res_id not in allowed_ids)
        if scope is not None:
            in_scope = set(
                self.env[VAULT_MODEL]
                .sudo()
                .with_context(active_test=False)
                ._search(scope & Domain("id", "in", vault.mapped("res_id")))
            )
            denied |= vault.filtered(lambda a: a.res_id not in in_scope)
        return Attachment.browse(denied._ids)

    @api.model
    def _attachment_search_domain(self):
        """What the current user finds of the vault in ir.attachment searches."""
        outside_vault = Domain("res_model", "not in", [VAULT_MODEL])
        scope = self._readable_items_domain()
        if scope is False:
            return outside_vault
        # The item's own access is checked by Odoo, except for public
        # attachments, which the vault never has.
        inside = Domain("public", "=", False)
        if scope is not None:
            items = self.env[VAULT_MODEL].sudo().with_context(active_test=False)
            inside &= Domain("res_id", "in", items._search(scope))
        return outside_vault | inside

    @api.model
    def _content_guarded_domain(self, domain, fnames=(), order=None):
        """`domain` kept outside the vault when it, a grouping or aggregate
        (`fnames`) or the order touch the content of the files.

        The text of a vault file is never searchable, groupable or sortable,
        by anyone, whatever path the search comes through (a relation that
        bypasses access such as mail.message.attachment_ids included): the
        only way to its content is the logged download."""
        domain = Domain(domain)
        if self.env.su:
            return domain
        used = {cond.field_expr for cond in domain.iter_conditions()}
        used.update(name.split(":")[0].split(".")[0] for name in fnames)
        if order:
            used.update(
                part.split()[0].split(".")[0]
                for part in order.split(",")
                if part.strip()
            )
        if used & SEARCH_CONTENT_FIELDS:
            domain &= Domain("res_model", "not in", [VAULT_MODEL])
        return domain

    @api.model
    def _check_content_read(self, attachments, fnames, exporting=False):
        """Content fields of vault documents are never returned by a read or
        an export: the content leaves only as a logged download."""
        content = CONTENT_FIELDS.intersection(fnames)
        if self.env.context.get("bin_size") and not exporting:
            content &= {"index_content"}
        if not content or self.env.su or not self._vault_attachments(attachments):
            return content
        if exporting:
            raise AccessError(
                self.env._("The content of exempted documents cannot be exported.")
            )
        raise AccessError(
            self.env._(
                "The content of exempted documents is only handed out as a "
                "download, where every download is logged; it is never "
                "returned by a read."
            )
        )

    @api.model
    def _check_item_content_read(self, items, fnames, exporting=False):
        """The item's binary fields: the web client reads them as their sizes
        (bin_size); their content only leaves as a logged download. Onchange
        snapshots of records being edited (new ids) return only what changed."""
        if self.env.su or not set(DOCUMENT_FIELDS).intersection(fnames):
            return
        if exporting:
            raise AccessError(
                self.env._("The documents of exempted information cannot be exported.")
            )
        if not self.env.context.get("bin_size") and any(items._ids):
            raise AccessError(
                self.env._(
                    "Download the documents of exempted information with the "
                    "download button; every download is logged."
                )
            )

    # ------------------------------------------------------------------
    # Attaching: only through the pipeline
    # ------------------------------------------------------------------

    @api.model
    def _check_attach(self, vals_list):
        """A file is attached to an item only as a chatter file by a role that
        may read the item's files; the item's own document fields are filled
        only through the item (which checks who stores what, in which state,
        and keeps superseded versions)."""
        if self.env.su:
            return
        joining = set()
        for vals in vals_list:
            if vals.get("res_model") != VAULT_MODEL:
                continue
            if vals.get("res_field"):
                self._refuse_document_field()
            if vals.get("res_id"):
                joining.add(vals["res_id"])
        if joining:
            self._check_may_add_files(joining)

    @api.model
    def _check_relink(self, attachments, vals):
        """Writing where a file is linked: a vault document never leaves its
        item, no file becomes one of the item's document fields behind the
        item's back, and a file joins an item only as a chatter file."""
        if self.env.su or not LINK_FIELDS & vals.keys():
            return
        vault = self._vault_attachments(attachments)
        moved = vault.filtered(
            lambda a: (
                vals.get("res_model", a.res_model) != a.res_model
                or vals.get("res_id", a.res_id) != a.res_id
            )
        )
        if moved:
            raise AccessError(
                self.env._(
                    "Documents of exempted information stay with their item; they "
                    "cannot be moved to another record."
                )
            )
        joining = set()
        for attachment in attachments.sudo():
            linked = (attachment.res_model, attachment.res_id, attachment.res_field)
            new = tuple(vals.get(name, linked[i]) for i, name in enumerate(LINK))
            if new[0] != VAULT_MODEL:
                continue
            if (new[2] or False) != (linked[2] or False) or (new[2] and new != linked):
                self._refuse_document_field()
            if linked[0] != VAULT_MODEL and new[1]:
                joining.add(new[1])
        if joining:
            self._check_may_add_files(joining)

    @api.model
    def _check_may_add_files(self, item_ids):
        """A file joins an item only from a role that may read the item's
        files (the same roles that may attach one directly)."""
        self._check_files_after_handover(item_ids)
        scope = self._readable_items_domain()
        if scope is None:
            return
        if scope is not False:
            items = self.env[VAULT_MODEL].sudo().with_context(active_test=False)
            in_scope = set(items._search(scope & Domain("id", "in", list(item_ids))))
            if in_scope >= set(item_ids):
                return
        raise AccessError(
            self.env._(
                "Only the roles that may read the documents of exempted "
                "information add files to it."
            )
        )

    @api.model
    def _check_files_after_handover(self, item_ids):
        """Once handed over, an item's files are kept by the documentation
        officer, as its softcopy is (SOP Kukar step 4): a chatter file joins
        it from that officer only."""
        items = self.env[VAULT_MODEL].sudo().with_context(active_test=False)
        handed_over = (
            items.browse(list(item_ids))
            .exists()
            .filtered(lambda item: item.state != "draft")
        )
        if handed_over and not self.env.user.has_group(
            "ppid_exempted.group_ppid_documentation"
        ):
            raise AccessError(
                self.env._(
                    "Once handed over, files are added to exempted information by "
                    "the documentation officer only, as its softcopy is."
                )
            )

    def _refuse_document_field(self):
        raise AccessError(
            self.env._(
                "The softcopy and the unit's test sheet are stored through the "
                "item itself (by the unit while the item is a draft, then by the "
                "documentation officer, who keeps the previous versions); they "
                "cannot be attached or relinked directly."
            )
        )

    @api.model
    def _check_frozen(self, attachments, vals):
        """Once the item is handed over, a stored document is neither moved,
        replaced in place, re-indexed nor turned into a link. The item's own
        binary fields are replaced through the item, which keeps the old
        version."""
        if self.env.su or not FROZEN_FIELDS & vals.keys():
            return
        vault = self._vault_attachments(attachments)
        items = self.env[VAULT_MODEL].sudo().browse(vault.mapped("res_id")).exists()
        if any(item.state != "draft" for item in items):
            raise UserError(
                self.env._(
                    "The documents of exempted information that has been handed "
                    "over cannot be moved or replaced; add a new file instead."
                )
            )

    @api.model
    def _check_token(self, attachments):
        """An access token is a link that works without a login: a vault
        document never gets one (ir.binary would refuse it anyway)."""
        if not self.env.su and self._vault_attachments(attachments):
            raise AccessError(
                self.env._(
                    "Documents of exempted information are never shared by a "
                    "link; every reader signs in and every download is logged."
                )
            )

    # ------------------------------------------------------------------
    # Downloading: streams, reports, previews
    # ------------------------------------------------------------------

    @api.model
    def _check_download(self, documents):
        """Check as the user of the request, whatever the record was found
        as; refuse a file that no longer matches its fingerprint. Refusals
        are logged."""
        if not documents:
            return
        if not self.env.su:
            attachments = documents.attachment_id.with_env(self.env(su=False))
            if not attachments.has_access("read"):
                self._log_refusal(documents)
                raise PpidVaultAccessError(
                    self.env._("You are not allowed to read this exempted document.")
                )
        broken = documents._check_integrity_now()
        if broken:
            broken._log_event(
                "denied", detail=self.env._("The file failed its integrity check.")
            )
            raise PpidVaultIntegrityError(
                self.env._(
                    "%(files)s no longer matches the fingerprint taken when it was "
                    "stored (or is missing), so it is not handed out. The PPID "
                    "administrators have been alerted; ask them to restore the "
                    "file from a backup.",
                    files=", ".join(broken.mapped("name")),
                )
            )

    @api.model
    def _log_refusal(self, documents):
        """Log a refused download; image previews that the chatter requests
        on its own (and answers with a placeholder) are not downloads."""
        if request and request.httprequest.path.startswith("/web/image"):
            return
        documents._log_event("denied")

    # ------------------------------------------------------------------
    # Messages, followers and e-mail
    # ------------------------------------------------------------------

    @api.model
    def _readable_items_query(self):
        """The items the current user may read (record rules applied)."""
        return self.env[VAULT_MODEL].with_context(active_test=False)._search([])

    @api.model
    def _partners_who_may_not_follow(self, items, partner_ids):
        """The partners among `partner_ids` that may not follow `items`."""
        refused = self._follows_refused(
            [
                (item_id, partner_id)
                for item_id in items.ids
                for partner_id in partner_ids
            ]
        )
        return self.env["res.partner"].sudo().browse({p for _i, p in refused})

    @api.model
    def _follows_refused(self, pairs):
        """The (item id, partner id) pairs among `pairs` where the partner may
        not follow the item: only an internal user of the partner who may read
        the item may. One read check per partner and user, whatever the number
        of items (the expiry cron subscribes thousands at once)."""
        items_of = {}
        for item_id, partner_id in pairs:
            items_of.setdefault(partner_id, set()).add(item_id)
        partners = self.env["res.partner"].sudo().browse(list(items_of)).exists()
        Items = self.env[VAULT_MODEL].sudo().with_context(active_test=False)
        refused = set()
        for partner in partners:
            item_ids = items_of[partner.id]
            items = Items.browse(item_ids)
            readable = set()
            for user in partner.user_ids.filtered(lambda u: u.active and not u.share):
                readable.update(items.with_user(user)._filtered_access("read").ids)
            refused.update((item_id, partner.id) for item_id in item_ids - readable)
        return refused

    @api.model
    def _check_followers(self, items, partner_ids):
        refused = self._partners_who_may_not_follow(items, partner_ids)
        if refused:
            raise AccessError(
                self.env._(
                    "Only users who may read exempted information can follow it: "
                    "%(partners)s cannot.",
                    partners=", ".join(refused.mapped("display_name")),
                )
            )

    @api.model
    def _neutral_email_body(self, mail):
        """The body of an e-mail about an item: it says where to look, never
        what was written or attached (UU 14/2008 Pasal 17)."""
        record = mail.record_name or mail.subject or ""
        return self.env._(
            "<p>There is a new message on %(record)s in the register of exempted "
            "information. Its content is not sent by e-mail: sign in to read "
            "it.</p>",
            record=re.sub(r"[<>&]", "", record),
        )
