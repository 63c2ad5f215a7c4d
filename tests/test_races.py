"""Anmälningar registered at the same moment on eight workstations (issue 9, item 7).

Each worker is a thread with its own ServiceContext and connection; a barrier releases them
together. Run on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date, datetime

from sqlalchemy import func, select

from ifodesk.db.models import Anmalan, AnmalanChild, Case, Person
from ifodesk.services import cases
from ifodesk.services.context import STOCKHOLM
from ifodesk.services.dto import AnmalanInput, ChildInput

WORKERS = 8
MAJA = "20150312-9809"


def _anmalan(org, child: ChildInput) -> AnmalanInput:
    return AnmalanInput(unit_id=org.unit.id, received_at=datetime(2026, 3, 2, 8, 15, tzinfo=STOCKHOLM),
                        channel="telefon", reporter_category="skola", children=(child,),
                        reasons=("omsorgssvikt",), text="Samtidig anmälan.", reporter_name="Lena Rektor")


def _at_once(ctx_for, make_input) -> tuple[list, list]:
    """Run WORKERS registrations released together; returns (results, exceptions)."""
    barrier = threading.Barrier(WORKERS)
    results, errors, lock = [], [], threading.Lock()
    users = ["anna.lind", "erik.sjoberg", "maria.ostlund", "johan.aberg",
             "sara.hakansson", "lina.nystrom", "omar.hassan", "klara.bjork"]
    contexts = [ctx_for(u) for u in users]

    def work(i: int) -> None:
        barrier.wait()
        try:
            r = cases.register_anmalan(contexts[i], make_input(i))
            with lock:
                results.append(r)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            with lock:
                errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results, errors


def _count(db, model, *where) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_child_whose_case_closed_today_gets_one_new_case(db, org, ctx, ctx_for):
    first = cases.register_anmalan(ctx, _anmalan(org, ChildInput(MAJA, "Maja", "Öberg")))
    with db.session(write=True) as s:
        c = s.get(Case, first.children[0].case_id)
        c.status, c.closed_on = "avslutad", date(2026, 3, 2)
    results, errors = _at_once(ctx_for, lambda i: _anmalan(org, ChildInput(MAJA, "Maja", "Öberg")))
    assert errors == []
    assert len(results) == WORKERS
    case_ids = {r.children[0].case_id for r in results}
    assert len(case_ids) == 1, "every anmälan joins the same new case"
    assert _count(db, Case, Case.status != "avslutad") == 1
    assert _count(db, Anmalan) == WORKERS + 1  # none lost
    assert _count(db, AnmalanChild, AnmalanChild.case_id.in_(case_ids)) == WORKERS
    assert sum(r.children[0].new_case for r in results) == 1


def test_new_person_registered_at_once_is_created_once(db, org, ctx_for):
    results, errors = _at_once(ctx_for, lambda i: _anmalan(org, ChildInput(MAJA, "Maja", "Öberg")))
    assert errors == []
    assert _count(db, Person) == 1
    assert len({r.children[0].person.id for r in results}) == 1
    assert _count(db, Case) == 1
    assert _count(db, Anmalan) == WORKERS


def test_reserve_numbers_and_case_numbers_at_once_are_all_distinct(db, org, ctx_for):
    born = date(2016, 5, 4)
    results, errors = _at_once(ctx_for, lambda i: _anmalan(
        org, ChildInput(None, f"Barn{i}", "Okänd", birth_date=born)))
    assert errors == []
    assert len(results) == WORKERS
    with db.session() as s:
        reserve = s.scalars(select(Person.reserve_number)).all()
        numbers = s.scalars(select(Case.case_number)).all()
    assert len(set(reserve)) == WORKERS and all(reserve)
    assert sorted(numbers) == [f"BU-2026-{n:05d}" for n in range(1, WORKERS + 1)]
    assert _count(db, Anmalan) == WORKERS


def test_a_lost_race_elsewhere_is_a_swedish_message_without_personal_data(db, org, ctx):
    from datetime import date

    import pytest

    from ifodesk.services.errors import RaceError

    with pytest.raises(RaceError) as exc:
        with ctx.write() as s:
            for _ in range(2):
                s.add(Person(municipality_id=org.municipality_id, personnummer="201503129809", first_name="Maja",
                             last_name="Öberg", sort_key="oberg", search_name="maja oberg",
                             birth_date=date(2015, 3, 12)))
            s.flush()
    text = str(exc.value)
    assert "Försök igen" in text and "201503129809" not in text and "Maja" not in text
    assert exc.value.__suppress_context__  # the driver's text, with the parameters, is not chained
