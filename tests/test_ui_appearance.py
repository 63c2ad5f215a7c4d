"""Readable for everyone (issue 8, item 13): zoom from the system font, high contrast, rows follow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from ui_support import drafts, make_app, make_window  # noqa: F401


def test_zoom_keys_scale_every_page_and_the_navigation_and_high_contrast_toggles(qtbot, make_window):
    from ifodesk.ui.appearance import Appearance

    w = make_window("anna.lind")
    look = Appearance.of()
    base = QApplication.font().pointSizeF()
    nav_before = w.nav.font().pointSizeF()
    table = w.page("start").deadline_view
    row_before = table.verticalHeader().defaultSectionSize()
    try:
        qtbot.keyClick(w, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(w, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        assert look.scale == 1.25
        assert QApplication.font().pointSizeF() > base * 1.2
        # The font change reaches the widgets as events; the navigation has no font size of its own any more.
        qtbot.waitUntil(lambda: w.nav.font().pointSizeF() > nav_before * 1.2, timeout=5000)
        assert table.verticalHeader().defaultSectionSize() > row_before
        qtbot.keyClick(w, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
        assert look.scale == 1.1
        qtbot.keyClick(w, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.font().pointSizeF() == base and table.verticalHeader().defaultSectionSize() == row_before
        qtbot.keyClick(w, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert look.high_contrast
        qtbot.waitUntil(lambda: w.palette().color(QPalette.ColorRole.Window).name() == "#000000", timeout=5000)
        assert w.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    finally:
        look.zoom_reset()
        if look.high_contrast:
            look.toggle_high_contrast()
    qtbot.waitUntil(lambda: w.palette().color(QPalette.ColorRole.Window).name() != "#000000", timeout=5000)
