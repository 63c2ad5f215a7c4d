"""Statistik: choose a period and unit, see the key figures as charts, export the workbook and
Socialstyrelsen's register file. All counting runs off the GUI thread with a progress bar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ifodesk.domain import statistics as st
from ifodesk.services import statistics as stats

from .. import theme
from ..dialogs import fit_to_screen
from ..widgets.inputs import set_read_only
from .base import Page
from .verkstallighet_queue import QueueBox

_KINDS = ("ar", "halvar", "kvartal", "manad", "datum")
_MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def month_label(key: str, with_year: bool) -> str:
    """'2025-03' -> 'mar' (or 'mar 25' when the period spans several years)."""
    year, month = key.split("-")
    return f"{_MONTHS[int(month) - 1]} {year[2:]}" if with_year else _MONTHS[int(month) - 1]


def bar_value(v: float) -> str:
    """Swedish number: 3, 90,5."""
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}".replace(".", ",")


def _fmt(value, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "andel":
        return f"{value * 100:.1f} %".replace(".", ",")
    if unit == "dagar":
        return f"{value:.1f}".replace(".", ",")
    return f"{value:,}".replace(",", " ")


class StatisticsPage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Statistik")
    page_id = "statistik"

    # (done, total, what): emitted from the worker thread, delivered queued on the GUI thread.
    progressed = Signal(int, int, str)
    # Emitted when a figure set, a workbook or a register file is done: tests and the shell listen.
    finished = Signal(str)

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(app, parent)
        self.report: stats.StatisticsReport | None = None
        self.last_export: Path | None = None
        self._units_loaded = False
        self._build()
        self.progressed.connect(self._on_progress)
        self._kind_changed()

    # --- widgets ------------------------------------------------------------------------------
    def _named(self, widget, name: str, accessible: str):
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        return widget

    def _build(self) -> None:
        today = date.today()
        self.kind = self._named(QComboBox(self), "stats_period_kind", self.tr("Typ av period"))
        for code, text in zip(_KINDS, (self.tr("År"), self.tr("Halvår"), self.tr("Kvartal"), self.tr("Månad"),
                                       self.tr("Egna datum"))):
            self.kind.addItem(text, code)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year = self._named(QSpinBox(self), "stats_year", self.tr("År"))
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year - 1)  # the year just closed is the usual one to report
        self.part = self._named(QComboBox(self), "stats_period_part", self.tr("Del av året"))
        self.date_from = self._date_edit("stats_from", self.tr("Från och med"), QDate(today.year, 1, 1))
        self.date_to = self._date_edit("stats_to", self.tr("Till och med"), QDate(today.year, today.month, today.day))
        self.unit = self._named(QComboBox(self), "stats_unit", self.tr("Enhet"))
        self.unit.addItem(self.tr("Alla enheter"), None)
        self.suppress = self._named(QSpinBox(self), "stats_suppress", self.tr("Dölj tal under"))
        self.suppress.setRange(0, 100)
        self.suppress.setSpecialValueText(self.tr("Visa alla tal"))
        self.suppress.setToolTip(self.tr("Antal under gränsen visas som ”..” i arbetsboken (sekretess)."))
        self.show_btn = self._named(QPushButton(self.tr("&Visa nyckeltal"), self), "stats_show",
                                    self.tr("Visa nyckeltal"))
        self.excel_btn = self._named(QPushButton(self.tr("&Exportera Excel…"), self), "stats_export_excel",
                                     self.tr("Exportera statistikarbetsboken"))
        self.register_btn = self._named(QPushButton(self.tr("&Socialstyrelsen…"), self), "stats_export_register",
                                        self.tr("Exportera registret över insatser för barn och unga"))
        self.show_btn.clicked.connect(self.show_figures)
        self.excel_btn.clicked.connect(self.export_workbook)
        self.register_btn.clicked.connect(self.export_register)
        self.progress = self._named(QProgressBar(self), "stats_progress", self.tr("Förlopp"))
        self.progress.setVisible(False)
        self.status = self._named(QLabel(self), "stats_status", self.tr("Status"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.figures = self._named(QTableWidget(0, 2, self), "stats_key_figures", self.tr("Nyckeltal"))
        self.figures.setHorizontalHeaderLabels([self.tr("Nyckeltal"), self.tr("Värde")])
        self.figures.verticalHeader().setVisible(False)
        self.figures.setEditTriggers(QTableWidget.NoEditTriggers)
        header = self.figures.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the value is never cut off
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.figures.setColumnWidth(0, 250)
        self.figures.setMinimumWidth(360)
        self.figures.setWordWrap(False)
        self.chart_months = self._chart_view("stats_chart_months", self.tr("Anmälningar per månad"))
        self.chart_reporters = self._chart_view("stats_chart_reporters", self.tr("Anmälningar per anmälarkategori"))
        self.chart_deadlines = self._chart_view("stats_chart_deadlines", self.tr("Andel inom lagstadgad tid (%)"))

        form = QGridLayout()
        rows = ((self.tr("&Period:"), self.kind, self.year, self.part),
                (self.tr("&Datum:"), self.date_from, self.date_to, None),
                (self.tr("E&nhet:"), self.unit, None, None),
                (self.tr("Dö&lj tal under:"), self.suppress, None, None))
        for r, (text, *widgets) in enumerate(rows):
            label = QLabel(text, self)
            label.setBuddy(widgets[0])
            form.addWidget(label, r, 0)
            for c, w in enumerate(widgets, 1):
                if w is not None:
                    form.addWidget(w, r, c)
        form.setColumnStretch(4, 1)
        buttons = QHBoxLayout()
        for b in (self.show_btn, self.excel_btn, self.register_btn):
            buttons.addWidget(b)
        buttons.addWidget(self.progress, 1)
        charts = QGridLayout()
        charts.addWidget(self.figures, 0, 0, 2, 1)
        charts.addWidget(self.chart_months, 0, 1)
        charts.addWidget(self.chart_deadlines, 0, 2)
        charts.addWidget(self.chart_reporters, 1, 1, 1, 2)
        charts.setColumnStretch(1, 1)
        charts.setColumnStretch(2, 1)
        box = QVBoxLayout(self.scroll_body())  # the charts keep a readable height; a small screen scrolls
        box.addWidget(QLabel(self.tr("<h2>Statistik</h2>"), self))
        box.addWidget(QLabel(self.tr("Arbetsbok för nämnden, Socialstyrelsen och Kolada. Talen räknas ur "
                                     "ärendena; varje export loggas."), self))
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(buttons)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        self.queue = QueueBox(self.app, self)  # queue to insatser, SoL 34 kap.; beside the form: no extra height
        top.addWidget(self.queue, 1)
        box.addLayout(top)
        box.addWidget(self.status)
        box.addLayout(charts, 1)

    def _date_edit(self, name: str, accessible: str, value: QDate) -> QDateEdit:
        edit = self._named(QDateEdit(value, self), name, accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _chart_view(self, name: str, title: str) -> QChartView:
        chart = QChart()
        chart.setTitle(title)
        chart.legend().setVisible(False)
        chart.setAnimationOptions(QChart.NoAnimation)
        view = self._named(QChartView(chart, self), name, title)
        view.setRenderHint(QPainter.Antialiasing)
        view.setMinimumHeight(220)
        return view

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.part.clear()
        if kind == "halvar":
            self.part.addItem(self.tr("Första halvåret"), "H1")
            self.part.addItem(self.tr("Andra halvåret"), "H2")
        elif kind == "kvartal":
            for q in range(1, 5):
                self.part.addItem(self.tr("Kvartal %1").replace("%1", str(q)), f"Q{q}")
        elif kind == "manad":
            names = (self.tr("januari"), self.tr("februari"), self.tr("mars"), self.tr("april"), self.tr("maj"),
                     self.tr("juni"), self.tr("juli"), self.tr("augusti"), self.tr("september"),
                     self.tr("oktober"), self.tr("november"), self.tr("december"))
            for m, name in enumerate(names, 1):
                self.part.addItem(name, f"{m:02d}")
        self.part.setVisible(kind in ("halvar", "kvartal", "manad"))
        self.year.setEnabled(kind != "datum")
        for w in (self.date_from, self.date_to):
            w.setEnabled(kind == "datum")

    # --- period and unit ----------------------------------------------------------------------
    def period(self) -> st.Period:
        """The chosen period; raises PeriodError with a Swedish message."""
        kind, y, part = self.kind.currentData(), self.year.value(), self.part.currentData()
        if kind == "ar":
            return st.year_period(y)
        if kind in ("halvar", "kvartal"):
            return st.parse_period(f"{y}{part}")
        if kind == "manad":
            return st.parse_period(f"{y}-{part}")
        return st.period_from_dates(self.date_from.date().toPython(), self.date_to.date().toPython())

    def activate(self) -> None:
        self.queue.refresh()
        if not self._units_loaded:
            self.app.run(stats.list_units, owner=self, on_done=self._fill_units)

    def _fill_units(self, units) -> None:
        self._units_loaded = True
        for u in units:
            self.unit.addItem(f"{u.name} ({u.case_prefix})", u.id)

    # --- running ------------------------------------------------------------------------------
    def _busy(self, busy: bool, text: str = "") -> None:
        for b in (self.show_btn, self.excel_btn, self.register_btn):
            b.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, stats.TOTAL_STEPS)
            self.progress.setValue(0)
            self.progress.setFormat(text)
        if text:
            self.status.setText(text)

    def _on_progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Räknar %1 (%2 av %3)").replace("%1", what).replace("%2", str(done))
                                .replace("%3", str(total)))

    def _emit_progress(self, done: int, total: int, what: str) -> None:
        self.progressed.emit(done, total, what)  # called on the worker thread

    def _period_or_error(self) -> st.Period | None:
        try:
            return self.period()
        except st.PeriodError as exc:
            self.status.setText(str(exc))
            return None

    def _failed(self, exc: Exception) -> None:
        self._busy(False)
        self.status.setText(self.tr("Det gick inte: %1").replace("%1", str(exc)))
        self.app.report_error(exc)
        self.finished.emit("fel")

    def show_figures(self) -> None:
        period = self._period_or_error()
        if period is None:
            return
        self._busy(True, self.tr("Räknar nyckeltal för %1 …").replace("%1", period.label))
        self.app.run(stats.compute_statistics, period, self.unit.currentData(), progress=self._emit_progress,
                     owner=self, on_done=self._shown, on_error=self._failed)

    def _shown(self, report) -> None:
        self._busy(False)
        self.show_report(report)
        self.status.setText(self.tr("Nyckeltal för %1, %2.").replace("%1", report.period.label)
                            .replace("%2", report.unit_name or self.tr("alla enheter")))
        self.finished.emit("nyckeltal")

    def export_workbook(self) -> None:
        period = self._period_or_error()
        if period is None:
            return
        suggested = f"statistik_{period.label.replace(' ', '_').replace('–', '-')}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Spara statistikarbetsboken"), suggested,
                                              self.tr("Excel-arbetsbok (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self._busy(True, self.tr("Skapar arbetsboken för %1 …").replace("%1", period.label))
        self.app.run(stats.export_workbook, period, Path(path), unit_id=self.unit.currentData(),
                     suppress=self.suppress.value(), progress=self._emit_progress, owner=self,
                     on_done=self._exported, on_error=self._failed)

    def _exported(self, result) -> None:
        self._busy(False)
        self.last_export = result.path
        self.show_report(result.report)
        msg = self.tr("Arbetsboken är sparad: %1 (%2 s).").replace("%1", str(result.path)).replace(
            "%2", f"{result.seconds:.1f}".replace(".", ","))
        self.status.setText(msg)
        self.app.status_message.emit(msg)
        self.finished.emit("excel")

    # --- Socialstyrelsen ----------------------------------------------------------------------
    def export_register(self) -> None:
        year = self.year.value() if self.kind.currentData() != "datum" else self.date_from.date().year()
        self._busy(True, self.tr("Kontrollerar registret för %1 …").replace("%1", str(year)))
        self.progress.setRange(0, 0)  # no steps to show: a busy bar
        self.app.run(stats.register_extract, year, owner=self, on_done=self._validated, on_error=self._failed)

    def _validated(self, extract) -> None:
        self._busy(False)
        rep = extract.report
        dlg = QDialog(self)
        dlg.setObjectName("stats_validation_dialog")
        dlg.setAccessibleName(self.tr("Valideringsrapport"))
        dlg.setWindowTitle(self.tr("Valideringsrapport %1").replace("%1", str(extract.year)))
        text = self._named(QPlainTextEdit(dlg), "stats_validation_text", self.tr("Valideringsrapport"))
        set_read_only(text)
        text.setPlainText("\n".join(rep.lines()))
        buttons = QDialogButtonBox(dlg)
        ok = buttons.addButton(self.tr("Exportera ändå…") if rep.has_errors else self.tr("Exportera…"),
                               QDialogButtonBox.AcceptRole)
        ok.setObjectName("stats_validation_export")
        ok.setAccessibleName(ok.text())
        cancel = buttons.addButton(QDialogButtonBox.Cancel)
        cancel.setText(self.tr("Avbryt"))
        cancel.setObjectName("stats_validation_cancel")
        cancel.setAccessibleName(self.tr("Avbryt"))
        if rep.has_errors:
            cancel.setDefault(True)  # exporting despite errors must be a deliberate choice
        buttons.accepted.connect(dlg.accept)
        buttons.rejected.connect(dlg.reject)
        if rep.has_errors:
            text_summary = self.tr("%1 fel och %2 varningar. Fel bör rättas i ärendena innan filen lämnas.")
        elif rep.issues:
            text_summary = self.tr("Inga fel; %2 varningar. Varningarna hindrar inte exporten.")
        else:
            text_summary = self.tr("Inga fel eller varningar.")
        summary = QLabel(text_summary.replace("%1", str(len(rep.errors))).replace("%2", str(len(rep.warnings))),
                         dlg)
        summary.setWordWrap(True)
        lay = QVBoxLayout(dlg)
        lay.addWidget(summary)
        lay.addWidget(text, 1)
        lay.addWidget(buttons)
        fit_to_screen(dlg, 720, 420)
        dlg.accepted.connect(lambda: self._save_register(extract))
        dlg.finished.connect(dlg.deleteLater)
        self.status.setText(summary.text())
        self.finished.emit("validering")
        dlg.open()

    def _save_register(self, extract) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Spara registerfilen"), f"barn_och_unga_{extract.municipality_code}_{extract.year}.txt",
            self.tr("Textfil (*.txt)"))
        if not path:
            return
        if not path.lower().endswith(".txt"):
            path += ".txt"
        self._busy(True, self.tr("Skriver registerfilen …"))
        self.progress.setRange(0, 0)
        self.app.run(stats.export_register, extract.year, Path(path), force=extract.report.has_errors,
                     extract=extract, owner=self, on_done=self._register_saved, on_error=self._failed)

    def _register_saved(self, result) -> None:
        self._busy(False)
        self.last_export = result.path
        msg = self.tr("Registerfilen är sparad: %1 (%2 barn). Valideringsrapporten: %3").replace(
            "%1", str(result.path)).replace("%2", str(result.extract.report.children)).replace(
            "%3", str(result.report_path))
        self.status.setText(msg)
        self.app.status_message.emit(msg)
        self.finished.emit("socialstyrelsen")

    # --- charts -------------------------------------------------------------------------------
    def show_report(self, report) -> None:
        """Key figures in the table and the three charts (no suppression: this stays in the office)."""
        self.report = report
        figures = report.key_figures()
        self.figures.setRowCount(len(figures))
        for i, f in enumerate(figures):
            self.figures.setItem(i, 0, QTableWidgetItem(f.label))
            item = QTableWidgetItem(_fmt(f.value, f.unit))
            item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.figures.setItem(i, 1, item)
        a = report.anmalningar
        several_years = report.period.start.year != report.period.end.year
        self._bars(self.chart_months, self.tr("Anmälningar"),
                   [month_label(m.label, several_years) for m in a.per_month], [m.count for m in a.per_month])
        # Largest at the top: a horizontal bar chart draws its first category at the bottom.
        reporters = sorted((r for r in a.by_reporter if r.count), key=lambda r: r.count) or list(a.by_reporter)
        self._bars(self.chart_reporters, self.tr("Anmälningar"), [r.label for r in reporters],
                   [r.count for r in reporters], horizontal=True)
        f, u = report.forhandsbedomningar, report.utredningar
        self._bars(self.chart_deadlines, self.tr("Andel inom tid (%)"),
                   [self.tr("Utredning<br>inom %1").replace("%1", u.limit_label),
                    self.tr("Förhandsbedömning<br>inom %1").replace("%1", f.limit_label)],
                   [round(100 * (u.days.share_within or 0), 1), round(100 * (f.days.share_within or 0), 1)],
                   horizontal=True, maximum=100, suffix=" %")

    def _bars(self, view: QChartView, name: str, labels: list[str], values: list[float], *,
              horizontal: bool = False, maximum: float | None = None, suffix: str = "") -> None:
        """Every bar is labelled with its number under its name, a zero too (Qt draws no value
        label on a bar of height zero)."""
        from PySide6.QtCharts import QHorizontalBarSeries

        chart = view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        bars = QBarSet(name)
        chart.setTheme(theme.chart_theme())  # the palette's light, dark or high-contrast look
        bars.setLabelColor(chart.titleBrush().color())  # the labels stand outside the bars, on the chart
        for v in values:
            bars.append(float(v))
        series.append(bars)
        chart.addSeries(series)
        cats = QBarCategoryAxis()
        sep = ": " if horizontal else "<br>"  # a horizontal bar has room for one line only
        cats.append([f"{label}{sep}<b>{bar_value(v)}{suffix}</b>" for label, v in zip(labels, values)])
        cats.setTruncateLabels(False)
        vals = QValueAxis()
        vals.setRange(0, maximum or max([1.0, *values]) * 1.15)
        if maximum is None:
            vals.applyNiceNumbers()
        vals.setLabelFormat("%d")
        chart.addAxis(cats, Qt.AlignLeft if horizontal else Qt.AlignBottom)
        chart.addAxis(vals, Qt.AlignBottom if horizontal else Qt.AlignLeft)
        series.attachAxis(cats)
        series.attachAxis(vals)
