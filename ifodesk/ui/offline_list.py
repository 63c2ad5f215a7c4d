"""Check-out from a case list (issue 12): mark one or more cases, "Checka ut till bärbar dator …".
Own cases go straight out; others need a stated reason, as in the case view. All or nothing: if
one case may not be checked out, none is."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QPushButton

from ifodesk.services import access
from ifodesk.services import offline as offline_svc
from ifodesk.services.access import ReasonRequired
from ifodesk.services.errors import ValidationError

from .offline_case import CheckoutDialog, checkout_to_laptop, copy_location

TEXT = "Checka ut till bärbar dator …"


class ListCheckout(QObject):
    def __init__(self, case_list):
        super().__init__(case_list)
        self.list, self.app = case_list, case_list.app
        self.dialog: CheckoutDialog | None = None
        view = case_list.view
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # Ctrl/Skift + klick
        self.button = QPushButton(self.tr(TEXT), case_list)
        self.button.setObjectName(f"{view.objectName()}_offline_checkout")
        self.button.setAccessibleName(self.tr("Checka ut markerade ärenden till bärbar dator"))
        self.button.setToolTip(self.tr("Markera ett eller flera ärenden (Ctrl- eller Skift-klick) och checka ut "
                                       "dem för att arbeta utan anslutning."))
        self.button.clicked.connect(self.ask)
        case_list.top.addWidget(self.button)
        self.action = QAction(self.tr(TEXT), view)
        self.action.setObjectName(f"{view.objectName()}_offline_checkout_action")
        self.action.triggered.connect(self.ask)
        view.addAction(self.action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def selected(self):
        """The marked cases that have arrived from the server, in list order."""
        rows = sorted({i.row() for i in self.list.view.selectionModel().selectedRows()})
        if not rows and self.list.view.currentIndex().isValid():
            rows = [self.list.view.currentIndex().row()]
        cases = [self.list.model.case_at(r) for r in rows]
        return [c for c in cases if c is not None]

    def ask(self) -> None:
        cases = self.selected()
        if not cases:
            self.app.report_error(ValidationError(self.tr("Markera ett eller flera ärenden i listan.")))
            return
        if len(cases) > offline_svc.MAX_CASES:
            self.app.report_error(ValidationError(
                self.tr("Högst %1 ärenden kan checkas ut på en gång.").replace("%1", str(offline_svc.MAX_CASES))))
            return
        if copy_location(self.app.actor.username).exists():
            self.app.report_error(ValidationError(
                self.tr("Det finns redan en utcheckad kopia på datorn. Checka in den först.")))
            return
        me = self.app.user_id()
        self.cases = cases
        self.dialog = CheckoutDialog([c.case_number for c in cases], self.list,
                                     others=sum(1 for c in cases if c.assigned_to != me), submit=self._submit)
        self.dialog.open()

    def _submit(self) -> None:
        d = self.dialog
        if d.others and not d.reason.text().strip():
            d.show_error(self.tr("Skriv ett skäl: %1 av ärendena är inte dina.").replace("%1", str(d.others)))
            d.reason.setFocus()
            return
        d.ok.setEnabled(False)
        d.error.hide()
        server = getattr(self.app.services.db, "url", "")
        self.app.run(checkout_to_laptop, [c.id for c in self.cases], d.laptop.text(), d.reason.text(),
                     copy_location(self.app.actor.username), server.split("@")[-1], owner=d,
                     on_done=self._done, on_error=self._failed)

    def _failed(self, exc) -> None:
        if self.dialog is None:
            return
        if isinstance(exc, ReasonRequired):
            self.dialog.show_error(self.tr("Minst ett av ärendena är inte ditt: skriv ett skäl."))
        else:
            self.dialog.show_error(str(exc))

    def _done(self, numbers) -> None:
        self.dialog.accept()
        self.dialog = None
        self.app.status_message.emit(self.tr("Utcheckat till den här datorn: %1. Starta ifodesk --offline "
                                             "för att arbeta utan anslutning.").replace("%1", ", ".join(numbers)))
        self.app.data_changed.emit("case")


def install(case_list) -> ListCheckout | None:
    """Only online, and only for roles that may check cases out."""
    app = case_list.app
    if getattr(app.services, "copy", None) is not None or not access.may(app.services, "offline.checkout"):
        return None
    return ListCheckout(case_list)
