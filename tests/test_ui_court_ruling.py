"""Förvaltningsrättens beslut on an LVM 13 § decision, recorded from the decision view: the LVM
18 § application deadline counts from the court's decision (issue 10, item 10)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate

from ifodesk.services import caseview, court, decisions
from ifodesk.services import cases as case_svc
from ifodesk.services.context import STOCKHOLM
from ifodesk.services.dto import AnmalanInput, ChildInput
from ifodesk.services.errors import ValidationError

from test_party_letters import pnr
from test_ui_decisions import desk_for, editor_of  # noqa: F401  (fixture)

pytestmark = pytest.mark.ui

LVM = {"namn": "Olof Ek", "fakta": "Svår berusning, vägrar vård.", "motivering": "Rättens beslut kan inte avvaktas.",
       "bradskande_skal": "det var natt och utskottet kunde inte samlas."}


@pytest.fixture
def lvm_decided(ctx_for, org, clock):
    """Olof (an adult, Vuxen) taken into care at once by the ordförande on 2026-03-02 (LVM 13 §)."""
    petra = ctx_for("petra.vuxen")
    data = AnmalanInput(unit_id=org.all_units["VU"].id,
                        received_at=datetime(2026, 3, 2, 8, 15, tzinfo=STOCKHOLM), channel="telefon",
                        reporter_category="polis", children=(ChildInput(pnr("1980-01-01", "123"), "Olof", "Ek"),),
                        reasons=("missbruk",), text="Polisen oroas.", reporter_name="Polisen",
                        reporter_organisation="Polisen", reporter_contact="114 14")
    case = case_svc.register_anmalan(ctx_for("mats.holm"), data).children[0]
    d = decisions.draft_decision(petra, case.case_id, "lvm_omedelbart_omhandertagande", LVM)
    d = decisions.send_for_approval(petra, d.id, d.version, urgent=True)
    done = decisions.approve(ctx_for("birgitta.strom"), d.id, d.version)
    assert done.status == "beslutad" and done.urgent
    return case, done


def test_the_courts_ruling_from_the_decision_view_starts_the_lvm_18_deadline(desk_for, lvm_decided, clock, ctx_for):  # noqa: F811
    case, decided = lvm_decided
    clock.set(2026, 3, 9, 10)
    petra = desk_for("petra.vuxen")
    petra.app.open_decision.emit(decided.id)
    editor = editor_of(petra)
    petra.qtbot.waitUntil(lambda: editor.info is not None and editor.routing is not None)
    petra.idle()
    court = editor.actions.buttons["court"]
    assert court.isVisible() and court.isEnabled()
    petra.click(court)
    petra.qtbot.waitUntil(lambda: editor.court_dialog is not None and editor.court_dialog.isVisible())
    dialog = editor.court_dialog
    petra.qtbot.waitUntil(lambda: dialog.form_data is not None)
    assert not dialog.court.isVisible() and not dialog.insats.isVisible()  # an underställning: date and outcome
    assert dialog.date.minimumDate().toString("yyyy-MM-dd") == "2026-03-02"
    assert dialog.date.maximumDate().toString("yyyy-MM-dd") == "2026-03-09"
    dialog.date.setDate(QDate(2026, 3, 6))
    assert dialog.values() == (date(2026, 3, 6), "faststallt")
    petra.click(dialog.ok)
    petra.qtbot.waitUntil(lambda: dialog.result.isVisible(), timeout=10000)
    petra.idle()
    assert "2026-03-13" in dialog.result.text() and "18 § LVM" in dialog.result.text()
    dialog.cancel.click()

    detail = caseview.get_case(ctx_for("petra.vuxen"), case.case_id)
    deadlines = {d.kind: d for d in detail.deadlines}
    assert deadlines["lvm_ansokan"].start_on == date(2026, 3, 6) and deadlines["lvm_ansokan"].due_on == date(2026, 3, 13)
    assert any("fastställde den 2026-03-06" in n.text for n in detail.journal)


def test_court_ruling_upphavt_starts_nothing_and_is_only_for_underställda_decisions(lvm_decided, ctx_for, clock):
    case, decided = lvm_decided
    petra = ctx_for("petra.vuxen")
    clock.set(2026, 3, 9, 10)
    court.record_court_ruling(petra, decided.id, date(2026, 3, 4))
    ruling = court.record_court_ruling(petra, decided.id, date(2026, 3, 4), "upphavt")  # a correction
    assert ruling.deadlines == () and ruling.outcome == "upphavt"
    kinds = {d.kind for d in caseview.get_case(petra, case.case_id).deadlines}
    assert "lvm_ansokan" not in kinds
    with pytest.raises(ValidationError, match="fastställde eller upphävde"):
        court.record_court_ruling(petra, decided.id, date(2026, 3, 4), "kanske")
    with pytest.raises(ValidationError, match="mellan nämndens beslut och i dag"):
        court.record_court_ruling(petra, decided.id, date(2026, 3, 10))
