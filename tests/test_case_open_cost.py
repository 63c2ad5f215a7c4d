"""Opening a case: few statements, one transaction, one audit row, one connection (issue 9, Speed)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event, func, select

from ifodesk.db.models import AuditLog
from ifodesk.services import cases, caseview, decisions, journal
from ifodesk.services.dto import ChildInput
from ifodesk.ui.case_view import load_case
from test_case_path import MAJA, NILS, anmalan, at

MAX_STATEMENTS = 8  # the bound: six reads, then the audit hash chain (lock its head, insert)


@pytest.fixture
def full_case(ctx, ctx_for, org, clock):
    """A case with two reports, a skyddsbedömning, an utredning with an extension, notes and decisions."""
    first = cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"), ChildInput(NILS, "Nils", "Öberg")))
    maja = first.children[0]
    cases.record_skyddsbedomning(ctx, maja.anmalan_child_id, assessed_at=at(2026, 3, 2, 10),
                                 immediate_need=False, assessment="Ingen akut fara.")
    d = decisions.draft_decision(ctx, maja.case_id, "inleda_utredning",
                                 {"barnets_namn": "Maja", "anmalan_datum": "2026-03-02",
                                  "fakta": "Skolan oroas för omsorgen.", "motivering": "Oro."})
    decisions.sign(ctx, d.id, d.version)
    n = journal.add_note(ctx, maja.case_id, event_date=date(2026, 3, 2), text="Samtal med skolan.", sign=True)
    journal.add_note(ctx, maja.case_id, event_date=date(2026, 3, 2), text="Rättelse: samtal med rektor.",
                     sign=True, corrects_id=n.id)
    clock.set(2026, 4, 1)
    cases.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "", ""), category="polis", received=at(2026, 4, 1)))
    clock.set(2026, 6, 20)
    ext = decisions.draft_decision(ctx, maja.case_id, "forlangd_utredningstid",
                                   {"barnets_namn": "Maja", "utredning_inledd": "2026-03-02",
                                    "slutdatum": "2026-09-02", "sarskilda_skal": "Väntar på BUP:s bedömning."})
    ext = decisions.send_for_approval(ctx, ext.id, ext.version)
    decisions.approve(ctx_for("eva.lundgren"), ext.id, ext.version)
    return maja


class Counter:
    def __init__(self, engine):
        self.statements: list[str] = []
        self.connections: set[int] = set()
        self.engine = engine

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *exc):
        event.remove(self.engine, "before_cursor_execute", self._count)

    def _count(self, conn, cursor, statement, parameters, context, executemany):
        if statement.split()[0].upper() in ("BEGIN", "COMMIT", "ROLLBACK"):
            return  # transaction control (SQLite's BEGIN IMMEDIATE), not a statement of work
        self.statements.append(" ".join(statement.split())[:90])
        self.connections.add(id(conn.connection.dbapi_connection))


def test_opening_a_case_takes_at_most_eight_statements_one_audit_row_one_connection(ctx, db, full_case):
    with db.session() as s:
        audits_before = s.scalar(select(func.count()).select_from(AuditLog))
    with Counter(db.engine) as c:
        detail, person = load_case(ctx, full_case.case_id)
    # everything the case view shows came back
    assert len(detail.anmalningar) == 2 and detail.anmalningar[0].skyddsbedomning is not None
    assert detail.utredningar[0].extensions[0].reason == "Väntar på BUP:s bedömning."
    assert len(detail.utredningar[0].sections) > 3
    assert len(detail.journal) == 2 and detail.journal[0].corrected_by_ids == (detail.journal[1].id,)
    assert {e.kind for e in detail.timeline} >= {"anmalan", "skyddsbedomning", "forhandsbedomning",
                                                 "utredning", "forlangning", "beslut", "journal"}
    assert len(detail.earlier_reports) == 2 and len(detail.deadlines) >= 3
    assert detail.summary.assigned_name == "Anna Lind" and detail.unit_name == "Barn och unga"
    assert person.summary.first_name == "Maja"
    with db.session() as s:
        audits = s.scalar(select(func.count()).select_from(AuditLog)) - audits_before
    print(f"\n{len(c.statements)} statements, {len(c.connections)} connection(s), {audits} audit row(s)")
    for st in c.statements:
        print("  ", st)
    assert audits == 1
    assert len(c.connections) == 1
    assert len(c.statements) <= MAX_STATEMENTS


def test_att_besluta_uses_one_connection(ctx_for, db, full_case, ctx):
    d = decisions.draft_decision(ctx, full_case.case_id, "inte_inleda_utredning",
                                 {"barnets_namn": "Maja", "anmalan_datum": "2026-03-02",
                                  "fakta": "Familjen har stöd.", "motivering": "Inget behov.",
                                  # the case's anmälan is weeks old by now (SoL 11 kap. 1 a §)
                                  "synnerliga_skal": "Familjen var utomlands och kunde inte nås."})
    decisions.send_for_approval(ctx, d.id, d.version)
    karin = ctx_for("karin.berg")
    with Counter(db.engine) as c:
        waiting = decisions.waiting_for_me(karin)
    assert [w.id for w in waiting] == [d.id]
    assert len(c.connections) == 1
