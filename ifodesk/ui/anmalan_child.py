"""One child in an anmälan: personnummer checked as typed, and earlier reports looked up at once."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from ifodesk.domain.categories import load_categories
from ifodesk.domain.personnummer import PersonnummerError, parse_personnummer
from ifodesk.services import cases, parties, people
from ifodesk.services.cases import FB_OUTCOMES
from ifodesk.services.context import STOCKHOLM
from ifodesk.services.dto import ChildInput
from ifodesk.services.errors import PermissionDenied

from . import theme
from .labels import protection_label
from .widgets.inputs import button, line_edit

translate = QCoreApplication.translate


def lookup_child(ctx, text: str):
    """The person with this personnummer (if known), every earlier report about them, and the
    siblings' cases (a report about one child often concerns the family)."""
    person = people.lookup_personnummer(ctx, text)
    if person is None:
        return None, [], []
    try:
        return person, cases.earlier_reports(ctx, person.id), parties.siblings(ctx, person.id)
    except PermissionDenied:  # a protected child or another unit's: shown after registration
        return person, [], []


def _report_line(r) -> str:
    cats = load_categories()
    outcome = FB_OUTCOMES.get(r.outcome, r.outcome) if r.outcome else translate("ChildRow", "förhandsbedömning pågår")
    return (f"{r.received_at.astimezone(STOCKHOLM).strftime('%Y-%m-%d')} · {cats.label(r.reporter_category)} · "
            f"{', '.join(cats.label(x) for x in r.reasons)} → {outcome} ({r.case_number})")


class ChildRow(QFrame):
    remove_requested = Signal(object)
    looked_up = Signal()

    def __init__(self, app, number: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"child_{number}")
        n = str(number)
        self.pnr = line_edit(self, f"child_{n}_pnr", self.tr("Barn %1: personnummer").replace("%1", n))
        self.pnr.setPlaceholderText(self.tr("ÅÅÅÅMMDD-NNNN"))
        self.first = line_edit(self, f"child_{n}_first", self.tr("Barn %1: förnamn").replace("%1", n))
        self.last = line_edit(self, f"child_{n}_last", self.tr("Barn %1: efternamn").replace("%1", n))
        self.birth = line_edit(self, f"child_{n}_birth", self.tr("Barn %1: födelsedatum om personnummer saknas")
                               .replace("%1", n))
        self.birth.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        self.remove = button(self, f"child_{n}_remove", self.tr("Ta bort"))
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.status = QLabel(self)
        self.status.setObjectName(f"child_{n}_status")
        self.status.setWordWrap(True)
        self.earlier = QLabel(self)
        self.earlier.setObjectName(f"child_{n}_earlier")
        self.earlier.setWordWrap(True)
        self.earlier_count: int | None = None
        self.protected = False  # a protected person's details never go into a local draft
        self._looked_up_for = ""
        self._layout(n)
        self.pnr.textChanged.connect(self._pnr_changed)
        self.pnr.editingFinished.connect(lambda: self._pnr_changed(self.pnr.text(), final=True))

    def _layout(self, n: str) -> None:
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("<b>Barn %1</b>").replace("%1", n), self), 0, 0)
        for col, (text, w) in enumerate(((self.tr("Personnummer:"), self.pnr), (self.tr("Förnamn:"), self.first),
                                         (self.tr("Efternamn:"), self.last), (self.tr("Född (utan pnr):"), self.birth)),
                                        start=1):
            label = QLabel(text, self)
            label.setBuddy(w)
            grid.addWidget(label, 0, col * 2 - 1)
            grid.addWidget(w, 0, col * 2)
        grid.addWidget(self.remove, 0, 9)
        grid.addWidget(self.status, 1, 0, 1, 10)
        grid.addWidget(self.earlier, 2, 0, 1, 10)

    # --- personnummer ------------------------------------------------------------------------

    def _pnr_changed(self, text: str, final: bool = False) -> None:
        text = text.strip()
        digits = "".join(ch for ch in text if ch.isdigit())
        if not text:
            self._show_status("")
            return
        try:
            pnr = parse_personnummer(text, today=self.app.services.today())
        except PersonnummerError as exc:
            if final or len(digits) >= 10:
                self._show_status(exc.message, error=True)
            self.earlier.clear()
            self.earlier_count = None
            return
        if pnr.digits12 != self._looked_up_for:
            self._looked_up_for = pnr.digits12
            self._show_status(self.tr("Söker efter tidigare anmälningar …"))
            self.app.run(lookup_child, pnr.formatted, owner=self, on_done=self._show_lookup,
                         on_error=lambda exc: self._show_status(str(exc), error=True))

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        if error:
            theme.danger_label(self.status)
        else:
            theme.style(self.status, lambda: "")
        self.pnr.setProperty("invalid", error)
        theme.invalid_border(self.pnr, error)

    def _show_lookup(self, result) -> None:
        person, reports, self.sibling_cases = result
        if person is None:
            self._show_status(self.tr("Ny person i systemet – fyll i förnamn och efternamn."))
        else:
            marking = protection_label(person.protection)
            self.protected = bool(marking)
            self._show_status(self.tr("Känd person: %1 %2").replace("%1", person.name).replace("%2", marking),
                              error=bool(marking))
            if not self.first.text():
                self.first.setText(person.first_name)
            if not self.last.text():
                self.last.setText(person.last_name)
        self.earlier_count = len(reports)
        self._show_earlier(reports)
        self.looked_up.emit()

    def _show_earlier(self, reports) -> None:
        if not reports:
            self.earlier.setText(self.tr("Inga tidigare anmälningar om barnet.") + self._siblings_html())
            return
        lines = "<br>".join("• " + _report_line(r) for r in reports)
        self.earlier.setText(self.tr("<b>Tidigare anmälningar om barnet (%1):</b><br>%2")
                             .replace("%1", str(len(reports))).replace("%2", lines) + self._siblings_html())

    def _siblings_html(self) -> str:
        cases_ = [x for x in getattr(self, "sibling_cases", []) if x.case_number]
        if not cases_:
            return ""
        return "<br>" + self.tr("<b>Syskons ärenden:</b> %1").replace("%1", "; ".join(
            html.escape(f"{x.name} {x.case_number} ({x.status})") for x in cases_))

    # --- result ------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not any(w.text().strip() for w in (self.pnr, self.first, self.last, self.birth))

    def local_error(self) -> str | None:
        """A personnummer or birth date that cannot be right, in Swedish, before anything is sent."""
        if self.pnr.text().strip():
            try:
                parse_personnummer(self.pnr.text(), today=self.app.services.today())
            except PersonnummerError as exc:
                return exc.message
        elif self.birth.text().strip():
            try:
                date.fromisoformat(self.birth.text().strip())
            except ValueError:
                return self.tr("Födelsedatum skrivs ÅÅÅÅ-MM-DD.")
        return None

    def child_input(self) -> ChildInput:
        birth = self.birth.text().strip()
        return ChildInput(personnummer=self.pnr.text().strip() or None, first_name=self.first.text().strip(),
                          last_name=self.last.text().strip(),
                          birth_date=date.fromisoformat(birth) if birth and not self.pnr.text().strip() else None)
