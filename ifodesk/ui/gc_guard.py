"""Python's cyclic garbage collector runs only on the GUI thread (the Anki/Camelot/OpenCue pattern).

Automatic collection starts on whichever thread happens to allocate. When that is a worker, the
collector may destroy QObjects there: ~QObject takes a Qt mutex and then waits for the GIL, while
the GUI thread holds the GIL and waits for that mutex inside QObject::connect -- a deadlock (issue
8, item 1). So automatic collection is switched off and a timer on the GUI thread collects with the
same generational thresholds Python would have used.
"""

from __future__ import annotations

import gc
import logging
import threading

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

INTERVAL_MS = 500


class GarbageCollector(QObject):
    """Owns the collection schedule; `check()` may also be called directly (tests do, between tests)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self._gui_thread = threading.get_ident()
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect the generations whose counters passed their thresholds; only on the GUI thread."""
        if threading.get_ident() != self._gui_thread:
            return 0
        l0, l1, l2 = gc.get_count()
        collected = 0
        if l0 > self.threshold[0]:
            collected = gc.collect(0)
            if l1 > self.threshold[1]:
                collected += gc.collect(1)
                if l2 > self.threshold[2]:
                    collected += gc.collect(2)
        return collected

    def stop(self) -> None:
        """Back to Python's own schedule (after the GUI is gone)."""
        self.timer.stop()
        gc.enable()


_installed: GarbageCollector | None = None


def install(qapp: QObject) -> GarbageCollector:
    """Once per process: the collector is a child of the QApplication and lives as long as it."""
    global _installed
    if _installed is None:
        _installed = GarbageCollector(qapp)
    return _installed


def installed() -> GarbageCollector | None:
    return _installed
