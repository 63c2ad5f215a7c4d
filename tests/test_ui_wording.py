"""Issue 8, item 12: Swedish that reads right -- singular forms, "innan", read-only text that looks read-only."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from ui_support import MAJA, child, drafts, make_app, make_window, open_case, report, wait_idle  # noqa: F401

from ifodesk.services import cases, decisions
from ifodesk.services.context import STOCKHOLM
from ifodesk.services.errors import ValidationError

pytestmark = pytest.mark.ui


def _pdf(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    for i in range(pages):
        c.drawString(72, 720, f"Sida {i + 1}")
        c.showPage()
    c.save()
    return out.getvalue()


@pytest.mark.parametrize(("pages", "text"), [(1, "1 sida"), (3, "3 sidor")])
def test_page_count_in_singular_and_plural(qtbot, pages, text):
    from ifodesk.ui.decision.pdf_view import PdfViewDialog

    dlg = PdfViewDialog(_pdf(pages), "Beslut", "beslut.pdf")
    qtbot.addWidget(dlg)
    assert dlg.status.text() == text


def test_one_own_proposal_is_eget_forslag(qtbot, make_app, ctx_for, org):
    from ifodesk.ui.pages.decide import DecidePage

    ctx = ctx_for("anna.lind")
    maja = cases.register_anmalan(ctx, report(org, child(MAJA, "Maja"))).children[0]
    decisions.draft_decision(ctx, maja.case_id, "inte_inleda_utredning", {"barnets_namn": "Maja Öberg"})
    app = make_app("anna.lind")
    page = DecidePage(app)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.drafts_count.text() != "", timeout=10000)
    assert page.drafts_count.text() == "1 eget förslag"
    wait_idle(qtbot, app)


def test_an_assessment_before_the_report_says_innan(ctx_for, org):
    ctx = ctx_for("anna.lind")
    maja = cases.register_anmalan(ctx, report(org, child(MAJA, "Maja"))).children[0]
    with pytest.raises(ValidationError) as err:
        cases.record_skyddsbedomning(ctx, maja.anmalan_child_id, assessed_at=datetime(2026, 3, 1, 9, tzinfo=STOCKHOLM),
                                     immediate_need=False, assessment="Tryggt.", measures="")
    assert str(err.value) == "Skyddsbedömningen kan inte göras innan anmälan togs emot."


def test_read_only_text_looks_read_only(qtbot, make_window, ctx_for, org):
    """A concluded förhandsbedömning's notes, the timeline's text, the lagrum: not the white of an input."""
    from datetime import date

    from PySide6.QtGui import QPalette

    from ifodesk.db.models import Forhandsbedomning

    ctx = ctx_for("anna.lind")
    maja = cases.register_anmalan(ctx, report(org, child(MAJA, "Maja"))).children[0]
    with ctx.write() as s:
        cases.conclude_forhandsbedomning(s, ctx, s.get(Forhandsbedomning, maja.forhandsbedomning_id), "inleda",
                                         None, date(2026, 3, 2), ctx.actor.user_id, None)
    w = make_window()
    view = open_case(qtbot, w, maja.case_id)

    def looks_read_only(widget) -> bool:
        p = widget.palette()
        return p.color(QPalette.ColorRole.Base) == p.color(QPalette.ColorRole.Window)

    view.tabs.setCurrentWidget(view.fb)
    notes = view.fb.notes
    assert notes.isReadOnly() and notes.isEnabled() and looks_read_only(notes)  # readable, selectable
    assert looks_read_only(view.timeline.detail) and looks_read_only(view.journal.reader)
    open_ut = next(iter(view.utredning.forms["main"].fields.values()))
    assert not open_ut.isReadOnly() and not looks_read_only(open_ut)  # an open utredning is an input
    wait_idle(qtbot, w.app)
