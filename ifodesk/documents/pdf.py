"""PDF writers for decisions, agendas, protocol extracts and delegation lists (reportlab Platypus).

Every document:
- embeds DejaVuSans (+ Bold) from resources/fonts, so å ä ö print and extract as text;
- carries the municipality letterhead on every page and "Sida x av y" in the footer;
- is deterministic: the same input gives the same bytes (``invariant=1``, creation date taken
  from the document's own date, document ID derived from the input);
- prints user text literally (Paragraph markup is escaped) and never prints the address of a
  party with skyddade personuppgifter.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Iterable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate

from ifodesk.documents.pdf_data import (
    DecisionLetter,
    DelegationList,
    Letterhead,
    MeetingAgenda,
    PartyInfo,
    ProtocolExtract,
)
from ifodesk.resources import resource_path

__all__ = [
    "PROTECTED_ADDRESS_TEXT",
    "SECRECY_MARKING",
    "render_agenda",
    "render_decision_letter",
    "render_delegation_list",
    "render_protocol_extract",
]

# Document text printed in the header of every document about individuals. Socialtjänst data are
# secret under OSL 26 kap. 1 § (omvänt skaderekvisit); the marking tells any reader so.
def _secrecy_marking() -> str:
    import tomllib

    return tomllib.loads(resource_path("documents.toml").read_text(encoding="utf-8"))["secrecy_marking"]


# The paragraph is data (resources/documents.toml), read once at import.
SECRECY_MARKING = _secrecy_marking()

# Printed instead of the address of a party with skyddade personuppgifter (OSL 21:3, 22:1).
PROTECTED_ADDRESS_TEXT = "Skyddade personuppgifter – adress lämnas ej ut"

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

_INK = colors.HexColor("#1a1a1a")
_MUTED = colors.HexColor("#555555")
_RULE = colors.HexColor("#9a9a9a")
_SHADE = colors.HexColor("#eeeeee")
_SECRECY = colors.HexColor("#8b0000")

_MARGIN_X = 22 * mm
_HEADER_H = 43 * mm  # from the top edge to the first line of the body
_FOOTER_H = 24 * mm


# --------------------------------------------------------------------------------------- fonts


_fonts_registered = False


def _register_fonts() -> None:
    global _fonts_registered
    if _fonts_registered:
        return
    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    # No italic face is bundled: italic falls back to the upright faces. The italic mappings go
    # first so that the last word on each face name is the upright one (ps2tt keeps the latest).
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    _fonts_registered = True


# -------------------------------------------------------------------------------------- styles


def _styles() -> dict[str, ParagraphStyle]:
    _register_fonts()  # Paragraph parses its markup on construction and needs the mapping
    base = ParagraphStyle(
        "body", fontName=FONT, bulletFontName=FONT, fontSize=10, leading=14, textColor=_INK
    )
    return {
        "body": ParagraphStyle("body_sp", parent=base, spaceAfter=5, allowWidows=0, allowOrphans=0),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12.5),
        "cell_small": ParagraphStyle("cell_small", parent=base, fontSize=8.5, leading=11),
        "cell_head": ParagraphStyle(
            "cell_head", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=11
        ),
        "label": ParagraphStyle(
            "label", parent=base, fontName=FONT_BOLD, fontSize=9.5, leading=12.5
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=15, leading=19,
            spaceBefore=2, spaceAfter=8, keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=FONT_BOLD, fontSize=11, leading=14,
            spaceBefore=10, spaceAfter=3, keepWithNext=1,
        ),
        "address": ParagraphStyle("address", parent=base, fontSize=10.5, leading=14),
        "address_protected": ParagraphStyle(
            "address_protected", parent=base, fontName=FONT_BOLD, fontSize=9.5, leading=13,
            textColor=_SECRECY,
        ),
        "notice": ParagraphStyle(
            "notice", parent=base, fontName=FONT_BOLD, spaceBefore=4, spaceAfter=4,
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, fontName=FONT_BOLD, spaceBefore=4, spaceAfter=1, keepWithNext=1,
        ),
        "notice_box": ParagraphStyle(
            "notice_box", parent=base, fontSize=10.5, leading=15, spaceBefore=14, spaceAfter=4,
            leftIndent=6, rightIndent=6,
            borderColor=_RULE, borderWidth=0.6, borderPadding=6, backColor=_SHADE,
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=_MUTED),
        "bullet": ParagraphStyle(
            "bullet", parent=base, leftIndent=12, bulletIndent=2, spaceAfter=1,
        ),
    }


# --------------------------------------------------------------------------------- text helpers


def _esc(text: str) -> str:
    """User text as Paragraph markup: literal characters, single newlines kept as line breaks."""
    lines = escape(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    return "<br/>".join(lines)


def _paras(text: str, style: ParagraphStyle) -> list[Flowable]:
    """One Paragraph per blank-line separated block, so long texts can flow over pages."""
    norm = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    blocks: list[str] = []
    current: list[str] = []
    for line in norm.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return [Paragraph(_esc(b), style) for b in blocks] or [Paragraph("–", style)]


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(_esc(text), style)


def _iso(d: date) -> str:
    return d.isoformat()


def _people(names: Sequence[str], empty: str) -> str:
    names = [n for n in names if n.strip()]
    return ", ".join(names) if names else empty


# ----------------------------------------------------------------------------------- canvas


class _NumberedCanvas(Canvas):
    """Defers each page until save() so that every footer can say "Sida x av y".

    It also pins the document's CreationDate/ModDate to ``doc_date`` and mixes a fingerprint of
    the input into the document ID, so output is byte-identical for identical input.
    """

    def __init__(self, *args, doc_date: date, fingerprint: str, **kwargs):
        super().__init__(*args, **kwargs)
        self._page_states: list[dict] = []
        stamp = "D:%04d%02d%02d000000+00'00'" % (doc_date.year, doc_date.month, doc_date.day)
        self.setDateFormatter(lambda *_ymdhms: stamp)
        self._doc.updateSignature(fingerprint)

    def showPage(self) -> None:  # noqa: N802 (reportlab API)
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        width, _height = self._pagesize
        self.saveState()
        self.setFont(FONT, 8.5)
        self.setFillColor(_INK)
        self.drawRightString(width - _MARGIN_X, 11 * mm, f"Sida {self._pageNumber} av {total}")
        self.restoreState()


# ----------------------------------------------------------------------------- page furniture


@dataclass(frozen=True)
class _Header:
    letterhead: Letterhead
    doc_type: str  # e.g. "BESLUT"
    lines: tuple[tuple[str, str], ...]  # (label, value) under the document type


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    """Shorten ``text`` with an ellipsis so it fits ``width`` points (header lines only)."""
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _draw_page(header: _Header, canvas: Canvas, doc: BaseDocTemplate) -> None:
    width, height = doc.pagesize
    lh = header.letterhead
    left = _MARGIN_X
    right = width - _MARGIN_X
    split = left + (right - left) * 0.56  # start of the right-hand header block
    top = height - 15 * mm

    canvas.saveState()
    canvas.setFillColor(_INK)

    # Sender, top left.
    canvas.setFont(FONT_BOLD, 14)
    canvas.drawString(left, top, _fit(canvas, lh.municipality_name, FONT_BOLD, 14, split - left))
    canvas.setFont(FONT, 9.5)
    y_left = top - 5.5 * mm
    for text in (lh.board_name, lh.unit_name):
        if text:
            canvas.drawString(left, y_left, _fit(canvas, text, FONT, 9.5, split - left - 4 * mm))
            y_left -= 4.3 * mm

    # Document type, date, case number, secrecy, top right.
    block_w = right - split
    canvas.setFont(FONT_BOLD, 11)
    canvas.drawString(split, top, _fit(canvas, header.doc_type, FONT_BOLD, 11, block_w))
    y = top - 5.5 * mm
    label_w = 0.0
    for label, _value in header.lines:
        label_w = max(label_w, canvas.stringWidth(label, FONT, 8.5))
    for label, value in header.lines:
        canvas.setFont(FONT, 8.5)
        canvas.setFillColor(_MUTED)
        canvas.drawString(split, y, label)
        canvas.setFillColor(_INK)
        canvas.setFont(FONT, 9)
        x = split + label_w + 2.5 * mm
        canvas.drawString(x, y, _fit(canvas, value, FONT, 9, right - x))
        y -= 4.2 * mm
    # Every document here is about individuals, so every page carries the secrecy marking.
    canvas.setFont(FONT_BOLD, 8.5)
    canvas.setFillColor(_SECRECY)
    y -= 0.5 * mm
    canvas.drawString(split, y, _fit(canvas, SECRECY_MARKING, FONT_BOLD, 8.5, block_w))
    canvas.setFillColor(_INK)

    rule_y = min(y, y_left + 4.3 * mm) - 4 * mm  # just under the lowest header line
    canvas.setStrokeColor(_RULE)
    canvas.setLineWidth(0.6)
    canvas.line(left, rule_y, right, rule_y)

    # Footer: postal address, contact and org number in three columns.
    foot_top = _FOOTER_H - 6 * mm
    canvas.line(left, foot_top + 3.5 * mm, right, foot_top + 3.5 * mm)
    columns: list[tuple[str, list[str]]] = [
        ("Postadress", list(lh.address_lines)),
        ("Kontakt", [t for t in (
            f"Telefon {lh.phone}" if lh.phone else "",
            f"E-post {lh.email}" if lh.email else "",
        ) if t]),
        ("Organisationsnummer", [lh.org_number] if lh.org_number else []),
    ]
    # Column widths as shares of the line, leaving room for "Sida x av y" on the right.
    shares = (0.27, 0.45, 0.28)
    usable = right - left - 25 * mm
    x = left
    for (label, values), share in zip(columns, shares):
        col_w = usable * share
        x_next = x + col_w
        if not values:
            x = x_next
            continue
        canvas.setFont(FONT_BOLD, 7)
        canvas.setFillColor(_MUTED)
        canvas.drawString(x, foot_top, label)
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(_INK)
        yy = foot_top - 3.4 * mm
        for v in values[:3]:
            canvas.drawString(x, yy, _fit(canvas, v, FONT, 7.5, col_w - 3 * mm))
            yy -= 3.2 * mm
        x = x_next
    canvas.restoreState()


def _build(
    *,
    story: list[Flowable],
    header: _Header,
    doc_date: date,
    fingerprint_of: object,
    title: str,
    subject: str,
    pagesize: tuple[float, float] = A4,
) -> bytes:
    buf = io.BytesIO()
    lh = header.letterhead
    doc = BaseDocTemplate(
        buf,
        pagesize=pagesize,
        leftMargin=_MARGIN_X,
        rightMargin=_MARGIN_X,
        topMargin=_HEADER_H,
        bottomMargin=_FOOTER_H,
        title=title,
        author=f"{lh.board_name}, {lh.municipality_name}",
        subject=subject,
        creator="ifodesk",
        lang="sv-SE",
        invariant=1,
        initialFontName=FONT,
    )
    frame = Frame(
        doc.leftMargin, doc.bottomMargin, doc.width, doc.height,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=partial(_draw_page, header))]
    )
    fingerprint = hashlib.sha256(repr(fingerprint_of).encode("utf-8")).hexdigest()
    doc.build(
        story,
        canvasmaker=partial(_NumberedCanvas, doc_date=doc_date, fingerprint=fingerprint),
    )
    return buf.getvalue()


# ------------------------------------------------------------------------------- building blocks


def _kv_table(rows: Iterable[tuple[str, Flowable | str]], st: dict, label_w: float = 52 * mm,
              width: float | None = None) -> Table:
    data = []
    for label, value in rows:
        cell = value if isinstance(value, Flowable) else _p(value, st["cell"])
        data.append([_p(label, st["label"]), cell])
    total = width if width is not None else A4[0] - 2 * _MARGIN_X
    table = Table(data, colWidths=[label_w, total - label_w], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _section(heading: str, body: list[Flowable], st: dict) -> list[Flowable]:
    return [Paragraph(escape(heading), st["h2"]), *body]


def _lagrum_list(lagrum: Sequence[str], st: dict) -> list[Flowable]:
    items = [x for x in lagrum if x.strip()]
    if not items:
        return [_p("Inget lagrum angivet.", st["body"])]
    return [Paragraph(_esc(x), st["bullet"], bulletText="•") for x in items]


def _party_identity(party: PartyInfo, st: dict) -> Flowable:
    """Name and personnummer; for protected parties the marking, never the address."""
    parts = [f"{escape(party.name)}, {escape(party.personnummer_display)}"]
    if party.protected:
        parts.append(
            f'<font name="{FONT_BOLD}" color="#8b0000">{escape(PROTECTED_ADDRESS_TEXT)}</font>'
        )
    return Paragraph("<br/>".join(parts), st["cell"])


def _party_cell(display: str, protected: bool, st: dict) -> Paragraph:
    """A table cell naming a party without full identity, with the marking when protected."""
    text = escape(display)
    if protected:
        text += (
            f'<br/><font name="{FONT_BOLD}" color="#8b0000">Skyddade<br/>personuppgifter</font>'
        )
    return Paragraph(text, st["cell_small"])


def _address_block(party: PartyInfo, st: dict) -> Table:
    """Recipient block on the right, where a window envelope shows it."""
    lines = [Paragraph(f"<b>{escape(party.name)}</b>", st["address"])]
    if party.protected:
        # Break after the dash: the phrase reads as two whole lines in the address window.
        lines.append(Paragraph(
            escape(PROTECTED_ADDRESS_TEXT).replace("– ", "–<br/>", 1), st["address_protected"]
        ))
    else:
        for line in party.address_lines or ():
            lines.append(_p(line, st["address"]))
    width = A4[0] - 2 * _MARGIN_X
    left_w = width * 0.56
    table = Table([["", lines]], colWidths=[left_w, width - left_w], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def _signature(label: str, name: str, st: dict) -> KeepTogether:
    line = Table([[""]], colWidths=[75 * mm], rowHeights=[12 * mm], hAlign="LEFT")
    line.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("LINEBELOW", (0, 0), (-1, -1), 0.6, _INK),
    ]))
    return KeepTogether([_p(label, st["body"]), line, Spacer(1, 1.5 * mm), _p(name, st["cell"])])


def _grid_table(header: list[str], rows: list[list[Flowable]], col_widths: list[float],
                st: dict) -> Table:
    data = [[_p(h, st["cell_head"]) for h in header], *rows]
    table = Table(data, colWidths=col_widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, _INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, _RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


# ------------------------------------------------------------------------------ decision letter

_APPEAL_KIND_TEXT = {
    "forvaltningsbesvar": "Beslutet kan överklagas genom förvaltningsbesvär.",
    "laglighetsprovning": (
        "Beslutet kan endast överklagas genom laglighetsprövning enligt kommunallagen."
    ),
}
_NOT_APPEALABLE = "Beslutet kan inte överklagas."


def _intro(letter: DecisionLetter, st: dict) -> list[Flowable]:
    """Who the letter is for and why, in the right person."""
    child = letter.child_first_name or "ditt barn"
    if letter.audience == "guardian":
        return [Spacer(1, 5 * mm), _p(f"Det här är ett beslut om ditt barn {child}. Du får beslutet eftersom du är "
                   f"vårdnadshavare och därmed part i ärendet. Läs också om hur du kan överklaga "
                   "längst ned i brevet.", st["body"])]
    if letter.audience == "youth":
        text = ("Det här brevet handlar om dig. Socialnämnden har bestämt något som gäller dig. "
                "Eftersom du är 15 år eller äldre får du själv beslutet, och du har rätt att säga "
                "vad du tycker och att överklaga. Under rubriken Beslut står vad som har bestämts "
                "och varför. Om du inte håller med kan du överklaga. Hur du gör står sist i brevet.")
        if letter.contact:
            text += f" Du kan alltid ringa eller skriva till {letter.contact} om du har frågor."
        return [_p(text, st["notice_box"])]
    return []


def _decision_paras(text: str, st: dict) -> list[Flowable]:
    """The decision text; a block's short first line without punctuation ("Skäl för beslutet")
    is the template's own subheading and is printed as one, kept with what follows."""
    out: list[Flowable] = []
    norm = text.replace("\r\n", "\n").replace("\r", "\n")
    for block in (b.strip("\n") for b in norm.split("\n\n")):
        lines = [x for x in block.split("\n") if x.strip()]
        if not lines:
            continue
        head = lines[0].strip()
        if len(lines) > 1 and len(head) <= 45 and head[:1].isupper() and not any(c in head for c in ".:;,?!"):
            out += [_p(head, st["h3"]), _p("\n".join(lines[1:]), st["body"])]
        else:
            out.append(_p("\n".join(lines), st["body"]))
    return out or [_p("–", st["body"])]


def _mentions_all(text: str, items: Sequence[str]) -> bool:
    return bool(items) and all(x.strip() and x in text for x in items)


def render_decision_letter(letter: DecisionLetter) -> bytes:
    """A decision letter with the content FL 31–33 §§ require, in clear sections."""
    st = _styles()
    header = _Header(
        letterhead=letter.letterhead,
        doc_type="BESLUT",
        lines=(("Datum", _iso(letter.decision_date)), ("Dnr", letter.case_number)),
    )
    story: list[Flowable] = []
    if not letter.for_file:
        story += [_address_block(letter.recipient or letter.party, st), Spacer(1, 12 * mm)]
    story += [
        _p(letter.title, st["title"]),
        _kv_table([
            ("Gäller", _party_identity(letter.party, st)),
            ("Ärendenummer", letter.case_number),
            ("Beslutsdatum", _iso(letter.decision_date)),
        ], st, label_w=36 * mm),
    ]
    if letter.for_file and letter.send_list:
        story.append(_kv_table([("Skickas till", _people(letter.send_list, ""))], st, label_w=36 * mm))
    story += _intro(letter, st)

    decision = _decision_paras(letter.decision_text, st)
    if letter.urgent_note:
        decision += _paras(letter.urgent_note, st["notice"])
    # The template's wording often states the reasons and the lagrum itself: say them once.
    lagrum_in_text = _mentions_all(letter.decision_text, letter.lagrum)
    if lagrum_in_text and letter.law_version.strip():
        decision.append(_p(f"Tillämpad lydelse: {letter.law_version}", st["small"]))
    story += _section("Beslut", decision, st)

    if not lagrum_in_text:
        lagrum = _lagrum_list(letter.lagrum, st)
        if letter.law_version.strip():
            lagrum.append(_p(f"Tillämpad lydelse: {letter.law_version}", st["small"]))
        story += _section("Lagrum", lagrum, st)

    motivering = letter.motivering.strip()
    if motivering and motivering not in letter.decision_text:
        story += _section("Motivering", _paras(letter.motivering, st["body"]), st)

    decided_by = ", ".join(
        x for x in (letter.decided_by_name, letter.decided_by_title) if x.strip()
    )
    who: list[Flowable] = _section("Beslutsfattare", [_p(decided_by, st["body"])], st)
    rows = []
    if letter.foredragande_name and not (letter.delegated and letter.foredragande_name == letter.decided_by_name):
        rows.append(("Föredragande", letter.foredragande_name))
    elif not letter.delegated:
        rows.append(("Föredragande", "Ingen föredragande."))
    if letter.participants or not letter.delegated:
        rows.append(("Närvarande utan att delta i beslutet", _people(letter.participants, "Inga.")))
    if rows:
        who.append(_kv_table(rows, st, label_w=76 * mm))
    if letter.delegation_note:
        who += [Spacer(1, 2 * mm), *_paras(letter.delegation_note, st["body"])]
    story.append(KeepTogether(who))

    if letter.appeal == "none":
        appeal = _paras(letter.appeal_text, st["body"]) if letter.appeal_text.strip() else [
            _p(_NOT_APPEALABLE, st["body"])
        ]
    else:
        appeal = [_p(_APPEAL_KIND_TEXT[letter.appeal], st["notice"]),
                  *_paras(letter.appeal_text, st["body"])]
    heading = "Hur du överklagar" if letter.audience in ("guardian", "youth") else "Hur man överklagar"
    # Kept whole: the last page never starts with a stray line of the appeal text.
    story.append(KeepTogether(_section(heading, appeal, st)))

    return _build(
        story=story,
        header=header,
        doc_date=letter.decision_date,
        fingerprint_of=letter,
        title=f"Beslut, dnr {letter.case_number}",
        subject="Beslut",
    )


# --------------------------------------------------------------------------------------- agenda

_KIND_LABEL = {"beslut": "Beslut", "anmalan": "Anmälan"}


def render_agenda(agenda: MeetingAgenda) -> bytes:
    """Föredragningslista for a committee meeting; parties shown only as the caller's display."""
    st = _styles()
    header = _Header(
        letterhead=agenda.letterhead,
        doc_type="FÖREDRAGNINGSLISTA",
        lines=(("Sammanträde", _iso(agenda.meeting_date)), ("Organ", agenda.committee_name)),
    )
    story: list[Flowable] = [
        _p(f"Föredragningslista – {agenda.committee_name}", st["title"]),
        _kv_table([
            ("Sammanträdesdatum", _iso(agenda.meeting_date)),
            ("Tid och plats", agenda.time_place),
            ("Ordförande", agenda.chair),
            ("Sekreterare", agenda.secretary),
            ("Ledamöter", _people(agenda.members, "–")),
        ], st, label_w=46 * mm),
        Paragraph("Ärenden", st["h2"]),
    ]
    if not agenda.items:
        story.append(_p("Inga ärenden.", st["body"]))
    else:
        rows = []
        for item in agenda.items:
            rows.append([
                _p(f"§ {item.paragraph_no}" if item.paragraph_no is not None else "–", st["cell"]),
                _p(item.title, st["cell"]),
                _p(item.case_number, st["cell_small"]),
                _party_cell(item.party_display, item.protected, st),
                _p(item.foredragande, st["cell_small"]),
                _p(_KIND_LABEL[item.kind], st["cell_small"]),
            ])
        widths = [13 * mm, 52 * mm, 27 * mm, 30 * mm, 26 * mm, 18 * mm]
        story.append(_grid_table(
            ["§", "Ärende", "Dnr", "Gäller", "Föredragande", "Typ"], rows, widths, st,
        ))
    return _build(
        story=story,
        header=header,
        doc_date=agenda.meeting_date,
        fingerprint_of=agenda,
        title=f"Föredragningslista {agenda.committee_name} {_iso(agenda.meeting_date)}",
        subject="Föredragningslista",
    )


# ------------------------------------------------------------------------------ protocol extract


def render_protocol_extract(extract: ProtocolExtract) -> bytes:
    """Protokollsutdrag for one paragraph, ending with utdragsbestyrkande."""
    st = _styles()
    header = _Header(
        letterhead=extract.letterhead,
        doc_type="PROTOKOLLSUTDRAG",
        lines=(
            ("Sammanträde", _iso(extract.meeting_date)),
            ("Paragraf", f"§ {extract.paragraph_no}"),
            ("Dnr", extract.case_number),
        ),
    )
    story: list[Flowable] = [
        _p("Protokollsutdrag", st["title"]),
        _kv_table([
            ("Organ", extract.committee_name),
            ("Sammanträdesdatum", _iso(extract.meeting_date)),
            ("Närvarande ledamöter", _people(extract.present_members, "–")),
            ("Ordförande", extract.chair),
            ("Sekreterare", extract.secretary),
            ("Justerare", extract.justerare or "–"),
        ], st, label_w=45 * mm),
        Spacer(1, 4 * mm),
        _p(f"§ {extract.paragraph_no}  {extract.title}", st["h2"]),
        _kv_table([
            ("Dnr", extract.case_number),
            ("Gäller", _party_identity(extract.party, st)),
        ], st, label_w=45 * mm),
    ]
    story += _section("Beslut", _paras(extract.decision_text, st["body"]), st)
    story += _section("Lagrum", _lagrum_list(extract.lagrum, st), st)
    story += _section("Motivering", _paras(extract.motivering, st["body"]), st)
    if extract.appeal_text.strip():
        story += _section("Hur man överklagar", _paras(extract.appeal_text, st["body"]), st)
    story += [
        Paragraph("Utdragsbestyrkande", st["h2"]),
        _signature("Rätt utdraget intygar:", extract.extract_certified_by, st),
    ]
    return _build(
        story=story,
        header=header,
        doc_date=extract.meeting_date,
        fingerprint_of=extract,
        title=f"Protokollsutdrag § {extract.paragraph_no}, dnr {extract.case_number}",
        subject="Protokollsutdrag",
    )


# ---------------------------------------------------------------------------- delegation list


def render_delegation_list(dl: DelegationList) -> bytes:
    """Anmälan av delegationsbeslut to the nämnd, chronological, landscape A4."""
    st = _styles()
    page = landscape(A4)
    width = page[0] - 2 * _MARGIN_X
    period = f"{_iso(dl.period_from)} – {_iso(dl.period_to)}"
    header = _Header(
        letterhead=dl.letterhead,
        doc_type="ANMÄLAN AV DELEGATIONSBESLUT",
        lines=(("Period", period), ("Till", dl.letterhead.board_name)),
    )
    name = dl.letterhead.board_name.strip()
    board = name[0].lower() + name[1:] if name else "nämnden"
    rows_sorted = sorted(dl.rows, key=lambda r: (r.decision_date, r.case_number))
    story: list[Flowable] = [
        _p("Anmälan av delegationsbeslut", st["title"]),
        _kv_table([
            ("Period", period),
            ("Antal beslut", str(len(rows_sorted))),
        ], st, label_w=32 * mm, width=width),
        Spacer(1, 2 * mm),
        _p(f"Följande beslut har fattats med stöd av delegation och anmäls till {board}.",
           st["body"]),
        Spacer(1, 2 * mm),
    ]
    if not rows_sorted:
        story.append(_p("Inga delegationsbeslut under perioden.", st["body"]))
    else:
        rows = []
        for r in rows_sorted:
            rows.append([
                _p(_iso(r.decision_date), st["cell_small"]),
                _p(r.case_number, st["cell_small"]),
                _p(r.title, st["cell_small"]),
                _p("\n".join(x for x in r.lagrum if x.strip()) or "–", st["cell_small"]),
                _p(r.decided_by, st["cell_small"]),
                _p(r.level_label, st["cell_small"]),
                _party_cell(r.party_initials, r.protected, st),
            ])
        fractions = [0.09, 0.11, 0.26, 0.16, 0.14, 0.12, 0.12]
        story.append(_grid_table(
            ["Datum", "Dnr", "Beslut", "Lagrum", "Beslutsfattare", "Delegationsnivå", "Gäller"],
            rows, [f * width for f in fractions], st,
        ))
    return _build(
        story=story,
        header=header,
        doc_date=dl.period_to,
        fingerprint_of=dl,
        title=f"Anmälan av delegationsbeslut {period}",
        subject="Anmälan av delegationsbeslut",
        pagesize=page,
    )
