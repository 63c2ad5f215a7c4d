"""Benchmark the foundation on a realistic volume (100 000 cases), SQLite and PostgreSQL.

Usage:
  .venv/bin/python benchmarks/bench_foundation.py --database sqlite:////tmp/bench100k.sqlite3 [--cases 100000]
  .venv/bin/python benchmarks/bench_foundation.py --database postgresql://postgres@127.0.0.1/ifodesk_bench

An empty database is filled with `ifodesk-admin demo` first (timed). Each query runs many times;
the median and the 95th percentile are printed as a Markdown table row for docs/performance.md.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402

from ifodesk.config import Municipality, normalize_url  # noqa: E402
from ifodesk.db.engine import Database  # noqa: E402
from ifodesk.db.migrate import upgrade  # noqa: E402
from ifodesk.db.models import Case, Person  # noqa: E402
from ifodesk.services import caseview, deadlines, people  # noqa: E402
from ifodesk.services.admin import actor_for, list_units  # noqa: E402
from ifodesk.services.context import ServiceContext  # noqa: E402
from ifodesk.services.demo import generate_demo  # noqa: E402


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines()
                          if x.startswith("MemTotal")).split()[1])
        mem = f"{mem_kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        mem = "?"
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip() or "?"
    return f"{cpu}, {cores} kärnor, {mem} RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def timed(fn, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--database", required=True)
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()
    url = normalize_url(args.database)
    db = Database(url)
    upgrade(db)
    with db.session() as s:
        existing = s.scalar(select(func.count()).select_from(Case))
    if not existing:
        t0 = time.perf_counter()
        rep = generate_demo(db, Municipality(), cases=args.cases, seed=1)
        print(f"demo generation: {rep.cases} cases in {time.perf_counter() - t0:.1f} s")
    ctx = ServiceContext(db, actor_for(db, "karin.berg"))
    unit = next(u for u in list_units(db, ctx.actor.municipality_id) if u.case_prefix == "BU")
    with db.session() as s:
        n_cases = s.scalar(select(func.count()).select_from(Case))
        pnrs = list(s.scalars(select(Person.personnummer).where(Person.personnummer.is_not(None)).limit(5000)))
    rng = random.Random(7)
    results = []
    n_overview = len(deadlines.overview(ctx, unit_id=unit.id, within_days=7))
    results.append(("Tidsbevakning för enhet (försenat + 7 dagar, alla rader)",
                    timed(lambda: deadlines.overview(ctx, unit_id=unit.id, within_days=7), max(5, args.runs // 5)),
                    f"{n_overview} rader"))
    results.append(("Tidsbevakning för enhet, första 200 rader",
                    timed(lambda: deadlines.overview(ctx, unit_id=unit.id, within_days=7, limit=200), args.runs), ""))
    results.append(("Sök personnummer", timed(lambda: people.lookup_personnummer(ctx, rng.choice(pnrs)), args.runs * 4), ""))
    for term in ("berg", "Öberg", "lindq"):
        n = len(people.search_persons(ctx, term))
        results.append((f"Namnsökning '{term}' (100 första i svensk ordning)",
                        timed(lambda t=term: people.search_persons(ctx, t), args.runs), f"{n} träffar"))
    q = caseview.CaseQuery(unit_id=unit.id, sort="name", descending=False)
    results.append(("Ärendelista: id-lista sorterad på namn", timed(lambda: caseview.case_ids(ctx, q), 10), ""))
    print(f"\nDatabas: {db.dialect}, {n_cases} ärenden. Maskin: {machine()}\n")
    print("| mätning | median ms | p95 ms | anm. |")
    print("|---|---:|---:|---|")
    for name, (med, p95), note in results:
        print(f"| {name} | {med:.1f} | {p95:.1f} | {note} |")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
