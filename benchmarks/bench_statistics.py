"""Benchmark: a yearly statistics workbook (and the Socialstyrelsen extract) from a large database.

Usage:
  .venv/bin/ifodesk-admin demo --database sqlite:////tmp/bench_stats.sqlite3 --cases 100000
  .venv/bin/python benchmarks/bench_statistics.py --database sqlite:////tmp/bench_stats.sqlite3 [--year 2025]

  (PostgreSQL: create a throwaway database, e.g. ifodesk_bench_stats, fill it the same way, pass
  --database postgresql://postgres@127.0.0.1:5432/ifodesk_bench_stats, drop it afterwards.)

Each run is timed end to end (count, write the .xlsx, audit row) --runs times; the median and the
slowest are printed with a Markdown row for docs/performance.md. Target: under 10 s.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402

from ifodesk.config import Municipality as MunicipalityConfig, normalize_url  # noqa: E402
from ifodesk.db.engine import Database  # noqa: E402
from ifodesk.db.models import Anmalan, Case, Decision, Deadline, Municipality  # noqa: E402
from ifodesk.domain.statistics import year_period  # noqa: E402
from ifodesk.services.admin import system_actor  # noqa: E402
from ifodesk.services.context import ServiceContext  # noqa: E402
from ifodesk.services.statistics import export_workbook, register_extract  # noqa: E402


def machine() -> str:
    cpu, mem = "?", "?"
    try:
        cpu = next(x.split(":", 1)[1].strip() for x in Path("/proc/cpuinfo").read_text().splitlines()
                   if x.startswith("model name"))
        kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        pass
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip() or "?"
    return f"{cpu}, {cores} kärnor, {mem} RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--database", required=True)
    ap.add_argument("--year", type=int, default=None, help="standard: förra året")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    db = Database(normalize_url(args.database))
    code = MunicipalityConfig().code
    with db.session() as s:
        mid = s.scalar(select(Municipality.id).where(Municipality.code == code))
        sizes = {m.__tablename__: s.scalar(select(func.count()).select_from(m))
                 for m in (Case, Anmalan, Decision, Deadline)}
    if mid is None:
        print("Databasen saknar demokommunen: kör ifodesk-admin demo först.", file=sys.stderr)
        return 2
    ctx = ServiceContext(db, system_actor(db, mid))
    year = args.year or ctx.today().year - 1
    period = year_period(year)
    print(f"{db.dialect}: {sizes}; år {year}")
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            t0 = time.perf_counter()
            res = export_workbook(ctx, period, Path(tmp) / f"statistik_{i}.xlsx")
            times.append(time.perf_counter() - t0)
            print(f"  arbetsbok {i + 1}: {times[-1]:.2f} s ({res.report.anmalningar.reports} anmälningar, "
                  f"{res.report.beslut.total} beslut, {res.path.stat().st_size // 1024} kB)")
    t0 = time.perf_counter()
    ex = register_extract(ctx, year)
    reg = time.perf_counter() - t0
    print(f"  Socialstyrelsen-uttag: {reg:.2f} s ({ex.report.children} barn, {ex.report.placements} placeringar)")
    med = statistics.median(times)
    print(f"\nMaskin: {machine()}")
    def n(x: int) -> str:
        return f"{x:,}".replace(",", " ")

    print(f"| {db.dialect} | {n(sizes['case_file'])} ärenden, {n(sizes['anmalan'])} anmälningar, "
          f"{n(sizes['decision'])} beslut | årsarbetsbok {year} | {med:.1f} s (median av {len(times)}), "
          f"högst {max(times):.1f} s | {reg:.1f} s |")
    return 0 if med < 10 else 1


if __name__ == "__main__":
    raise SystemExit(main())
