"""Signing in without a client-chosen name: the OS account owning the SQLite file, the
PostgreSQL password asked only when the server wants one, and the password dialog."""

from __future__ import annotations

import getpass
import os

import pytest

from ifodesk import login
from ifodesk.db.engine import Database
from ifodesk.db.migrate import upgrade


class AuthFailed(Exception):
    sqlstate = "28P01"


def test_sqlite_user_is_the_os_account_owning_the_file(tmp_path, monkeypatch):
    from ifodesk.config import Municipality
    from ifodesk.services import admin, identity
    from ifodesk.services.demo_staff import ensure_staff

    db = Database(f"sqlite:///{tmp_path / 'egen.sqlite3'}")
    upgrade(db)
    ensure_staff(db, admin.ensure_municipality(db, Municipality()))
    admin.set_login_name(db, "maria.ostlund", getpass.getuser())
    assert identity.signed_in_actor(db).username == "maria.ostlund"
    # Someone else running the program on that file is refused, whatever they call themselves.
    monkeypatch.setenv("USER", "anna.lind")
    monkeypatch.setenv("LOGNAME", "anna.lind")
    monkeypatch.setattr(os, "getuid", lambda: os.stat(tmp_path / "egen.sqlite3").st_uid + 1)
    with pytest.raises(identity.SignInError, match="tillhör datorkontot"):
        identity.signed_in_actor(db)
    db.dispose()


def test_password_is_asked_only_when_the_server_wants_one_and_failures_are_counted(monkeypatch):
    monkeypatch.setattr(login, "_keyring", lambda: None)
    url = "postgresql+psycopg://anna@db.kommun.se/ifodesk"
    tried, asked = [], []

    def open_db(u):
        tried.append(u)
        if ":hemligt-ratt@" not in u:
            raise AuthFailed('password authentication failed for user "anna"')
        return "db"

    answers = iter([login.Credentials("anna", "fel"), login.Credentials("anna", "hemligt-ratt", remember=True)])

    def ask(user, message):
        asked.append((user, message))
        return next(answers)

    db, failures = login.open_as_self(url, open_db, ask)
    assert db == "db" and failures == ["anna"]
    assert asked == [("anna", ""), ("anna", "Fel användarnamn eller lösenord. Försök igen.")]
    assert tried[0] == url  # Kerberos or nothing at all is tried first


def test_kerberos_or_trust_needs_no_dialog():
    def ask(_user, _message):
        raise AssertionError("no password should be asked")

    assert login.open_as_self("postgresql+psycopg://anna@db/ifodesk?krbsrvname=postgres",
                              lambda u: "db", ask) == ("db", [])


def test_a_remembered_password_comes_from_the_keyring_and_cancel_is_a_start_error(monkeypatch):
    class FakeKeyring:
        store = {"ifodesk": {}}

        def get_password(self, service, key):
            return self.store[service].get(key)

        def set_password(self, service, key, value):
            self.store[service][key] = value

        def delete_password(self, service, key):
            self.store[service].pop(key, None)

    kr = FakeKeyring()
    monkeypatch.setattr(login, "_keyring", lambda: kr)
    url = "postgresql+psycopg://anna@db.kommun.se/ifodesk"

    def open_db(u):
        if ":sparat-losen@" not in u:
            raise AuthFailed("fe_sendauth: no password supplied")
        return "db"

    db, _ = login.open_as_self(url, open_db, lambda u, m: login.Credentials("anna", "sparat-losen", True))
    assert db == "db" and kr.store["ifodesk"] == {"anna@db.kommun.se:5432/ifodesk": "sparat-losen"}
    assert login.open_as_self(url, open_db, lambda u, m: None)[0] == "db"  # no dialog: keyring
    kr.store["ifodesk"].clear()
    with pytest.raises(login.SignInCancelled):
        login.open_as_self(url, open_db, lambda u, m: None)


def test_start_without_a_password_is_a_swedish_message(monkeypatch):
    from ifodesk import app
    from ifodesk import bootstrap

    monkeypatch.setattr(login, "_keyring", lambda: None)

    def refuse(_cfg, **_kw):
        raise AuthFailed("fe_sendauth: no password supplied")

    monkeypatch.setattr(bootstrap, "open_database", refuse)
    with pytest.raises(app.StartError, match="kräver lösenord"):
        app.open_services("postgresql://anna@127.0.0.1:1/ifodesk", lambda u, m: None)


def test_password_dialog_hides_the_password_and_disables_remember_without_keyring(qtbot):
    from PySide6.QtWidgets import QLineEdit

    from ifodesk.ui.sign_in import PasswordDialog

    dialog = PasswordDialog("anna.lind", "Fel användarnamn eller lösenord.", remember_possible=False)
    qtbot.addWidget(dialog)
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    assert not dialog.remember.isEnabled()
    assert dialog.message.text().startswith("Fel")
    qtbot.keyClicks(dialog.password, "mitt losenord 1")
    assert dialog.credentials() == ("anna.lind", "mitt losenord 1", False)
    with_keyring = PasswordDialog("", remember_possible=True)
    qtbot.addWidget(with_keyring)
    assert with_keyring.remember.isEnabled()
