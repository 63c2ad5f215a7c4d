"""The anmälningar inbox: open reports, the unassigned queue, and what distribution changes."""

from __future__ import annotations

from datetime import datetime

from ifodesk.services import caseview, cases, inbox
from ifodesk.services.context import STOCKHOLM
from ifodesk.services.dto import AnmalanInput, ChildInput

MAJA = "20150312-9809"
NILS = "20180704-9810"


def _report(org, *children, received=datetime(2026, 3, 2, 8, 15, tzinfo=STOCKHOLM)):
    return AnmalanInput(unit_id=org.unit.id, received_at=received, channel="telefon", reporter_category="skola",
                        children=tuple(children), reasons=("omsorgssvikt",), text="Orolig.",
                        reporter_name="Lena Rektor", reporter_contact="0123-456")


def test_open_reports_are_listed_per_child_newest_first(ctx_for, org):
    forste = ctx_for("karin.berg")
    cases.register_anmalan(forste, _report(org, ChildInput(MAJA, "Maja", "Öberg"), ChildInput(NILS, "Nils", "Öberg")))
    items = inbox.new_reports(forste)
    assert [i.person.first_name for i in items] == ["Maja", "Nils"]
    first = items[0]
    assert first.case_number == "BU-2026-00001" and first.assigned_to is None
    assert first.due_on.isoformat() == "2026-03-16" and first.days_left == 14
    assert not first.skyddsbedomning_done and first.reasons == ("omsorgssvikt",)


def test_unassigned_queue_empties_when_the_case_is_distributed(ctx_for, org):
    forste = ctx_for("karin.berg")
    res = cases.register_anmalan(forste, _report(org, ChildInput(MAJA, "Maja", "Öberg")))
    item = inbox.new_reports(forste, unassigned_only=True)[0]
    anna = org.actor("anna.lind")
    caseview.assign_case(forste, item.case_id, item.case_version, anna.user_id)
    assert inbox.new_reports(forste, unassigned_only=True) == []
    mine = inbox.new_reports(forste, unit_id=org.unit.id)
    assert mine[0].assigned_name == "Anna Lind" and mine[0].case_id == res.children[0].case_id


def test_skyddsbedomning_is_shown_and_a_concluded_report_leaves_the_inbox(ctx, org, clock):
    res = cases.register_anmalan(ctx, _report(org, ChildInput(MAJA, "Maja", "Öberg")))
    child = res.children[0]
    cases.record_skyddsbedomning(ctx, child.anmalan_child_id, assessed_at=clock(), immediate_need=False,
                                 assessment="Ingen akut fara.")
    assert inbox.new_reports(ctx)[0].skyddsbedomning_done
    with ctx.db.session(write=True) as s:
        from ifodesk.db.models import Forhandsbedomning

        cases.conclude_forhandsbedomning(s, ctx, s.get(Forhandsbedomning, child.forhandsbedomning_id),
                                         "inte_inleda", "Redan stöd.", ctx.today(), ctx.actor.user_id, None)
    assert inbox.new_reports(ctx) == []


def test_other_municipalities_reports_are_not_listed(ctx, org, db):
    from ifodesk.config import Municipality
    from ifodesk.services.admin import UserSpec, actor_for, create_user, ensure_municipality
    from ifodesk.services.context import ServiceContext

    cases.register_anmalan(ctx, _report(org, ChildInput(MAJA, "Maja", "Öberg")))
    other = ensure_municipality(db, Municipality(name="Grannby", code="9998"))
    create_user(db, other, UserSpec("grann", "Granne Grannsson", "forste", "forste_socialsekreterare", ("BU",)))
    assert inbox.new_reports(ServiceContext(db, actor_for(db, "grann"), clock=ctx.clock)) == []
