"""Readable for everyone: zoom (Ctrl+plus/minus/0) from the system's own font size, and a
high-contrast palette (Ctrl+Shift+K). The colours beyond the palette are in theme.py.

Zoom scales the application font; every widget without a font of its own follows it, and table
rows follow the new line height. Nothing is written anywhere: the next start uses the system's
font size again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QTableView

from . import theme
from .theme import high_contrast_palette

ZOOM = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0)
NORMAL = ZOOM.index(1.0)
ROW_PADDING = 8  # pixels above and below the text of a table row


class Appearance(QObject):
    """One per application: the font scale and palette every window shares."""

    changed = Signal()

    def __init__(self, qapp: QApplication):
        super().__init__(qapp)
        self.qapp = qapp
        self.base_font = QFont(qapp.font())  # the system's font and size, as the user set them
        self.base_palette = QPalette(qapp.palette())
        self.base_style = qapp.style().name()
        self.step = NORMAL
        self.high_contrast = False

    @classmethod
    def of(cls, qapp: QApplication | None = None) -> Appearance:
        qapp = qapp or QApplication.instance()
        existing = qapp.findChild(Appearance)
        return existing if existing is not None else cls(qapp)

    @property
    def scale(self) -> float:
        return ZOOM[self.step]

    def zoom_in(self) -> None:
        self._zoom(min(self.step + 1, len(ZOOM) - 1))

    def zoom_out(self) -> None:
        self._zoom(max(self.step - 1, 0))

    def zoom_reset(self) -> None:
        self._zoom(NORMAL)

    def _zoom(self, step: int) -> None:
        self.step = step
        font = QFont(self.base_font)
        if self.base_font.pointSizeF() > 0:
            font.setPointSizeF(self.base_font.pointSizeF() * self.scale)
        else:
            font.setPixelSize(max(6, round(self.base_font.pixelSize() * self.scale)))
        self.qapp.setFont(font)
        self._fit_rows(font)
        self.changed.emit()

    def _fit_rows(self, font: QFont) -> None:
        height = QFontMetrics(font).height() + ROW_PADDING
        for w in self.qapp.allWidgets():
            if isinstance(w, QTableView):
                w.verticalHeader().setDefaultSectionSize(height)
        theme.restyle_all()  # relative font sizes, and a restyled widget takes the new font

    def toggle_high_contrast(self) -> None:
        self.high_contrast = not self.high_contrast
        self.qapp.setStyle(theme.HIGH_CONTRAST_STYLE if self.high_contrast else self.base_style)
        self.qapp.setPalette(high_contrast_palette() if self.high_contrast else self.base_palette)
        theme.restyle_all()  # banners and marked areas take the colours of the new palette
        self.changed.emit()


def row_height(widget) -> int:
    """A table row's height for the widget's current font (zoom included)."""
    return widget.fontMetrics().height() + ROW_PADDING


def install_shortcuts(window) -> None:
    """Ctrl++ / Ctrl+= larger, Ctrl+- smaller, Ctrl+0 normal size, Ctrl+Shift+K high contrast."""
    from PySide6.QtGui import QKeySequence, QShortcut

    look = Appearance.of()
    for keys, slot in (((QKeySequence.StandardKey.ZoomIn, "Ctrl++", "Ctrl+="), look.zoom_in),
                       ((QKeySequence.StandardKey.ZoomOut, "Ctrl+-"), look.zoom_out),
                       (("Ctrl+0",), look.zoom_reset), (("Ctrl+Shift+K",), look.toggle_high_contrast)):
        seen = set()
        for k in keys:
            seq = QKeySequence(k)
            if seq.isEmpty() or seq.toString() in seen:
                continue
            seen.add(seq.toString())
            QShortcut(seq, window, slot)
