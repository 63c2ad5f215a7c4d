"""Anmälningar: new reports with an open förhandsbedömning; the 1:e socialsekreterare distributes them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ifodesk.domain.categories import load_categories
from ifodesk.services import access, admin, caseview, inbox

from .. import theme
from ..labels import person_name, protected_colour
from ..models.record_table import Column, RecordTableModel
from ..widgets.tables import make_table
from .base import Page

translate = QCoreApplication.translate


def _skydd(item) -> str:
    return translate("Inbox", "✓ Gjord") if item.skyddsbedomning_done else translate("Inbox", "⚠ Saknas")


def _fb_state(item) -> str:
    if item.days_left < 0:
        return translate("Inbox", "⚠ Försenad (%1)").replace("%1", item.due_on.isoformat())
    return translate("Inbox", "%1 dagar kvar (%2)").replace("%1", str(item.days_left)).replace(
        "%2", item.due_on.isoformat())


def _alarm(ok) -> QColor | None:
    return None if ok else theme.background("overdue")  # fine: the table's own colours


def _alarm_fg(ok) -> QColor | None:
    return None if ok else theme.foreground("overdue")


ANLEDNING, HANDLAGGARE = 5, 8  # columns: the one that stretches, the one only "Alla öppna" needs


def inbox_columns() -> list[Column]:
    cats = load_categories()
    return [
        Column(translate("Inbox", "Mottagen"), lambda i: i.received_at),
        Column(translate("Inbox", "Barn"), lambda i: person_name(i.person), foreground=lambda i: protected_colour(i.person)),
        Column(translate("Inbox", "Personnummer"), lambda i: i.person.display_id),
        Column(translate("Inbox", "Ärende"), lambda i: i.case_number),
        Column(translate("Inbox", "Anmälare"), lambda i: cats.label(i.reporter_category),
               tooltip=lambda i: cats.label(i.reporter_category)),
        Column(translate("Inbox", "Anledning"), lambda i: ", ".join(cats.label(r) for r in i.reasons),
               tooltip=lambda i: ", ".join(cats.label(r) for r in i.reasons)),
        Column(translate("Inbox", "Skyddsbedömning"), _skydd, lambda i: _alarm(i.skyddsbedomning_done),
               lambda i: _alarm_fg(i.skyddsbedomning_done)),
        Column(translate("Inbox", "Förhandsbedömning"), _fb_state, lambda i: _alarm(i.days_left >= 0),
               lambda i: _alarm_fg(i.days_left >= 0)),
        Column(translate("Inbox", "Handläggare"), lambda i: i.assigned_name or translate("Inbox", "Ofördelad")),
    ]


class InboxPage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Anmälningar")
    page_id = "inbox"

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.model = RecordTableModel(inbox_columns(), self)
        self.view = make_table("inbox_table", self.tr("Nya anmälningar"), self.model, self,
                               (120, 150, 105, 112, 140, 0, 112, 185, 110), stretch=ANLEDNING)
        self.view.activated.connect(self._open)
        self.show_combo = self._combo("inbox_show", self.tr("Visa anmälningar"),
                                      [self.tr("Ofördelade"), self.tr("Alla öppna")])
        self.show_combo.setCurrentIndex(0 if app.can_distribute() else 1)
        self.show_combo.currentIndexChanged.connect(lambda _i: self.activate())
        self.count = QLabel(self)
        self.count.setObjectName("inbox_count")
        self.assignee = self._combo("inbox_assignee", self.tr("Fördela till handläggare"), [])
        self.assign_button = QPushButton(self.tr("&Fördela"), self)
        self.assign_button.setObjectName("inbox_assign")
        self.assign_button.setAccessibleName(self.tr("Fördela vald anmälan"))
        self.assign_button.clicked.connect(self._assign)
        self.new_button = QPushButton(self.tr("Ny anmälan (Ctrl+N)"), self)
        self.new_button.setObjectName("inbox_new_anmalan")
        self.new_button.setAccessibleName(self.tr("Registrera ny anmälan"))
        self.new_button.clicked.connect(app.new_anmalan)
        self.new_button.setVisible(access.may(app.services, "case.create"))  # not offered to the secretary
        self._layout()
        app.data_changed.connect(self.refresh_if_visible)
        if app.can_distribute():
            app.run(_staff, owner=self, on_done=self._show_staff)

    def _combo(self, name: str, accessible: str, items: list[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.addItems(items)
        return combo

    def _layout(self) -> None:
        top = QHBoxLayout()
        show_label = QLabel(self.tr("&Visa:"), self)
        show_label.setBuddy(self.show_combo)
        top.addWidget(show_label)
        top.addWidget(self.show_combo)
        top.addWidget(self.count, 1)
        top.addWidget(self.new_button)
        bottom = QHBoxLayout()
        if self.app.can_distribute():
            to_label = QLabel(self.tr("Fördela markerad anmälan &till:"), self)
            to_label.setBuddy(self.assignee)
            bottom.addWidget(to_label)
            bottom.addWidget(self.assignee, 1)
            bottom.addWidget(self.assign_button)
        else:
            self.assignee.hide()
            self.assign_button.hide()
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("<h2>Anmälningar som väntar på förhandsbedömning</h2>"), self))
        box.addLayout(top)
        box.addWidget(self.view, 1)
        box.addLayout(bottom)

    def activate(self) -> None:
        unassigned = self.show_combo.currentIndex() == 0
        self.view.setColumnHidden(HANDLAGGARE, unassigned)  # every row would say "Ofördelad"
        self.app.run(inbox.new_reports, unassigned_only=unassigned, owner=self, on_done=self._show)

    def _show(self, items) -> None:
        self.model.set_records(items)
        self.count.setText(self.tr("%1 anmälningar (ett barn per rad)").replace("%1", str(len(items))))
        if items:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _show_staff(self, users) -> None:
        self.assignee.clear()
        for u in users:
            self.assignee.addItem(f"{u.full_name} ({u.title})", u.id)

    def _selected(self):
        idx = self.view.currentIndex()
        return self.model.record(idx.row()) if idx.isValid() else None

    def _open(self, index) -> None:
        item = self.model.record(index.row())
        if item is not None:
            self.app.open_case.emit(item.case_id)

    def _assign(self) -> None:
        item, user_id = self._selected(), self.assignee.currentData()
        if item is None or user_id is None:
            self.app.status_message.emit(self.tr("Markera en anmälan och välj en handläggare."))
            return
        self.app.run(caseview.assign_case, item.case_id, item.case_version, user_id, owner=self,
                     on_done=self._assigned, on_error=self._failed)

    def _assigned(self, summary) -> None:
        self.app.status_message.emit(self.tr("%1 fördelat till %2.").replace("%1", summary.case_number)
                                     .replace("%2", summary.assigned_name or ""))
        self.app.data_changed.emit("case")

    def _failed(self, exc: Exception) -> None:
        self.app.report_error(exc)
        self.activate()


def _staff(ctx):
    """Active handläggare who share a unit with the one distributing."""
    units = set(ctx.actor.unit_ids)
    return [u for u in admin.list_users(ctx.db, ctx.actor.municipality_id)
            if u.active and u.role == "handlaggare" and units & set(u.unit_ids)]
