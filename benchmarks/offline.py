"""Offline (issue 12): check-out of N cases and check-in of M offline changes.

Usage:
  .venv/bin/python benchmarks/offline.py --database URL [--cases 2000] [--checkout 30] [--intents 200]
      [--login] [--profile FILE] [--repeat 3]

SQLite or an empty database is filled with demo data first (--cases). With --login (PostgreSQL,
URL of a superuser) the measurement runs as a real staff login role (bench.offline, a handläggare
in Barn och unga, made here once like benchmarks/bench_load.py), so row-level security and the
audit chain run as in production; the database is written to, so use a copy
(createdb -T ifodesk_bench100k …). The check-out takes --checkout of the unit's open cases of
unprotected persons (not the user's own: with a stated reason) into an encrypted laptop copy in a
temporary directory; offline, the changes are journal notes and, for every fifth change on a case
with an open utredning, its analysis text; then they are checked in. Prints one Markdown row per
measurement (seconds) with the SQL statements sent.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PASSWORD = "bench-offline-1"
USERNAME = "bench.offline"


def _login_url(admin_url: str) -> str:
    """The bench user's own login role (made once), like a workstation signing in."""
    from sqlalchemy import select
    from sqlalchemy.engine import make_url

    from ifodesk.cli.server import create_login, server_roles
    from ifodesk.db.engine import Database
    from ifodesk.db.models import Municipality, User
    from ifodesk.services.admin import UserSpec, create_user

    db = Database(admin_url)
    roles = server_roles(db)
    if roles is None:
        raise SystemExit("Databasen saknar ifodesk-roller (server init).")
    login = roles.staff.removesuffix("_staff") + "_bench_offline"
    with db.session() as s:
        mid = s.scalar(select(Municipality.id))
        have = s.scalar(select(User.id).where(User.username == USERNAME))
    if have is None:
        create_user(db, mid, UserSpec(USERNAME, "Bänk Offline", "handlaggare", "handlaggare", ("BU",),
                                      date(2015, 1, 1), login_name=login))
    create_login(db, login, PASSWORD)
    db.dispose()
    return make_url(admin_url).set(username=login, password=PASSWORD).render_as_string(hide_password=False)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--database", required=True)
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--checkout", type=int, default=30)
    ap.add_argument("--intents", type=int, default=200)
    ap.add_argument("--login", action="store_true", help="run as a staff login role (PostgreSQL, RLS on)")
    ap.add_argument("--profile", metavar="FILE", help="cProfile of the check-out and check-in (.out/.out.in)")
    ap.add_argument("--repeat", type=int, default=1, help="check out and in this many times (new cases each)")
    args = ap.parse_args()

    from cryptography.fernet import Fernet
    from sqlalchemy import event, func, select

    from ifodesk.config import Municipality
    from ifodesk.db.engine import Database
    from ifodesk.db.models import Case, Person, Utredning
    from ifodesk.db.models_offline import OfflineCheckout
    from ifodesk.services import cases as case_svc
    from ifodesk.services import journal, offline
    from ifodesk.services.admin import actor_for
    from ifodesk.services.context import ServiceContext
    from ifodesk.services.offline_local import empty_copy, offline_context, save_package

    url = args.database
    admin = Database(url)
    if admin.dialect == "sqlite" or not args.login:
        from ifodesk.db.migrate import upgrade

        upgrade(admin)
        with admin.session() as s:
            if not s.scalar(select(func.count()).select_from(Case)):
                from ifodesk.services.demo import generate_demo

                generate_demo(admin, Municipality(), cases=args.cases, seed=7)
    if args.login:
        from ifodesk.services.identity import signed_in_actor

        db = Database(_login_url(url))
        actor = signed_in_actor(db)
    else:
        db, actor = admin, actor_for(admin, "anna.lind")
    ctx = ServiceContext(db, actor)
    statements = [0]

    @event.listens_for(db.engine, "before_cursor_execute")
    def _count(conn, cursor, statement, *_):
        if statement.split()[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK"):
            statements[0] += 1

    t_schema = time.perf_counter()
    empty_copy().dispose()  # the local schema is made once per process (as in the app after its first use)
    t_schema = time.perf_counter() - t_schema
    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["?"]
    print(f"Maskin: nproc {os.cpu_count()}, Python {sys.version.split()[0]}, {db.dialect}, "
          f"inloggad som {actor.username}, belastning {' '.join(load)}; den lokala databasens schema "
          f"(första utcheckningen i processen): {t_schema:.2f} s")
    with admin.session() as s:
        out_now = set(s.scalars(select(OfflineCheckout.case_id).where(OfflineCheckout.checked_in_at.is_(None))))
        base = (select(Case.id).join(Person, Person.id == Case.person_id)
                .where(Case.unit_id.in_(actor.unit_ids), Case.closed_on.is_(None), Person.protection == "none",
                       Case.id.not_in(out_now) if out_now else True)
                .order_by(Case.case_number))
        # half of each check-out with an open utredning (its text is edited offline), half without
        with_ut = list(s.scalars(base.where(Case.id.in_(select(Utredning.case_id).where(Utredning.closed_on.is_(None))))
                                 .limit(args.checkout * args.repeat)))
        without = [c for c in s.scalars(base.limit(args.checkout * args.repeat * 3)) if c not in set(with_ut)]
        half = args.checkout // 2
        rest = args.checkout - half
        rounds = [with_ut[r * half:(r + 1) * half] + without[r * rest:(r + 1) * rest] for r in range(args.repeat)]
    reason = "Mätning av utcheckning (prestandatest)"
    for round_no in range(args.repeat):
        ids = rounds[round_no]
        prof = cProfile.Profile() if args.profile else None
        statements[0] = 0
        t0 = time.perf_counter()
        if prof:
            prof.enable()
        pkg = offline.check_out(ctx, ids, laptop="BENCH", reason=reason)
        with tempfile.TemporaryDirectory() as tmp:
            copy = save_package(pkg, Path(tmp) / "kopia", Fernet.generate_key())
            if prof:
                prof.disable()
                prof.dump_stats(args.profile)
            t_out, n_out = time.perf_counter() - t0, statements[0]
            octx = offline_context(copy, clock=lambda: pkg.checked_out_at + timedelta(minutes=1))
            with copy.db.session() as s:
                open_ut = {u.case_id: u.id for u in s.scalars(select(Utredning).where(Utredning.closed_on.is_(None)))}
            for i in range(args.intents):
                cid = ids[i % len(ids)]
                if i % 5 == 4 and cid in open_ut:
                    ut = case_svc.get_utredning(octx, open_ut[cid])
                    case_svc.update_utredning(octx, ut.id, ut.version, analysis=f"Analys offline {i}")
                else:
                    journal.add_note(octx, cid, event_date=octx.today(), text=f"Offlineanteckning {i}")
            intents = copy.intents()
            kinds = {c: sum(1 for i in intents if i.call == c) for c in {i.call for i in intents}}
            log = copy.audit_rows()
            prof = cProfile.Profile() if args.profile else None
            statements[0] = 0
            t1 = time.perf_counter()
            if prof:
                prof.enable()
            result = offline.check_in(ctx, pkg.copy_id, intents, offline_log=log)
            if prof:
                prof.disable()
                prof.dump_stats(args.profile + ".in")
            t_in, n_in = time.perf_counter() - t1, statements[0]
        what = ", ".join(f"{n} {c}" for c, n in sorted(kinds.items()))
        print(f"| {db.dialect} | utcheckning av {len(ids)} ärenden (krypterad kopia, {len(pkg.content) // 1024} kB) "
              f"| {t_out:.2f} s | {n_out} satser |")
        print(f"| {db.dialect} | incheckning av {len(intents)} ändringar ({what}; {result.applied} tillämpade, "
              f"{len(log)} loggrader) | {t_in:.2f} s | {n_in} satser |")
        assert result.done, result
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
