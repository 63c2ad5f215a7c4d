"""Case lists: id list with lazy blocks, SQL filter and sort, search by personnummer; every model checked."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from ui_support import MAJA, NILS, child, drafts, make_app, make_window, report, wait_idle  # noqa: F401

from ifodesk.services import caseview, cases
from ifodesk.services.caseview import CaseQuery

pytestmark = pytest.mark.ui


@pytest.fixture
def many_cases(db, org):
    from ifodesk.config import Municipality
    from ifodesk.services.demo import generate_demo

    generate_demo(db, Municipality(), cases=250, seed=3, today=date(2026, 3, 1))


def test_case_model_fetches_rows_in_blocks_on_the_worker(qtbot, qtmodeltester, make_app, many_cases, monkeypatch):
    from ifodesk.ui.models import case_table
    from ifodesk.ui.models.case_table import BLOCK, PLACEHOLDER, CaseTableModel

    app = make_app("karin.berg")
    model = CaseTableModel(app, CaseQuery())
    with qtbot.waitSignals([model.loaded, model.completed], timeout=10000):
        model.reload()
    total = model.rowCount()
    assert total >= 250
    assert model.index(0, 0).data().startswith("BU-")  # first block came with the ids
    calls = []
    monkeypatch.setattr(case_table, "case_rows", lambda ctx, ids: calls.append(len(ids)) or caseview.case_rows(ctx, ids))
    assert model.index(BLOCK, 0).data() == PLACEHOLDER  # the full id list came after the first block
    last = model.index(total - 1, 0)
    assert last.data() == PLACEHOLDER and calls == []  # data() only schedules the fetch
    qtbot.waitUntil(lambda: last.data() != PLACEHOLDER, timeout=10000)
    assert total - (total - 1) // BLOCK * BLOCK in calls and all(n <= BLOCK for n in calls)
    qtmodeltester.check(model)
    wait_idle(qtbot, app)


def test_header_click_sorts_in_sql_and_filter_is_debounced(qtbot, make_window, many_cases):
    w = make_window("karin.berg")
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = w.page("search")
    lst = page.cases
    assert w.stack.currentWidget() is page and lst.filter.hasFocus()
    qtbot.waitUntil(lambda: lst.model.rowCount() >= 250 and not lst.model.is_loading(), timeout=10000)
    assert lst.count.text().endswith("ärenden") and "Minst" not in lst.count.text()
    header = lst.view.horizontalHeader()
    with qtbot.waitSignal(lst.model.loaded, timeout=10000):  # a click on "Ärendenummer"
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionPosition(0) + 20, header.height() // 2))
    numbers = [lst.model.index(r, 0).data() for r in range(5)]
    assert lst.model.query().sort == "case_number"
    assert numbers == sorted(numbers) or numbers == sorted(numbers, reverse=True)
    first = lst.model.case_at(0)
    with qtbot.waitSignal(lst.model.loaded, timeout=10000):
        qtbot.keyClicks(lst.filter, first.case_number)
        assert lst.model.query().text == ""  # nothing is queried per keystroke
    assert lst.model.rowCount() == 1 and lst.count.text() == "1 ärende"
    assert lst.model.case_at(0).case_number == first.case_number


def test_search_by_personnummer_and_open_with_enter(qtbot, make_window, ctx_for, org):
    res = cases.register_anmalan(ctx_for(), report(org, child(MAJA, "Maja"), child(NILS, "Nils")))
    w = make_window()
    qtbot.keyClick(w, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = w.page("search")
    page.focus_search()
    lst = page.cases
    qtbot.waitUntil(lambda: lst.model.rowCount() == 2 and not lst.model.is_loading(), timeout=10000)
    with qtbot.waitSignal(lst.model.loaded, timeout=10000):
        qtbot.keyClicks(lst.filter, "150312-9809")  # ten digits, as people say it
    assert lst.model.rowCount() == 1 and lst.model.case_at(0).person.first_name == "Maja"
    qtbot.keyClick(lst.filter, Qt.Key.Key_Down)
    assert lst.view.hasFocus()
    with qtbot.waitSignal(w.case_view.loaded, timeout=10000):
        qtbot.keyClick(lst.view, Qt.Key.Key_Return)
    assert w.case_view.detail.summary.id == res.children[0].case_id
    qtbot.mouseClick(w.case_view.header.back, Qt.MouseButton.LeftButton)
    assert w.stack.currentWidget() is page


def test_distributing_an_unassigned_report(qtbot, make_window, ctx_for, org):
    res = cases.register_anmalan(ctx_for("karin.berg"), report(org, child(MAJA, "Maja")))
    w = make_window("karin.berg")
    start = w.page("start")
    qtbot.waitUntil(lambda: "1 ofördelad anmälan" in start.unassigned.text(), timeout=10000)
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = w.page("inbox")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.assignee.count() > 0, timeout=10000)
    assert page.model.index(0, 6).data() == "⚠ Saknas"  # skyddsbedömning, in words
    page.assignee.setCurrentIndex(page.assignee.findText("Erik Sjöberg", Qt.MatchFlag.MatchStartsWith))
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10000)
    assert caseview.get_case(ctx_for(), res.children[0].case_id).summary.assigned_name == "Erik Sjöberg"


def test_every_record_model_passes_the_qt_model_tester(qtbot, qtmodeltester, make_window, ctx_for, org):
    cases.register_anmalan(ctx_for("karin.berg"), report(org, child(MAJA, "Maja"), child(NILS, "Nils")))
    w = make_window("karin.berg")
    for i in range(len(w.pages)):
        w.show_page(i)
        wait_idle(qtbot, w.app)
    page_models = [w.page("start").deadline_model, w.page("inbox").model, w.page("deadlines").model,
                   w.page("deadlines").summary_model, w.page("admin").users, w.page("admin").units,
                   w.page("admin").templates]
    for model in page_models:
        qtmodeltester.check(model)
    assert w.page("admin").users.rowCount() > 10 and w.page("admin").templates.rowCount() > 10
    view = w.case_view
    with qtbot.waitSignal(view.loaded, timeout=10000):
        w.show_case(w.page("inbox").model.record(0).case_id)
    for model in (view.timeline.model, view.timeline.earlier, view.journal.model, view.deadline_model,
                  view.decisions.model):
        qtmodeltester.check(model)
