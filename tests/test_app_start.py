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


def test_sign_in_by_user_by_os_login_and_by_demo_picker(db, org, monkeypatch):
    assert app.sign_in(db, _args(user="karin.berg"), None).full_name == "Karin Berg"
    monkeypatch.setattr(app.getpass, "getuser", lambda: "anna.lind")
    assert app.sign_in(db, _args(), None).username == "anna.lind"
    picked = app.sign_in(db, _args(demo=True), lambda users: users[0].username)
    assert picked.username == sorted(u for u in [picked.username])[0]


def test_unknown_os_login_is_refused_in_swedish(db, org, monkeypatch):
    monkeypatch.setattr(app.getpass, "getuser", lambda: "okand")
    with pytest.raises(app.StartError) as exc:
        app.sign_in(db, _args(), None)
    assert "'okand' finns inte som aktiv användare" in str(exc.value)
