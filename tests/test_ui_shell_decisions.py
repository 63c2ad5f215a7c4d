"""The main window and the decision editor together: closing saves what was typed, the case follows."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from ui_support import MAJA, child, drafts, make_app, make_window, open_case, report, type_text, wait_idle  # noqa: F401

from ifodesk.services import cases, decisions
from ifodesk.ui.appctx import DecisionRequest
from ifodesk.ui.decision.launcher import DecisionEditorLauncher

pytestmark = pytest.mark.ui


@pytest.fixture
def maja(ctx_for, org):
    return cases.register_anmalan(ctx_for("anna.lind"), report(org, child(MAJA, "Maja"))).children[0]


def new_editor(qtbot, window, request: DecisionRequest):
    launcher = window.decision_editors
    before = len(launcher.editors)
    window.app.new_decision.emit(request)
    qtbot.waitUntil(lambda: len(launcher.editors) == before + 1 and launcher.editors[-1].isVisible())
    return launcher.editors[-1]


def pick(qtbot, editor, search: str, title: str) -> None:
    type_text(qtbot, editor.picker.search, search)
    qtbot.keyClick(editor.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.template is not None and editor.template.title == title)
    qtbot.waitUntil(lambda: editor.fields.values().get("barnets_namn") == "Maja Öberg", timeout=10000)
    wait_idle(qtbot, editor.app)


def test_the_main_window_owns_the_one_decision_editor_launcher(qtbot, make_window):
    from ifodesk.ui.pages import default_pages

    w = make_window(pages=default_pages())
    assert w.decision_editors is DecisionEditorLauncher.install(w.app)
    assert len(w.app.findChildren(DecisionEditorLauncher)) == 1
    assert w.decision_editors.host is w


def test_closing_the_main_window_saves_what_was_typed_in_open_decision_editors(qtbot, make_window, maja, ctx_for,
                                                                                 drafts):
    ctx = ctx_for("anna.lind")
    saved = decisions.draft_decision(ctx, maja.case_id, "inte_inleda_utredning",
                                     {"barnets_namn": "Maja Öberg", "anmalan_datum": "2026-03-02", "fakta": "Första."})
    w = make_window()
    # A new proposal, never saved in the case …
    fresh = new_editor(qtbot, w, DecisionRequest(maja.case_id, "forhandsbedomning"))
    pick(qtbot, fresh, "att inleda", "Beslut att inleda utredning")
    fresh.autosave_timer.setInterval(60_000)  # the window is closed before the editor would save by itself
    type_text(qtbot, fresh.fields.widgets["fakta"], "Skrivet precis innan programmet stängdes.")
    # … and a saved one, changed.
    w.app.open_decision.emit(saved.id)
    qtbot.waitUntil(lambda: any(e.info is not None and e.info.id == saved.id for e in w.decision_editors.editors))
    old = next(e for e in w.decision_editors.editors if e.info is not None and e.info.id == saved.id)
    wait_idle(qtbot, w.app)
    old.autosave_timer.setInterval(60_000)
    type_text(qtbot, old.fields.widgets["motivering"], "Familjen har redan stöd.")
    assert fresh.info is None and fresh.dirty and old.dirty

    w.close()

    assert w.decision_editors.editors == []
    mine = {d.template_id: d for d in decisions.my_drafts(ctx)}
    assert mine["inleda_utredning"].fields["fakta"] == "Skrivet precis innan programmet stängdes."
    assert mine["inte_inleda_utredning"].fields["motivering"] == "Familjen har redan stöd."
    assert mine["inte_inleda_utredning"].version > saved.version
    assert drafts.load(f"beslut-{mine['inleda_utredning'].id}") is None  # from the case, not the local disk

    # The next morning: the proposals open with the text in them.
    again = make_window()
    for d, field, text in ((mine["inleda_utredning"], "fakta", "Skrivet precis innan programmet stängdes."),
                           (mine["inte_inleda_utredning"], "motivering", "Familjen har redan stöd.")):
        again.app.open_decision.emit(d.id)
        qtbot.waitUntil(lambda d=d: any(e.info is not None and e.info.id == d.id
                                        for e in again.decision_editors.editors), timeout=10000)
        editor = next(e for e in again.decision_editors.editors if e.info is not None and e.info.id == d.id)
        assert editor.fields.values()[field] == text and not editor.dirty
    wait_idle(qtbot, again.app)
    again.close()


def test_the_case_view_follows_a_decision_taken_in_the_editor(qtbot, make_window, maja):
    w = make_window()
    view = open_case(qtbot, w, maja.case_id)
    assert "Förhandsbedömning" in view.header.facts.text()
    assert "utredning" not in {d.kind for d in view.deadline_model.records()}
    assert view.decisions.model.rowCount() == 0

    view.tabs.setCurrentWidget(view.fb)
    before = len(w.decision_editors.editors)
    qtbot.mouseClick(view.fb.decide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(w.decision_editors.editors) == before + 1)
    editor = w.decision_editors.editors[-1]
    pick(qtbot, editor, "att inleda", "Beslut att inleda utredning")
    type_text(qtbot, editor.fields.widgets["fakta"], "Skolan oroas för omsorgen.")
    type_text(qtbot, editor.fields.widgets["motivering"], "Oron behöver utredas.")
    qtbot.waitUntil(lambda: editor.routing is not None and editor.routing.can_sign and not editor.busy
                    and not editor.routing_timer.isActive() and editor.app.tasks.pending == 0, timeout=10000)
    loads = []
    view.loaded.connect(loads.append)
    qtbot.mouseClick(editor.actions.buttons["sign"], Qt.MouseButton.LeftButton)

    # No reopening: the case view reads the case again by itself.
    qtbot.waitUntil(lambda: view.detail.summary.status == "utredning", timeout=10000)
    wait_idle(qtbot, w.app)
    assert "Utredning" in view.header.facts.text()
    deadlines = {d.kind: d for d in view.deadline_model.records()}
    assert deadlines["utredning"].due_on == date(2026, 7, 2)  # four months from the förhandsbedömning decision
    timeline = [(e.kind, e.title) for e in view.timeline.model.records()]
    assert ("beslut", "Beslut att inleda utredning") in timeline and ("utredning", "Utredning inledd") in timeline
    assert [e.title for e in view.decisions.model.records()] == ["Förhandsbedömning: Utredning inleds",
                                                                 "Beslut att inleda utredning"]
    assert view.utredning.utredning is not None
    assert len(loads) <= 2  # "decision" and "case" come together: not one read per signal and tab
    qtbot.mouseClick(editor.actions.buttons["close"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, w.app)


def test_screenshots_show_a_reserved_proposal_with_fatta_beslut_disabled_and_save_nothing(
        qtbot, qapp, make_window, maja, ctx_for, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    from ifodesk.cli import screens

    shown = []
    original = screens._save

    def save(widget, path):
        if widget.objectName() == "decision_editor":
            sign = widget.actions.buttons["sign"]
            shown.append((sign.isVisible(), sign.isEnabled(), widget.actions.reason("sign"),
                          widget.actions.reasons.isVisible(), widget.template.id))
        original(widget, path)

    monkeypatch.setattr(screens, "_save", save)
    w = make_window("karin.berg")
    screens._shoot_decision_editor(qapp, w.app, w, tmp_path)
    assert shown == [(True, False, "Beslutet är förbehållet utskottet enligt 30 kap. 6 § SoL", True,
                      "vard_familjehem")]
    image = QImage(str(tmp_path / "40_beslut_forbehallet_utskottet.png"))
    assert (image.width(), image.height()) == (1300, 720)
    assert decisions.decisions_for_case(ctx_for(), maja.case_id) == []  # shown only, never saved
    assert w.decision_editors.editors == []


def test_the_protection_marking_stays_in_the_heading_and_the_letter_after_a_template_is_picked(
        qtbot, make_window, maja, ctx_for):
    """Issue 8, item 6: picking a template used to wipe the marking; the preview never had one."""
    from ifodesk.services import people

    ctx = ctx_for("anna.lind")
    p = people.get_person(ctx, maja.person.id)
    people.update_person(ctx, maja.person.id, p.version, protection="skyddad_folkbokforing")
    w = make_window()
    editor = new_editor(qtbot, w, DecisionRequest(maja.case_id, "forhandsbedomning"))
    qtbot.waitUntil(lambda: "SKYDDADE PERSONUPPGIFTER" in editor.heading.text(), timeout=10000)
    pick(qtbot, editor, "att inleda", "Beslut att inleda utredning")
    assert "Beslut att inleda utredning" in editor.heading.text()
    assert "SKYDDADE PERSONUPPGIFTER" in editor.heading.text()
    assert "SKYDDADE PERSONUPPGIFTER – adress lämnas ej ut" in editor.preview.toPlainText()
    editor.dirty = False
    editor.reject()
    wait_idle(qtbot, w.app)


def test_no_marking_for_a_person_without_protection(qtbot, make_window, maja):
    w = make_window()
    editor = new_editor(qtbot, w, DecisionRequest(maja.case_id, "forhandsbedomning"))
    pick(qtbot, editor, "att inleda", "Beslut att inleda utredning")
    assert "SKYDDADE" not in editor.heading.text() and "SKYDDADE" not in editor.preview.toPlainText()
    editor.dirty = False
    editor.reject()
    wait_idle(qtbot, w.app)
