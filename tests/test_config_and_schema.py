"""Configuration precedence, network-share refusal, migrations up and down on both back ends."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from ifodesk import config
from ifodesk.config import ConfigError, load_config
from ifodesk.db.engine import Database
from ifodesk.db.migrate import SchemaError, downgrade, prepare_at_start, schema_state, upgrade
from ifodesk.db.models import Base


@pytest.fixture
def isolated_config(tmp_path, monkeypatch):
    cfg_file = tmp_path / "config.toml"
    cfg_file.write_text("", encoding="utf-8")
    monkeypatch.setenv("IFODESK_CONFIG", str(cfg_file))
    monkeypatch.delenv("IFODESK_DATABASE_URL", raising=False)
    monkeypatch.setattr(config.platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "data"))
    return cfg_file


def test_database_precedence_cli_then_env_then_file_then_default(isolated_config, tmp_path, monkeypatch):
    assert load_config().database_url == f"sqlite:///{tmp_path / 'data' / 'ifodesk.sqlite3'}"
    isolated_config.write_text('database_url = "postgresql://ifo@dbserver/ifodesk"\n'
                               '[municipality]\nname = "Småby kommun"\ncode = "0999"\n', encoding="utf-8")
    cfg = load_config()
    assert cfg.database_url == "postgresql+psycopg://ifo@dbserver/ifodesk"
    assert cfg.municipality.name == "Småby kommun" and cfg.municipality.code == "0999"
    monkeypatch.setenv("IFODESK_DATABASE_URL", f"sqlite:///{tmp_path / 'env.sqlite3'}")
    assert load_config().database_url.endswith("env.sqlite3")
    assert load_config(f"sqlite:///{tmp_path / 'cli.sqlite3'}").database_url.endswith("cli.sqlite3")


def test_bad_municipality_code_and_broken_file_give_swedish_errors(isolated_config):
    isolated_config.write_text('[municipality]\ncode = "99"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="fyra siffror"):
        load_config()
    isolated_config.write_text('database_url = "unterminated\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="kunde inte läsas"):
        load_config()


@pytest.mark.parametrize("path", [r"\\fileserver\ifo\ifodesk.sqlite3", "//fileserver/ifo/ifodesk.sqlite3"])
def test_sqlite_on_unc_path_is_refused_with_postgresql_advice(path):
    with pytest.raises(ConfigError, match="PostgreSQL"):
        config.check_database_url(f"sqlite:///{path}")


def test_sqlite_on_network_mount_is_refused(tmp_path, monkeypatch):
    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/sda1 / ext4 rw 0 0\nfs:/share /mnt/ifo nfs4 rw 0 0\n")
    assert config._mount_fs_type(Path("/mnt/ifo/db.sqlite3"), str(mounts)) == "nfs4"
    assert config._mount_fs_type(Path("/home/anna/db.sqlite3"), str(mounts)) == "ext4"
    monkeypatch.setattr(config, "_mount_fs_type", lambda p: "cifs")
    with pytest.raises(ConfigError, match="nätverksenhet"):
        config.check_database_url("sqlite:////mnt/ifo/db.sqlite3")


def test_unsupported_url_is_refused():
    with pytest.raises(ConfigError, match="stöds inte"):
        config.check_database_url("mysql://x/y")


@pytest.mark.parametrize("fresh_db_url", ["sqlite", "postgresql"], indirect=True)
def test_migrations_up_down_up_match_the_models(fresh_db_url):
    db = Database(fresh_db_url)
    upgrade(db)
    assert schema_state(db).up_to_date
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    downgrade(db, "base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}  # FTS tables gone too
    upgrade(db)
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from ifodesk.db.search import is_search_index_table

    with db.engine.connect() as conn:
        mc = MigrationContext.configure(conn, opts={
            "include_name": lambda name, type_, parent: not (type_ in ("table", "index") and is_search_index_table(name))})
        diff = compare_metadata(mc, Base.metadata)
    assert diff == [], diff
    db.dispose()


@pytest.mark.parametrize("fresh_db_url", ["sqlite", "postgresql"], indirect=True)
def test_client_older_than_database_refuses_to_start(fresh_db_url):
    db = Database(fresh_db_url)
    upgrade(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    with pytest.raises(SchemaError, match="nyare ifodesk"):
        prepare_at_start(db, None)
    db.dispose()


@pytest.mark.parametrize("fresh_db_url", ["postgresql"], indirect=True)
def test_postgresql_behind_is_not_upgraded_by_the_client(fresh_db_url):
    db = Database(fresh_db_url)
    with pytest.raises(SchemaError, match="ifodesk-admin init-db"):
        prepare_at_start(db, None)
    upgrade(db)
    downgrade(db, "base")
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS alembic_version (version_num varchar(32) PRIMARY KEY)"))
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version VALUES ('0001')"))
    state = schema_state(db)
    assert state.known
    db.dispose()


def test_sqlite_is_backed_up_and_upgraded_at_start(tmp_path):
    path = tmp_path / "ifo.sqlite3"
    db = Database(f"sqlite:///{path}")
    upgrade(db, "0001")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO municipality (id, version, created_at, updated_at, code, name) "
                          "VALUES ('00000000000000000000000000000001', 1, '2026-01-01', '2026-01-01', '0999', 'Småby')"))
    state = prepare_at_start(db, path)
    assert state.up_to_date
    backups = list(tmp_path.glob("ifo.backup-*.sqlite3"))
    assert len(backups) == 1
    old = Database(f"sqlite:///{backups[0]}")
    assert schema_state(old).current == "0001"
    with old.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM municipality")).scalar() == "Småby"
    old.dispose()
    db.dispose()


def test_sqlite_connection_has_foreign_keys_wal_and_busy_timeout(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    db.dispose()


@pytest.mark.parametrize("fresh_db_url", ["sqlite", "postgresql"], indirect=True)
def test_upgrade_keeps_existing_cases_and_their_references(fresh_db_url):
    """A database in use at revision 0002 upgrades with all rows and foreign keys intact."""
    db = Database(fresh_db_url)
    upgrade(db, "0002")
    m, u, p, c, dl = ("00000000-0000-0000-0000-00000000000" + str(i) for i in range(1, 6))
    now = "2026-01-05 10:00:00"
    with db.engine.begin() as conn:
        def ins(table, **vals):
            vals.update(version=1, created_at=now, updated_at=now)
            cols = ", ".join(vals)
            conn.execute(text(f"INSERT INTO {table} ({cols}) VALUES ({', '.join(':' + k for k in vals)})"),
                         {k: (v.replace('-', '') if db.dialect == 'sqlite' and isinstance(v, str) and v.startswith('0000') else v)
                          for k, v in vals.items()})
        ins("municipality", id=m, code="0999", name="Småby")
        ins("unit", id=u, municipality_id=m, name="Barn och unga", kind="barn_unga", case_prefix="BU")
        ins("person", id=p, municipality_id=m, personnummer="201503129809", first_name="Maja", last_name="Öberg",
            sort_key="}berg maja", search_name="maja öberg öberg", protection="none")
        ins("case_file", id=c, municipality_id=m, unit_id=u, person_id=p, case_number="BU-2026-00001",
            status="utredning", opened_on="2026-01-05")
        ins("deadline", id=dl, municipality_id=m, unit_id=u, case_id=c, person_id=p, kind="utredning",
            source_type="utredning", source_id=c, start_on="2026-01-05", due_on="2026-05-05")
    upgrade(db)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT sort_name FROM case_file")).scalar() == "}berg maja"
        assert conn.execute(text("SELECT count(*) FROM deadline")).scalar() == 1
        if db.dialect == "sqlite":
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("SELECT count(*) FROM person_fts WHERE person_fts MATCH '\"öberg\"'").scalar() == 1
    db.dispose()


def test_schema_head_constant_matches_the_migration_scripts():
    from alembic.script import ScriptDirectory

    from ifodesk.db.migrate import SCHEMA_HEAD, alembic_config

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_HEAD
