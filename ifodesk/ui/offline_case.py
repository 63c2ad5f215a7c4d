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
    """Where the copy is kept and the key it is encrypted with (the drafts' keyring key)."""
    from ifodesk.offline.store import default_path

    from .draft_keys import draft_key

    return default_path(username), draft_key(username)[0]


def checkout_to_laptop(ctx, case_ids, laptop: str, reason: str | None, path, key, server: str):
    """Worker: check out on the server, then store the copy encrypted (never plain text on disk)."""
    from ifodesk.services.offline_local import save_package

    package = offline_svc.check_out(ctx, list(case_ids), laptop=laptop, reason=reason or None)
    save_package(package, path, key, server)
    return package.case_numbers


class CheckoutDialog(QDialog):
    def __init__(self, case_number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("offline_checkout_dialog")
        self.setWindowTitle(self.tr("Checka ut till bärbar dator"))
        intro = QLabel(self.tr("Ärende %1 kopieras krypterat till den här datorn så att du kan skriva "
                               "journalanteckningar, utredningstext och beslutsförslag utan anslutning. "
                               "Ändringarna skickas när du checkar in.").replace("%1", case_number), self)
        intro.setWordWrap(True)
        self.laptop = line_edit(self, "offline_laptop", self.tr("Datorns namn"))
        self.laptop.setText(socket.gethostname()[:100])
        self.reason = line_edit(self, "offline_reason", self.tr("Skäl (krävs för andras ärenden)"))
        self.error = error_label(self, "offline_checkout_error")
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("&Dator:"), self.laptop)
        form.addRow(self.tr("&Skäl:"), self.reason)
        form.addRow(self.error)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("Checka ut"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("offline_checkout_ok")
        buttons.addButton(self.tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


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
        path, key = copy_location(self.app.actor.username)
        if path.exists():
            self.app.report_error(ValidationError(self.tr("Det finns redan en utcheckad kopia på datorn. Checka in "
                                                     "den först.")))
            return
        server = getattr(self.app.services.db, "url", "")
        self.app.run(checkout_to_laptop, [self.view.detail.summary.id], d.laptop.text(), d.reason.text(),
                     path, key, server.split("@")[-1], owner=self, on_done=self._done, on_error=self._failed)

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
