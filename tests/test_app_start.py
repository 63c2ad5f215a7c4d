"""Starting the app: configuration and sign-in problems are told in Swedish, with exit code 2."""

from __future__ import annotations

import argparse

import pytest

from ifodesk import app


def test_unsupported_database_url_is_a_swedish_start_error():
    with pytest.raises(app.StartError) as exc:
        app.open_services("mysql://nej")
    assert "Inställningarna kunde inte läsas" in str(exc.value) and "stöds inte" in str(exc.value)


def test_main_shows_the_message_and_exits_2(monkeypatch, qapp):
    shown = []
    monkeypatch.setattr(app, "_fail", lambda text: shown.append(text) or app.EXIT_USAGE)
    assert app.main(["--database", "mysql://nej"]) == 2
    assert "stöds inte" in shown[0]


def _args(**kw):
    return argparse.Namespace(**{"user": None, "demo": False, **kw})


def test_sign_in_is_who_the_database_says_and_the_picker_only_in_demo(db, org):
    from ifodesk.services import admin, identity

    admin.set_login_name(db, "karin.berg", identity.login_name(db))
    assert app.sign_in(db, _args(), None).full_name == "Karin Berg"
    assert app.sign_in(db, _args(demo=True, user="anna.lind"), None).username == "anna.lind"
    picked = app.sign_in(db, _args(demo=True), lambda users: users[0].username)
    assert picked.username == sorted(u for u in [picked.username])[0]


def test_user_option_only_exists_for_demo_databases(capsys):
    with pytest.raises(SystemExit) as exc:
        app.parse_args(["--user", "goran.falk"])
    assert exc.value.code == 2
    assert "--user finns bara för demodatabaser" in capsys.readouterr().err
    assert app.parse_args(["--demo", "--user", "goran.falk"]).user == "goran.falk"


def test_unknown_login_is_refused_in_swedish_and_logged(db, org):
    from sqlalchemy import select

    from ifodesk.db.models import AuditLog

    with pytest.raises(app.StartError) as exc:
        app.sign_in(db, _args(), None)
    assert "finns inte som aktiv användare" in str(exc.value) or "inte kopplad" in str(exc.value)
    with db.session() as s:
        row = s.scalar(select(AuditLog).where(AuditLog.action == "sign_in_failed"))
    assert row is not None and row.detail == "okänd inloggning"


def test_a_broken_template_stops_the_start_naming_file_and_entry(tmp_path, monkeypatch):
    import shutil

    from ifodesk.domain import catalog
    from ifodesk.resources import resources_dir

    root = tmp_path / "resources"
    shutil.copytree(resources_dir(), root)
    f = root / "templates" / "vard_familjehem.toml"
    f.write_text(f.read_text(encoding="utf-8").replace('lowest_decider = "utskott"', 'lowest_decider = "enhetschef"'),
                 encoding="utf-8")
    monkeypatch.setenv("IFODESK_RESOURCES", str(root))
    catalog.clear_catalog_cache()
    try:
        with pytest.raises(app.StartError) as exc:
            app.check_legal_data()
        assert "vard_familjehem" in str(exc.value) and "Lagkatalogen" in str(exc.value)
    finally:
        monkeypatch.delenv("IFODESK_RESOURCES")
        catalog.clear_catalog_cache()
    app.check_legal_data()  # the shipped data is valid
