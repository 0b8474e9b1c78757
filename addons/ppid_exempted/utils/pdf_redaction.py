# Copyright 2026 PPID Exempted contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

"""Redaction of PDF text: the marked passages are deleted from the page
content, not merely covered (UU 14/2008 Pasal 22(7)(e): exempted material in a
document "dapat dihitamkan", the reason stated).

Built on the PDF library Odoo itself ships (``odoo.tools.pdf``: PyPDF2 2.x or
pypdf, BSD licence), so the addon keeps its LGPL-3 licence and needs no new
dependency. PyMuPDF, the usual redaction library, is AGPL-3 (or commercial):
distributing it with an LGPL-3 addon would put the whole on AGPL terms, so it
is not used.

How it works, page by page:

1. the content stream (and the forms it draws) is parsed into operators; every
   text-showing operator (``Tj``, ``TJ``, ``'``, ``"``) is decoded glyph by
   glyph with the font's ``/ToUnicode`` map or its simple encoding, and its
   position is followed through the text and graphics state;
2. the marked passages are looked up in the page's text, ignoring white space
   and case (a PDF often positions words separately, with no space glyph);
3. the glyphs of every match are deleted from the operators' strings; their
   width is kept as a ``TJ`` adjustment so the rest of the line stays in place,
   and an opaque box is drawn where they were;
4. the copy is written with a fresh document catalogue: no metadata or XMP, no
   outline, no annotations, attachments, form fields, JavaScript or actions.

:func:`verify` then reads the copy again three ways (the library's own text
extraction, this decoder, and the raw decompressed streams); a copy in which
any marked passage survives is refused by the caller. Scanned pages (images)
and fonts whose encoding cannot be decoded are thereby refused, never
published half-redacted.
"""

import io
import re
import zlib

from odoo.tools import pdf as odoo_pdf

generic = odoo_pdf.generic
ContentStream = generic.ContentStream
NameObject = generic.NameObject

TEXT_SHOWING = {b"Tj", b"TJ", b"'", b'"'}
# A passage shorter than this (without white space) would match all over the
# document; the caller refuses it.
MIN_PASSAGE_LENGTH = 3
# Width of a glyph whose font gives none (a standard font without /Widths), in
# thousandths of the font size: only used to place the box and keep the gap.
DEFAULT_WIDTH = 500.0
# What a copy must never carry (document catalogue and pages).
PAGE_KEYS_DROPPED = (
    "/Annots",
    "/AA",
    "/Metadata",
    "/PieceInfo",
    "/Thumb",
    "/B",
    "/StructParents",
    "/Tabs",
)
SIMPLE_ENCODINGS = {
    "/WinAnsiEncoding": "cp1252",
    "/MacRomanEncoding": "mac_roman",
    "/StandardEncoding": "latin-1",
    "/PDFDocEncoding": "latin-1",
}
GLYPH_NAMES = {
    "space": " ",
    "period": ".",
    "comma": ",",
    "colon": ":",
    "semicolon": ";",
    "hyphen": "-",
    "slash": "/",
    "parenleft": "(",
    "parenright": ")",
    "quotesingle": "'",
    "quotedbl": '"',
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}


class RedactionError(Exception):
    """The document cannot be redacted safely; ``code`` says why."""

    def __init__(self, code, detail=""):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


def normalize(text):
    """What a passage is matched on: no white space, case folded."""
    return re.sub(r"\s+", "", text or "").casefold()


# ----------------------------------------------------------------------
# Fonts
# ----------------------------------------------------------------------


def _is_string(value):
    """A string operand (text or bytes); anything else in a TJ array or a
    /Differences array is a number (the PDF libraries' FloatObject is a
    Decimal, not a float)."""
    return isinstance(value, (str, bytes))


def _raw(string):
    """The bytes of a PDF string operand, as written in the content."""
    if isinstance(string, bytes):
        return bytes(string)
    original = getattr(string, "original_bytes", None)
    if original is None:
        original = string.get_original_bytes()
    return bytes(original)


def _hex_int(token):
    return int(token, 16) if token else 0


def _utf16(hex_text):
    data = bytes.fromhex(hex_text) if hex_text else b""
    try:
        return data.decode("utf-16-be")
    except UnicodeDecodeError:
        return ""


def _parse_cmap(data):
    """A ToUnicode CMap: (code length in bytes, {code: text})."""
    text = data.decode("latin-1")
    mapping = {}
    code_length = None
    for block in re.findall(r"begincodespacerange(.*?)endcodespacerange", text, re.S):
        first = re.search(r"<([0-9A-Fa-f]+)>", block)
        if first:
            code_length = len(first.group(1)) // 2
            break
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            mapping[_hex_int(src)] = _utf16(dst)
            code_length = code_length or len(src) // 2
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block
        ):
            code_length = code_length or len(lo) // 2
            lo, hi = _hex_int(lo), _hex_int(hi)
            if dst.startswith("["):
                for offset, item in enumerate(re.findall(r"<([0-9A-Fa-f]*)>", dst)):
                    mapping[lo + offset] = _utf16(item)
                continue
            start = bytes.fromhex(dst[1:-1]) if len(dst) > 2 else b""
            for offset in range(min(hi - lo, 65535) + 1):
                if not start:
                    break
                value = int.from_bytes(start, "big") + offset
                try:
                    mapping[lo + offset] = value.to_bytes(len(start), "big").decode(
                        "utf-16-be"
                    )
                except (UnicodeDecodeError, OverflowError):
                    mapping[lo + offset] = ""
    return code_length or 1, mapping


class Font:
    """Decodes the strings of one font into glyphs: (code bytes, text, width
    in thousandths of the font size). A code it cannot decode gives None as
    its text, and a passage over it is never matched (then refused)."""

    def __init__(self, font):
        font = font.get_object() if font is not None else generic.DictionaryObject()
        self.composite = font.get("/Subtype") == "/Type0"
        self.code_length = 2 if self.composite else 1
        self.mapping = None
        self.codec = None
        self.differences = {}
        if "/ToUnicode" in font:
            try:
                length, self.mapping = _parse_cmap(
                    font["/ToUnicode"].get_object().get_data()
                )
                self.code_length = length if self.composite else 1
            except Exception:  # noqa: BLE001 - a broken map decodes nothing
                self.mapping = {}
        if self.composite:
            encoding = font.get("/Encoding")
            if encoding not in ("/Identity-H", "/Identity-V") and self.mapping is None:
                self.mapping = {}
        else:
            self._simple_encoding(font.get("/Encoding"))
        self.widths, self.default_width = self._widths(font)

    def _simple_encoding(self, encoding):
        encoding = encoding.get_object() if encoding is not None else None
        if isinstance(encoding, generic.DictionaryObject):
            base = encoding.get("/BaseEncoding", "/StandardEncoding")
            self.codec = SIMPLE_ENCODINGS.get(base, "latin-1")
            code = 0
            for item in encoding.get("/Differences", []):
                item = item.get_object()
                if not _is_string(item):
                    code = int(item)
                    continue
                name = str(item).lstrip("/")
                if len(name) == 1:
                    self.differences[code] = name
                elif name.startswith("uni") and len(name) == 7:
                    self.differences[code] = chr(int(name[3:], 16))
                else:
                    self.differences[code] = GLYPH_NAMES.get(name)
                code += 1
        else:
            self.codec = SIMPLE_ENCODINGS.get(encoding, "latin-1")

    def _widths(self, font):
        widths = {}
        default = DEFAULT_WIDTH
        if self.composite:
            descendants = font.get("/DescendantFonts")
            descendant = descendants.get_object()[0].get_object() if descendants else {}
            default = float(descendant.get("/DW", 1000))
            entries = list(descendant.get("/W", []))
            index = 0
            while index < len(entries) - 1:
                first = int(entries[index])
                second = entries[index + 1].get_object()
                if isinstance(second, generic.ArrayObject):
                    for offset, width in enumerate(second):
                        widths[first + offset] = float(width)
                    index += 2
                else:
                    for code in range(first, int(second) + 1):
                        widths[code] = float(entries[index + 2])
                    index += 3
        elif "/Widths" not in font:
            widths = self._standard_widths(font.get("/BaseFont"))
        elif "/Widths" in font:
            first = int(font.get("/FirstChar", 0))
            for offset, width in enumerate(font["/Widths"].get_object()):
                widths[first + offset] = float(width)
            default = (
                float(
                    font.get("/FontDescriptor", {}).get_object().get("/MissingWidth", 0)
                    if font.get("/FontDescriptor")
                    else 0
                )
                or DEFAULT_WIDTH
            )
        return widths, default

    def _standard_widths(self, base_font):
        """The widths of one of the 14 standard fonts (which a PDF may use
        without /Widths), from the metrics reportlab ships."""
        if not base_font:
            return {}
        try:
            from reportlab.pdfbase import pdfmetrics

            name = str(base_font).lstrip("/")
            pdfmetrics.getFont(name)
        except Exception:  # noqa: BLE001 - not a standard font: default width
            return {}
        widths = {}
        for code in range(32, 256):
            text = self._text(code, bytes([code]))
            if text:
                widths[code] = pdfmetrics.stringWidth(text, name, 1000)
        return widths

    def glyphs(self, data):
        step = self.code_length
        result = []
        for start in range(0, len(data), step):
            code_bytes = data[start : start + step]
            code = int.from_bytes(code_bytes, "big")
            result.append((code_bytes, self._text(code, code_bytes), self._width(code)))
        return result

    def _text(self, code, code_bytes):
        if self.mapping is not None and code in self.mapping:
            return self.mapping[code]
        if self.composite:
            return None
        if code in self.differences:
            return self.differences[code]
        if self.mapping:
            # A font with its own map but not for this code: unknown.
            return None
        try:
            return code_bytes.decode(self.codec or "latin-1")
        except UnicodeDecodeError:
            return None

    def _width(self, code):
        return self.widths.get(code, self.default_width)


# ----------------------------------------------------------------------
# Content streams
# ----------------------------------------------------------------------


def _multiply(m, n):
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class Glyph:
    __slots__ = (
        "op_index",
        "part",
        "code",
        "text",
        "advance",
        "box",
        "font_size",
        "invisible",
        "tj_width",
    )

    def __init__(  # noqa: PLR0913
        self, op_index, part, code, text, advance, box, font_size, invisible=False
    ):
        self.op_index = op_index
        self.part = part
        self.code = code
        self.text = text
        self.advance = advance
        self.box = box
        self.font_size = font_size
        self.invisible = invisible
        # The glyph's displacement as a TJ adjustment (thousandths of the
        # text space unit), which keeps the line in place once it is deleted.
        self.tj_width = 0.0


def _fonts_of(resources):
    fonts = {}
    resources = resources.get_object() if resources is not None else {}
    for name, font in (resources.get("/Font") or {}).items():
        fonts[name] = Font(font)
    return fonts


class _GlyphReader:
    """Follows the graphics and text state of a content stream (PDF 32000-1
    sections 8.4 and 9.3) to place every glyph it shows."""

    def __init__(self, resources):
        self.fonts = _fonts_of(resources)
        self.glyphs = []
        self.ctm, self.stack = IDENTITY, []
        self.tm = self.tlm = IDENTITY
        self.font, self.size = Font(None), 0.0
        self.char_space = self.word_space = self.rise = self.leading = 0.0
        self.scale = 1.0
        self.render_mode = 0

    def glyphs_of(self, operations):
        handlers = {
            b"q": self._save,
            b"Q": self._restore,
            b"cm": self._concat,
            b"BT": self._begin_text,
            b"Tf": self._set_font,
            b"Tc": self._set_char_space,
            b"Tw": self._set_word_space,
            b"Tz": self._set_scale,
            b"TL": self._set_leading,
            b"Ts": self._set_rise,
            b"Tr": self._set_render_mode,
            b"Td": self._move,
            b"TD": self._move,
            b"Tm": self._set_matrix,
            b"T*": self._next_line,
            b"Tj": self._show_string,
            b"TJ": self._show_array,
            b"'": self._show_next_line,
            b'"': self._show_next_line,
        }
        for op_index, (operands, operator) in enumerate(operations):
            handler = handlers.get(operator)
            if handler:
                try:
                    handler(operands, operator, op_index)
                except (IndexError, TypeError, ValueError):
                    continue
        return self.glyphs

    def _save(self, operands, operator, op_index):
        self.stack.append(self.ctm)

    def _restore(self, operands, operator, op_index):
        self.ctm = self.stack.pop() if self.stack else IDENTITY

    def _concat(self, operands, operator, op_index):
        self.ctm = _multiply(tuple(float(x) for x in operands[:6]), self.ctm)

    def _begin_text(self, operands, operator, op_index):
        self.tm = self.tlm = IDENTITY

    def _set_font(self, operands, operator, op_index):
        self.font = self.fonts.get(operands[0]) or Font(None)
        self.size = float(operands[1])

    def _set_char_space(self, operands, operator, op_index):
        self.char_space = float(operands[0])

    def _set_word_space(self, operands, operator, op_index):
        self.word_space = float(operands[0])

    def _set_scale(self, operands, operator, op_index):
        self.scale = float(operands[0]) / 100

    def _set_leading(self, operands, operator, op_index):
        self.leading = float(operands[0])

    def _set_render_mode(self, operands, operator, op_index):
        self.render_mode = int(operands[0])

    def _set_rise(self, operands, operator, op_index):
        self.rise = float(operands[0])

    def _move(self, operands, operator, op_index):
        tx, ty = (float(x) for x in operands[:2])
        if operator == b"TD":
            self.leading = -ty
        self.tm = self.tlm = _multiply((1, 0, 0, 1, tx, ty), self.tlm)

    def _set_matrix(self, operands, operator, op_index):
        self.tm = self.tlm = tuple(float(x) for x in operands[:6])

    def _next_line(self, operands=(), operator=b"T*", op_index=0):
        self.tm = self.tlm = _multiply((1, 0, 0, 1, 0, -self.leading), self.tlm)

    def _show_string(self, operands, operator, op_index):
        self._show(op_index, [operands[0]])

    def _show_array(self, operands, operator, op_index):
        self._show(op_index, list(operands[0]))

    def _show_next_line(self, operands, operator, op_index):
        if operator == b'"':
            self.word_space, self.char_space = float(operands[0]), float(operands[1])
        self._next_line()
        self._show(op_index, [operands[-1]])

    def _rendering(self, tm):
        """The glyph space to page space matrix at text matrix `tm`."""
        size, scale = self.size, self.scale
        return _multiply(
            _multiply((size * scale, 0, 0, size, 0, self.rise), tm), self.ctm
        )

    def _show(self, op_index, parts):
        font, size, scale = self.font, self.size, self.scale
        for part_index, part in enumerate(parts):
            if not _is_string(part):
                shift = -float(part) / 1000 * size * scale
                self.tm = _multiply((1, 0, 0, 1, shift, 0), self.tm)
                continue
            for code, text, width in font.glyphs(_raw(part)):
                space = self.word_space if code == b" " and not font.composite else 0
                advance = (width / 1000 * size + self.char_space + space) * scale
                end = _multiply((1, 0, 0, 1, advance, 0), self.tm)
                start_trm, end_trm = self._rendering(self.tm), self._rendering(end)
                top = _multiply((1, 0, 0, 1, 0, 0.9), start_trm)
                xs = (start_trm[4], end_trm[4], top[4])
                ys = (start_trm[5] - 0.2 * abs(start_trm[3]), end_trm[5], top[5])
                box = (min(xs), min(ys), max(xs), max(ys))
                glyph = Glyph(
                    op_index,
                    part_index,
                    code,
                    text,
                    advance,
                    box,
                    size,
                    # Neither filled nor stroked: the text layer of a scan.
                    invisible=self.render_mode in (3, 7),
                )
                if size:
                    glyph.tj_width = width + (self.char_space + space) * 1000 / size
                self.glyphs.append(glyph)
                self.tm = end


def read_glyphs(operations, resources):
    """Every glyph shown by `operations`, with where it is on the page."""
    return _GlyphReader(resources).glyphs_of(operations)


def glyph_text(glyphs):
    """The normalized text of `glyphs` and, for each of its characters, the
    glyph it comes from. A glyph that cannot be decoded breaks the text."""
    chars, owners = [], []
    for index, glyph in enumerate(glyphs):
        text = "\x00" if glyph.text is None else normalize(glyph.text)
        for char in text:
            chars.append(char)
            owners.append(index)
    return "".join(chars), owners


def find_matches(glyphs, passages):
    """{glyph index} of every occurrence of each passage, and the count of
    occurrences per passage."""
    text, owners = glyph_text(glyphs)
    marked, counts = set(), {}
    for passage in passages:
        needle = normalize(passage)
        counts[passage] = 0
        if not needle:
            continue
        start = text.find(needle)
        while start != -1:
            counts[passage] += 1
            # The glyphs between, spaces included: a kept space would tell the
            # number of words removed.
            marked.update(range(owners[start], owners[start + len(needle) - 1] + 1))
            start = text.find(needle, start + 1)
    return marked, counts


def _rewrite(operations, glyphs, marked):
    """The operations with the marked glyphs deleted from their strings; each
    deleted run leaves a TJ adjustment of its width, so the line keeps its
    layout."""
    per_op = {}
    for index, glyph in enumerate(glyphs):
        per_op.setdefault(glyph.op_index, []).append(index)
    touched = {glyphs[index].op_index for index in marked}
    result = []
    for op_index, (operands, operator) in enumerate(operations):
        if op_index not in touched:
            result.append((operands, operator))
            continue
        parts = list(operands[0]) if operator == b"TJ" else [operands[-1]]
        array = []
        for part_index, part in enumerate(parts):
            if not _is_string(part):
                array.append(part)
                continue
            data, offset, kept, gap = _raw(part), 0, b"", 0.0
            for index in per_op[op_index]:
                glyph = glyphs[index]
                if glyph.part != part_index:
                    continue
                length = len(glyph.code)
                if index in marked:
                    if kept:
                        array.append(generic.ByteStringObject(kept))
                        kept = b""
                    gap -= glyph.tj_width
                else:
                    if gap:
                        array.append(_number(gap))
                        gap = 0.0
                    kept += data[offset : offset + length]
                offset += length
            if gap:
                array.append(_number(gap))
            if kept:
                array.append(generic.ByteStringObject(kept))
        if operator == b'"':
            result.append(([operands[0]], b"Tw"))
            result.append(([operands[1]], b"Tc"))
        if operator in (b"'", b'"'):
            result.append(([], b"T*"))
        result.append(([generic.ArrayObject(array)], b"TJ"))
    return result


def _boxes(glyphs, marked):
    """One box per run of consecutive marked glyphs (page space)."""
    boxes, current = [], None
    for index in sorted(marked):
        x0, y0, x1, y1 = glyphs[index].box
        if current and current[4] == index - 1 and abs(current[1] - y0) < 2:
            current = [
                min(current[0], x0),
                min(current[1], y0),
                max(current[2], x1),
                max(current[3], y1),
                index,
            ]
            boxes[-1] = current
        else:
            current = [x0, y0, x1, y1, index]
            boxes.append(current)
    return [tuple(box[:4]) for box in boxes]


def _number(value):
    return generic.FloatObject(round(value, 3))


def _box_operations(boxes):
    ops = [([], b"q"), ([_number(0), _number(0), _number(0)], b"rg")]
    for x0, y0, x1, y1 in boxes:
        ops.append(
            ([_number(x0), _number(y0), _number(x1 - x0), _number(y1 - y0)], b"re")
        )
    ops += [([], b"f"), ([], b"Q")]
    return ops


def _forms(resources):
    """The form XObjects of `resources`: (name, stream)."""
    resources = resources.get_object() if resources is not None else {}
    forms = []
    for name, xobject in (resources.get("/XObject") or {}).items():
        stream = xobject.get_object()
        if stream.get("/Subtype") == "/Form":
            forms.append((name, stream))
    return forms


def _redact_form(form, passages, reader, depth=0):
    """Redact a form XObject in place (its text, no box); return the matches."""
    resources = form.get("/Resources")
    content = ContentStream(form, reader)
    glyphs = read_glyphs(content.operations, resources)
    marked, counts = find_matches(glyphs, passages)
    if any(glyphs[index].invisible for index in marked):
        raise RedactionError("scanned")
    if marked:
        content.operations = _rewrite(content.operations, glyphs, marked)
        form._data = content.get_data()
        for key in ("/Filter", "/DecodeParms"):
            if key in form:
                del form[key]
    if depth < 3:
        for _name, inner in _forms(resources):
            for passage, count in _redact_form(
                inner, passages, reader, depth + 1
            ).items():
                counts[passage] = counts.get(passage, 0) + count
    return counts


def page_text(page, reader):
    """The normalized text of a page and of the forms it draws, as decoded
    here."""
    texts = []
    content = page.get_contents()
    if content is not None:
        operations = ContentStream(content, reader).operations
        texts.append(glyph_text(read_glyphs(operations, page.get("/Resources")))[0])
    pending, seen = list(_forms(page.get("/Resources"))), set()
    while pending:
        _name, form = pending.pop()
        if id(form) in seen:
            continue
        seen.add(id(form))
        operations = ContentStream(form, reader).operations
        texts.append(glyph_text(read_glyphs(operations, form.get("/Resources")))[0])
        pending.extend(_forms(form.get("/Resources")))
    return "".join(texts)


def _open(data):
    try:
        reader = odoo_pdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise RedactionError("encrypted")
        len(reader.pages)
    except RedactionError:
        raise
    except Exception as error:  # noqa: BLE001 - any parser error: not a PDF
        raise RedactionError("unreadable", str(error)) from error
    return reader


def redact(data, passages):
    """Return (bytes of the redacted copy, {passage: occurrences removed});
    any failure of the PDF library is a RedactionError (never a traceback)."""
    try:
        return _redact(data, passages)
    except RedactionError:
        raise
    except Exception as error:  # noqa: BLE001 - an unexpected structure
        raise RedactionError("unreadable", str(error)) from error


def _redact(data, passages):
    """Return (bytes of the redacted copy, {passage: occurrences removed}).

    Raises RedactionError when a passage is not found in the text of the
    document (a scanned page, or a font this decoder cannot read)."""
    if not data.startswith(b"%PDF"):
        raise RedactionError("unreadable")
    reader = _open(data)
    writer = odoo_pdf.PdfWriter()
    totals = dict.fromkeys(passages, 0)
    for page in reader.pages:
        for key in PAGE_KEYS_DROPPED:
            if key in page:
                del page[key]
        counts = {}
        content = page.get_contents()
        boxes = []
        if content is not None:
            content = ContentStream(content, reader)
            glyphs = read_glyphs(content.operations, page.get("/Resources"))
            marked, counts = find_matches(glyphs, passages)
            if any(glyphs[index].invisible for index in marked):
                # The passage is in the invisible text over a scanned image
                # (OCR): the image still shows it.
                raise RedactionError("scanned")
            if marked:
                boxes = _boxes(glyphs, marked)
                content.operations = (
                    [([], b"q")]
                    + _rewrite(content.operations, glyphs, marked)
                    + [([], b"Q")]
                    + _box_operations(boxes)
                )
        for _name, form in _forms(page.get("/Resources")):
            for passage, count in _redact_form(form, passages, reader).items():
                counts[passage] = counts.get(passage, 0) + count
        writer.add_page(page)
        new_page = writer.pages[-1]
        if boxes:
            if hasattr(new_page, "replace_contents"):
                new_page.replace_contents(content)
            else:
                new_page[NameObject("/Contents")] = content
        for passage, count in counts.items():
            totals[passage] = totals.get(passage, 0) + count
    missing = [passage for passage, count in totals.items() if not count]
    if missing:
        raise RedactionError("not_found", missing[0])
    for page in writer.pages:
        page.compress_content_streams()
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue(), totals


def _decoded_streams(reader):
    """The decoded data of every stream object of the document."""
    streams = []
    xref = getattr(reader, "xref", {}) or {}
    for generation, objects in xref.items():
        for number in objects:
            try:
                obj = reader.get_object(
                    generic.IndirectObject(number, generation, reader)
                )
            except Exception:  # noqa: BLE001 - a free or broken entry
                continue
            if isinstance(obj, generic.StreamObject):
                try:
                    streams.append(obj.get_data())
                except Exception:  # noqa: BLE001 - undecodable: checked raw below
                    streams.append(obj._data)
    return streams


def _flate_streams(data):
    """The Flate streams of the file, decompressed without the library (a
    second, independent reading)."""
    blobs = []
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            blobs.append(zlib.decompress(raw))
        except zlib.error:
            blobs.append(raw)
    return blobs


def _encodings(passage):
    forms = set()
    for variant in {passage, passage.upper(), passage.lower()}:
        for codec in ("latin-1", "cp1252", "utf-8", "utf-16-be"):
            try:
                forms.add(variant.encode(codec))
            except UnicodeEncodeError:
                continue
    return forms


def verify(data, passages):
    """The passages that survive in `data` (see _verify); a copy this module
    cannot read back is refused as a whole."""
    try:
        return _verify(data, passages)
    except RedactionError:
        raise
    except Exception as error:  # noqa: BLE001 - an unexpected structure
        raise RedactionError("unreadable", str(error)) from error


def _verify(data, passages):
    """The passages that survive in `data`: in the library's own text
    extraction, in this decoder's text, in the raw file or in any decoded
    stream. An empty list is the only acceptable result."""
    reader = _open(data)
    surviving = []
    extracted, decoded = [], []
    for page in reader.pages:
        try:
            extracted.append(normalize(page.extract_text()))
        except Exception:  # noqa: BLE001 - the decoder below still reads it
            extracted.append("")
        decoded.append(page_text(page, reader))
    extracted, decoded = "".join(extracted), "".join(decoded)
    raw = [data, *_decoded_streams(reader)]
    raw.extend(_flate_streams(data))
    for passage in passages:
        needle = normalize(passage)
        if needle in extracted or needle in decoded:
            surviving.append(passage)
            continue
        forms = _encodings(passage.strip())
        if any(form in blob for blob in raw for form in forms):
            surviving.append(passage)
    return surviving


def page_count(data):
    return len(_open(data).pages)
