"""Opening a case: SQL statements, transactions and time per open (issue 9, Speed).

Usage (a demo database is created if the file or database is empty):
  .venv/bin/python benchmarks/bench_case_open.py --database sqlite:////tmp/open5k.sqlite3 [--cases 5000]
  .venv/bin/python benchmarks/bench_case_open.py --database postgresql://postgres@127.0.0.1/ifodesk_open

Opens the first 300 cases (by case number) twice as the IFO-chef, the way the case view does
(ui.case_view.load_case), and prints statements (BEGIN/COMMIT not counted) and the warm pass's
median and 95th percentile in ms.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, func, select  # noqa: E402

from ifodesk.config import normalize_url  # noqa: E402
from ifodesk.db.engine import Database  # noqa: E402
from ifodesk.db.models import Case  # noqa: E402
from ifodesk.services.admin import actor_for  # noqa: E402
from ifodesk.services.context import ServiceContext  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--database", required=True)
    ap.add_argument("--cases", type=int, default=5000)
    args = ap.parse_args()
    url = normalize_url(args.database)
    db = Database(url)
    try:
        with db.session() as s:
            have = s.scalar(select(func.count()).select_from(Case))
    except Exception:  # noqa: BLE001 - no schema yet
        have = 0
    if not have:
        subprocess.run([sys.executable, "-c", "from ifodesk.cli import main; raise SystemExit(main())", "demo", "--database", args.database,
                        "--cases", str(args.cases)], check=True)
    from ifodesk.ui.case_view import load_case

    ctx = ServiceContext(db, actor_for(db, "goran.falk"))
    with db.session() as s:
        ids = list(s.scalars(select(Case.id).order_by(Case.case_number).limit(300)))
    count = [0]

    def on_execute(conn, cursor, statement, *_):
        if statement.split()[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK"):
            count[0] += 1

    event.listen(db.engine, "before_cursor_execute", on_execute)
    times, counts = [], []
    for i, cid in enumerate(ids * 2):
        count[0] = 0
        t = time.perf_counter()
        load_case(ctx, cid)
        if i >= len(ids):
            times.append((time.perf_counter() - t) * 1000)
            counts.append(count[0])
    times.sort()
    print(f"| {db.engine.dialect.name} | {len(ids)} ärenden | satser median {statistics.median(counts):.0f}, "
          f"högst {max(counts)} | {statistics.median(times):.1f} ms | {times[int(len(times) * 0.95)]:.1f} ms |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
