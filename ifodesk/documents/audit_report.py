"""The log-review workbook (openpyxl): a summary sheet and one sheet per rule.

It names persons and staff: it is itself secret (OSL 26 kap.) and goes only to those who review.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Sequence
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

if TYPE_CHECKING:  # plain data from the service
    from ifodesk.services.audit_review import ReviewReport

STOCKHOLM = ZoneInfo("Europe/Stockholm")
HEADERS = ("Tid", "Användarnamn", "Namn", "Åtgärd", "Person", "Angivet skäl", "Vad", "Loggrad",
           "Kontrollerad av", "Kontrollerad", "Anteckning")
WIDTHS = (17, 16, 24, 20, 34, 30, 40, 9, 22, 17, 40)
HEADER_ROW = 4
_TITLE = Font(size=14, bold=True)
_STYLE = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
DATETIME = "yyyy-mm-dd hh:mm"


def _local(dt):
    return dt.astimezone(STOCKHOLM).replace(tzinfo=None) if dt else None


def _sheet_title(title: str) -> str:
    return title[:31].rstrip()  # Excel's limit


def write_review_workbook(report: ReviewReport, rules: Sequence[tuple[str, str]], path: Path) -> Path:
    wb = Workbook()
    summary = wb.active
    summary.title = "Sammanfattning"
    wb.properties.creator = "ifodesk"
    wb.properties.title = f"Loggkontroll {report.start}–{report.end}"
    summary["A1"] = f"Loggkontroll {report.start} – {report.end}"
    summary["A1"].font = _TITLE
    st = report.settings
    summary["A2"] = (f"Skapad {_local(report.generated_at):%Y-%m-%d %H:%M}. Kontorstid "
                     f"{st.office_start:%H:%M}–{st.office_end:%H:%M}"
                     + (", helger räknas som utanför" if st.weekends_outside else "")
                     + f"; många personer = fler än {st.many_persons_per_day} per dag. "
                       f"{report.rows_read} loggrader lästes.")
    summary.append([])
    summary.append(["Kontroll", "Fynd", "Kontrollerade", "Kvar att kontrollera"])
    for cell in summary[HEADER_ROW]:
        cell.font = Font(bold=True)
    for rule, title in rules:
        items = report.findings.get(rule, ())
        done = sum(1 for f in items if f.checked)
        summary.append([title, len(items), done, len(items) - done])
    summary.column_dimensions["A"].width = 44
    for col in "BCD":
        summary.column_dimensions[col].width = 20
    for n, (rule, title) in enumerate(rules, start=1):
        ws = wb.create_sheet(_sheet_title(title))
        ws["A1"] = title
        ws["A1"].font = _TITLE
        ws["A2"] = f"{report.start} – {report.end}"
        ws.append([])
        ws.append(list(HEADERS))
        items = report.findings.get(rule, ())
        for f in items:
            ws.append([_local(f.at), f.username, f.user_name, f.action, f.person, f.reason or "", f.detail,
                       f.log_id, f.checked_by or "", _local(f.checked_at), f.note or ""])
        for row in ws.iter_rows(min_row=HEADER_ROW + 1, max_row=ws.max_row):
            row[0].number_format = DATETIME
            row[9].number_format = DATETIME
            row[6].alignment = Alignment(wrap_text=True, vertical="top")
        for i, w in enumerate(WIDTHS, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
        if items:
            ref = f"A{HEADER_ROW}:{get_column_letter(len(HEADERS))}{HEADER_ROW + len(items)}"
            table = Table(displayName=f"Fynd{n}", ref=ref)
            table.tableStyleInfo = _STYLE
            ws.add_table(table)
        else:
            ws.cell(row=HEADER_ROW + 1, column=1, value="Inga fynd.")
    wb.save(path)
    return path
