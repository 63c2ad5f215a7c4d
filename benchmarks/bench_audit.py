"""The cost of an audit row before and after the hash chain (issue 9), on SQLite and PostgreSQL.

Usage (the same script against two checkouts, alternating, so both see the same machine load):
  .venv/bin/python benchmarks/bench_audit.py --code /path/to/checkout --database URL [--cases 2000]

--code is the ifodesk checkout to measure (its directory goes first on sys.path). An empty database
is filled with demo data first. Prints one Markdown row per measurement: median and p95 in ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time


def timed(fn, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--code", required=True)
    ap.add_argument("--database", required=True)
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--label", default="")
    args = ap.parse_args()
    sys.path.insert(0, args.code)

    from sqlalchemy import func, select

    from ifodesk.config import Municipality
    from ifodesk.db.engine import Database
    from ifodesk.db.migrate import upgrade
    from ifodesk.db.models import Case
    from ifodesk.services import audit, caseview, deadlines
    from ifodesk.services.admin import actor_for, list_units
    from ifodesk.services.context import ServiceContext
    from ifodesk.services.demo import generate_demo

    assert audit.__file__.startswith(args.code), audit.__file__
    db = Database(args.database)
    upgrade(db)
    with db.session() as s:
        if not s.scalar(select(func.count()).select_from(Case)):
            generate_demo(db, Municipality(), cases=args.cases, seed=7)
    ctx = ServiceContext(db, actor_for(db, "anna.lind"))
    unit = next(u for u in list_units(db, ctx.actor.municipality_id) if u.case_prefix == "BU")
    ids = caseview.case_ids(ctx, caseview.CaseQuery(), limit=100)
    one = ids[0]
    with db.session() as s:
        c = s.get(Case, __import__("uuid").UUID(hex=one))
        case_id, person_id = c.id, c.person_id

    def audit_only():
        with db.session(write=True) as s:
            audit.record(s, ctx, "read", "case", case_id, person_id)

    rows = [
        ("en granskningsrad i egen transaktion", audit_only),
        ("öppna ärende (get_case)", lambda: caseview.get_case(ctx, case_id)),
        ("100 rader i ärendelistan (case_rows)", lambda: caseview.case_rows(ctx, ids)),
        ("tidsbevakning för enheten (overview)", lambda: deadlines.overview(ctx, unit_id=unit.id)),
        ("tidsbevakning, 90 dagar framåt", lambda: deadlines.overview(ctx, unit_id=unit.id, within_days=90)),
    ]
    for name, fn in rows:
        n = fn()  # warm
        name += f" ({len(n)} rader)" if isinstance(n, list) else ""
        med, p95 = timed(fn, args.runs)
        print(f"| {args.label} | {db.dialect} | {name} | {med:.2f} | {p95:.2f} |", flush=True)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
