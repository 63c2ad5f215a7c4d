"""Row-level security side by side (issue 9, Speed): the same service calls as the database's
superuser (no row-level security, as the earlier single-user figures were measured) and as the
person's own login role (row-level security, checked functions), interleaved call by call so
that the machine's load falls on both alike. Prints median / p95 per operation and the ratio.

Usage (a demo database on PostgreSQL made by `ifodesk-admin demo` with a superuser URL, which
also creates login roles for the demo staff with the password 'ifodesk-demo'):
  .venv/bin/python benchmarks/bench_rls.py --database postgresql://postgres@127.0.0.1/ifodesk_bench100k
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from ifodesk.db.engine import Database  # noqa: E402
from ifodesk.db.models import Case, Person  # noqa: E402
from ifodesk.services import caseview, decisions, deadlines, journal, people  # noqa: E402
from ifodesk.services.admin import actor_for  # noqa: E402
from ifodesk.services.context import ServiceContext  # noqa: E402
from ifodesk.ui.case_view import load_case  # noqa: E402

USER = "omar.hassan"  # a handläggare in Barn och unga in the demo
DEMO_PASSWORD = "ifodesk-demo"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--database", required=True, help="superuser URL of a demo database on PostgreSQL")
    ap.add_argument("--runs", type=int, default=40)
    args = ap.parse_args()
    owner_db = Database(args.database)
    actor = actor_for(owner_db, USER)
    with owner_db.session() as s:
        login = s.scalar(select(Person.__table__.metadata.tables["app_user"].c.login_name)
                         .where(Person.__table__.metadata.tables["app_user"].c.username == USER))
        unit = actor.unit_ids[0]
        cases = list(s.scalars(select(Case.id).join(Person, Person.id == Case.person_id)
                               .where(Case.unit_id == unit, Case.closed_on.is_(None), Person.protection == "none")
                               .limit(500)))
        pnrs = list(s.scalars(select(Person.personnummer).where(Person.personnummer.is_not(None)).limit(2000)))
    staff_url = make_url(args.database).set(username=login, password=DEMO_PASSWORD).render_as_string(
        hide_password=False)
    staff_db = Database(staff_url)
    ctxs = {"utan radsäkerhet": ServiceContext(owner_db, actor), "som egen inloggningsroll": ServiceContext(staff_db, actor)}
    rng = random.Random(3)
    q = caseview.CaseQuery(unit_id=unit, sort="name", descending=False)
    ops = [
        ("öppna ärende", lambda c, x: load_case(c, x["case"])),
        ("tidsbevakning för enheten (försenat + 7 dagar, alla rader)",
         lambda c, x: deadlines.overview(c, unit_id=unit, within_days=7)),
        ("sök personnummer", lambda c, x: people.lookup_personnummer(c, x["pnr"])),
        ("namnsökning 'berg'", lambda c, x: people.search_persons(c, "berg")),
        ("namnsökning 'Öberg'", lambda c, x: people.search_persons(c, "Öberg")),
        ("namnsökning 'lindq'", lambda c, x: people.search_persons(c, "lindq")),
        ("ärendelistan, första sidan på namn", lambda c, x: caseview.case_ids(c, q)),
        ("Att besluta", lambda c, x: decisions.waiting_for_me(c)),
        ("journalanteckning (utkast)", lambda c, x: journal.add_note(c, x["case"], event_date=c.today(),
                                                                      text="Telefonsamtal med skolan.")),
    ]
    for _name, fn in ops:  # warm both connections and plans
        for c in ctxs.values():
            fn(c, {"case": cases[0], "pnr": pnrs[0]})
    print(f"Användare {USER}; {args.runs} anrop per operation och sätt, varvade.\n")
    print("| operation | utan radsäkerhet: median / p95 ms | som inloggningsroll: median / p95 ms | kvot (median) |")
    print("|---|---|---|---|")
    for name, fn in ops:
        samples: dict[str, list[float]] = {k: [] for k in ctxs}
        for _ in range(args.runs):
            x = {"case": rng.choice(cases), "pnr": rng.choice(pnrs)}
            for k, c in ctxs.items():
                t = time.perf_counter()
                fn(c, x)
                samples[k].append((time.perf_counter() - t) * 1000)
        cells = []
        for k in ctxs:
            v = sorted(samples[k])
            cells.append((statistics.median(v), v[int(len(v) * 0.95) - 1]))
        ratio = cells[1][0] / cells[0][0]
        print(f"| {name} | {cells[0][0]:.1f} / {cells[0][1]:.1f} | {cells[1][0]:.1f} / {cells[1][1]:.1f} | {ratio:.2f} |")
    owner_db.dispose()
    staff_db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
