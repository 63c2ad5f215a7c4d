"""ifodesk --smoke-test: start, show the main window with data, check the bundle's Qt parts, quit.

For CI on the frozen bundle and for IT after an installation: a missing translation, Qt plugin,
icon or hidden import fails here (exit 1) instead of on a social worker's desk.
"""

from __future__ import annotations

import sys
import time

TIMEOUT_S = 60.0


def problems(qapp, window) -> list[str]:
    from ifodesk.resources import resource_path

    from PySide6.QtCore import QTranslator

    found = []
    ours = QTranslator()
    if not ours.load("ifodesk_sv", str(resource_path("translations"))) or ours.isEmpty():
        found.append("översättningsfilen ifodesk_sv.qm saknas eller är tom")
    if int(qapp.property("ifodesk_translators") or 0) < 1:
        found.append("inga översättningar installerades")
    if window.windowIcon().isNull():
        found.append("programikonen saknas")
    if not (resource_path("fonts") / "DejaVuSans.ttf").is_file():
        found.append("typsnittet för PDF saknas")
    return found


def run(qapp, window) -> int:
    """Wait until the window says it is ready, then report; the caller has shown the window."""
    ready = []
    window.ready.connect(lambda: ready.append(True))
    deadline = time.monotonic() + TIMEOUT_S
    while not ready and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.02)
    found = problems(qapp, window) + ([] if ready else [f"fönstret blev inte klart på {TIMEOUT_S:.0f} s"])
    window.close()
    if found:
        print("ifodesk: självtest misslyckades: " + "; ".join(found), file=sys.stderr)
        return 1
    print(f"ifodesk: självtest klart ({window.windowTitle()})")
    return 0
