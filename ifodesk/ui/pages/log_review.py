"""Loggkontroll (SoLPuL 10 §): the recurring check of who read what, for the systemansvarig.

One tab per rule and a "Vem har läst?" tab; a finding is marked as checked with a note. The
review runs off the GUI thread; other roles see why the page is closed to them.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QTime
from PySide6.QtWidgets import (
    QDateEdit,
    QSpinBox,
    QTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ifodesk.services import access, audit_review
from ifodesk.services.errors import ServiceError

from ..models.record_table import Column, RecordTableModel
from ..widgets.tables import make_table
from .base import Page

translate = QCoreApplication.translate


def finding_columns() -> list[Column]:
    return [Column(translate("LogReview", "Tid"), lambda f: f.at),
            Column(translate("LogReview", "Användare"), lambda f: f"{f.user_name} ({f.username})" if f.user_name
                   else f.username),
            Column(translate("LogReview", "Åtgärd"), lambda f: f.action),
            Column(translate("LogReview", "Person"), lambda f: f.person),
            Column(translate("LogReview", "Angivet skäl"), lambda f: f.reason or ""),
            Column(translate("LogReview", "Vad"), lambda f: f.detail, tooltip=lambda f: f.detail),
            Column(translate("LogReview", "Kontrollerad"),
                   lambda f: f"{f.checked_by}: {f.note}" if f.checked else "")]


def reader_columns() -> list[Column]:
    return [Column(translate("LogReview", "Tid"), lambda e: e.at),
            Column(translate("LogReview", "Användare"), lambda e: f"{e.user_name} ({e.username})" if e.user_name
                   else e.username),
            Column(translate("LogReview", "Åtgärd"), lambda e: e.action),
            Column(translate("LogReview", "Hur"), lambda e: e.how),
            Column(translate("LogReview", "Angivet skäl"), lambda e: e.reason or ""),
            Column(translate("LogReview", "Uppgift"), lambda e: e.detail or "")]


def short_titles() -> dict[str, str]:
    """Tab titles that fit a 1366 px screen; the full rule title is the tooltip."""
    return {"protected": translate("LogReview", "Skyddade personer"),
            "outside_unit": translate("LogReview", "Utanför eget ärende/enhet"),
            "no_relation": translate("LogReview", "Utan ärendekoppling"),
            "many_persons": translate("LogReview", "Många personer"),
            "off_hours": translate("LogReview", "Utanför kontorstid"),
            "sign_in_failed": translate("LogReview", "Misslyckade inloggningar")}


def _qdate(d) -> QDate:
    return QDate(d.year, d.month, d.day)


class LogReviewPage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Loggkontroll")
    page_id = "log_review"

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.allowed = access.may(app.services, audit_review.REVIEW)
        today = app.services.today()
        self.date_from = self._date("log_review_from", self.tr("Från och med"), today - timedelta(days=30))
        self.date_to = self._date("log_review_to", self.tr("Till och med"), today)
        defaults = audit_review.ReviewSettings()
        self.many = QSpinBox(self)
        self.many.setObjectName("log_review_many")
        self.many.setAccessibleName(self.tr("Många personer: fler än så här många per användare och dag"))
        self.many.setRange(1, 10000)
        self.many.setValue(defaults.many_persons_per_day)
        self.office_start = self._time("log_review_office_start", self.tr("Kontorstiden börjar"),
                                       defaults.office_start)
        self.office_end = self._time("log_review_office_end", self.tr("Kontorstiden slutar"), defaults.office_end)
        self.run_button = QPushButton(self.tr("&Kör kontrollen"), self)
        self.run_button.setObjectName("log_review_run")
        self.run_button.clicked.connect(self.run_review)
        self.summary = QLabel(self)
        self.summary.setObjectName("log_review_summary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("log_review_tabs")
        self.models: dict[str, RecordTableModel] = {}
        self.views = {}
        self.short = short_titles()
        for i, (rule, title) in enumerate(audit_review.RULES):
            model = RecordTableModel(finding_columns(), self)
            view = make_table(f"log_review_{rule}", title, model, self, (118, 200, 130, 220, 160, 230), stretch=5)
            self.models[rule], self.views[rule] = model, view
            self.tabs.addTab(view, self.short[rule])
            self.tabs.setTabToolTip(i, title)
        self.tabs.addTab(self._who_tab(), self.tr("Vem har läst?"))
        self.note = QLineEdit(self)
        self.note.setObjectName("log_review_note")
        self.note.setAccessibleName(self.tr("Anteckning om kontrollen"))
        self.note.setPlaceholderText(self.tr("Vad kontrollen visade, t.ex. ”Vikarierade i enheten, ok.”"))
        self.mark_button = QPushButton(self.tr("&Markera som kontrollerad"), self)
        self.mark_button.setObjectName("log_review_mark")
        self.mark_button.clicked.connect(self.mark_selected)
        self.status = QLabel(self)
        self.status.setObjectName("log_review_status")
        self.status.setWordWrap(True)
        self._report = None
        self._layout()
        for w in (self.date_from, self.date_to, self.many, self.office_start, self.office_end, self.run_button,
                  self.tabs, self.note, self.mark_button):
            w.setEnabled(self.allowed)
        if not self.allowed:
            self.status.setText(self.tr("Loggkontrollen görs av systemansvarig eller IFO-chef."))

    def _date(self, name: str, accessible: str, value) -> QDateEdit:
        edit = QDateEdit(_qdate(value), self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        return edit

    def _time(self, name: str, accessible: str, value) -> QTimeEdit:
        edit = QTimeEdit(QTime(value.hour, value.minute), self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setDisplayFormat("HH:mm")
        return edit

    def _who_tab(self) -> QWidget:
        box = QWidget(self)
        self.person = QLineEdit(box)
        self.person.setObjectName("log_review_person")
        self.person.setAccessibleName(self.tr("Personnummer eller reservnummer"))
        self.person.setPlaceholderText(self.tr("ÅÅÅÅMMDD-NNNN"))
        self.person.returnPressed.connect(self.show_readers)
        show = QPushButton(self.tr("Visa vem som har läst"), box)
        show.setObjectName("log_review_who")
        show.clicked.connect(self.show_readers)
        self.readers = RecordTableModel(reader_columns(), self)
        self.readers_view = make_table("log_review_readers", self.tr("Vem har läst"), self.readers, box,
                                       (118, 220, 150, 80, 200), stretch=5)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Person:"), box))
        top.addWidget(self.person)
        top.addWidget(show)
        top.addStretch(1)
        lay = QVBoxLayout(box)
        lay.addLayout(top)
        lay.addWidget(self.readers_view, 1)
        return box

    def _layout(self) -> None:
        top = QHBoxLayout()
        for text, w in ((self.tr("&Från:"), self.date_from), (self.tr("&Till:"), self.date_to)):
            label = QLabel(text, self)
            label.setBuddy(w)
            top.addWidget(label)
            top.addWidget(w)
        top.addStretch(1)
        rules = QHBoxLayout()  # a row of its own: one row is wider than a 1366×768 screen at 125 %
        for text, w in ((self.tr("Fler än"), self.many), (self.tr("personer per dag; kontorstid"), self.office_start),
                        ("–", self.office_end)):
            label = QLabel(text, self)
            label.setBuddy(w)
            rules.addWidget(label)
            rules.addWidget(w)
        rules.addSpacing(16)
        rules.addWidget(self.run_button)
        rules.addStretch(1)
        mark = QHBoxLayout()
        label = QLabel(self.tr("&Anteckning:"), self)
        label.setBuddy(self.note)
        mark.addWidget(label)
        mark.addWidget(self.note, 1)
        mark.addWidget(self.mark_button)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("<h2>Loggkontroll</h2>"), self))
        box.addLayout(top)
        box.addLayout(rules)
        box.addWidget(self.summary)
        box.addWidget(self.tabs, 1)
        box.addLayout(mark)
        box.addWidget(self.status)

    # --- actions ---------------------------------------------------------------------------

    def _period(self):
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def run_review(self) -> None:
        if not self.allowed:
            return
        start, end = self._period()
        settings = audit_review.ReviewSettings(self.many.value(), self.office_start.time().toPython(),
                                               self.office_end.time().toPython())
        self.status.setText(self.tr("Kontrollerar loggen …"))
        self.run_button.setEnabled(False)
        self.app.run(audit_review.run_review, start, end, settings, owner=self, on_done=self._show,
                     on_error=self._failed)

    def _show(self, report) -> None:
        self._report = report
        self.run_button.setEnabled(True)
        for i, (rule, _title) in enumerate(audit_review.RULES):
            items = report.findings.get(rule, ())
            self.models[rule].set_records(items)
            left = sum(1 for f in items if not f.checked)
            self.tabs.setTabText(i, f"{self.short[rule]} ({left})" if left else self.short[rule])
        total = sum(len(v) for v in report.findings.values())
        left = sum(1 for v in report.findings.values() for f in v if not f.checked)
        self.summary.setText(self.tr("%1 – %2: %3 loggrader lästes, %4 fynd, %5 kvar att kontrollera.")
                             .replace("%1", report.start.isoformat()).replace("%2", report.end.isoformat())
                             .replace("%3", str(report.rows_read)).replace("%4", str(total))
                             .replace("%5", str(left)))
        self.status.setText("")

    def _failed(self, exc: Exception) -> None:
        self.run_button.setEnabled(self.allowed)
        if isinstance(exc, ServiceError):
            self.status.setText(str(exc))
        else:
            self.app.report_error(exc)

    def selected_finding(self):
        rule = self.current_rule()
        if rule is None:
            return None
        rows = self.views[rule].selectionModel().selectedRows()
        return self.models[rule].record(rows[0].row()) if rows else None

    def current_rule(self) -> str | None:
        i = self.tabs.currentIndex()
        return audit_review.RULES[i][0] if 0 <= i < len(audit_review.RULES) else None

    def mark_selected(self) -> None:
        finding = self.selected_finding()
        if finding is None:
            self.status.setText(self.tr("Välj först ett fynd i listan."))
            return
        if finding.checked:
            self.status.setText(self.tr("Fyndet är redan kontrollerat."))
            return
        self.app.run(audit_review.mark_checked, finding.rule, finding.key, self.note.text(), owner=self,
                     on_done=lambda _r: self._marked(), on_error=self._failed)

    def _marked(self) -> None:
        self.note.clear()
        self.status.setText(self.tr("Fyndet är markerat som kontrollerat."))
        self.run_review()

    def show_readers(self) -> None:
        if not self.allowed:
            return
        start, end = self._period()
        self.app.run(_readers, self.person.text(), start, end, owner=self,
                     on_done=self.readers.set_records, on_error=self._failed)

    def activate(self) -> None:
        if self.allowed and self._report is None:
            self.run_review()


def _readers(ctx, text: str, start, end):
    return audit_review.who_read(ctx, audit_review.find_person(ctx, text), start, end)
