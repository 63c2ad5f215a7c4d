"""In the case view (issue 12): "Utcheckad till bärbar dator av … sedan …" and
"Checka ut till bärbar dator …". Installed by one call from the case view."""

from __future__ import annotations

import socket

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from ifodesk.services import offline as offline_svc
from ifodesk.services.access import ReasonRequired
from ifodesk.services.errors import ValidationError

from . import theme
from .widgets.inputs import error_label, line_edit


def copy_location(username: str):
    """Where the user's copy is kept on this computer."""
    from ifodesk.offline.store import default_path

    return default_path(username)


def checkout_to_laptop(ctx, case_ids, laptop: str, reason: str | None, path, server: str):
    """Worker: check out on the server, then store the copy encrypted under a new key of its own
    (in the OS keyring; destroyed when the copy is checked in)."""
    from ifodesk.offline.keys import new_key
    from ifodesk.services.offline_local import save_package

    package = offline_svc.check_out(ctx, list(case_ids), laptop=laptop, reason=reason or None)
    save_package(package, path, new_key(ctx.actor.username), server)
    return package.case_numbers


class CheckoutDialog(QDialog):
    """case_numbers: what is checked out; others: how many of them are not the user's own (a reason
    is then required). submit: called on OK instead of closing, so errors show in the dialog."""

    def __init__(self, case_numbers, parent: QWidget | None = None, *, others: int = 0, submit=None):
        super().__init__(parent)
        if isinstance(case_numbers, str):
            case_numbers = [case_numbers]
        self.setObjectName("offline_checkout_dialog")
        self.setWindowTitle(self.tr("Checka ut till bärbar dator"))
        if len(case_numbers) == 1:
            what = self.tr("Ärende %1 kopieras").replace("%1", case_numbers[0])
        else:
            what = self.tr("%1 ärenden (%2) kopieras").replace("%1", str(len(case_numbers))).replace(
                "%2", ", ".join(case_numbers))
        intro = QLabel(what + self.tr(" krypterat till den här datorn så att du kan skriva journalanteckningar, "
                                      "utredningstext och beslutsförslag utan anslutning. Ändringarna skickas "
                                      "när du checkar in."), self)
        intro.setObjectName("offline_checkout_intro")
        intro.setWordWrap(True)
        self.laptop = line_edit(self, "offline_laptop", self.tr("Datorns namn"))
        self.laptop.setText(socket.gethostname()[:100])
        self.reason = line_edit(self, "offline_reason", self.tr("Skäl (krävs för andras ärenden)"))
        self.others = others
        self.error = error_label(self, "offline_checkout_error")
        form = QFormLayout(self)
        form.addRow(intro)
        if others:
            note = QLabel(self.tr("%1 av ärendena är inte dina: skriv skälet till att du tar med dem. Skälet "
                                  "loggas.").replace("%1", str(others)), self)
            note.setObjectName("offline_checkout_others")
            note.setWordWrap(True)
            form.addRow(note)
        form.addRow(self.tr("&Dator:"), self.laptop)
        form.addRow(self.tr("&Skäl:"), self.reason)
        form.addRow(self.error)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("Checka ut"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("offline_checkout_ok")
        buttons.addButton(self.tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept if submit is None else submit)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.ok.setEnabled(True)


class CaseOfflineBox(QWidget):
    """The checked-out note and the check-out button, under the case header."""

    def __init__(self, case_view):
        super().__init__(case_view.header)
        self.view, self.app = case_view, case_view.app
        self.setObjectName("case_offline_box")
        self.note = QLabel(self)
        self.note.setObjectName("case_offline_note")
        theme.style(self.note, lambda: theme.text_css("warning") + "font-weight:bold;")
        self.note.hide()
        self.checkout = QPushButton(self.tr("Checka ut till bärbar dator …"), self)
        self.checkout.setObjectName("offline_checkout")
        self.checkout.setAccessibleName(self.tr("Checka ut ärendet till bärbar dator"))
        self.checkout.clicked.connect(self.ask)
        self.checkout.setVisible(getattr(self.app.services, "copy", None) is None)  # not inside a copy
        self.dialog: CheckoutDialog | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.note, 1)
        case_view.header.add_action(self.checkout)  # the note's row is hidden until there is a note
        case_view.header.layout().addWidget(self)
        self.hide()
        case_view.loaded.connect(self.refresh)

    def refresh(self, detail) -> None:
        if getattr(self.app.services, "copy", None) is not None:
            return
        case_id = detail.summary.id
        self.app.run(offline_svc.checkout_note, case_id, None, owner=self,
                     on_done=self._show_note, on_error=lambda _exc: self.note.hide())

    def _show_note(self, text) -> None:
        self.note.setText(text or "")
        self.note.setVisible(bool(text))
        self.setVisible(bool(text))

    def ask(self) -> None:
        if self.view.detail is None:
            return
        self.dialog = CheckoutDialog(self.view.detail.summary.case_number, self)
        self.dialog.accepted.connect(self._check_out)
        self.dialog.open()

    def _check_out(self) -> None:
        d = self.dialog
        path = copy_location(self.app.actor.username)
        if path.exists():
            self.app.report_error(ValidationError(self.tr("Det finns redan en utcheckad kopia på datorn. Checka in "
                                                     "den först.")))
            return
        server = getattr(self.app.services.db, "url", "")
        self.app.run(checkout_to_laptop, [self.view.detail.summary.id], d.laptop.text(), d.reason.text(),
                     path, server.split("@")[-1], owner=self, on_done=self._done, on_error=self._failed)

    def _failed(self, exc) -> None:
        if isinstance(exc, ReasonRequired):  # someone else's case: the reason goes in the dialog
            self.app.report_error(ValidationError(self.tr("Ärendet är inte ditt: skriv ett skäl i "
                                                          "utcheckningen.")))
            return
        self.app.report_error(exc)

    def _done(self, numbers) -> None:
        self.app.status_message.emit(self.tr("Utcheckat till den här datorn: %1. Starta ifodesk --offline "
                                             "för att arbeta utan anslutning.").replace("%1", ", ".join(numbers)))
        self.view.reload()


def install(case_view) -> CaseOfflineBox:
    return CaseOfflineBox(case_view)
