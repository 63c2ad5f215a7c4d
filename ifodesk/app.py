"""ifodesk: the desktop application's composition root.

    ifodesk [--database URL] [--demo [--user USERNAME]]

Loads the configuration, opens (and for SQLite migrates) the database, signs the user in, installs
the Swedish translations and shows the main window. Problems are told in Swedish, exit code 2.
Who is signed in is decided by the database (PostgreSQL: session_user; SQLite: the OS account
owning the file), see services.identity; only a demo database lets one pick a user.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time

_STARTED = time.perf_counter()
log = logging.getLogger("ifodesk")

EXIT_USAGE = 2


class StartError(Exception):
    """Why the app cannot start, in Swedish for the user."""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="ifodesk", description="Ärendehantering för individ- och familjeomsorgen.")
    p.add_argument("--database", metavar="URL", help="databasadress (sqlite:///fil eller postgresql://…)")
    p.add_argument("--demo", action="store_true", help="demodatabas: välj användare i en lista")
    p.add_argument("--user", metavar="ANVÄNDARNAMN", help="bara med --demo: logga in som den här demoanvändaren")
    p.add_argument("--smoke-test", action="store_true",
                   help="självtest efter installation: starta, visa fönstret med data och avsluta (slutkod 0 = allt fungerar)")
    p.add_argument("--offline", action="store_true",
                   help="arbeta i den utcheckade kopian på den här datorn, utan server")
    args = p.parse_args(argv)
    if args.user and not (args.demo or args.offline):
        p.error("--user finns bara för demodatabaser (--demo). Annars är du den du loggat in som.")
    return args


def open_services(database: str | None, ask_password=None):
    """Config and database; ConfigError and SchemaError become StartError with their message.

    ask_password(user, message) -> Credentials | None is asked when PostgreSQL wants a password."""
    import dataclasses

    from ifodesk.bootstrap import open_database
    from ifodesk.config import ConfigError, load_config
    from ifodesk.db.migrate import SchemaError
    from ifodesk.login import SignInCancelled, TooManyAttempts, open_as_self

    try:
        cfg = load_config(database)
    except ConfigError as exc:
        raise StartError(f"Inställningarna kunde inte läsas:\n\n{exc}") from exc
    check_legal_data()

    def open_db(url: str):
        # only the default per-user file is created on first start; a named one must exist
        return open_database(dataclasses.replace(cfg, database_url=url), create=cfg.is_default_database)

    try:
        db, failures = open_as_self(cfg.database_url, open_db, ask_password or (lambda _u, _m: None))
    except SignInCancelled:
        raise StartError("Ingen inloggning: databasen kräver lösenord.") from None
    except TooManyAttempts:
        raise StartError("För många misslyckade inloggningsförsök. Kontakta systemansvarig om du glömt "
                         "lösenordet.") from None
    except (SchemaError, ConfigError) as exc:
        raise StartError(f"Databasen kan inte användas:\n\n{exc}") from exc
    except Exception as exc:  # noqa: BLE001 - e.g. PostgreSQL unreachable: still a Swedish message
        from ifodesk.public_errors import describe, log_exception

        # Never the raw text (it may carry SQL parameters): its kind, and a reference to the log.
        raise StartError(f"Databasen kunde inte öppnas:\n\n{describe(exc, log_exception(log, exc, 'Start'))}") from exc
    _log_failed_attempts(db, failures)
    return cfg, db


def _log_failed_attempts(db, failures: list[str]) -> None:
    """Wrong passwords before the right one: logged now that the database takes a row."""
    from ifodesk.services.identity import record_failed_sign_in

    for login in failures:
        record_failed_sign_in(db, login, "fel lösenord")


def check_legal_data() -> None:
    """The law catalog, templates and default delegationsordning are validated before anything
    is shown: an error names the file, the entry and what is wrong."""
    from ifodesk.domain.catalog import CatalogError, load_catalog
    from ifodesk.domain.delegation import DelegationError, load_and_validate
    from ifodesk.resources import resource_path

    try:
        load_and_validate(resource_path("delegation", "default.toml"), load_catalog())
    except (CatalogError, DelegationError) as exc:
        raise StartError(f"Lagkatalogen eller beslutsmallarna är felaktiga:\n\n{exc}") from exc


def sign_in(db, args, pick_user) -> object:
    """Demo: --user or the picker. Otherwise the database says who is connected."""
    from ifodesk.services.admin import actor_for, list_users
    from ifodesk.services.errors import NotFound
    from ifodesk.services.identity import SignInError, signed_in_actor

    if not args.demo:
        try:
            return signed_in_actor(db)
        except SignInError as exc:
            raise StartError(str(exc)) from None
    username = args.user or pick_user([u for u in list_users(db) if u.active])
    if not username:
        raise StartError("Ingen användare valdes.")
    try:
        return actor_for(db, username)
    except NotFound as exc:
        raise StartError(f"Användaren {username!r} finns inte som aktiv användare i demodatabasen.") from exc


def build_window(cfg, db, actor, pages=None):
    from ifodesk.services.context import ServiceContext
    from ifodesk.ui.appctx import AppContext
    from ifodesk.ui.main_window import MainWindow
    from ifodesk.ui.pages import default_pages

    app_ctx = AppContext(ServiceContext(db, actor, cfg.municipality))
    window = MainWindow(app_ctx, pages if pages is not None else default_pages())
    return app_ctx, window


def build_offline_window(args, pages=None):
    """--offline: the same window on the encrypted laptop copy (issue 12)."""
    from ifodesk.config import ConfigError, load_config
    from ifodesk.offline.store import OfflineFileError
    from ifodesk.ui.appctx import AppContext
    from ifodesk.ui.main_window import MainWindow
    from ifodesk.ui.offline_mode import open_offline
    from ifodesk.ui.pages import default_pages

    try:
        cfg = load_config(args.database)
        octx, _header = open_offline(args.user, cfg.offline_max_days, cfg.municipality)
    except (ConfigError, OfflineFileError) as exc:
        raise StartError(str(exc)) from None
    app_ctx = AppContext(octx)
    return app_ctx, MainWindow(app_ctx, pages if pages is not None else default_pages()), octx.db


def make_qapp(argv: list[str]):
    from PySide6.QtWidgets import QApplication

    from ifodesk.ui import gc_guard
    from ifodesk.ui.i18n import install_translators

    qapp = QApplication.instance() or QApplication(argv)
    gc_guard.install(qapp)  # cyclic garbage is collected on the GUI thread only (see gc_guard)
    qapp.setApplicationName("ifodesk")
    qapp.setOrganizationName("ifodesk")
    qapp.setStyle("Fusion")
    qapp.setWindowIcon(app_icon())
    install_translators(qapp)
    return qapp


def app_icon():
    from PySide6.QtGui import QIcon

    from ifodesk.resources import resource_path

    return QIcon(str(resource_path("icons", "ifodesk.png")))


def fit_to_screen(window) -> None:
    """1366×768 laptops first: the whole of a small screen (maximized), 1366×768 on a larger one."""
    from PySide6.QtCore import Qt

    screen = window.screen().availableGeometry()
    window.resize(min(1366, screen.width()), min(768, screen.height()))
    if screen.width() <= 1440 or screen.height() <= 800:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def _pick_user(users):
    from ifodesk.ui.sign_in import UserPickerDialog

    dialog = UserPickerDialog(users)
    return dialog.username() if dialog.exec() else None


def _ask_password(user: str, message: str):
    from ifodesk.login import Credentials, keyring_available
    from ifodesk.ui.sign_in import PasswordDialog

    dialog = PasswordDialog(user, message, remember_possible=keyring_available())
    if not dialog.exec():
        return None
    return Credentials(*dialog.credentials())


def _fail(text: str) -> int:
    from PySide6.QtWidgets import QMessageBox

    print(f"ifodesk: {text}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical, "ifodesk kan inte starta", text)
    box.exec()
    return EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=os.environ.get("IFODESK_LOG", "WARNING"))
    from ifodesk.public_errors import install_excepthook

    install_excepthook(log)
    args = parse_args(argv)
    qapp = make_qapp(sys.argv[:1])
    try:
        if args.offline:
            _app_ctx, window, db = build_offline_window(args)
        else:
            cfg, db = open_services(args.database, _ask_password)
            actor = sign_in(db, args, _pick_user)
    except StartError as exc:
        if args.smoke_test:  # no modal box in a self-test: nobody is there to close it
            print(f"ifodesk: {exc}", file=sys.stderr)
            return EXIT_USAGE
        return _fail(str(exc))
    if not args.offline:
        _app_ctx, window = build_window(cfg, db, actor)
    __import__("ifodesk.ui.offline_mode", fromlist=["install"]).install(_app_ctx, window)  # banner / Checka in
    window.ready.connect(lambda: log.info("Fönstret klart efter %.0f ms", (time.perf_counter() - _STARTED) * 1000))
    fit_to_screen(window)
    window.show()
    if args.smoke_test:
        from ifodesk.ui.smoke import run

        code = run(qapp, window)
        db.dispose()
        return code
    code = qapp.exec()
    db.dispose()
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
