"""The installed Qt binding must not leak references: PySide6 6.12.0 aborts the app after a while."""

from __future__ import annotations

import sys


def test_pyside_calls_do_not_leak_references_to_none_or_true(qtbot):
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QLabel

    class Emitter(QObject):
        changed = Signal(bool)

    label = QLabel()
    qtbot.addWidget(label)
    emitter = Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        label.setText("Maja Öberg")
        emitter.changed.emit(True)
    # A leaking build loses one reference per call (2000 here); allow a little ordinary noise.
    assert abs(sys.getrefcount(None) - none_before) < 200
    assert abs(sys.getrefcount(True) - true_before) < 200
