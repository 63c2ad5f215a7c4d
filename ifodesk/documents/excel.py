"""The statistics workbook (openpyxl), written from a computed StatisticsReport.

Layout of every sheet: heading in row 1, period and unit in row 2, the suppression note in
row 3, table captions in row 4, table headers in row 5 (frozen), data from row 6. Several
tables on a sheet stand side by side, one empty column apart, so one frozen row heads them all.
Each table is an Excel table (filter buttons, banded rows) named after its sheet and content.
Small counts are replaced by '..' when a threshold is set; shares and medians resting on
small counts are hidden too. The workbook holds aggregates only: no person appears in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from ifodesk.domain import statistics as st
from ifodesk.domain.statistics_report import GenderCount, StatisticsReport

__all__ = ["write_workbook", "SHEETS", "CAPTION_ROW", "HEADER_ROW", "FIRST_DATA_ROW"]

SHEETS = ("Sammanfattning", "Anmälningar", "Förhandsbedömningar", "Utredningar", "Beslut",
          "Insatser och placeringar", "LVU och LVM", "Tidsbevakning", "Kolada", "Definitioner")
CAPTION_ROW, HEADER_ROW, FIRST_DATA_ROW = 4, 5, 6

INT = "#,##0"
PCT = "0.0%"
DAYS = "0.0"
DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"
TEXT = "@"

_TITLE = Font(size=14, bold=True)
_CAPTION = Font(bold=True, color="1F3864")
_NOTE = Font(italic=True, color="595959")
_STYLE = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
_KEY_FILL = PatternFill("solid", fgColor="DDEBF7")


@dataclass
class _Col:
    header: str
    fmt: str = INT
    width: int | None = None


class _Sheet:
    def __init__(self, wb: Workbook, title: str, heading: str, report: StatisticsReport, threshold: int):
        self.ws: Worksheet = wb.create_sheet(title)
        self.report, self.threshold = report, threshold
        self.next_col = 1
        ws = self.ws
        ws["A1"] = heading
        ws["A1"].font = _TITLE
        p = report.period
        ws["A2"] = (f"{report.municipality_name} ({report.municipality_code}) · "
                    f"{report.unit_name or 'Alla enheter'} · Period: {p.label} "
                    f"({p.start.isoformat()} – {p.end.isoformat()})")
        ws["A3"] = (f"Tal under {threshold} visas som ”..” (sekretess)." if threshold > 1
                    else "Inga tal är dolda (ingen gräns för små tal vald).")
        ws["A3"].font = _NOTE
        ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 1)
        # Printed for the nämnd: landscape, as wide as the page, headings repeated.
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.print_title_rows = f"1:{HEADER_ROW}"

    def count(self, n: int | None) -> int | str:
        return st.suppress(n, self.threshold)

    def share(self, num: int, den: int) -> float | str:
        return st.suppress_share(num, den, self.threshold)

    def stat(self, value: float | None, n: int) -> float | str:
        return st.suppress_stat(value, n, self.threshold)

    def table(self, name: str, caption: str, cols: Sequence[_Col], rows: Sequence[Sequence[Any]],
              gap: int = 1) -> tuple[int, int]:
        """Write a table at the next free column; returns (first data row, first column)."""
        ws, c0 = self.ws, self.next_col
        ws.cell(CAPTION_ROW, c0, caption).font = _CAPTION
        for j, col in enumerate(cols):
            cell = ws.cell(HEADER_ROW, c0 + j, col.header)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            width = col.width or max(10, min(45, len(col.header) + 2,
                                             max((len(str(r[j])) + 2 for r in rows), default=10)))
            letter = get_column_letter(c0 + j)
            ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, width)
        for i, row in enumerate(rows):
            for j, (col, value) in enumerate(zip(cols, row)):
                cell = ws.cell(FIRST_DATA_ROW + i, c0 + j, value)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell.number_format = col.fmt
                elif isinstance(value, datetime) or hasattr(value, "isoformat"):
                    cell.number_format = col.fmt
                else:
                    cell.alignment = Alignment(horizontal="right") if value in (
                        st.SUPPRESSED, st.MISSING, st.NOT_APPLICABLE) else Alignment(wrap_text=col.fmt == TEXT)
        last_row = FIRST_DATA_ROW + max(len(rows), 1) - 1
        if not rows:  # an Excel table needs a data row
            ws.cell(FIRST_DATA_ROW, c0, "(inga)")
        ref = f"{get_column_letter(c0)}{HEADER_ROW}:{get_column_letter(c0 + len(cols) - 1)}{last_row}"
        t = Table(displayName=name, ref=ref)
        t.tableStyleInfo = _STYLE
        ws.add_table(t)
        self.next_col = c0 + len(cols) + gap
        return FIRST_DATA_ROW, c0

    def gender_cells(self, g: GenderCount) -> list[int | str]:
        return [self.count(g.total), self.count(g.k), self.count(g.m), self.count(g.unknown)]


_GENDER_COLS = [_Col("Totalt"), _Col("Flickor/kvinnor"), _Col("Pojkar/män"), _Col("Okänt kön")]


def write_workbook(report: StatisticsReport, path: str | Path, *, suppress: int = 0) -> Path:
    """Write the workbook to ``path``; ``suppress`` hides counts 1..suppress-1 as '..'."""
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "ifodesk"
    wb.properties.title = f"Statistik {report.period.label}"
    wb.properties.created = report.generated_at.replace(tzinfo=None)
    args = (report, suppress)
    summary = _Sheet(wb, "Sammanfattning", "Sammanfattning", *args)
    reporters = _anmalningar(_Sheet(wb, "Anmälningar", "Anmälningar (orosanmälningar)", *args))
    _summary(summary, reporters)
    _forhandsbedomningar(_Sheet(wb, "Förhandsbedömningar", "Förhandsbedömningar", *args))
    _utredningar(_Sheet(wb, "Utredningar", "Utredningar", *args))
    _beslut(_Sheet(wb, "Beslut", "Beslut", *args))
    _insatser(_Sheet(wb, "Insatser och placeringar", "Insatser och placeringar", *args))
    _lvu_lvm(_Sheet(wb, "LVU och LVM", "LVU och LVM", *args))
    _tidsbevakning(_Sheet(wb, "Tidsbevakning", "Tidsbevakning: hållna och missade tidsfrister", *args))
    _kolada(_Sheet(wb, "Kolada", "Kolada (nyckeltal i Koladas format)", *args))
    _definitions(_Sheet(wb, "Definitioner", "Definitioner: hur varje tal räknas", *args))
    path = Path(path)
    wb.save(path)
    return path


def _value(sh: _Sheet, value, unit: str, base: int):
    if unit == "antal":
        return sh.count(value)
    if unit == "andel":
        if value is None:
            return st.NOT_APPLICABLE
        return sh.share(round(value * base), base)
    return sh.stat(value, base)


_FMT = {"antal": INT, "andel": PCT, "dagar": DAYS}


def _summary(sh: _Sheet, reporters: Reference) -> None:
    r = sh.report
    p = r.period
    info = [("Kommun", r.municipality_name), ("Kommunkod", r.municipality_code),
            ("Enhet", r.unit_name or "Alla enheter"), ("Period", p.label), ("Från", p.start), ("Till", p.end),
            ("Skapad", r.generated_at.astimezone(_stockholm()).replace(tzinfo=None)),
            ("Tidsfrister bedömda per", r.as_of), ("Gräns för små tal", sh.threshold)]
    row0, c0 = sh.table("Uppgifter", "Om arbetsboken", [_Col("Uppgift", TEXT, 24), _Col("Värde", TEXT, 22)], info)
    for i, (_, v) in enumerate(info):
        cell = sh.ws.cell(row0 + i, c0 + 1)
        cell.number_format = DATETIME if isinstance(v, datetime) else (DATE if hasattr(v, "isoformat") else
                                                                       (INT if isinstance(v, int) else TEXT))
        cell.alignment = Alignment(horizontal="left")
    figs = r.key_figures()
    rows = [(f.measure_id, f.label, _value(sh, f.value, f.unit, f.base), f.unit) for f in figs]
    row0, c0 = sh.table("Nyckeltal", "Nyckeltal", [_Col("Mått-id", TEXT, 18), _Col("Nyckeltal", TEXT, 40),
                                                   _Col("Värde"), _Col("Enhet", TEXT, 8)], rows)
    for i, f in enumerate(figs):
        cell = sh.ws.cell(row0 + i, c0 + 2)
        if isinstance(cell.value, (int, float)):
            cell.number_format = _FMT[f.unit]
        cell.fill = _KEY_FILL
    months = r.anmalningar.per_month
    mrow, mcol = sh.table("PerManad", "Anmälningar per månad", [_Col("Månad", TEXT, 10), _Col("Anmälningar")],
                          [(m.label, sh.count(m.count)) for m in months])
    deadline = [("Förhandsbedömning inom " + r.forhandsbedomningar.limit_label,
                 _value(sh, r.forhandsbedomningar.days.share_within, "andel", r.forhandsbedomningar.days.n)),
                ("Utredning inom " + r.utredningar.limit_label,
                 _value(sh, r.utredningar.days.share_within, "andel", r.utredningar.days.n))]
    drow, dcol = sh.table("InomFrist", "Inom lagstadgad tid", [_Col("Område", TEXT, 32), _Col("Andel", PCT)],
                          deadline)
    anchor_row = FIRST_DATA_ROW + max(len(info), len(figs), len(months), 2) + 2
    ws = sh.ws

    chart = BarChart()
    chart.type = "col"
    chart.title = "Anmälningar per månad"
    chart.y_axis.title = "Antal"
    chart.add_data(Reference(ws, min_col=mcol + 1, min_row=HEADER_ROW, max_row=mrow + len(months) - 1),
                   titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=mcol, min_row=mrow, max_row=mrow + len(months) - 1))
    chart.legend = None
    chart.y_axis.scaling.min = 0  # bars start at zero, or small differences look large
    chart.width, chart.height = 18, 8
    ws.add_chart(chart, f"A{anchor_row}")

    data, categories = reporters
    chart2 = BarChart()
    chart2.type = "bar"
    chart2.title = "Anmälningar per anmälarkategori"
    chart2.legend = None
    chart2.y_axis.scaling.min = 0
    chart2.add_data(data, titles_from_data=True)
    chart2.set_categories(categories)
    chart2.width, chart2.height = 18, 10
    ws.add_chart(chart2, f"A{anchor_row + 17}")

    chart3 = BarChart()
    chart3.type = "bar"
    chart3.title = "Andel inom lagstadgad tid"
    chart3.add_data(Reference(ws, min_col=dcol + 1, min_row=HEADER_ROW, max_row=drow + 1), titles_from_data=True)
    chart3.set_categories(Reference(ws, min_col=dcol, min_row=drow, max_row=drow + 1))
    chart3.legend = None
    chart3.y_axis.scaling.min, chart3.y_axis.scaling.max = 0, 1
    chart3.y_axis.number_format = "0%"
    chart3.dataLabels = DataLabelList(showVal=True, showCatName=False, showSerName=False,
                                      showLegendKey=False, showPercent=False)
    chart3.width, chart3.height = 18, 6
    ws.add_chart(chart3, f"L{anchor_row}")


def _anmalningar(sh: _Sheet) -> tuple[Reference, Reference]:
    """Returns the reporter-category counts and labels, which the Sammanfattning chart shows."""
    a = sh.report.anmalningar
    sh.table("Anm_Totalt", "Totalt", [_Col("Mått", TEXT, 26), _Col("Antal")], [
        ("Anmälningar", sh.count(a.reports)),
        ("Anmälningar räknade per barn", sh.count(a.child_reports.total)),
        ("Unika barn", sh.count(a.unique_children))])
    row0, c0 = sh.table("Anm_Anmalare", "Per anmälarkategori",
                        [_Col("Kod", TEXT, 16), _Col("Anmälarkategori", TEXT, 34), _Col("Antal"), _Col("Andel", PCT)],
                        [(x.code, x.label, sh.count(x.count), sh.share(x.count, a.reports)) for x in a.by_reporter])
    sh.table("Anm_Anledning", "Per anledning (en anmälan kan ha flera)",
             [_Col("Kod", TEXT, 18), _Col("Anledning", TEXT, 34), _Col("Antal")],
             [(x.code, x.label, sh.count(x.count)) for x in a.by_reason])
    sh.table("Anm_Huvudgrupp", "Per huvudgrupp av anledning",
             [_Col("Grupp", TEXT, 10), _Col("Huvudgrupp", TEXT, 34), _Col("Antal")],
             [(x.code, x.label, sh.count(x.count)) for x in a.by_reason_group])
    sh.table("Anm_AlderKon", "Anmälningar räknade per barn, efter ålder och kön",
             [_Col("Åldersgrupp", TEXT, 16), _Col("Totalt"), _Col("Flickor"), _Col("Pojkar"), _Col("Okänt kön")],
             [(x.label, sh.count(x.total), sh.count(x.k), sh.count(x.m), sh.count(x.unknown))
              for x in a.by_age_gender])
    n = len(a.by_reporter)
    return (Reference(sh.ws, min_col=c0 + 2, min_row=HEADER_ROW, max_row=row0 + n - 1),
            Reference(sh.ws, min_col=c0 + 1, min_row=row0, max_row=row0 + n - 1))


def _forhandsbedomningar(sh: _Sheet) -> None:
    f = sh.report.forhandsbedomningar
    d = f.days
    rows = [("Beslutade förhandsbedömningar", sh.count(f.decided), INT),
            (f"Beslutade inom {f.limit_label}", sh.count(d.within), INT),
            (f"Andel inom {f.limit_label}", sh.share(d.within, d.n), PCT),
            ("Median dagar till beslut", sh.stat(d.median, d.n), DAYS),
            ("Medelvärde dagar till beslut", sh.stat(d.mean, d.n), DAYS),
            ("Med synnerliga skäl för längre tid", sh.count(f.synnerliga_skal), INT),
            ("Påbörjade i perioden", sh.count(f.started), INT),
            ("Pågående vid periodens slut", sh.count(f.open_at_end), INT)]
    _key_table(sh, "FB_Nyckeltal", "Nyckeltal", rows)
    sh.table("FB_Utfall", "Beslutade per utfall", [_Col("Utfall", TEXT, 28), _Col("Antal"), _Col("Andel", PCT)],
             [(x.label, sh.count(x.count), sh.share(x.count, f.decided)) for x in f.by_outcome])


def _key_table(sh: _Sheet, name: str, caption: str, rows: list[tuple[str, Any, str]]) -> None:
    row0, c0 = sh.table(name, caption, [_Col("Mått", TEXT, 38), _Col("Värde")], [(a, b) for a, b, _ in rows])
    for i, (_, value, fmt) in enumerate(rows):
        if isinstance(value, (int, float)):
            sh.ws.cell(row0 + i, c0 + 1).number_format = fmt


def _utredningar(sh: _Sheet) -> None:
    u = sh.report.utredningar
    d = u.days
    sh.table("Ut_Antal", "Inledda och avslutade, efter kön", [_Col("Mått", TEXT, 22), *_GENDER_COLS], [
        ("Inledda", *sh.gender_cells(u.opened)), ("Avslutade", *sh.gender_cells(u.closed))])
    _key_table(sh, "Ut_Nyckeltal", "Utredningstid (avslutade i perioden)", [
        ("Median utredningstid (dagar)", sh.stat(d.median, d.n), DAYS),
        ("Medelvärde utredningstid (dagar)", sh.stat(d.mean, d.n), DAYS),
        (f"Avslutade inom {u.limit_label}", sh.count(d.within), INT),
        (f"Andel inom {u.limit_label}", sh.share(d.within, d.n), PCT),
        ("Avslutade som förlängts", sh.count(u.extended), INT),
        ("Andel som förlängts", sh.share(u.extended, u.closed.total), PCT),
        ("Beslut om förlängd utredningstid", sh.count(u.extension_decisions), INT),
        ("Pågående vid periodens slut", sh.count(u.open_at_end), INT)])
    sh.table("Ut_Utfall", "Avslutade per utfall", [_Col("Utfall", TEXT, 30), _Col("Antal"), _Col("Andel", PCT)],
             [(x.label, sh.count(x.count), sh.share(x.count, u.closed.total)) for x in u.by_outcome])


def _beslut(sh: _Sheet) -> None:
    b = sh.report.beslut
    sh.table("Besl_Vag", "Utskott jämfört med delegation", [_Col("Väg", TEXT, 32), _Col("Antal"), _Col("Andel", PCT)],
             [(x.label, sh.count(x.count), sh.share(x.count, b.total)) for x in b.by_route]
             + [("Alla fattade beslut", sh.count(b.total), sh.share(b.total, b.total))])
    sh.table("Besl_Niva", "Per beslutsnivå", [_Col("Nivå", TEXT, 22), _Col("Antal")],
             [(x.label, sh.count(x.count)) for x in b.by_level])
    sh.table("Besl_Mall", "Per beslutsmall", [_Col("Mall-id", TEXT, 28), _Col("Beslutsmall", TEXT, 45), _Col("Antal")],
             [(x.code, x.label, sh.count(x.count)) for x in b.by_template])
    sh.table("Besl_Lagrum", "Per lagrum (ett beslut kan åberopa flera)", [_Col("Lagrum", TEXT, 20), _Col("Antal")],
             [(x.label, sh.count(x.count)) for x in b.by_lagrum])


def _insatser(sh: _Sheet) -> None:
    i = sh.report.insatser
    sh.table("Ins_Typ", "Per insatstyp och lagrum",
             [_Col("Typ-kod", TEXT, 18), _Col("Insatstyp", TEXT, 28), _Col("Lag", TEXT, 6), _Col("Påbörjade"),
              _Col("Avslutade"), _Col("Pågående under perioden"), _Col("Personer"), _Col("Vårddygn")],
             [(x.kind, x.label, x.legal_basis, sh.count(x.started), sh.count(x.ended), sh.count(x.ongoing),
               sh.count(x.persons), st.NOT_APPLICABLE if x.care_days is None else sh.count(x.care_days))
              for x in i.rows])
    sh.table("Ins_Placerade", "Barn och unga 0–20 år i placering", [_Col("Mått", TEXT, 30), *_GENDER_COLS], [
        ("Någon dag under perioden", *sh.gender_cells(i.placed_children)),
        ("Periodens sista dag", *sh.gender_cells(i.placed_at_end))])


def _lvu_lvm(sh: _Sheet) -> None:
    r = sh.report
    laws = (r.lvu, r.lvm)
    sh.table("Lag_Totalt", "Totalt", [_Col("Lag", TEXT, 6), _Col("Beslut"), _Col("Varav brådskande"),
                                      _Col("Personer under perioden"), _Col("Personer periodens sista dag")],
             [(x.law, sh.count(x.decisions), sh.count(x.urgent), sh.count(x.persons.total),
               sh.count(x.persons_at_end)) for x in laws])
    sh.table("Lag_Beslut", "Beslut per beslutsmall",
             [_Col("Lag", TEXT, 6), _Col("Mall-id", TEXT, 30), _Col("Beslutsmall", TEXT, 40), _Col("Beslut"),
              _Col("Varav brådskande")],
             [(x.law, t.template_id, t.title, sh.count(t.decisions), sh.count(t.urgent))
              for x in laws for t in x.by_template])
    sh.table("Lag_Personer", "Personer per åldersgrupp och kön",
             [_Col("Lag", TEXT, 6), _Col("Åldersgrupp", TEXT, 16), _Col("Totalt"), _Col("Flickor/kvinnor"),
              _Col("Pojkar/män"), _Col("Okänt kön")],
             [(x.law, a.label, sh.count(a.total), sh.count(a.k), sh.count(a.m), sh.count(a.unknown))
              for x in laws for a in x.persons_by_age])


def _tidsbevakning(sh: _Sheet) -> None:
    rows = sh.report.tidsbevakning
    sh.table("Tid_Frister", "Tidsfrister med sista dag i perioden, per enhet",
             [_Col("Enhet", TEXT, 22), _Col("Frist-kod", TEXT, 24), _Col("Tidsfrist", TEXT, 30),
              _Col("Sista dag i perioden"), _Col("Hållna"), _Col("Missade"), _Col("Ej förfallna"),
              _Col("Andel hållna", PCT)],
             [(x.unit, x.kind, x.title, sh.count(x.due), sh.count(x.kept), sh.count(x.missed), sh.count(x.pending),
               sh.share(x.kept, x.kept + x.missed)) for x in rows])


def _kolada(sh: _Sheet) -> None:
    rows = sh.report.kolada_rows(sh.threshold)
    sh.table("Kolada", "Koladas format: KPI, kommun, period, kön, värde – följt av ifodesks underlag",
             [_Col("KPI", TEXT, 9), _Col("Kommun", TEXT, 8), _Col("Period", TEXT, 9), _Col("Kön", TEXT, 5),
              _Col("Värde"), _Col("Underlag från ifodesk"), _Col("Underlagets roll", TEXT, 12),
              _Col("Säkerhet", TEXT, 9), _Col("Titel", TEXT, 50), _Col("Anmärkning", TEXT, 60)],
             [(x.kpi, x.municipality, x.period, x.gender, x.value, st.MISSING if x.basis is None else x.basis,
               x.basis_kind or "–", x.certainty, x.title, x.note) for x in rows])
    sh.ws.cell(2, 1).value += " · Värde ”-” = bortfall (kräver uppgifter som ifodesk inte har), ”..” = sekretess."


def _definitions(sh: _Sheet) -> None:
    limit = sh.threshold
    general = [
        ("Åldersgrupper", ", ".join(b.label for b in st.AGE_BANDS) + "; ålder = uppnådd ålder under kalenderåret."),
        ("Kön", "Från personnumrets näst sista siffra (jämn = flicka/kvinna, udda = pojke/man); utan "
                "personnummer registrerat juridiskt kön; annars ”Okänt kön”."),
        ("Period", "Datum är svenska kalenderdatum; mottagningstider lagras i UTC och räknas om till svensk tid."),
        ("Enhet", "Med vald enhet räknas bara ärenden, anmälningar, beslut och frister som hör till den enheten."),
        ("Sekretess", f"Antal 1–{limit - 1} visas som ”..”; andelar, medianer och medelvärden döljs när underlaget "
                      "eller den del det avslöjar är mindre än gränsen." if limit > 1 else
                      "Ingen gräns för små tal vald: alla tal visas."),
        ("Symboler", "”..” sekretess, ”-” bortfall, ”.” ej tillämpligt (t.ex. andel av noll)."),
    ]
    sh.table("Def_Allmant", "Gemensamma regler", [_Col("Regel", TEXT, 14), _Col("Beskrivning", TEXT, 70)], general)
    sh.table("Def_Matt", "Måtten", [_Col("Mått-id", TEXT, 22), _Col("Namn", TEXT, 34), _Col("Flik", TEXT, 20),
                                    _Col("Vad räknas", TEXT, 60), _Col("Periodregel", TEXT, 40),
                                    _Col("Enhet", TEXT, 8), _Col("Ålder och kön", TEXT, 50)],
             [(m.id, m.name, m.sheet, m.counts, m.period_rule, m.unit, m.breakdown or "–") for m in st.MEASURES])


def _stockholm():
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Stockholm")
