"""The Loggkontroll page driven as the systemansvarig would: pick a period, run, read, mark checked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt, QTime

from test_audit_review import DAY, planted  # noqa: F401 - the planted reads

pytestmark = pytest.mark.ui


@pytest.fixture
def page_for(qtbot, ctx_for, planted):  # noqa: F811
    from ifodesk.ui.appctx import AppContext
    from ifodesk.ui.pages.log_review import LogReviewPage

    apps = []

    def make(username: str = "admin"):
        app = AppContext(ctx_for(username))
        apps.append(app)
        p = LogReviewPage(app)
        qtbot.addWidget(p)
        p.resize(1170, 700)  # the page beside the navigation on a 1366×768 screen
        p.show()
        return p

    yield make
    for app in apps:
        assert app.tasks.wait(10000)
        qtbot.waitUntil(lambda app=app: app.tasks.pending == 0, timeout=10000)


def _run_for_day(qtbot, p) -> None:
    day = QDate(DAY.year, DAY.month, DAY.day)
    p.date_from.setDate(day)
    p.date_to.setDate(day)
    qtbot.mouseClick(p.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: p.run_button.isEnabled() and "2026-03-03 – 2026-03-03" in p.summary.text(),
                    timeout=10000)


def _texts(model, col: int) -> list[str]:
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_the_review_shows_each_rule_in_its_own_tab(qtbot, page_for):
    p = page_for()
    _run_for_day(qtbot, p)
    tabs = [p.tabs.tabText(i) for i in range(p.tabs.count())]
    assert tabs[:2] == ["Skyddade personer (2)", "Utanför eget ärende/enhet (3)"]
    assert p.tabs.tabToolTip(1) == "Läsningar utanför egna ärenden eller enhet"
    users = _texts(p.models["outside_unit"], 1)
    assert users == ["Petra Engström (petra.vuxen)", "Maria Östlund (maria.ostlund)", "Maria Östlund (maria.ostlund)"]
    assert _texts(p.models["sign_in_failed"], 1) == ["okand.person"]
    assert "kvar att kontrollera" in p.summary.text()


def test_a_finding_is_marked_checked_with_a_note(qtbot, page_for, ctx_for):
    from ifodesk.services import audit_review

    p = page_for()
    _run_for_day(qtbot, p)
    p.tabs.setCurrentIndex(1)
    qtbot.mouseClick(p.mark_button, Qt.MouseButton.LeftButton)
    assert "Välj först" in p.status.text()
    p.views["outside_unit"].selectRow(0)
    qtbot.mouseClick(p.mark_button, Qt.MouseButton.LeftButton)  # no note yet
    qtbot.waitUntil(lambda: "anteckning" in p.status.text(), timeout=10000)
    qtbot.keyClicks(p.note, "Vikarierade i Barn och unga, ok.")
    qtbot.mouseClick(p.mark_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _texts(p.models["outside_unit"], 6)[0].endswith("Vikarierade i Barn och unga, ok."),
                    timeout=10000)
    assert _texts(p.models["outside_unit"], 6)[1:] == ["", ""]
    assert p.note.text() == ""
    assert p.tabs.tabText(1) == "Utanför eget ärende/enhet (2)"
    stored = audit_review.run_review(ctx_for("admin"), DAY, DAY).findings["outside_unit"]
    assert [f.note for f in stored if f.checked] == ["Vikarierade i Barn och unga, ok."]


def test_threshold_and_office_hours_are_chosen_on_the_page(qtbot, page_for):
    p = page_for()
    p.many.setValue(2)
    _run_for_day(qtbot, p)
    assert _texts(p.models["many_persons"], 1) == ["Maria Östlund (maria.ostlund)"]
    p.office_end.setTime(QTime(23, 0))
    _run_for_day(qtbot, p)
    assert p.models["off_hours"].rowCount() == 0 and p.tabs.tabText(4) == "Utanför kontorstid"


def test_who_has_read_a_child(qtbot, page_for):
    p = page_for()
    _run_for_day(qtbot, p)
    p.tabs.setCurrentIndex(p.tabs.count() - 1)
    qtbot.keyClicks(p.person, "20180704-9810")
    qtbot.keyClick(p.person, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: p.readers.rowCount() == 6, timeout=10000)
    assert "Anna Lind (anna.lind)" in _texts(p.readers, 1) and "i lista" in _texts(p.readers, 3)
    p.person.setText("12345")
    qtbot.keyClick(p.person, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: p.status.text() != "", timeout=10000)
    assert "Traceback" not in p.status.text()


def test_a_caseworker_is_told_the_page_is_not_theirs(qtbot, page_for):
    p = page_for("anna.lind")
    p.activate()
    assert not p.run_button.isEnabled() and not p.mark_button.isEnabled()
    assert "systemansvarig" in p.status.text()
    assert p.app.tasks.pending == 0


def test_screenshot(qtbot, page_for, tmp_path):
    """IFODESK_SHOT_DIR keeps the picture for a person to look at."""
    import os
    from pathlib import Path

    p = page_for()
    p.many.setValue(2)
    _run_for_day(qtbot, p)
    p.tabs.setCurrentIndex(1)
    p.views["outside_unit"].selectRow(0)
    out = Path(os.environ.get("IFODESK_SHOT_DIR", tmp_path))
    assert p.grab().save(str(out / "loggkontroll.png"))
