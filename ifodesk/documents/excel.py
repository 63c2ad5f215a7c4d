"""The statistics workbook (openpyxl), written from a computed StatisticsReport (plain data).

Layout of every sheet, made to be read on paper by the nämnd: heading in row 1, period and unit
in row 2, the suppression note in row 3 (rows 1–3 frozen and repeated on every printed page).
Tables stand under each other, each with a caption above it; each is an Excel table (filter
buttons, banded rows) named after its sheet and content. Wrapped text gets its row height, so
nothing spills or piles up. Printed: A4, at least 9 pt, header with sheet and period, footer
with "Sida x av y" and the print date.

Small counts are replaced by '..' when a threshold is set, and complementary cells are hidden
too so that no hidden count can be worked back from totals (documents/excel_cells.py,
domain/statistics_suppression.py); shares and medians resting on hidden counts are hidden as
well. The workbook holds aggregates only: no person appears in it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment

from ifodesk.domain import statistics as st
from ifodesk.domain.statistics_report import StatisticsReport
from ifodesk.domain.statistics_suppression import plan_suppression

from .excel_cells import workbook_cells
from .excel_sheet import (  # noqa: F401 - FONT and MAX_SHEET_WIDTH are read by tests and callers
    DATE,
    DATETIME,
    DAYS,
    FIRST_TABLE_ROW,
    FONT,
    FROZEN_ROWS,
    INT,
    MAX_SHEET_WIDTH,
    PCT,
    TEXT,
    _Col,
    _KEY_FILL,
    _Sheet,
)

__all__ = ["write_workbook", "SHEETS", "FROZEN_ROWS", "FIRST_TABLE_ROW"]

SHEETS = ("Sammanfattning", "Anmälningar", "Förhandsbedömningar", "Utredningar", "Beslut",
          "Insatser och placeringar", "LVU och LVM", "Tidsbevakning", "Kolada", "Definitioner")

_GENDER_COLS = [_Col("Totalt"), _Col("Flickor/kvinnor", width=11), _Col("Pojkar/män", width=11),
                _Col("Okänt kön", width=10)]


def write_workbook(report: StatisticsReport, path: str | Path, *, suppress: int = 0) -> Path:
    """Write the workbook to ``path``; ``suppress`` hides counts 1..suppress-1 and their complements."""
    values, relations = workbook_cells(report)
    hidden = plan_suppression(values, relations, suppress)
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "ifodesk"
    wb.properties.title = f"Statistik {report.period.label}"
    wb.properties.created = report.generated_at.replace(tzinfo=None)
    sheets = []

    def sheet(title: str, heading: str) -> _Sheet:
        sh = _Sheet(wb, title, heading, report, suppress, values, hidden)
        sh._tables, sh._widths = [], {}
        sheets.append(sh)
        return sh

    summary = sheet("Sammanfattning", "Sammanfattning")
    anm = sheet("Anmälningar", "Anmälningar (orosanmälningar)")
    reporters = _anmalningar(anm)
    _summary(summary, reporters)
    _forhandsbedomningar(sheet("Förhandsbedömningar", "Förhandsbedömningar"))
    _utredningar(sheet("Utredningar", "Utredningar"))
    _beslut(sheet("Beslut", "Beslut"))
    _insatser(sheet("Insatser och placeringar", "Insatser och placeringar"))
    _lvu_lvm(sheet("LVU och LVM", "LVU och LVM"))
    _tidsbevakning(sheet("Tidsbevakning", "Tidsbevakning: hållna och missade tidsfrister"))
    _kolada(sheet("Kolada", "Kolada (nyckeltal i Koladas format)"))
    _definitions(sheet("Definitioner", "Definitioner: hur varje tal räknas"))
    for sh in sheets:
        sh.finish()
    path = Path(path)
    wb.save(path)
    return path


_FMT = {"antal": INT, "andel": PCT, "dagar": DAYS}


def _key_value(sh: _Sheet, f) -> Any:
    if f.unit == "antal":
        return sh.n(f.cell) if f.cell else sh.count(f.value)
    if f.unit == "andel":
        if f.value is None:
            return st.NOT_APPLICABLE
        if f.cell and f.base_cell:
            return sh.pct(f.cell, f.base_cell)
        return sh.share(round(f.value * f.base), f.base)
    return sh.stat(f.value, f.base)


def _bar_chart(title: str, horizontal: bool, data: Reference, categories: Reference, width: float,
               height: float, percent: bool = False) -> BarChart:
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    chart.legend = None
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    chart.y_axis.scaling.min = 0  # bars start at zero, or small differences look large
    if percent:
        chart.y_axis.scaling.max = 1
        chart.y_axis.number_format = "0%"
    if horizontal:
        # A horizontal bar chart draws its first category at the bottom: turn the axis so the bars
        # run in the table's order, top to bottom.
        chart.x_axis.scaling.orientation = "maxMin"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.dataLabels = DataLabelList(showVal=True, showCatName=False, showSerName=False, showLegendKey=False,
                                     showPercent=False)
    chart.width, chart.height = width, height
    return chart


def _summary(sh: _Sheet, reporters: tuple[Reference, Reference]) -> None:
    r = sh.report
    p = r.period
    info = [("Kommun", r.municipality_name), ("Kommunkod", r.municipality_code),
            ("Enhet", r.unit_name or "Alla enheter"), ("Period", p.label), ("Från", p.start), ("Till", p.end),
            ("Skapad", r.generated_at.astimezone(_stockholm()).replace(tzinfo=None)),
            ("Tidsfrister bedömda per", r.as_of), ("Gräns för små tal", sh.threshold)]
    row0, c0 = sh.table("Uppgifter", "Om arbetsboken", [_Col("Uppgift", TEXT, 26), _Col("Värde", TEXT, 44)], info)
    for i, (_, v) in enumerate(info):
        cell = sh.ws.cell(row0 + i, c0 + 1)
        cell.number_format = DATETIME if isinstance(v, datetime) else (DATE if hasattr(v, "isoformat") else
                                                                       (INT if isinstance(v, int) else TEXT))
        cell.alignment = Alignment(horizontal="left", vertical="top")
    figs = r.key_figures()
    rows = [(f.measure_id, f.label, _key_value(sh, f), f.unit) for f in figs]
    row0, c0 = sh.table("Nyckeltal", "Nyckeltal", [_Col("Mått-id", TEXT, 26), _Col("Nyckeltal", TEXT, 44),
                                                   _Col("Värde", width=12), _Col("Enhet", TEXT, 8)], rows)
    for i, f in enumerate(figs):
        cell = sh.ws.cell(row0 + i, c0 + 2)
        if isinstance(cell.value, (int, float)):
            cell.number_format = _FMT[f.unit]
        cell.fill = _KEY_FILL
    months = r.anmalningar.per_month
    mrow, mcol = sh.table("PerManad", "Anmälningar per månad", [_Col("Månad", TEXT), _Col("Anmälningar")],
                          [(m.label, sh.n(("anm", "month", m.code))) for m in months])
    f, u = r.forhandsbedomningar, r.utredningar
    deadline = [("Förhandsbedömning inom " + f.limit_label, sh.pct(("fb", "within"), ("fb", "decided"))),
                ("Utredning inom " + u.limit_label, sh.pct(("ut", "within"), ("ut", "closed", "T")))]
    drow, dcol = sh.table("InomFrist", "Inom lagstadgad tid", [_Col("Område", TEXT), _Col("Andel", PCT)], deadline)
    ws = sh.ws
    anchor = sh.next_row
    ws.add_chart(_bar_chart("Anmälningar per månad", False,
                            Reference(ws, min_col=mcol + 1, min_row=mrow - 1, max_row=mrow + len(months) - 1),
                            Reference(ws, min_col=mcol, min_row=mrow, max_row=mrow + len(months) - 1), 24, 8),
                 f"A{anchor}")
    ws.add_chart(_bar_chart("Andel inom lagstadgad tid", True,
                            Reference(ws, min_col=dcol + 1, min_row=drow - 1, max_row=drow + 1),
                            Reference(ws, min_col=dcol, min_row=drow, max_row=drow + 1), 24, 5, percent=True),
                 f"A{anchor + 17}")
    data, categories = reporters
    ws.add_chart(_bar_chart("Anmälningar per anmälarkategori", True, data, categories, 24, 11), f"A{anchor + 30}")
    # A page break so the category chart is not cut in two.
    from openpyxl.worksheet.pagebreak import Break

    ws.row_breaks.append(Break(id=anchor + 29))


def _anmalningar(sh: _Sheet) -> tuple[Reference, Reference]:
    """Returns the reporter-category counts and labels, which the Sammanfattning chart shows."""
    a = sh.report.anmalningar
    sh.table("Anm_Totalt", "Totalt", [_Col("Mått", TEXT, 30), _Col("Antal", width=12)], [
        ("Anmälningar", sh.n(("anm", "reports"))),
        ("Anmälningar räknade per barn", sh.n(("anm", "child"))),
        ("Unika barn", sh.n(("anm", "unique")))])
    row0, c0 = sh.table("Anm_Anmalare", "Per anmälarkategori",
                        [_Col("Kod", TEXT, 18), _Col("Anmälarkategori", TEXT, 34), _Col("Antal", width=12),
                         _Col("Andel", PCT, 10)],
                        [(x.code, x.label, sh.n(("anm", "rep", x.code)), sh.pct(("anm", "rep", x.code), ("anm", "reports")))
                         for x in a.by_reporter])
    sh.table("Anm_Anledning", "Per anledning (en anmälan kan ha flera)",
             [_Col("Kod", TEXT), _Col("Anledning", TEXT), _Col("Antal")],
             [(x.code, x.label, sh.n(("anm", "reason", x.code))) for x in a.by_reason])
    sh.table("Anm_Huvudgrupp", "Per huvudgrupp av anledning (en anmälan kan höra till flera)",
             [_Col("Grupp", TEXT), _Col("Huvudgrupp", TEXT), _Col("Antal")],
             [(x.code, x.label, sh.n(("anm", "group", x.code))) for x in a.by_reason_group])
    sh.table("Anm_AlderKon", "Anmälningar räknade per barn, efter ålder på anmälningsdagen och kön",
             [_Col("Åldersgrupp", TEXT), _Col("Totalt"), _Col("Flickor"), _Col("Pojkar"), _Col("Okänt kön")],
             [(x.label, *sh.gender(("anm", "age", x.band))) for x in a.by_age_gender])
    sh.note("Ålder räknas på den dag anmälan kom in. Barn är 0–17 år; 18–20 år redovisas för sig "
            "(unga vuxna som anmälan ändå gällde), liksom 21 år och äldre.")
    n = len(a.by_reporter)
    return (Reference(sh.ws, min_col=c0 + 2, min_row=row0 - 1, max_row=row0 + n - 1),
            Reference(sh.ws, min_col=c0 + 1, min_row=row0, max_row=row0 + n - 1))


def _key_table(sh: _Sheet, name: str, caption: str, rows: list[tuple[str, Any, str]]) -> None:
    row0, c0 = sh.table(name, caption, [_Col("Mått", TEXT, 40), _Col("Värde", width=12)], [(a, b) for a, b, _ in rows])
    for i, (_, value, fmt) in enumerate(rows):
        if isinstance(value, (int, float)):
            sh.ws.cell(row0 + i, c0 + 1).number_format = fmt


def _forhandsbedomningar(sh: _Sheet) -> None:
    f = sh.report.forhandsbedomningar
    d = f.days
    _key_table(sh, "FB_Nyckeltal", "Nyckeltal", [
        ("Beslutade förhandsbedömningar", sh.n(("fb", "decided")), INT),
        (f"Beslutade inom {f.limit_label}", sh.n(("fb", "within")), INT),
        (f"Andel inom {f.limit_label}", sh.pct(("fb", "within"), ("fb", "decided")), PCT),
        ("Median dagar till beslut", sh.stat(d.median, d.n), DAYS),
        ("Medelvärde dagar till beslut", sh.stat(d.mean, d.n), DAYS),
        ("Med synnerliga skäl för längre tid", sh.n(("fb", "syn")), INT),
        ("Påbörjade i perioden", sh.n(("fb", "started")), INT),
        ("Pågående vid periodens slut", sh.n(("fb", "open")), INT)])
    sh.table("FB_Utfall", "Beslutade per utfall", [_Col("Utfall", TEXT), _Col("Antal"), _Col("Andel", PCT)],
             [(x.label, sh.n(("fb", "out", x.code)), sh.pct(("fb", "out", x.code), ("fb", "decided")))
              for x in f.by_outcome])


def _utredningar(sh: _Sheet) -> None:
    u = sh.report.utredningar
    d = u.days
    sh.table("Ut_Antal", "Inledda och avslutade, efter kön", [_Col("Mått", TEXT), *_GENDER_COLS], [
        ("Inledda", *sh.gender(("ut", "opened"))), ("Avslutade", *sh.gender(("ut", "closed")))])
    _key_table(sh, "Ut_Nyckeltal", "Utredningstid (avslutade i perioden)", [
        ("Median utredningstid (dagar)", sh.stat(d.median, d.n), DAYS),
        ("Medelvärde utredningstid (dagar)", sh.stat(d.mean, d.n), DAYS),
        (f"Avslutade inom {u.limit_label}", sh.n(("ut", "within")), INT),
        (f"Andel inom {u.limit_label}", sh.pct(("ut", "within"), ("ut", "closed", "T")), PCT),
        ("Avslutade som förlängts", sh.n(("ut", "extended")), INT),
        ("Andel som förlängts", sh.pct(("ut", "extended"), ("ut", "closed", "T")), PCT),
        ("Beslut om förlängd utredningstid", sh.n(("ut", "extdec")), INT),
        ("Pågående vid periodens slut", sh.n(("ut", "open")), INT)])
    sh.note(_TWO_MEASURES)
    sh.table("Ut_Utfall", "Avslutade per utfall", [_Col("Utfall", TEXT), _Col("Antal"), _Col("Andel", PCT)],
             [(x.label, sh.n(("ut", "out", x.code)), sh.pct(("ut", "out", x.code), ("ut", "closed", "T")))
              for x in u.by_outcome])


_TWO_MEASURES = (
    "Två mått på ”inom 4 månader”: här räknas utredningar som avslutades i perioden och om de avslutades "
    "senast startdagen + 4 månader – en förlängd utredning räknas inte som inom tiden. Fliken Tidsbevakning "
    "räknar i stället tidsfrister vars sista dag ligger i perioden; där flyttar ett beslut om förlängning "
    "fristens sista dag, så en förlängd utredning som blev klar i tid räknas som hållen. Urvalen och "
    "förlängningarna skiljer, därför skiljer andelarna.")


def _beslut(sh: _Sheet) -> None:
    b = sh.report.beslut
    sh.table("Besl_Vag", "Utskott jämfört med delegation", [_Col("Väg", TEXT, 34), _Col("Antal"), _Col("Andel", PCT)],
             [(x.label, sh.n(("besl", "route", x.code)), sh.pct(("besl", "route", x.code), ("besl", "total")))
              for x in b.by_route]
             + [("Alla fattade beslut", sh.n(("besl", "total")), sh.pct(("besl", "total"), ("besl", "total")))])
    sh.table("Besl_Niva", "Per beslutsnivå", [_Col("Nivå", TEXT), _Col("Antal")],
             [(x.label, sh.n(("besl", "level", x.code))) for x in b.by_level])
    sh.table("Besl_Mall", "Per beslutsmall", [_Col("Mall-id", TEXT), _Col("Beslutsmall", TEXT, 44), _Col("Antal")],
             [(x.code, x.label, sh.n(("besl", "tmpl", x.code))) for x in b.by_template])
    sh.table("Besl_Lagrum", "Per lagrum (ett beslut kan åberopa flera)", [_Col("Lagrum", TEXT), _Col("Antal")],
             [(x.label, sh.n(("besl", "lagrum", x.code))) for x in b.by_lagrum])


def _insatser(sh: _Sheet) -> None:
    r = sh.report
    i = r.insatser
    sh.table("Ins_Typ", "Per insatstyp och lagrum",
             [_Col("Typ-kod", TEXT, 16), _Col("Insatstyp", TEXT, 24), _Col("Lag", TEXT, 7), _Col("Påbörjade", width=11),
              _Col("Avslutade", width=11), _Col("Pågående under perioden", width=12), _Col("Personer", width=11),
              _Col("Vårddygn", width=11)],
             [(x.kind, x.label, x.legal_basis, *(sh.n(("ins", x.kind, x.legal_basis, w))
                                                 for w in ("started", "ended", "ongoing", "persons")),
               st.NOT_APPLICABLE if x.care_days is None else sh.count(x.care_days))
              for x in i.rows])
    sh.table("Ins_Placerade", "Barn och unga 0–20 år i placering", [_Col("Mått", TEXT), *_GENDER_COLS], [
        ("Någon dag under perioden", *sh.gender(("ins", "placed", "during"))),
        ("Periodens sista dag", *sh.gender(("ins", "placed", "end")))])
    sh.table("Ins_Oppenvard", "Öppenvård barn och unga 0–20 år (Socialstyrelsens indelning), olika barn",
             [_Col("Kod", TEXT), _Col("Öppenvård", TEXT), _Col("Barn")],
             [(x.code, x.label, sh.n(("ov", x.code))) for x in r.oppenvard])
    sh.note("Ett barn med flera slag av öppenvård räknas under varje slag. Öppenvård som inte har angetts som "
            "program, personligt stöd eller kontaktperson/-familj räknas som ”Övrig öppenvård”.")
    window = r.aterakt_window
    caption = "Återaktualisering (RKA, Kvalitet i IFO)"
    if window:
        caption += f": avslut {window[0].isoformat()} – {window[1].isoformat()}, uppföljt ett år"
    sh.table("Ins_Ateraktualisering", caption,
             [_Col("Åldersgrupp", TEXT), _Col("Avslutade"), _Col("Inte återaktualiserade", width=14),
              _Col("Andel inte återaktualiserade", PCT, 14)],
             [(x.label, sh.n(("rka", x.band, "base")), sh.n(("rka", x.band, "not")),
               sh.pct(("rka", x.band, "not"), ("rka", x.band, "base"))) for x in r.aterakt])


def _lvu_lvm(sh: _Sheet) -> None:
    r = sh.report
    laws = (r.lvu, r.lvm)
    sh.table("Lag_Totalt", "Totalt", [_Col("Lag", TEXT, 8), _Col("Beslut", width=12), _Col("Varav brådskande", width=12),
                                      _Col("Personer under perioden", width=12),
                                      _Col("Personer periodens sista dag", width=12)],
             [(x.law, *(sh.n(("lag", x.law, w)) for w in ("decisions", "urgent", "persons", "end"))) for x in laws])
    sh.table("Lag_Beslut", "Beslut per beslutsmall",
             [_Col("Lag", TEXT, 8), _Col("Mall-id", TEXT, 24), _Col("Beslutsmall", TEXT, 30), _Col("Beslut"),
              _Col("Varav brådskande")],
             [(x.law, t.template_id, t.title, sh.n(("lag", x.law, "tmpl", t.template_id, "decisions")),
               sh.n(("lag", x.law, "tmpl", t.template_id, "urgent"))) for x in laws for t in x.by_template])
    sh.table("Lag_Personer", "Personer per åldersgrupp och kön",
             [_Col("Lag", TEXT, 8), _Col("Åldersgrupp", TEXT, 16), *_GENDER_COLS],
             [(x.law, a.label, *sh.gender(("lag", x.law, "age", a.band))) for x in laws for a in x.persons_by_age])


def _tidsbevakning(sh: _Sheet) -> None:
    rows = sh.report.tidsbevakning
    sh.table("Tid_Frister", "Tidsfrister med sista dag i perioden, per enhet",
             [_Col("Enhet", TEXT, 18), _Col("Frist-kod", TEXT, 20), _Col("Tidsfrist", TEXT, 22),
              _Col("Sista dag i perioden", width=11), _Col("Hållna", width=10), _Col("Missade", width=10),
              _Col("Ej förfallna", width=10), _Col("Andel hållna", PCT, 10)],
             [(x.unit, x.kind, x.title, *(sh.n(("tid", x.unit, x.kind, w)) for w in ("due", "kept", "missed", "pending")),
               sh.pct(("tid", x.unit, x.kind, "kept"), ("tid", x.unit, x.kind, "judged"))) for x in rows])
    sh.note(_TWO_MEASURES)


def _kolada(sh: _Sheet) -> None:
    r = sh.report
    rows = r.kolada_rows(sh.threshold)

    def planned(x) -> Any:
        kpi = next((k for k in st.load_kolada() if k.id == x.kpi), None)
        key = ("kol", kpi.measure, x.gender) if kpi and kpi.measure else None
        return key if key in sh.values else None

    def shown(x, value) -> Any:
        key = planned(x)
        if key is not None and key in sh.hidden and value not in (st.MISSING, None):
            return st.SUPPRESSED
        return value

    sh.table("Kolada", "Koladas format: KPI, kommun, period, kön, värde – följt av ifodesks underlag",
             [_Col("KPI", TEXT, 8), _Col("Kommun", TEXT, 9), _Col("Period", TEXT, 7), _Col("Kön", TEXT, 5),
              _Col("Värde", width=7), _Col("Under-lag", width=8), _Col("Underlagets roll", TEXT, 9),
              _Col("Säker-het", TEXT, 7), _Col("Titel", TEXT, 20), _Col("Anmärkning", TEXT, 24)],
             [(x.kpi, x.municipality, x.period, x.gender, shown(x, x.value),
               st.MISSING if x.basis is None else shown(x, x.basis),
               x.basis_kind or "–", x.certainty, x.title, x.note) for x in rows])
    sh.note("Värde ”-” = bortfall (kräver uppgifter som ifodesk inte har), ”..” = sekretess. Säkerhet: V = läst i "
            "källan, V2 = i andra hand, I = slutsats; kontrollera id och titel mot Kolada före inrapportering.")


def _definitions(sh: _Sheet) -> None:
    limit = sh.threshold
    general = [
        ("Åldersgrupper", ", ".join(b.label for b in st.AGE_BANDS) + ". Ålder = uppnådd ålder under "
                          "kalenderåret för insatser och placeringar; ålder på anmälningsdagen för anmälningar."),
        ("Kön", "Från personnumrets näst sista siffra (jämn = flicka/kvinna, udda = pojke/man); utan "
                "personnummer registrerat juridiskt kön; annars ”Okänt kön”."),
        ("Period", "Datum är svenska kalenderdatum; mottagningstider lagras i UTC och räknas om till svensk tid."),
        ("Enhet", "Med vald enhet räknas bara ärenden, anmälningar, beslut och frister som hör till den enheten."),
        ("Sekretess", f"Antal 1–{limit - 1} visas som ”..”. Dessutom döljs så många andra tal i samma summor "
                      "(i första hand de minsta delarna) att inget dolt tal kan räknas fram ur totaler och "
                      "andra visade tal. Andelar döljs när täljaren eller nämnaren är dold; medianer och "
                      "medelvärden när underlaget är mindre än gränsen." if limit > 1 else
                      "Ingen gräns för små tal vald: alla tal visas."),
        ("Symboler", "”..” sekretess, ”-” bortfall, ”.” ej tillämpligt (t.ex. andel av noll)."),
        ("Inom 4 månader", _TWO_MEASURES),
    ]
    # The wide text column is B in both tables: they share the sheet's columns.
    sh.table("Def_Allmant", "Gemensamma regler", [_Col("Regel", TEXT, 20), _Col("Beskrivning", TEXT, 60)], general)
    sh.table("Def_Matt", "Måtten",
             [_Col("Mått-id", TEXT, 20), _Col("Vad räknas, vilka rader som hör till perioden, ålder och kön", TEXT, 60),
              _Col("Namn", TEXT, 20), _Col("Flik", TEXT, 13), _Col("Enhet", TEXT, 7)],
             [(m.id, f"{m.counts} Period: {m.period_rule}" + (f" Ålder och kön: {m.breakdown}" if m.breakdown else ""),
               m.name, m.sheet, m.unit) for m in st.MEASURES])


def _stockholm():
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Stockholm")
