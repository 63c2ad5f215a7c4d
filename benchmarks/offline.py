"""Offline (issue 12): check-out of N cases and check-in of M offline changes.

Usage:
  .venv/bin/python benchmarks/offline.py --database URL [--cases 2000] [--checkout 30] [--intents 200]

An empty database is filled with demo data first (--cases). The check-out copies --checkout of
Anna Lind's unit's open cases (with a stated reason) into an encrypted laptop copy (in a temporary directory); --intents journal
notes are then written offline and checked in. Prints one Markdown row per measurement (seconds).
The issue's target: each under 10 s against the 100 000-case PostgreSQL database (not run here
on a shared machine; run it on the benchmark server).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--database", required=True)
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--checkout", type=int, default=30)
    ap.add_argument("--intents", type=int, default=200)
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    from cryptography.fernet import Fernet
    from sqlalchemy import func, select

    from ifodesk.config import Municipality
    from ifodesk.db.engine import Database
    from ifodesk.db.migrate import upgrade
    from ifodesk.db.models import Case, Person
    from ifodesk.services import journal, offline
    from ifodesk.services.admin import actor_for
    from ifodesk.services.context import ServiceContext
    from ifodesk.services.demo import generate_demo
    from ifodesk.services.offline_local import offline_context, save_package

    db = Database(args.database)
    upgrade(db)
    with db.session() as s:
        if not s.scalar(select(func.count()).select_from(Case)):
            generate_demo(db, Municipality(), cases=args.cases, seed=7)
    ctx = ServiceContext(db, actor_for(db, "anna.lind"))
    with db.session() as s:
        # the unit's open cases of unprotected persons (a stated reason opens the others' cases)
        ids = list(s.scalars(select(Case.id).join(Person, Person.id == Case.person_id)
                             .where(Case.unit_id.in_(ctx.actor.unit_ids), Case.closed_on.is_(None),
                                    Person.protection == "none")
                             .order_by(Case.case_number).limit(args.checkout)))
    reason = "Mätning av utcheckning (prestandatest)"
    t0 = time.perf_counter()
    pkg = offline.check_out(ctx, ids, laptop="BENCH", reason=reason)
    with tempfile.TemporaryDirectory() as tmp:
        copy = save_package(pkg, Path(tmp) / "kopia", Fernet.generate_key())
        t_out = time.perf_counter() - t0
        octx = offline_context(copy, clock=lambda: pkg.checked_out_at + timedelta(minutes=1))
        for i in range(args.intents):
            journal.add_note(octx, ids[i % len(ids)], event_date=octx.today(), text=f"Offlineanteckning {i}")
        intents = copy.intents()
        t1 = time.perf_counter()
        result = offline.check_in(ctx, pkg.copy_id, intents)
        t_in = time.perf_counter() - t1
    print(f"| {db.dialect} | utcheckning av {len(ids)} ärenden (krypterad kopia) | {t_out:.2f} s |")
    print(f"| {db.dialect} | incheckning av {len(intents)} ändringar ({result.applied} tillämpade) | {t_in:.2f} s |")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
