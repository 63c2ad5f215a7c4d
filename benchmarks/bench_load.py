"""Many workstations on one PostgreSQL server (issue 9, Speed): p50/p95 per operation.

Usage (the database must exist with demo data, made by `ifodesk-admin demo` with a superuser URL,
which also runs `server init`):
  .venv/bin/python benchmarks/bench_load.py --database postgresql://postgres@127.0.0.1/ifodesk_load \
      --workstations 10 25 50 --think 2-8 --seconds 120
  .venv/bin/python benchmarks/bench_load.py ... --think 0.05-0.2     # stress: saturation throughput

Each workstation is its own process and its own database login role (bench.hl<i>, a handläggare
in Barn och unga, created here once), signed in as the database's session_user like the app, so
row-level security and the audit chain run as in production. The caseworker's mix: open a case
(40 %), the deadline overview (20 %), a name search (20 %), Att besluta (10 %), a journal note
(10 %). Printed per operation: count, p50, p95 (ms, client included), SQL statements per call,
the CPU time per operation of the workstations' own server processes (from /proc, read while
they are connected), the clients' CPU, and the throughput.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PASSWORD = "bench-load-1"
MIX = (("öppna ärende", 40), ("tidsbevakning", 20), ("namnsökning", 20), ("att besluta", 10),
       ("journalanteckning", 10))
NAMES = ("berg", "lind", "öberg", "ström", "holm", "sjö", "ek", "karl", "nils", "lund")


def _ensure_users(admin_url: str, n: int) -> str:
    """bench.hl0…: handläggare in BU with their own login roles; returns the roles' prefix."""
    from sqlalchemy import select

    from ifodesk.cli.server import create_login, server_roles
    from ifodesk.db.engine import Database
    from ifodesk.db.models import Municipality, User
    from ifodesk.services.admin import UserSpec, create_user

    db = Database(admin_url)
    roles = server_roles(db)
    if roles is None:
        raise SystemExit("Databasen saknar ifodesk-roller: skapa den med 'ifodesk-admin demo' och en superanvändaradress.")
    prefix = roles.staff.removesuffix("_staff")
    with db.session() as s:
        mid = s.scalar(select(Municipality.id))
        have = set(s.scalars(select(User.username).where(User.username.like("bench.hl%"))))
    for i in range(n):
        username = f"bench.hl{i}"
        login = f"{prefix}_bench_hl{i}"
        if username not in have:
            create_user(db, mid, UserSpec(username, f"Bänk Handläggare {i}", "handlaggare", "handlaggare", ("BU",),
                                          date(2015, 1, 1), login_name=login))
        create_login(db, login, PASSWORD)
    db.engine.dispose()
    return prefix


def _backend_pids(admin_url: str, prefix: str) -> list[int]:
    """The server processes serving the benchmark's workstations (one per workstation)."""
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(admin_url)
    with psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database,
                         password=u.password) as conn:
        return [r[0] for r in conn.execute("SELECT pid FROM pg_stat_activity WHERE usename LIKE %s",
                                           (f"{prefix}_bench_hl%",))]


def _cpu_seconds(pids: list[int]) -> float:
    """User+system CPU of these processes (not their children), in seconds, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            continue
    return total / tick


def _workstation(url: str, seconds: float, think: tuple[float, float], seed: int, ready, done, out,
                 warm: bool) -> None:
    from sqlalchemy import event, select

    from ifodesk.db.engine import Database
    from ifodesk.db.models import Case, Person
    from ifodesk.services import decisions, deadlines, journal, people
    from ifodesk.services.context import ServiceContext
    from ifodesk.services.identity import signed_in_actor
    from ifodesk.ui.case_view import load_case

    rnd = random.Random(seed)
    db = Database(url)
    actor = signed_in_actor(db)
    ctx = ServiceContext(db, actor)
    with db.session() as s:  # the unit's open cases, as the case list would offer them
        # (protected persons left out: opening them asks for a reason, which a benchmark would invent)
        cases = list(s.scalars(select(Case.id).join(Person, Person.id == Case.person_id)
                               .where(Case.unit_id == actor.unit_ids[0], Case.closed_on.is_(None),
                                      Person.protection == "none").limit(2000)))
    count = [0]

    @event.listens_for(db.engine, "before_cursor_execute")
    def _count(conn, cursor, statement, *_):
        if statement.split()[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK"):
            count[0] += 1

    def do(op: str) -> None:
        if op == "öppna ärende":
            load_case(ctx, rnd.choice(cases))
        elif op == "tidsbevakning":
            deadlines.overview(ctx, unit_id=actor.unit_ids[0], within_days=7)
        elif op == "namnsökning":
            people.search_persons(ctx, rnd.choice(NAMES))
        elif op == "att besluta":
            decisions.waiting_for_me(ctx)
        else:
            journal.add_note(ctx, rnd.choice(cases), event_date=ctx.today(), text="Telefonsamtal med skolan.")

    if warm:  # each operation once, as a workstation has done by the time its user gets going
        for op, _w in MIX:
            do(op)
    ops = [name for name, weight in MIX for _ in range(weight)]
    results: list[tuple[str, float, int]] = []
    ready.wait()  # every process imported and signed in before the clock starts
    cpu0 = time.process_time()
    end = time.time() + seconds
    while time.time() < end:
        time.sleep(rnd.uniform(*think))
        op = rnd.choice(ops)
        count[0] = 0
        t = time.perf_counter()
        do(op)
        results.append((op, (time.perf_counter() - t) * 1000, count[0]))
    out.put((results, time.process_time() - cpu0))
    done.wait()  # the server's CPU is read while the connection still exists
    db.engine.dispose()


def run(admin_url: str, prefix: str, n: int, seconds: float, think: tuple[float, float], warm: bool) -> None:
    from sqlalchemy.engine import make_url

    base = make_url(admin_url)
    urls = [base.set(username=f"{prefix}_bench_hl{i}", password=PASSWORD).render_as_string(hide_password=False)
            for i in range(n)]
    q: mp.Queue = mp.Queue()
    ready, done = mp.Barrier(n + 1), mp.Barrier(n + 1)
    procs = [mp.Process(target=_workstation, args=(u, seconds, think, i, ready, done, q, warm))
             for i, u in enumerate(urls)]
    for p in procs:
        p.start()
    ready.wait()
    pids = _backend_pids(admin_url, prefix)
    cpu0 = _cpu_seconds(pids)
    rows: list[tuple[str, float, int]] = []
    client_cpu = 0.0
    for _ in procs:
        res, ccpu = q.get()
        rows.extend(res)
        client_cpu += ccpu
    cpu = _cpu_seconds(pids) - cpu0
    done.wait()
    for p in procs:
        p.join()
    load = open("/proc/loadavg").read().split()[:3]
    print(f"\n### {n} arbetsstationer, betänketid {think[0]}–{think[1]} s, {seconds:.0f} s, "
          f"{'uppvärmda, ' if warm else ''}{len(rows)} operationer = {len(rows) / seconds:.1f}/s; CPU: server {cpu:.1f} s ({len(pids)} "
          f"serverprocesser), klienter {client_cpu:.1f} s; belastning {' '.join(load)}")
    print("| operation | antal | p50 ms | p95 ms | satser | serverns CPU ms/op (andel) |")
    print("|---|---|---|---|---|---|")
    total_stmts = sum(r[2] for r in rows) or 1
    for name, _w in MIX:
        times = sorted(r[1] for r in rows if r[0] == name)
        stmts = [r[2] for r in rows if r[0] == name]
        if not times:
            continue
        share = cpu * sum(stmts) / total_stmts  # CPU apportioned by statements
        print(f"| {name} | {len(times)} | {statistics.median(times):.0f} | {times[int(len(times) * 0.95)]:.0f} | "
              f"{statistics.median(stmts):.0f} | {share * 1000 / len(times):.1f} |")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--database", required=True, help="superuser URL of a demo database on PostgreSQL")
    ap.add_argument("--workstations", type=int, nargs="+", default=[10, 25, 50])
    ap.add_argument("--think", default="2-8", help="seconds between operations, MIN-MAX")
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--warm", action="store_true",
                    help="each workstation does every operation once before the clock starts (caches, plans)")
    args = ap.parse_args()
    lo, hi = (float(x) for x in args.think.split("-"))
    prefix = _ensure_users(args.database, max(args.workstations))
    print(f"Maskin: nproc {os.cpu_count()}, Python {sys.version.split()[0]}")
    for n in args.workstations:
        run(args.database, prefix, n, args.seconds, (lo, hi), args.warm)
    return 0


if __name__ == "__main__":
    mp.set_start_method("spawn")
    raise SystemExit(main())
