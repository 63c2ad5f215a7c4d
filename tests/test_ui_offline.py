"""Offline through the widgets (issue 12): check out from the case view, go offline (no server),
write a journal note and a proposal, come back, check in and resolve one conflict per field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ifodesk.offline.keys import get_key, new_key
from ifodesk.offline.store import OfflineFileError
from ifodesk.services import cases as case_svc
from ifodesk.services.offline_local import open_copy
from ifodesk.services import caseview, decisions
from offline_support import INLEDA, case_with_utredning
from ui_support import drafts, make_app, make_window, my_pages, open_case, type_text, wait_idle  # noqa: F401

pytestmark = pytest.mark.ui


def test_check_out_go_offline_write_and_check_in_with_a_merge(qtbot, make_window, ctx, org, db, clock, drafts,
                                                              tmp_path, monkeypatch):
    from ifodesk.ui import offline_mode
    from ifodesk.ui.appctx import AppContext
    from ifodesk.ui.main_window import MainWindow

    monkeypatch.setenv("IFODESK_OFFLINE_DIR", str(tmp_path / "laptop"))
    case_id, ut = case_with_utredning(ctx, org)
    online = make_window()
    view = open_case(qtbot, online, case_id)
    checkout = view.header.findChild(type(view.header.back), "offline_checkout")
    assert checkout.isVisible()
    qtbot.mouseClick(checkout, Qt.MouseButton.LeftButton)
    dialog = view.header.findChild(object, "case_offline_box").dialog
    dialog.reason.setText("Hembesök hos familjen på torsdag")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    path = tmp_path / "laptop" / "offline" / "anna.lind.ifodesk-offline"
    qtbot.waitUntil(path.exists, timeout=15000)
    note_label = view.header.findChild(object, "case_offline_note")
    qtbot.waitUntil(lambda: note_label.isVisible() and "Utcheckad till bärbar dator av Anna Lind" in note_label.text(),
                    timeout=15000)

    # Offline: the same window on the copy, with the banner; no server involved.
    octx, header = offline_mode.open_offline(None, 100_000, ctx.municipality)
    octx.clock = clock
    app = AppContext(octx, drafts=drafts)
    win = MainWindow(app, my_pages())
    qtbot.addWidget(win)
    offline_mode.install(app, win)
    win.resize(1366, 768)
    with qtbot.waitSignal(win.ready, timeout=10000):
        win.show()
    banner = win.findChild(object, "offline_banner")
    assert banner.isVisible() and banner.text() == "Offline – ändringar skickas vid incheckning"
    win.grab().save(str(tmp_path / "offline.png"))
    oview = open_case(qtbot, win, case_id)
    assert not oview.header.findChild(object, "offline_checkout").isVisible()
    oview.tabs.setCurrentWidget(oview.journal)
    j = oview.journal
    type_text(qtbot, j.heading, "Hembesök")
    type_text(qtbot, j.text, "Familjen tog emot oss i hemmet.")
    with qtbot.waitSignal(oview.loaded, timeout=10000):
        qtbot.mouseClick(j.save_button, Qt.MouseButton.LeftButton)
    assert [n.text for n in oview.detail.journal] == ["Familjen tog emot oss i hemmet."]
    case_svc.update_utredning(octx, ut.id, ut.version, analysis="Min analys från hembesöket")
    decisions.draft_decision(octx, case_id, "inleda_utredning", dict(INLEDA, fakta="Skrivet offline"))
    wait_idle(qtbot, app)
    win.close()

    old_copy = path.read_bytes()  # what a backup or the SSD's old blocks still hold

    # Meanwhile on the server, a colleague wrote the same field.
    fresh = case_svc.get_utredning(ctx, ut.id)
    case_svc.update_utredning(ctx, ut.id, fresh.version, analysis="Kollegans analys")

    # Back online: Checka in, the merge view offers the field; keep mine.
    controller = offline_mode.install(online.app, online)
    assert controller.bar.isVisible()
    controller.action.trigger()
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible(), timeout=15000)
    merge = controller.dialog
    assert merge.findChild(object, "merge_0_mine").toPlainText() == "Min analys från hembesöket"
    assert merge.findChild(object, "merge_0_theirs").toPlainText() == "Kollegans analys"
    merge.grab().save(str(tmp_path / "merge.png"))
    qtbot.mouseClick(merge.ok, Qt.MouseButton.LeftButton)
    assert merge.isVisible() and "för varje fält" in merge.error.text()  # nothing chosen: nothing sent
    merge.fields[0].result.setPlainText("Kollegans analys\nMin analys från hembesöket")
    qtbot.mouseClick(merge.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not path.exists(), timeout=15000)
    wait_idle(qtbot, online.app)
    # Nothing readable left: the key is gone from the keyring, so the old bytes stay unreadable.
    assert get_key("anna.lind") is None
    assert not controller.bar.isVisible()
    old = tmp_path / "gammal-kopia"
    old.write_bytes(old_copy)
    with pytest.raises(OfflineFileError):
        open_copy(old, new_key("anna.lind"))
    detail = caseview.get_case(ctx, case_id)
    assert [n.text for n in detail.journal] == ["Familjen tog emot oss i hemmet."]
    assert detail.utredningar[0].analysis == "Kollegans analys\nMin analys från hembesöket"
    assert any(d.fields.get("fakta") == "Skrivet offline" for d in decisions.decisions_for_case(ctx, case_id))
    QApplication.processEvents()


def test_a_revoked_copy_is_held_on_the_server_and_erased_on_the_laptop(qtbot, make_window, ctx, ctx_for, org, db,
                                                                      clock, tmp_path, monkeypatch):
    from datetime import date

    from sqlalchemy import select

    from ifodesk.db.models_offline import OfflineHeldIntent
    from ifodesk.services import journal, offline
    from ifodesk.services.offline_local import offline_context, save_package
    from ifodesk.ui import offline_mode
    from ifodesk.ui.offline_case import copy_location
    from test_offline import _system_ctx

    monkeypatch.setenv("IFODESK_OFFLINE_DIR", str(tmp_path / "laptop"))
    case_id, _ut = case_with_utredning(ctx, org)
    path = copy_location("anna.lind")
    copy = save_package(offline.check_out(ctx, [case_id], laptop="BÄRBAR-7"), path, new_key("anna.lind"))
    journal.add_note(offline_context(copy, ctx.municipality, clock), case_id, event_date=date(2026, 3, 2),
                     text="Skrivet på tåget")
    assert offline.revoke(_system_ctx(ctx, db), "anna.lind") == 1

    online = make_window()
    errors = []
    online.app.tasks.failed.connect(errors.append)
    controller = offline_mode.install(online.app, online)
    assert controller.bar.isVisible()
    controller.action.trigger()
    qtbot.waitUntil(lambda: not path.exists() and bool(errors), timeout=15000)
    assert "återkallats" in str(errors[-1]) and "ingenting har gått förlorat" in str(errors[-1])
    assert get_key("anna.lind") is None and not controller.bar.isVisible()
    with db.session() as s:
        assert [h.call for h in s.scalars(select(OfflineHeldIntent))] == ["journal.add_note"]


def test_check_out_several_cases_from_the_case_list(qtbot, make_window, ctx, ctx_for, org, db, tmp_path,
                                                    monkeypatch):
    """Mark three cases in the search list (Ctrl-click), one of them a colleague's: a reason is asked
    for, then all three are out and the server says so on each."""
    from ifodesk.services import offline
    from ifodesk.ui.offline_case import copy_location
    from ui_support import child, report

    monkeypatch.setenv("IFODESK_OFFLINE_DIR", str(tmp_path / "laptop"))
    own = [case_svc.register_anmalan(ctx, report(org, child(p, n))).children[0].case_id
           for p, n in (("20150312-9809", "Maja"), ("20180704-9810", "Nils"))]
    colleague = case_svc.register_anmalan(ctx_for("erik.sjoberg"), report(org, child("20120101-9807", "Alva", "Ek")))
    theirs = colleague.children[0].case_id
    w = make_window("anna.lind")
    assert w.page("start").cases.findChild(object, "start_cases_table_offline_checkout") is not None
    page = w.page("search")
    w.show_page(w.pages.index(page))
    lst = page.cases
    qtbot.waitUntil(lambda: lst.model.rowCount() == 3 and not lst.model.is_loading(), timeout=10000)
    button = lst.findChild(object, "search_cases_table_offline_checkout")
    assert button.isVisible() and button.text() == "Checka ut till bärbar dator …"
    rows = {lst.model.case_id_at(r): r for r in range(3)}
    for i, cid in enumerate((own[0], theirs, own[1])):
        rect = lst.view.visualRect(lst.model.index(rows[cid], 1))
        modifier = Qt.KeyboardModifier.ControlModifier if i else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(lst.view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    assert len(lst.view.selectionModel().selectedRows()) == 3
    w.grab().save(str(tmp_path / "search-list.png"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = lst.findChild(object, "offline_checkout_dialog")
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    intro = dialog.findChild(object, "offline_checkout_intro").text()
    assert "3 ärenden" in intro and all(n in intro for n in ("BU-2026-00001", "BU-2026-00002", "BU-2026-00003"))
    assert "1 av ärendena är inte dina" in dialog.findChild(object, "offline_checkout_others").text()
    dialog.grab().save(str(tmp_path / "list-checkout.png"))

    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # no reason: asked for, nothing checked out
    assert dialog.isVisible() and "Skriv ett skäl" in dialog.error.text()
    assert not copy_location("anna.lind").exists() and offline.checkout_note(ctx, own[0]) is None

    type_text(qtbot, dialog.reason, "Hembesök hos båda familjerna, Erik är sjuk")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
    wait_idle(qtbot, w.app)
    assert copy_location("anna.lind").exists()
    for cid in (*own, theirs):
        assert "Utcheckad till bärbar dator av Anna Lind sedan" in offline.checkout_note(ctx, cid)
    with db.session() as s:
        from sqlalchemy import select

        from ifodesk.db.models import AuditLog

        logged = s.scalars(select(AuditLog).where(AuditLog.action == "offline_checkout")).all()
        assert len(logged) == 3  # the reason is logged where it was needed: the colleague's case
        assert {str(r.entity_id): r.reason for r in logged}[str(theirs)] == "Hembesök hos båda familjerna, Erik är sjuk"

    # A second check-out while this copy is on the computer is refused (check it in first).
    errors = []
    w.app.tasks.failed.connect(errors.append)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert errors and "Checka in den först" in str(errors[-1])


def test_changes_handed_back_by_it_are_checked_in_through_the_widgets(qtbot, make_window, ctx, org, db, tmp_path,
                                                                      monkeypatch):
    """After ifodesk-admin offline release, the handläggare's window offers them; checking in applies them."""
    from ifodesk.services import offline_held
    from ifodesk.ui import offline_mode
    from test_offline_held import NOTE, revoked_copy

    monkeypatch.setenv("IFODESK_OFFLINE_DIR", str(tmp_path / "laptop"))
    case_id, ut, copy, admin = revoked_copy(ctx, org, db, tmp_path)
    offline_held.release(admin, copy.header.copy_id, decided_by="karin.berg")
    online = make_window()
    controller = offline_mode.install(online.app, online)
    qtbot.waitUntil(lambda: controller.bar.isVisible() and controller.released_action.isVisible(), timeout=10000)
    assert not controller.action.isVisible()  # no copy on this computer
    assert "BU-2026-00001" in controller.released_action.toolTip()
    online.grab().save(str(tmp_path / "released.png"))
    messages = []
    online.app.status_message.connect(messages.append)
    controller.released_action.trigger()
    qtbot.waitUntil(lambda: bool(messages) and not controller.bar.isVisible(), timeout=15000)
    assert "återlämnade ändringarna finns nu i ärendena (2 st)" in messages[-1]
    detail = caseview.get_case(ctx, case_id)
    assert [n.text for n in detail.journal] == [NOTE]
    assert detail.utredningar[0].analysis == "Min analys efter hembesöket"
