"""One sheet of the statistics workbook: heading, print setup, tables under each other, values
with the suppression plan applied, and row heights for wrapped text."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from ifodesk.domain import statistics as st
from ifodesk.domain.statistics_report import StatisticsReport

from .excel_cells import GENDER_KEYS

FROZEN_ROWS = 3  # heading, period, suppression note
FIRST_TABLE_ROW = 5  # the first table's caption

INT = "#,##0"
PCT = "0.0%"
DAYS = "0.0"
DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"
TEXT = "@"

FONT = "Calibri"  # named everywhere: an unnamed title font falls back to a serif in LibreOffice
_BODY = Font(name=FONT, size=11)
_TITLE = Font(name=FONT, size=14, bold=True)
_CAPTION = Font(name=FONT, size=12, bold=True, color="1F3864")
_NOTE = Font(name=FONT, size=10, italic=True, color="595959")
_HEADER = Font(name=FONT, size=11, bold=True, color="FFFFFF")
_STYLE = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
_KEY_FILL = PatternFill("solid", fgColor="DDEBF7")
# Explicit, not only the table style: LibreOffice does not draw Excel table styles, and white
# header text on no fill would vanish on paper.
_HEADER_FILL = PatternFill("solid", fgColor="1F3864")
_LINE_HEIGHT = 15  # points per line of 11 pt text
# A4 landscape at 100 %: about 100 column-width units fit between the margins in LibreOffice
# (measured, without Calibri installed; Excel fits more). Fitting to the page width keeps 11 pt
# type at 9 pt or more as long as a sheet's columns add up to at most 100 × 11/9.
MAX_SHEET_WIDTH = 120  # Kolada is kept near 100: its long row 2 widens the print


@dataclass
class _Col:
    header: str
    fmt: str = INT
    width: int | None = None


class _Sheet:
    def __init__(self, wb: Workbook, title: str, heading: str, report: StatisticsReport, threshold: int,
                 values: dict, hidden: set):
        self.ws: Worksheet = wb.create_sheet(title)
        self.report, self.threshold = report, threshold
        self.values, self.hidden = values, hidden
        self.next_row = FIRST_TABLE_ROW
        ws = self.ws
        ws["A1"] = heading
        ws["A1"].font = _TITLE
        p = report.period
        ws["A2"] = (f"{report.municipality_name} ({report.municipality_code}) · "
                    f"{report.unit_name or 'Alla enheter'} · Period: {p.label} "
                    f"({p.start.isoformat()} – {p.end.isoformat()})")
        ws["A2"].font = _BODY
        ws["A3"] = (f"Tal under {threshold} visas som ”..” (sekretess), och så många till att inget dolt tal "
                    "kan räknas fram ur summorna." if threshold > 1
                    else "Inga tal är dolda (ingen gräns för små tal vald).")
        ws["A3"].font = _NOTE
        ws.freeze_panes = ws.cell(FROZEN_ROWS + 1, 1)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.print_title_rows = f"1:{FROZEN_ROWS}"
        ws.print_options.horizontalCentered = False
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.75
        ws.oddHeader.left.text = "&A"  # the sheet's name
        ws.oddHeader.right.text = f"{report.municipality_name} · {p.label}"
        ws.oddFooter.left.text = "Utskrivet &D"
        ws.oddFooter.center.text = "Sida &P av &N"
        ws.oddFooter.right.text = "ifodesk statistik"
        for part in (ws.oddHeader.left, ws.oddHeader.right, ws.oddFooter.left, ws.oddFooter.center,
                     ws.oddFooter.right):
            part.font, part.size = FONT, 9

    # --- values, with the suppression plan applied
    def n(self, key: tuple) -> int | str:
        """A planned count: '..' when the plan hides it."""
        value = self.values[key]
        return st.SUPPRESSED if key in self.hidden else value

    def count(self, n: int | None) -> int | str:
        """A count outside every sum (care days, single figures): primary suppression only."""
        return st.suppress(n, self.threshold)

    def pct(self, num_key: tuple, den_key: tuple) -> float | str:
        num, den = self.values[num_key], self.values[den_key]
        if den == 0:
            return st.NOT_APPLICABLE
        if num_key in self.hidden or den_key in self.hidden:
            return st.SUPPRESSED
        return st.suppress_share(num, den, self.threshold)

    def share(self, num: int, den: int) -> float | str:
        return st.suppress_share(num, den, self.threshold)

    def stat(self, value: float | None, n: int) -> float | str:
        return st.suppress_stat(value, n, self.threshold)

    def gender(self, key: tuple) -> list[int | str]:
        return [self.n((*key, g)) for g in GENDER_KEYS]

    def note(self, text: str) -> None:
        """A paragraph under the last table, wrapped across the sheet's width."""
        ws, r = self.ws, self.next_row - 1
        cell = ws.cell(r, 1, text)
        cell.font, cell.alignment = _NOTE, Alignment(wrap_text=True, vertical="top")
        width = sum(self._widths.get(c, 10) for c in range(1, 4))
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
        ws.row_dimensions[r].height = _LINE_HEIGHT * _lines(text, width)
        self.next_row = r + 2

    def table(self, name: str, caption: str, cols: Sequence[_Col], rows: Sequence[Sequence[Any]]) -> tuple[int, int]:
        """Write a table under the previous one; returns (first data row, first column)."""
        ws, r0, c0 = self.ws, self.next_row, 1
        ws.cell(r0, c0, caption).font = _CAPTION
        header_row, first = r0 + 1, r0 + 2
        for j, col in enumerate(cols):
            numeric = col.fmt != TEXT
            cell = ws.cell(header_row, c0 + j, col.header)
            cell.font, cell.fill = _HEADER, _HEADER_FILL
            # Headers over numbers are right-aligned like the numbers.
            cell.alignment = Alignment(wrap_text=True, vertical="bottom", horizontal="right" if numeric else "left")
            width = col.width or max(9, min(24, len(col.header) + 2, max((len(str(r[j])) + 2 for r in rows), default=9)))
            # Tracked here: openpyxl reports 13 for a column never set, which would floor every width.
            self._widths[c0 + j] = max(self._widths.get(c0 + j, 0), width)
            ws.column_dimensions[get_column_letter(c0 + j)].width = self._widths[c0 + j]
        for i, row in enumerate(rows):
            for j, (col, value) in enumerate(zip(cols, row)):
                cell = ws.cell(first + i, c0 + j, value)
                cell.font = _BODY
                # Every cell top-aligned: a row with wrapped text keeps its numbers on its first line.
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell.number_format = col.fmt
                    cell.alignment = Alignment(vertical="top")
                elif isinstance(value, datetime) or hasattr(value, "isoformat"):
                    cell.number_format = col.fmt
                    cell.alignment = Alignment(horizontal="left", vertical="top")
                elif value in (st.SUPPRESSED, st.MISSING, st.NOT_APPLICABLE):
                    cell.alignment = Alignment(horizontal="right", vertical="top")
                else:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        last_row = first + max(len(rows), 1) - 1
        if not rows:  # an Excel table needs a data row
            ws.cell(first, c0, "(inga)")
        ref = f"{get_column_letter(c0)}{header_row}:{get_column_letter(c0 + len(cols) - 1)}{last_row}"
        t = Table(displayName=name, ref=ref)
        t.tableStyleInfo = _STYLE
        ws.add_table(t)
        self._tables.append((header_row, last_row, c0, len(cols)))
        self.next_row = last_row + 3  # one empty row, then the next caption (or a note)
        return first, c0

    _tables: list
    _widths: dict

    @property
    def width(self) -> float:
        """The sheet's printed width in column units (compare MAX_SHEET_WIDTH)."""
        return sum(self._widths.values())

    def finish(self) -> None:
        """Row heights for wrapped text, now that every column has its final width."""
        ws = self.ws
        for header_row, last_row, c0, ncols in self._tables:
            for r in range(header_row, last_row + 1):
                lines = 1
                for c in range(c0, c0 + ncols):
                    value = ws.cell(r, c).value
                    if isinstance(value, str):
                        width = self._widths.get(c, 10)
                        lines = max(lines, _lines(value, width))
                if lines > 1:
                    ws.row_dimensions[r].height = _LINE_HEIGHT * lines


def _lines(text: str, width: float) -> int:
    """Lines a wrapped cell needs: about one character per width unit, word by word."""
    per_line = max(int(width), 4)  # measured in LibreOffice with DejaVu, the widest fallback
    total = 0
    for paragraph in text.split("\n"):
        line = 0
        count = 1
        for word in paragraph.split():
            if line and line + 1 + len(word) > per_line:
                count += 1
                line = len(word)
            else:
                line += len(word) + (1 if line else 0)
            count += max(0, math.ceil(len(word) / per_line) - 1)
        total += count
    return total
