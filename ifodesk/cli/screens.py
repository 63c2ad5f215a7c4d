"""screenshots DIR: a PNG of every main page, the case view, the anmälan dialog and the decision editor.

Offscreen Qt, on the configured database. Nothing is written to it: the decision editor is shown
with an unsaved proposal (filled in without counting as typing, so it is never autosaved).
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

from . import CliError, add_database_arg

SIZE = (1366, 768)


def register(sub) -> None:
    p = sub.add_parser("screenshots", help="spara en skärmbild (PNG) av varje huvudsida i skrivbordsappen")
    p.add_argument("dir", metavar="KATALOG", help="katalog att spara bilderna i")
    add_database_arg(p)
    p.add_argument("--user", metavar="ANVÄNDARNAMN",
                   help="vem appen visas för (standard: första 1:e socialsekreteraren)")
    p.set_defaults(func=cmd_screenshots)


def _refuse_real_database(db, username: str | None) -> None:
    """Screenshots show whatever the database holds and write audit rows as the user shown:
    only demo data and demo staff, never real people."""
    from ifodesk.services.demo_check import DEMO_USERNAMES, check_demo_database

    check = check_demo_database(db)
    if not check.is_demo:
        db.dispose()
        raise CliError(f"Skärmbilder tas bara från en demodatabas. {check.reason}")
    if username is not None and username not in DEMO_USERNAMES:
        db.dispose()
        raise CliError(f"Användaren {username!r} hör inte till demopersonalen; välj en demoanvändare med --user.")


def _default_user(db) -> str:
    from ifodesk.services.admin import list_users

    users = [u for u in list_users(db) if u.active]
    if not users:
        raise CliError("databasen har inga användare – kör först 'ifodesk-admin demo'")
    return next((u.username for u in users if u.role == "forste"), users[0].username)


def _settle(qapp, app_ctx, timeout: float = 20.0) -> None:
    """Let workers finish and their results (and lazy rows they cause) be shown."""
    deadline = time.monotonic() + timeout
    idle_rounds = 0
    while time.monotonic() < deadline and idle_rounds < 5:
        qapp.processEvents()
        app_ctx.tasks.wait(50)
        qapp.processEvents()
        idle_rounds = idle_rounds + 1 if app_ctx.tasks.pending == 0 else 0


def _save(widget, path: Path) -> None:
    """Under a temporary name, renamed when whole: a full disk leaves no empty PNG."""
    from ifodesk.fileio import atomic_output

    with atomic_output(path) as tmp:
        if not widget.grab().save(str(tmp), "PNG"):
            raise CliError(f"Kunde inte spara {path} (är disken full?).")
    print(path)


def _first_case(app_ctx):
    from ifodesk.services.caseview import CaseQuery, case_ids

    ids = case_ids(app_ctx.services, CaseQuery(statuses=("utredning",)), limit=1) or \
        case_ids(app_ctx.services, CaseQuery(), limit=1)
    return uuid.UUID(hex=ids[0]) if ids else None  # case_ids gives hex strings


def _protected_case(app_ctx, look_at: int = 3000):
    """A case about a person with protected identity, among the newest cases (None if none)."""
    from ifodesk.services.caseview import CaseQuery, case_ids, case_rows

    ids = case_ids(app_ctx.services, CaseQuery(), limit=look_at)
    for start in range(0, len(ids), 100):
        hit = next((r for r in case_rows(app_ctx.services, ids[start:start + 100]) if r.person.is_protected), None)
        if hit is not None:
            return hit.id
    return None


def cmd_screenshots(args) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ifodesk.app import StartError, build_window, make_qapp, open_services, sign_in

    out = Path(args.dir)
    if out.exists() and not out.is_dir():
        raise CliError(f"{out} är ingen mapp.")
    qapp = make_qapp(["ifodesk-admin"])
    try:
        cfg, db = open_services(args.database)
        _refuse_real_database(db, args.user)
        args.user = args.user or _default_user(db)
        args.demo = True  # screenshots act as a chosen demo user
        actor = sign_in(db, args, lambda _users: None)
    except StartError as exc:
        raise CliError(str(exc)) from exc
    out.mkdir(parents=True, exist_ok=True)
    app_ctx, window = build_window(cfg, db, actor)
    window.resize(*SIZE)
    window.show()
    _shoot_pages(qapp, app_ctx, window, out)
    _shoot_case_and_dialog(qapp, app_ctx, window, out)
    _shoot_decision_editor(qapp, app_ctx, window, out)
    window.close()
    app_ctx.tasks.wait()
    _shoot_start_pages(qapp, cfg, db, out)
    db.dispose()
    return 0


# One demo user per start page (resources/start_pages.toml): each role starts on its own work.
START_PAGE_USERS = ("anna.lind", "karin.berg", "eva.lundgren", "helena.wallin")


def _shoot_start_pages(qapp, cfg, db, out: Path) -> None:
    from ifodesk.app import build_window
    from ifodesk.services.admin import actor_for
    from ifodesk.services.errors import NotFound

    for n, username in enumerate(START_PAGE_USERS):
        try:
            actor = actor_for(db, username)
        except NotFound:  # a demo database without this person: no picture
            continue
        app_ctx, window = build_window(cfg, db, actor)
        window.resize(*SIZE)
        window.show()
        window.show_page(0)
        _settle(qapp, app_ctx)
        _save(window, out / f"5{n}_start_{actor.role}.png")
        window.close()
        app_ctx.tasks.wait()


def _shoot_pages(qapp, app_ctx, window, out: Path) -> None:
    for i, page in enumerate(window.pages, start=1):
        window.show_page(i - 1)
        _settle(qapp, app_ctx)
        _save(window, out / f"{i:02d}_{page.page_id}.png")


def _shoot_case_and_dialog(qapp, app_ctx, window, out: Path) -> None:
    case_id = _first_case(app_ctx)
    if case_id is not None:
        window.show_case(case_id)
        _settle(qapp, app_ctx)
        _save(window, out / "20_arende.png")
        for tab in range(1, window.case_view.tabs.count()):
            window.case_view.tabs.setCurrentIndex(tab)
            _settle(qapp, app_ctx)
            _save(window, out / f"2{tab}_arende_flik{tab}.png")
    protected = _protected_case(app_ctx)
    if protected is not None:  # the marking a caseworker must never miss
        window.show_case(protected)
        window.case_view.tabs.setCurrentIndex(0)
        _settle(qapp, app_ctx)
        _save(window, out / "29_skyddad_person.png")
    window.new_anmalan()
    _settle(qapp, app_ctx)
    dialog = window._anmalan_dialog
    _save(dialog, out / "30_ny_anmalan.png")
    dialog.reject()


RESERVED_TEMPLATE = "vard_familjehem"  # reserved for the utskott (30 kap. 6 § SoL): nobody signs it alone
SAMPLE_FACTS = {
    "familjehem": "Familjen Berg, Småby",
    "samtycke": "Vårdnadshavarna samtycker till vården.",
    "fakta": "Barnet kan inte bo kvar hemma under utredningen; skolan och BUP beskriver en allvarlig oro.",
    "motivering": "Barnet behöver vård utanför hemmet i ett utrett familjehem för att få sina behov tillgodosedda.",
}


def _reserved_template(catalog):
    reserved = [t for t in catalog.templates.values() if t.utskott_only]
    return catalog.templates.get(RESERVED_TEMPLATE) or (reserved[0] if reserved else None)


def _shoot_decision_editor(qapp, app_ctx, window, out: Path) -> None:
    """A proposal reserved for the IU: "Fatta beslut" disabled, with the reason shown."""
    from ifodesk.ui.appctx import DecisionRequest

    case_id = _first_case(app_ctx)
    if case_id is None:
        return
    editor = window.decision_editors.new_decision(DecisionRequest(case_id))
    template = _reserved_template(editor.catalog)
    if template is None:
        editor.reject()
        return
    editor.resize(SIZE[0] - 66, SIZE[1] - 48)  # as it opens on a 1366×768 laptop
    editor.picker.select(template.id)
    editor.choose_template(template)
    _settle(qapp, app_ctx)  # the facts the case already knows are filled in
    today = app_ctx.services.today().isoformat()
    current = editor.fields.values()
    sample = {f.name: SAMPLE_FACTS.get(f.name, today if f.kind == "date" else "") for f in template.fields}
    editor.fields.set_values({**current, **{k: v for k, v in sample.items() if v and not current.get(k)}})
    editor.refresh_routing()
    _settle(qapp, app_ctx)
    _save(editor, out / "40_beslut_forbehallet_utskottet.png")
    editor.dirty = False  # shown only: nothing is saved
    editor.reject()
    _settle(qapp, app_ctx)
