"""The Verkställighet box in the case's Beslut tab and the queue on the Statistik page, driven as a
person would (issue 13, item 10)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt

from test_verkstallighet import planted  # noqa: F401 - decisions granted on chosen dates
from ui_support import drafts, make_app, wait_idle  # noqa: F401

pytestmark = pytest.mark.ui


@pytest.fixture
def box(qtbot, make_app, planted):  # noqa: F811
    from ifodesk.ui.case_view.verkstallighet_box import VerkstallighetBox

    app = make_app("anna.lind")
    b = VerkstallighetBox(app)
    qtbot.addWidget(b)
    b.resize(900, 300)
    b.show()
    return app, b


def load(qtbot, b, decision_id):
    b.show_decision(decision_id)
    qtbot.waitUntil(lambda: b.info is not None, timeout=10000)


def click_and_wait(qtbot, b, widget):
    with qtbot.waitSignal(b.changed, timeout=10000):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_box_assigns_marks_avbrutet_and_verkstallt(qtbot, box, planted):  # noqa: F811
    from ifodesk.services import verkstallighet as svc

    app, b = box
    load(qtbot, b, planted["plus"])
    assert "plats 2 av 3 i kön" in b.status.text() and "tremånadersgräns 2026-09-29" in b.status.text()
    assert b.assign_button.isEnabled() and b.done_button.isEnabled()

    b.utforare.setCurrentIndex(b.utforare.findData("extern"))
    qtbot.keyClicks(b.utforare_name, "Familjeteamet AB")
    b.uppdrag_date.setDate(QDate(2026, 7, 2))
    click_and_wait(qtbot, b, b.assign_button)
    assert "Extern utförare: Familjeteamet AB" in b.status.text() and "Uppdrag till Extern utförare" in b.history.text()

    # The family declines the offer: the decision still waits (and is still reported).
    b.reason.setCurrentIndex(b.reason.findData("tackat_nej"))
    b.stop_date.setDate(QDate(2026, 8, 1))
    click_and_wait(qtbot, b, b.stop_button)
    assert b.info.state == "ko" and "tackade nej" in b.history.text()

    b.done_date.setDate(QDate(2026, 10, 1))
    click_and_wait(qtbot, b, b.done_button)
    assert b.info.state == "verkstalld" and not b.done_button.isEnabled()
    assert svc.get_verkstallighet(app.services, planted["plus"]).state == "verkstalld"


def test_box_shows_errors_in_swedish_and_refuses_a_future_date(qtbot, box, planted):  # noqa: F811
    app, b = box
    load(qtbot, b, planted["minus"])
    b.done_date.setDate(QDate(2026, 12, 24))
    qtbot.mouseClick(b.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: b.error.isVisible(), timeout=10000)
    assert "i framtiden" in b.error.text()


def test_box_for_a_decision_without_insats(qtbot, box, planted):  # noqa: F811
    app, b = box
    load(qtbot, b, planted["utredning"])
    assert "ingen beviljad insats" in b.status.text()
    assert not b.assign_button.isEnabled() and not b.stop_button.isEnabled()


def test_queue_on_the_statistics_page(qtbot, make_app, planted):  # noqa: F811
    from ifodesk.ui.pages.verkstallighet_queue import QueueBox

    app = make_app("karin.berg")
    q = QueueBox(app)
    qtbot.addWidget(q)
    q.show()
    q.refresh()
    qtbot.waitUntil(lambda: q.table.rowCount() > 0, timeout=10000)
    rows = {q.table.item(r, 0).text(): [q.table.item(r, c).text() for c in range(1, 6)]
            for r in range(q.table.rowCount())}
    assert rows["Öppenvård"][:3] == ["3", "0", "3"]  # all three past their limit on 2 October
    assert rows["Kontaktperson/kontaktfamilj"][0] == "1"


def test_choosing_a_decision_in_the_beslut_tab_loads_its_box(qtbot, make_app, planted, db):  # noqa: F811
    from sqlalchemy import select

    from ifodesk.db.models import Decision
    from ifodesk.services import caseview
    from ifodesk.ui.case_view.decisions_tab import DecisionsTab

    app = make_app("anna.lind")
    with db.session() as s:
        case_id = s.scalar(select(Decision.case_id).where(Decision.id == planted["declined"]))
    tab = DecisionsTab(app)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    tab.show_case(caseview.get_case(app.services, case_id))
    assert tab.verkstallighet.status.text() == "Välj ett beslut i listan."
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    qtbot.waitUntil(lambda: tab.verkstallighet.info is not None, timeout=10000)
    assert tab.verkstallighet.info.decision_id == planted["declined"]
    assert "plats 1 av 1 i kön" in tab.verkstallighet.status.text()
