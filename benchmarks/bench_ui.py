"""Desktop app speed on a 100 000-case database (a benchmark, not a test).

    .venv/bin/ifodesk-admin demo --database sqlite:////tmp/bench100k.sqlite3 --cases 100000
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui.py [--database URL] [--user NAME]

On PostgreSQL the signed-in user is the connection's login role (session_user). A URL without a
user name is completed with the demo's login role for --user, `<database>_<user>` with the demo
password (ifodesk-admin demo creates them), e.g.

    .venv/bin/python benchmarks/bench_ui.py --database postgresql://127.0.0.1/ifodesk_bench100k --user anna.lind

Measures: process start to a usable main window (first page's data shown), a filter keystroke to
the updated list, a header click to the re-sorted list, opening a case, and a search inside texts
(Sök i texter) to its hits shown. Prints Markdown.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DEFAULT_DB = "sqlite:////tmp/bench100k.sqlite3"
FILTERS = ("Ebba", "Öberg", "BU-2025-001", "20150312", "sson", "Lindq", "A", "An")
# Words in the demo's texts: in nearly every anmälan ("oro", "barnets"), in a few hundred journal
# notes ("skolan"), in none ("fotboll"), and two words that must both occur.
TEXT_QUERIES = ("oro", "barnets situation", "skolan", "telefonsamtal", "fotboll")
ROUNDS = 3


def database_url(database: str, user: str) -> str:
    """PostgreSQL without a user name: the demo login role for `user` and the demo password."""
    from sqlalchemy.engine import make_url

    url = make_url(database)
    if not url.drivername.startswith("postgresql") or url.username:
        return database
    from ifodesk.cli.server import DEMO_PASSWORD

    return url.set(username=f"{url.database}_{user}", password=DEMO_PASSWORD).render_as_string(hide_password=False)


def start_child(database: str, user: str) -> None:
    """Run in a fresh process: print READY <ms> when the window is usable."""
    t0 = time.perf_counter()
    from ifodesk.app import build_window, fit_to_screen, make_qapp, open_services, sign_in

    qapp = make_qapp(["bench"])
    cfg, db = open_services(database)
    # PostgreSQL: the demo's own login role signs in (session_user); SQLite: a demo database, --user.
    demo = not database.startswith("postgresql")
    actor = sign_in(db, argparse.Namespace(user=user, demo=demo), None)
    _ctx, window = build_window(cfg, db, actor)
    window.ready.connect(lambda: (print(f"READY {(time.perf_counter() - t0) * 1000:.0f}", flush=True), qapp.quit()))
    fit_to_screen(window)
    window.show()
    qapp.exec()


def measure_start(database: str, user: str, runs: int = 5, bytecode: bool = True) -> list[float]:
    """Wall time of fresh processes. bytecode=True: compiled modules are cached (in a temporary
    PYTHONPYCACHEPREFIX, after one uncounted run) as in an installed app; False: every module is
    compiled from source, as with PYTHONDONTWRITEBYTECODE=1 in a development checkout."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if bytecode:
        env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="ifodesk-bench-pyc-")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    cmd = [sys.executable, __file__, "--child-start", "--database", database, "--user", user]
    if bytecode:
        subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
        wall = (time.perf_counter() - t0) * 1000
        assert "READY" in proc.stdout, proc.stderr
        out.append(wall)
    return out


def _wait(qapp, cond, timeout=30.0) -> None:
    end = time.perf_counter() + timeout
    while not cond():
        if time.perf_counter() > end:
            raise TimeoutError
        qapp.processEvents()
        time.sleep(0.0005)


def measure_in_process(database: str, user: str) -> dict[str, list[float]]:
    from ifodesk.app import build_window, make_qapp, open_services, sign_in

    qapp = make_qapp(["bench"])
    cfg, db = open_services(database)
    # PostgreSQL: the demo's own login role signs in (session_user); SQLite: a demo database, --user.
    demo = not database.startswith("postgresql")
    actor = sign_in(db, argparse.Namespace(user=user, demo=demo), None)
    app_ctx, w = build_window(cfg, db, actor)
    w.resize(1366, 768)
    w.show()
    w.focus_search()
    lst = w.page("search").cases
    _wait(qapp, lambda: lst.model.rowCount() > 0 and lst.model.complete and not lst.model.is_loading())
    res = {"filter": [], "filter_with_debounce": [], "sort": [], "open_case": [], "clear_filter": [],
           "count": []}
    per_filter: dict[str, list[float]] = {}
    for _round in range(ROUNDS):
        for text in FILTERS:
            ms = _filter(qapp, lst, text, debounce=False)
            res["filter"].append(ms)
            per_filter.setdefault(text, []).append(ms)
            t0 = time.perf_counter()
            _wait(qapp, lambda: lst.model.complete)
            res["count"].append(res["filter"][-1] + (time.perf_counter() - t0) * 1000)
            res["clear_filter"].append(_filter(qapp, lst, "", debounce=False))
            _wait(qapp, lambda: lst.model.complete)
    res["per_filter"] = per_filter  # type: ignore[assignment]
    for text in FILTERS[:3]:
        res["filter_with_debounce"].append(_filter(qapp, lst, text, debounce=True))
        _filter(qapp, lst, "", debounce=False)
        _wait(qapp, lambda: lst.model.complete)
    for column in (0, 1, 4, 0):
        res["sort"].append(_sort(qapp, lst, column))
    # Cases of the user's own unit, spread over the list (another unit's case asks for a reason).
    from ifodesk.services.caseview import CaseQuery, case_ids

    unit = sorted(app_ctx.services.actor.unit_ids)[0]
    ids = case_ids(app_ctx.services, CaseQuery(unit_id=unit), limit=2000)[::97][:15]
    for cid in ids:
        res["open_case"].append(_open(qapp, w, cid))
    res["text_search"] = []
    per_query: dict[str, list[float]] = {}
    hits: dict[str, int] = {}
    panel = w.page("search").texts
    for _round in range(ROUNDS):
        for text in TEXT_QUERIES:
            ms, hits[text] = _text_search(qapp, panel, text)
            res["text_search"].append(ms)
            per_query.setdefault(text, []).append(ms)
    res["per_text_query"] = per_query  # type: ignore[assignment]
    res["text_hits"] = hits  # type: ignore[assignment]
    w.close()
    app_ctx.tasks.wait()
    qapp.processEvents()
    return res


def _until_painted(qapp, lst, act) -> float:
    """act(), then wait for the model's new rows and paint them at once: the time to a visible list.

    The paint happens in the `loaded` slot, so it is counted exactly once (a paint that the event
    loop would do anyway finds nothing left to draw).
    """
    painted = []

    def paint() -> None:
        lst.view.viewport().repaint()
        painted.append(time.perf_counter())

    lst.model.loaded.connect(paint)
    t0 = time.perf_counter()
    act()
    _wait(qapp, lambda: painted)
    lst.model.loaded.disconnect(paint)
    return (painted[0] - t0) * 1000


def _filter(qapp, lst, text: str, debounce: bool) -> float:
    """Keystroke (or the debounce timer firing) to the new list with its first rows painted."""
    def act() -> None:
        lst.filter.setText(text)
        if not debounce:
            lst._debounce.stop()
            lst._apply_filter()

    if lst.model.query().text == text and not lst.model.is_loading():
        return 0.0
    return _until_painted(qapp, lst, act)


def _sort(qapp, lst, column: int) -> float:
    header = lst.view.horizontalHeader()
    order = header.sortIndicatorOrder()
    if header.sortIndicatorSection() == column:
        order = type(order)(1 - order.value)
    ms = _until_painted(qapp, lst, lambda: header.setSortIndicator(column, order))
    _wait(qapp, lambda: lst.model.complete)
    return ms


def _text_search(qapp, panel, text: str) -> tuple[float, int]:
    """Sök i texter: Return in the field to the hits shown (the worker's search and the repaint)."""
    done = []

    def shown() -> None:
        panel.view.viewport().repaint()
        done.append(time.perf_counter())

    panel.model.modelReset.connect(shown)
    panel.query.setText(text)
    t0 = time.perf_counter()
    panel.search()
    _wait(qapp, lambda: done)
    panel.model.modelReset.disconnect(shown)
    _wait(qapp, lambda: panel.app.tasks.pending == 0)
    return (done[0] - t0) * 1000, panel.model.rowCount()


def _open(qapp, w, case_id) -> float:
    import uuid

    view = w.case_view
    if isinstance(case_id, str):
        case_id = uuid.UUID(hex=case_id)  # case_ids gives hex keys
    t0 = time.perf_counter()
    w.show_case(case_id)
    _wait(qapp, lambda: view.detail is not None and view.detail.summary.id == case_id and view.loading.isHidden())
    view.repaint()
    return (time.perf_counter() - t0) * 1000


def machine() -> str:
    cpu = platform.processor()
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(int(x.split()[1]) for x in open("/proc/meminfo", encoding="utf-8") if x.startswith("MemTotal"))
        ram = f"{mem / 1024 / 1024:.0f} GiB"
    except OSError:
        ram = "?"
    return f"{os.cpu_count()} kärnor, {cpu}, {ram} RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def _loadavg() -> str:
    try:
        return " ".join(open("/proc/loadavg", encoding="utf-8").read().split()[:3])
    except OSError:
        return "?"


def _row(name: str, values: list[float], target: str) -> str:
    return (f"| {name} | {statistics.median(values):.0f} ms | {max(values):.0f} ms | {len(values)} | {target} |")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--database", default=DEFAULT_DB)
    p.add_argument("--user", default="anna.lind")
    p.add_argument("--child-start", action="store_true")
    args = p.parse_args()
    args.database = database_url(args.database, args.user)
    if args.child_start:
        start_child(args.database, args.user)
        return
    load_before = _loadavg()
    start = measure_start(args.database, args.user)
    start_source = measure_start(args.database, args.user, bytecode=False)
    res = measure_in_process(args.database, args.user)
    print(f"Maskin: {machine()}")
    print(f"Belastning (/proc/loadavg) före: {load_before}, efter: {_loadavg()}\n")
    print("| mätning | median | max | antal | mål |\n|---|---|---|---|---|")
    print(_row("start till användbart fönster (ny process, inkl. Python och Qt; .pyc som installerat)", start,
               "< 2 s"))
    print(_row("start, varje modul kompileras från källkod (PYTHONDONTWRITEBYTECODE=1)", start_source, "–"))
    print(_row("filtertangent → uppdaterad lista (efter fördröjningen)", res["filter"], "< 100 ms"))
    print(_row("filtertangent → exakt antal och hela id-listan (i bakgrunden)", res["count"], "–"))
    print(_row("rensa filtret → listan visas igen (hela enheten)", res["clear_filter"], "< 100 ms"))
    print(_row("tangent → lista, inkl. 250 ms fördröjning", res["filter_with_debounce"], "–"))
    print(_row("klick på kolumnrubrik → omsorterad lista", res["sort"], "–"))
    print(_row("öppna ärende", res["open_case"], "< 200 ms"))
    print(_row("sök i texter → träffarna visas", res["text_search"], "< 200 ms"))
    print("\nFiltertangent → uppdaterad lista per filtertext (median / max av", ROUNDS, "):\n")
    print("| filter | median | max |\n|---|---|---|")
    for text, values in res["per_filter"].items():
        print(f"| `{text}` | {statistics.median(values):.0f} ms | {max(values):.0f} ms |")
    print("\nSök i texter per sökord (median / max av", ROUNDS, "; träffar som visas):\n")
    print("| sökord | median | max | träffar |\n|---|---|---|---|")
    for text, values in res["per_text_query"].items():
        print(f"| `{text}` | {statistics.median(values):.0f} ms | {max(values):.0f} ms | {res['text_hits'][text]} |")


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown of Qt objects (a PySide6 shutdown crash, not ours)
