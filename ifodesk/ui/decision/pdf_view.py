"""Show a PDF as it will be printed (QtPdf's QPdfView), and save it where the user chooses."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ifodesk.fileio import write_bytes
from ifodesk.public_errors import describe

from ..widgets.inputs import button
from ..dialogs import fit_to_screen

try:  # QtPdf is an add-on module; without it the PDF opens in the system's viewer
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - depends on the installation
    QPdfDocument = QPdfView = None


class PdfViewDialog(QDialog):
    """The PDF bytes in a viewer, with Spara som … (the same bytes are written)."""

    def __init__(self, data: bytes, title: str, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pdf_view_dialog")
        self.setWindowTitle(title)
        self.data, self.file_name = data, file_name
        self.file_dialog: QFileDialog | None = None
        self.saved_path: Path | None = None
        self.status = QLabel(self)
        self.status.setObjectName("pdf_status")
        self.save_button = button(self, "pdf_save", self.tr("&Spara som PDF …"))
        self.save_button.clicked.connect(self.save_as)
        close = button(self, "pdf_close", self.tr("S&täng"))
        close.clicked.connect(self.accept)
        self.view = self._make_view()
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        row.addWidget(close)
        box = QVBoxLayout(self)
        box.addWidget(self.view, 1)
        box.addLayout(row)
        fit_to_screen(self, 820, 700)

    def _make_view(self) -> QWidget:
        if QPdfView is None:
            path = Path(tempfile.mkdtemp(prefix="ifodesk-")) / self.file_name
            path.write_bytes(self.data)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            label = QLabel(self.tr("PDF-filen öppnades i datorns PDF-läsare: %1").replace("%1", str(path)), self)
            label.setObjectName("pdf_view")
            label.setWordWrap(True)
            return label
        self._bytes = QByteArray(self.data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        view = QPdfView(self)
        view.setObjectName("pdf_view")
        view.setAccessibleName(self.windowTitle())
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setDocument(self.document)
        pages = self.document.pageCount()
        self.status.setText(self.tr("1 sida") if pages == 1 else self.tr("%1 sidor").replace("%1", str(pages)))
        return view

    def save_as(self) -> None:
        """A non-blocking file dialog; the file is written when a name is chosen."""
        dialog = QFileDialog(self, self.tr("Spara PDF"), str(Path.home() / self.file_name),
                             self.tr("PDF-filer (*.pdf)"))
        dialog.setObjectName("pdf_file_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.fileSelected.connect(self.write_to)
        self.file_dialog = dialog
        dialog.open()

    def write_to(self, path: str) -> None:
        if not path:
            return
        try:  # whole or not at all: a full disk leaves no 0-byte PDF
            write_bytes(Path(path), self.data)
        except OSError as exc:
            self.status.setText(self.tr("Kunde inte spara: %1").replace("%1", describe(exc)))
            return
        self.saved_path = Path(path)
        self.status.setText(self.tr("Sparad: %1").replace("%1", path))
