"""The protocol after an IU meeting through the widgets (issue 10, item 9): föredragande per §,
justering and anslag recorded by the secretary, the laglighetsprövning time shown, and letters
and extracts refused — with the reason on the button — until the protocol is justerat."""

from __future__ import annotations

from datetime import date

import pytest

from ifodesk.services import decisions, meetings

from test_decision_flow import _familjehem_fields, _user_ids, child_case  # noqa: F401  (fixture)
from test_ui_decisions import desk_for, editor_of, select_row  # noqa: F401  (fixture)

pytestmark = pytest.mark.ui


@pytest.fixture
def decided_at_meeting(ctx, ctx_for, child_case, clock):  # noqa: F811
    """A familjehem decision granted by the IU on 2026-03-12, § 41; the protocol not yet justerat."""
    d = decisions.draft_decision(ctx, child_case.case_id, "vard_familjehem", _familjehem_fields())
    d = decisions.send_for_approval(ctx, d.id, d.version)
    approved = decisions.approve(ctx_for("karin.berg"), d.id, d.version)
    secretary = ctx_for("helena.wallin")
    users = _user_ids(ctx.db)
    m = meetings.create_meeting(secretary, meeting_date=date(2026, 3, 12), time_place="Kl. 13.00, Nämndrummet",
                                chair_id=users["birgitta.strom"], secretary_id=users["helena.wallin"],
                                member_ids=[users["lars.eklund"], users["fatima.ali"]], first_paragraph=41)
    m = meetings.add_to_agenda(secretary, m.id, d.id, approved.version)
    return d.id, m.id, users


def _pick(combo, value) -> None:
    """findData does not compare UUIDs; pick the entry whose data is ``value``."""
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) == value))


def _protocol_dialog(desk, page):
    desk.qtbot.waitUntil(lambda: page.protocol.dialog is not None and page.protocol.dialog.isVisible())
    return page.protocol.dialog


def test_presenter_justering_anslag_and_the_appeal_time_through_the_meetings_page(
        desk_for, decided_at_meeting, clock, tmp_path):  # noqa: F811
    from ifodesk.ui.pages.meetings import MeetingsPage

    decision_id, meeting_id, users = decided_at_meeting
    helena = desk_for("helena.wallin")
    iu = helena.page(MeetingsPage)
    helena.qtbot.waitUntil(lambda: iu.meeting is not None and iu.meeting.id == meeting_id)
    select_row(helena, iu.agenda_view, lambda i: i.paragraph_no == 41)
    protocol = iu.protocol.actions
    assert not protocol.buttons["justering"].isEnabled()
    assert "avslutat" in protocol.reason("justering")
    assert "inte justerat" in iu.protocol.status.text() and "2026-03-26" in iu.protocol.status.text()

    # Föredragande per § (FL 31 §): Karin Berg presents § 41 instead of the drafter.
    helena.click(iu.item_actions.buttons["presenter"])
    dialog = _protocol_dialog(helena, iu)
    _pick(dialog.person, users["karin.berg"])
    helena.click(dialog.ok)
    helena.qtbot.waitUntil(lambda: iu.agenda_model.rowCount() == 1
                           and iu.agenda_model.record(0).foredragande == "Karin Berg", timeout=10000)

    # The meeting day: § 41 granted, the meeting closed; no extract before the justering.
    clock.set(2026, 3, 12, 14)
    iu.activate()
    helena.idle()
    select_row(helena, iu.agenda_view, lambda i: i.paragraph_no == 41)
    helena.click(iu.item_actions.buttons["record"])
    helena.idle()
    helena.qtbot.waitUntil(lambda: iu.agenda_model.record(0).outcome == "bifall")
    helena.click(iu.item_actions.buttons["close"])
    helena.idle()
    helena.qtbot.waitUntil(lambda: iu.meeting.status == "genomford")
    select_row(helena, iu.agenda_view, lambda i: i.paragraph_no == 41)
    extract = iu.item_actions.buttons["extract"]
    assert not extract.isEnabled() and "justerat" in extract.toolTip()
    assert "Protokollsutdrag" in iu.item_actions.reasons.text()
    assert not iu.item_actions.buttons["presenter"].isEnabled()

    # The decision's letter waits for the justering, and says so on the button.
    anna = desk_for("anna.lind")
    anna.app.open_decision.emit(decision_id)
    editor = editor_of(anna)
    anna.qtbot.waitUntil(lambda: editor.info is not None and editor.routing is not None)
    anna.idle()
    letter = editor.actions.buttons["letter"]
    assert not letter.isEnabled() and "justerat" in letter.toolTip()
    anna.click(editor.actions.buttons["close"])

    # Anslag cannot come before the justering.
    assert not protocol.buttons["anslag"].isEnabled() and "justeras" in protocol.reason("anslag")

    # Justering on 2026-03-16 by Lars Eklund (the ordförande is not offered).
    clock.set(2026, 3, 16, 10)
    iu.activate()
    helena.idle()
    helena.click(protocol.buttons["justering"])
    dialog = _protocol_dialog(helena, iu)
    names = [dialog.person.itemText(i) for i in range(dialog.person.count())]
    assert "Birgitta Ström" not in names and "Lars Eklund" in names
    _pick(dialog.person, users["lars.eklund"])
    assert dialog.date.date().toString("yyyy-MM-dd") == "2026-03-16"
    helena.click(dialog.ok)
    helena.qtbot.waitUntil(lambda: iu.meeting.justerad_on == date(2026, 3, 16), timeout=10000)
    helena.idle()
    status = iu.protocol.status.text()
    assert "Justerat" in status and "Lars Eklund" in status and "2026-03-18" in status  # anslag within 2 days
    assert not protocol.buttons["justering"].isEnabled()

    # Anslag on 2026-03-17: the laglighetsprövning runs three weeks, to 2026-04-07.
    clock.set(2026, 3, 17, 9)
    iu.activate()
    helena.idle()
    helena.click(protocol.buttons["anslag"])
    dialog = _protocol_dialog(helena, iu)
    helena.click(dialog.ok)
    helena.qtbot.waitUntil(lambda: iu.meeting.anslag_on == date(2026, 3, 17), timeout=10000)
    helena.idle()
    status = iu.protocol.status.text()
    assert "2026-04-07" in status and "13 kap. 5 § KL" in status
    assert iu.meeting.appeal_until == date(2026, 4, 7)
    iu.grab().save(str(tmp_path / "protokoll.png"))

    # Now the extract and the letter can be printed.
    select_row(helena, iu.agenda_view, lambda i: i.paragraph_no == 41)
    helena.click(iu.item_actions.buttons["extract"])
    helena.qtbot.waitUntil(lambda: iu.pdf_dialog is not None)
    iu.pdf_dialog.accept()
    anna.app.open_decision.emit(decision_id)
    editor = editor_of(anna)
    anna.qtbot.waitUntil(lambda: editor.info is not None and editor.routing is not None)
    anna.idle()
    assert editor.actions.buttons["letter"].isEnabled()


def test_a_justering_refused_by_the_service_is_explained_in_the_dialog(desk_for, decided_at_meeting, clock, ctx_for):  # noqa: F811
    from ifodesk.ui.pages.meetings import MeetingsPage

    decision_id, meeting_id, users = decided_at_meeting
    clock.set(2026, 3, 12, 14)
    sec = ctx_for("helena.wallin")
    m = meetings.get_meeting(sec, meeting_id)
    meetings.record_item(sec, m.items[0].id, m.items[0].version, "bifall")
    m = meetings.get_meeting(sec, meeting_id)
    meetings.close_meeting(sec, m.id, m.version)
    helena = desk_for("helena.wallin")
    iu = helena.page(MeetingsPage)
    helena.qtbot.waitUntil(lambda: iu.meeting is not None and iu.meeting.status == "genomford")
    helena.click(iu.protocol.actions.buttons["justering"])
    dialog = _protocol_dialog(helena, iu)
    # Someone else records the justering first: the dialog shows the service's refusal.
    m = meetings.get_meeting(sec, meeting_id)
    meetings.record_justering(sec, m.id, m.version, justerare_id=users["fatima.ali"], justerad_on=date(2026, 3, 12))
    helena.click(dialog.ok)
    helena.qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    assert "ändrats av Helena Wallin" in dialog.error.text()
    dialog.reject()
    helena.qtbot.waitUntil(lambda: iu.meeting.justerad_on == date(2026, 3, 12), timeout=10000)
    helena.idle()
    assert "Fatima Ali" in iu.protocol.status.text()
    assert not iu.protocol.actions.buttons["justering"].isEnabled()


def test_only_the_secretary_or_the_chair_records_the_justering(desk_for, decided_at_meeting, clock, ctx_for):  # noqa: F811
    from ifodesk.ui.pages.meetings import MeetingsPage

    _decision_id, meeting_id, _users = decided_at_meeting
    clock.set(2026, 3, 12, 14)
    sec = ctx_for("helena.wallin")
    m = meetings.get_meeting(sec, meeting_id)
    meetings.record_item(sec, m.items[0].id, m.items[0].version, "bifall")
    m = meetings.get_meeting(sec, meeting_id)
    meetings.close_meeting(sec, m.id, m.version)
    karin = desk_for("karin.berg")  # 1:e socialsekreterare: prepares meetings, does not protokollföra
    iu = karin.page(MeetingsPage)
    karin.qtbot.waitUntil(lambda: iu.meeting is not None and iu.meeting.status == "genomford")
    button = iu.protocol.actions.buttons["justering"]
    assert not button.isEnabled() and "sekreteraren eller ordföranden" in button.toolTip()
