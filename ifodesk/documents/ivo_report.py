"""The quarterly report of decisions not carried out (SoL 34 kap.) as an Excel workbook.

Takes plain data (the service's IvoReport: rows and summary from ifodesk.domain.verkstallighet);
imports nothing from services or the database. Three sheets: the individual rows for IVO's
individrapport (no name, no personnummer), the summary for the nämnd and the auditors, and what
the figures mean. Laid out to be printed: 10 pt, landscape, page numbers, repeated header row.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

FONT = "Calibri"
TITLE = Font(name=FONT, size=14, bold=True)
BOLD = Font(name=FONT, size=10, bold=True)
BODY = Font(name=FONT, size=10)
HEAD_FILL = PatternFill("solid", fgColor="DDE5F0")
WRAP = Alignment(wrap_text=True, vertical="top")

OUTCOME = {"ej_verkstallt": "Ej verkställt", "verkstallt": "Verkställt", "avslutat": "Avslutat utan verkställighet"}
EPISODE = {"beslut": "Beslutet", "avbrott": "Avbrott i verkställigheten"}

ROW_HEADERS = ("Referens (ärende/beslut)", "Identitet för IVO", "Kön", "Skyddade personuppgifter", "Beslutsdatum",
               "Typ av bistånd", "Lagrum", "Avser", "Väntar sedan", "Tremånadersgräns", "Dagar",
               "Läge vid kvartalets slut", "Verkställt/avslutat den", "Ny detta kvartal", "Orsak", "Utförare")
ROW_WIDTHS = (20, 17, 8, 11, 11, 26, 20, 14, 11, 12, 7, 18, 13, 9, 40, 24)
SUMMARY_HEADERS = ("Typ av bistånd", "Ej verkställda vid kvartalets slut", "varav kvinnor", "varav män",
                   "Verkställda under kvartalet (efter tre månader)", "Avslutade utan verkställighet",
                   "Nya under kvartalet", "Längsta väntetid (dagar)", "Median väntetid (dagar)")
SUMMARY_WIDTHS = (30, 14, 10, 10, 16, 14, 11, 12, 12)


def _sheet_setup(ws: Worksheet, title: str, period: str, header_row: int) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddHeader.left.text = f"{title} – {period}"
    ws.oddFooter.left.text = "Utskrivet &D"
    ws.oddFooter.right.text = "Sida &P av &N"
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)


def _table(ws: Worksheet, name: str, header_row: int, headers, rows, widths) -> None:
    for col, (h, w) in enumerate(zip(headers, widths), 1):
        c = ws.cell(row=header_row, column=col, value=h)
        c.font, c.fill, c.alignment = BOLD, HEAD_FILL, Alignment(wrap_text=True, vertical="bottom",
                                                                   horizontal="center")
        ws.column_dimensions[get_column_letter(col)].width = w
    longest = max(len(h) / max(w, 1) for h, w in zip(headers, widths))
    ws.row_dimensions[header_row].height = 14 * (int(longest) + 1)
    for r, values in enumerate(rows, header_row + 1):
        for col, value in enumerate(values, 1):
            c = ws.cell(row=r, column=col, value=value)
            c.font, c.alignment = BODY, WRAP
            if isinstance(value, date):
                c.number_format = "yyyy-mm-dd"
    last = header_row + max(len(rows), 1)
    if not rows:  # a table needs a data row: say there is nothing to report
        ws.cell(row=header_row + 1, column=1, value="Inga beslut att rapportera").font = BODY
    ref = f"A{header_row}:{get_column_letter(len(headers))}{last}"
    t = Table(displayName=name, ref=ref)
    t.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(t)


def _heading(ws: Worksheet, title: str, lines: list[str]) -> int:
    ws.cell(row=1, column=1, value=title).font = TITLE
    for i, line in enumerate(lines, 2):
        ws.cell(row=i, column=1, value=line).font = BODY
    return len(lines) + 3


def _as_of(report) -> str:
    made = f"Framtaget {report.made_on.isoformat()}."
    if report.as_of is not None and report.as_of < report.quarter.end:
        return (f"OBS: kvartalet har inte tagit slut. Läget avser {report.as_of.isoformat()}, inte kvartalets "
                f"sista dag; ta fram rapporten igen efter kvartalet. {made}")
    return f"Läget avser kvartalets sista dag. {made}"


def write_workbook(report, path: Path) -> None:
    """``report``: IvoReport (quarter, municipality, made_on, rows, summary, law_version, lagrum, about)."""
    q = report.quarter
    period = f"{q.label} ({q.start.isoformat()} – {q.end.isoformat()})"
    lagrum = ", ".join(report.lagrum) + f" ({report.law_version})"
    wb = Workbook()

    ws = wb.active
    ws.title = "Individrapport"
    start = _heading(ws, f"Ej verkställda beslut – individrapport till IVO, {q.label}", [
        f"{report.municipality}. Period {q.start.isoformat()} – {q.end.isoformat()}. Lagrum: {lagrum}.",
        "Identiteten är födelsedatum och fyra tecken enligt IVO:s anvisning (inte personnumret); "
        "samma person får samma identitet varje kvartal. Referensen är kommunens egen.",
        _as_of(report),
    ])
    rows = [(r.decision_ref, r.ivo_person_code, r.gender or "Okänt", "Ja" if r.protected else "", r.decided_on,
             r.ivo_type, r.lagrum, EPISODE.get(r.episode_kind, r.episode_kind), r.waiting_since, r.due,
             r.days_waited, OUTCOME.get(r.outcome, r.outcome), r.outcome_on, "Ja" if r.new_this_quarter else "",
             r.reason or "Orsak inte angiven", r.utforare) for r in report.rows]
    _table(ws, "Individrapport", start, ROW_HEADERS, rows, ROW_WIDTHS)
    _sheet_setup(ws, "Individrapport", period, start)

    ws = wb.create_sheet("Sammanställning")
    start = _heading(ws, f"Ej verkställda beslut – statistikrapport till nämnden och revisorerna, {q.label}", [
        f"{report.municipality}. Period {q.start.isoformat()} – {q.end.isoformat()}. Lagrum: {lagrum}.",
        "Inga uppgifter om enskilda. Väntetid räknas från beslutsdagen (eller avbrottet) till kvartalets "
        "slut eller till den dag beslutet verkställdes eller avslutades.",
        _as_of(report),
    ])
    srows = [(x.ivo_type, x.not_carried_out, x.women, x.men, x.carried_out_late, x.closed, x.new, x.max_days,
              x.median_days) for x in report.summary]
    if srows:
        srows.append(("Totalt", *(sum(r[i] for r in srows) for i in range(1, 7)),
                      max(r[7] for r in srows), None))
    _table(ws, "Sammanstallning", start, SUMMARY_HEADERS, srows, SUMMARY_WIDTHS)
    _sheet_setup(ws, "Sammanställning", period, start)

    ws = wb.create_sheet("Om rapporten")
    lines = [(k, text.replace("{lagrum}", lagrum)) for k, text in report.about]
    ws.cell(row=1, column=1, value="Om rapporten").font = TITLE
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 100
    for i, (k, v) in enumerate(lines, 3):
        ws.cell(row=i, column=1, value=k).font = BOLD
        c = ws.cell(row=i, column=2, value=v)
        c.font, c.alignment = BODY, WRAP
        ws.row_dimensions[i].height = 14 * (len(v) // 95 + 1)
    ws.page_setup.orientation = "landscape"
    ws.oddFooter.right.text = "Sida &P av &N"
    wb.save(path)
