"""ifodesk: the desktop application's composition root.

    ifodesk [--database URL] [--demo] [--user USERNAME]

Loads the configuration, opens (and for SQLite migrates) the database, signs the user in, installs
the Swedish translations and shows the main window. Problems are told in Swedish, exit code 2.
"""

from __future__ import annotations

import argparse
import getpass
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
    p.add_argument("--user", metavar="ANVÄNDARNAMN", help="logga in som den här användaren")
    p.add_argument("--smoke-test", action="store_true",
                   help="självtest efter installation: starta, visa fönstret med data och avsluta (slutkod 0 = allt fungerar)")
    return p.parse_args(argv)


def open_services(database: str | None):
    """Config and database; ConfigError and SchemaError become StartError with their message."""
    from ifodesk.bootstrap import open_database
    from ifodesk.config import ConfigError, load_config
    from ifodesk.db.migrate import SchemaError

    try:
        cfg = load_config(database)
    except ConfigError as exc:
        raise StartError(f"Inställningarna kunde inte läsas:\n\n{exc}") from exc
    check_legal_data()
    try:
        return cfg, open_database(cfg)
    except SchemaError as exc:
        raise StartError(f"Databasen kan inte användas:\n\n{exc}") from exc
    except Exception as exc:  # noqa: BLE001 - e.g. PostgreSQL unreachable: still a Swedish message
        raise StartError(f"Databasen kunde inte öppnas:\n\n{exc}") from exc


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
    """--user, else the demo picker, else the operating system's login name."""
    from ifodesk.services.admin import actor_for, list_users
    from ifodesk.services.errors import NotFound

    username = args.user
    if not username and args.demo:
        username = pick_user([u for u in list_users(db) if u.active])
        if not username:
            raise StartError("Ingen användare valdes.")
    username = username or getpass.getuser()
    try:
        return actor_for(db, username)
    except NotFound as exc:
        raise StartError(f"Inloggningsnamnet {username!r} finns inte som aktiv användare i ifodesk. "
                         "Be systemansvarig lägga upp dig, eller starta med --user ANVÄNDARNAMN.") from exc


def build_window(cfg, db, actor, pages=None):
    from ifodesk.services.context import ServiceContext
    from ifodesk.ui.appctx import AppContext
    from ifodesk.ui.main_window import MainWindow
    from ifodesk.ui.pages import default_pages

    app_ctx = AppContext(ServiceContext(db, actor, cfg.municipality))
    window = MainWindow(app_ctx, pages if pages is not None else default_pages())
    return app_ctx, window


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


def _fail(text: str) -> int:
    from PySide6.QtWidgets import QMessageBox

    print(f"ifodesk: {text}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical, "ifodesk kan inte starta", text)
    box.exec()
    return EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=os.environ.get("IFODESK_LOG", "WARNING"))
    args = parse_args(argv)
    qapp = make_qapp(sys.argv[:1])
    try:
        cfg, db = open_services(args.database)
        actor = sign_in(db, args, _pick_user)
    except StartError as exc:
        if args.smoke_test:  # no modal box in a self-test: nobody is there to close it
            print(f"ifodesk: {exc}", file=sys.stderr)
            return EXIT_USAGE
        return _fail(str(exc))
    _app_ctx, window = build_window(cfg, db, actor)
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
