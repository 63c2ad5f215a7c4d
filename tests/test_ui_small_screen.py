"""All screens usable at 1366×768 and 125 % scaling (issue 8, item 13).

1366×768 at 125 % is about 1093×614 device-independent pixels; a 40-pixel taskbar leaves 1093×574,
and a window's title bar and borders take 16×40 more (dialogs.FRAME). On demo data, every page,
every tab of the case view and the main dialogs must fit in that, and no push button may be cut
off, hidden outside the window or squeezed below its text's width.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPushButton, QScrollArea, QWidget

from ifodesk.ui import dialogs
from ui_support import drafts, make_app, make_window, wait_idle  # noqa: F401

pytestmark = pytest.mark.ui

SCREEN = QSize(1093, 614)  # 1366×768 at 125 %
AVAILABLE = QSize(1093, 574)  # less the taskbar
INSIDE = AVAILABLE - dialogs.FRAME  # what a maximized window or a dialog has inside its frame


@pytest.fixture
def demo(db, org, clock):
    from ifodesk.config import Municipality
    from ifodesk.services.demo import generate_demo

    generate_demo(db, Municipality(), cases=120, seed=5, today=date(2026, 3, 2))


@pytest.fixture
def small_screen(monkeypatch):
    """The test platform's screen is 800×800; the app is told it has the laptop's room."""
    monkeypatch.setattr(dialogs, "available_size", lambda widget=None: QSize(AVAILABLE))


def _fits(size: QSize, room: QSize = INSIDE) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def _in_scroll_area(w: QWidget, root: QWidget) -> bool:
    p = w.parentWidget()
    while p is not None and p is not root:
        if isinstance(p, QAbstractScrollArea):
            return True  # reachable by scrolling
        p = p.parentWidget()
    return False


def cut_off(root: QWidget, where: str) -> list[str]:
    """Push buttons of root's window that a user could not see whole."""
    QApplication.processEvents()
    problems = []
    inside = root.rect()
    for b in root.findChildren(QPushButton):
        if b.window() is not root or not b.isVisible() or _in_scroll_area(b, root):
            continue
        label = f"{where}: {b.objectName() or b.text()!r}"
        rect = QRect(b.mapTo(root, QPoint(0, 0)), b.size())
        if not inside.contains(rect):
            problems.append(f"{label} outside the window ({rect.getRect()} in {inside.size().toTuple()})")
        elif b.visibleRegion().boundingRect() != b.rect():
            problems.append(f"{label} cut off by its parent")
        elif b.width() < b.minimumSizeHint().width():
            problems.append(f"{label} narrower than its text ({b.width()} < {b.minimumSizeHint().width()})")
    for area in root.findChildren(QScrollArea):  # forms scroll down, never sideways
        if area.window() is root and area.isVisible() and area.widget() is not None:
            need, room = area.widget().minimumSizeHint().width(), area.viewport().width()
            if need > room:
                problems.append(f"{where}: {area.objectName() or area.widget().objectName() or 'scroll area'} "
                                f"needs sideways scrolling ({need} > {room})")
    return problems


def _window(qtbot, make_window, username):
    from ifodesk.ui.pages import default_pages

    w = make_window(username, pages=default_pages())
    w.resize(INSIDE)
    wait_idle(qtbot, w.app)
    assert _fits(w.minimumSizeHint()), (username, w.minimumSizeHint().toTuple())
    assert w.size() == INSIDE  # not forced larger than the screen by any page
    return w


def _visit_pages(qtbot, w, where: str) -> list[str]:
    problems = []
    for i, page in enumerate(w.pages):
        w.show_page(i)
        wait_idle(qtbot, w.app)
        problems += cut_off(w, f"{where}, sida {page.page_id}")
        assert w.size() == INSIDE, page.page_id
    return problems


def _visit_case(qtbot, w, case_id, where: str) -> list[str]:
    from ui_support import open_case

    view = open_case(qtbot, w, case_id)
    problems = []
    for i in range(view.tabs.count()):
        view.tabs.setCurrentIndex(i)
        wait_idle(qtbot, w.app)
        problems += cut_off(w, f"{where}, flik {view.tabs.tabText(i)}")
        assert w.size() == INSIDE, view.tabs.tabText(i)
    return problems


def _check_dialog(qtbot, dialog, where: str) -> list[str]:
    qtbot.waitUntil(dialog.isVisible, timeout=10000)
    QApplication.processEvents()
    assert _fits(dialog.minimumSizeHint()), (where, dialog.minimumSizeHint().toTuple())
    assert _fits(dialog.size()), (where, dialog.size().toTuple())
    return cut_off(dialog, where)


def _cases(ctx):
    """A protected person's case (the banner), one under utredning, and a fresh anmälan's case."""
    from ifodesk.services.caseview import CaseQuery, case_ids, case_rows

    from ifodesk.services import people

    rows = case_rows(ctx, case_ids(ctx, CaseQuery(), limit=400))
    utredning = next(r for r in rows if r.status == "utredning")
    fresh = next(r for r in rows if r.status == "forhandsbedomning")
    protected = next(r for r in rows if r.status == "utredning" and r.person.id != utredning.person.id)
    p = people.get_person(ctx, protected.person.id)
    people.update_person(ctx, p.summary.id, p.version, protection="skyddad_folkbokforing")
    return protected.id, utredning.id, fresh.id


def test_every_page_and_case_tab_fits_a_1366x768_screen_at_125_percent(
        qtbot, make_window, demo, ctx_for, small_screen):
    problems = []
    for username in ("karin.berg", "anna.lind", "helena.wallin", "admin"):
        w = _window(qtbot, make_window, username)
        problems += _visit_pages(qtbot, w, username)
        if username == "karin.berg":
            for case_id in _cases(ctx_for("karin.berg")):
                problems += _visit_case(qtbot, w, case_id, f"{username}, ärende")
        w.close()
    assert problems == [], "\n".join(problems)


def test_the_main_dialogs_fit_a_1366x768_screen_at_125_percent(qtbot, make_window, demo, ctx_for, small_screen):
    from ifodesk.ui.appctx import DecisionRequest
    from ifodesk.ui.meeting.protocol import ProtocolDialog
    from ui_support import open_case

    protected, utredning, fresh = _cases(ctx_for("karin.berg"))
    w = _window(qtbot, make_window, "karin.berg")
    problems = []

    w.new_anmalan()
    anm = w._anmalan_dialog
    qtbot.waitUntil(lambda: anm.unit.count() > 0, timeout=10000)
    anm.add_child()
    anm.add_child()  # three children: the list scrolls, the buttons stay
    problems += _check_dialog(qtbot, anm, "ny anmälan")
    anm.reject()

    view = open_case(qtbot, w, protected)
    view.header.open_person_dialog()
    problems += _check_dialog(qtbot, view.header.person_dialog, "personuppgifter")
    view.header.person_dialog.reject()
    view.header.open_handover()
    problems += _check_dialog(qtbot, view.header.handover_dialog, "byt handläggare")
    view.header.handover_dialog.reject()

    launcher = w.decision_editors
    w.app.new_decision.emit(DecisionRequest(utredning))
    qtbot.waitUntil(lambda: launcher.editors and launcher.editors[-1].isVisible(), timeout=10000)
    editor = launcher.editors[-1]
    template = next(t for t in editor.catalog.templates.values() if len(t.fields) >= 6)
    editor.picker.select(template.id)
    editor.choose_template(template)
    wait_idle(qtbot, w.app)
    problems += _check_dialog(qtbot, editor, f"beslut: {template.title}")
    editor.dirty = False
    editor.reject()
    wait_idle(qtbot, w.app)
    w.close()

    helena = _window(qtbot, make_window, "helena.wallin")
    iu = helena.page("iu")
    helena.show_page(helena.pages.index(iu))
    wait_idle(qtbot, helena.app)
    iu.new_meeting()
    problems += _check_dialog(qtbot, iu.dialog, "nytt sammanträde")
    iu.dialog.reject()
    protocol = ProtocolDialog(helena.app, "Justera protokollet", "Vem justerar och när?", helena)
    protocol.add_person("&Justerare:", "Justerare", [("Karin Berg", None)])
    protocol.add_date("&Datum:", "Datum", date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 2))
    protocol.open()
    problems += _check_dialog(qtbot, protocol, "justera protokollet")
    protocol.reject()
    wait_idle(qtbot, helena.app)
    assert problems == [], "\n".join(problems)
