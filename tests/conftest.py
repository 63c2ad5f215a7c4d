"""Fixtures: every database test runs on SQLite and, given IFODESK_TEST_PG_URL, on PostgreSQL."""

from __future__ import annotations

import os
import sys
import uuid
from datetime import date, datetime, timezone

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_URL_ENV = "IFODESK_TEST_PG_URL"


@pytest.fixture(autouse=True, scope="session")
def _isolated_user_files(tmp_path_factory):
    """Tests never read or write the developer's drafts or config (nor leave any behind)."""
    base = tmp_path_factory.mktemp("user")
    saved = {k: os.environ.get(k) for k in ("IFODESK_DRAFTS_DIR", "IFODESK_CONFIG", "IFODESK_MACHINE_CONFIG")}
    os.environ["IFODESK_DRAFTS_DIR"] = str(base / "data")
    (base / "config.toml").write_text("", encoding="utf-8")  # a named config file must exist
    os.environ["IFODESK_CONFIG"] = str(base / "config.toml")
    os.environ["IFODESK_MACHINE_CONFIG"] = str(base / "machine" / "config.toml")  # none
    yield
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def qapp(qapp_args, qapp_cls):
    """pytest-qt's QApplication, with garbage collection on the GUI thread as in the app (issue 8)."""
    from ifodesk.ui import gc_guard

    app = qapp_cls.instance() or qapp_cls(qapp_args)
    gc_guard.install(app)
    yield app


@pytest.fixture(autouse=True)
def _collect_between_tests():
    """Once the GUI collector runs, tests without an event loop still get their garbage collected
    (on the main thread, like the timer would)."""
    yield
    gc_guard = sys.modules.get("ifodesk.ui.gc_guard")  # not imported: no Qt, nothing to do
    guard = gc_guard.installed() if gc_guard else None
    if guard is not None:
        guard.check()


class MemoryKeyring:
    """An OS keyring in memory: tests never read or write the developer's real keyring."""

    priority = 1

    def __init__(self):
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


def _memory_keyring_class():
    import keyring.backend

    return type("TestMemoryKeyring", (MemoryKeyring, keyring.backend.KeyringBackend), {"priority": 1})


@pytest.fixture(autouse=True, scope="session")
def _memory_keyring():
    import keyring

    saved = keyring.get_keyring()
    keyring.set_keyring(_memory_keyring_class()())
    yield
    keyring.set_keyring(saved)


@pytest.fixture
def memory_keyring():
    """A fresh in-memory keyring for one test (its secrets can be inspected)."""
    import keyring

    saved = keyring.get_keyring()
    ring = _memory_keyring_class()()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(saved)


BACKENDS = ["sqlite", "postgresql"]


def pg_admin_url() -> str | None:
    url = os.environ.get(PG_URL_ENV)
    if not url:
        return None
    from ifodesk.config import normalize_url

    return normalize_url(url)


def _skip_or_fail_pg() -> None:
    msg = f"PostgreSQL-tester hoppas över: {PG_URL_ENV} är inte satt"
    if os.environ.get("CI"):
        pytest.fail(msg + " (under CI måste de köras)")
    pytest.skip(msg)


class ThrowawayPg:
    """Creates and drops a uniquely named database on the test server."""

    def __init__(self, admin_url: str):
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        self.admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.name = f"ifodesk_test_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{self.name}"')
        self.url = make_url(admin_url).set(database=self.name).render_as_string(hide_password=False)

    def drop(self) -> None:
        """The database, then every role named after it (server init and demo create them)."""
        with self.admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            roles = c.exec_driver_sql(
                f"SELECT rolname FROM pg_roles WHERE starts_with(rolname, '{self.name}_')").scalars().all()
            for role in roles:
                c.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        self.admin.dispose()


@pytest.fixture
def fresh_db_url(request, tmp_path):
    """An empty database URL of the requested back end (parametrize indirectly with 'sqlite'/'postgresql')."""
    backend = request.param
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        return
    admin = pg_admin_url()
    if not admin:
        _skip_or_fail_pg()
    pg = ThrowawayPg(admin)
    try:
        yield pg.url
    finally:
        pg.drop()


@pytest.fixture(scope="session", params=BACKENDS)
def _migrated(request, tmp_path_factory):
    from ifodesk.db.engine import Database
    from ifodesk.db.migrate import upgrade

    pg = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    else:
        admin = pg_admin_url()
        if not admin:
            _skip_or_fail_pg()
        pg = ThrowawayPg(admin)
        url = pg.url
    db = Database(url)
    upgrade(db)
    yield db
    db.dispose()
    if pg:
        pg.drop()


@pytest.fixture
def db(_migrated):
    """A migrated database, emptied before each test."""
    from ifodesk.db.models import Base

    with _migrated.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())
    return _migrated


class Clock:
    """A settable clock so deadlines can be tested on chosen dates."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> None:
        from ifodesk.services.context import STOCKHOLM

        self.now = datetime(y, m, d, hh, mm, tzinfo=STOCKHOLM).astimezone(timezone.utc)


@pytest.fixture
def clock():
    c = Clock(datetime.now(timezone.utc))
    c.set(2026, 3, 2)
    return c


@pytest.fixture
def org(db):
    """A municipality with units and the demo staff; returns a helper to act as anyone."""
    from ifodesk.config import Municipality
    from ifodesk.services.admin import actor_for, ensure_municipality, list_units
    from ifodesk.services.demo_staff import ensure_staff

    mid = ensure_municipality(db, Municipality())
    from ifodesk.services.delegation_admin import ensure_default_delegation

    ensure_default_delegation(db, mid)
    ensure_staff(db, mid)
    units = {u.case_prefix: u for u in list_units(db, mid)}

    class Org:
        municipality_id = mid
        unit = units["BU"]
        all_units = units

        def actor(self, username: str):
            return actor_for(db, username)

    return Org()


@pytest.fixture
def ctx_for(db, org, clock):
    from ifodesk.services.context import ServiceContext

    def make(username: str = "anna.lind"):
        return ServiceContext(db, org.actor(username), clock=clock)

    return make


@pytest.fixture
def ctx(ctx_for):
    """Acting as Anna Lind, socialsekreterare in Barn och unga."""
    return ctx_for("anna.lind")


def d(text: str) -> date:
    return date.fromisoformat(text)
