"""Nothing secret lies on the workstation: encrypted drafts, owner-only database files and backups,
and no SQL parameters or personal data in error messages or logs."""

from __future__ import annotations

import json
import logging
import os
import stat
import uuid
from datetime import datetime
from pathlib import Path

import pytest

from ifodesk.ui.drafts import DraftStore

NAME = "Astrid Lindqvist"
PNR = "20150916-9802"
JOURNAL = "Mamman berättar att pappan slår Astrid när han druckit."
SECRETS = (NAME, PNR, PNR.replace("-", ""), "Lindqvist", "druckit")

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows relies on the profile's ACL")


def _values():
    return {"namn": NAME, "personnummer": PNR, "text": JOURNAL}


def _bytes_under(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


def _assert_unreadable(blob: bytes) -> None:
    for secret in SECRETS:
        for encoding in ("utf-8", "utf-16-le", "latin-1"):
            try:
                needle = secret.encode(encoding)
            except UnicodeEncodeError:
                continue
            assert needle not in blob, f"{secret!r} readable on disk ({encoding})"
        assert json.dumps(secret).encode() not in blob  # not as a JSON escape either


@pytest.fixture
def drafts_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("IFODESK_DRAFTS_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IFODESK_CONFIG", str(tmp_path / "config" / "config.toml"))
    return tmp_path


# --- drafts -----------------------------------------------------------------------------------


def test_a_draft_is_unreadable_on_disk_round_trips_and_survives_a_restart(drafts_dir, memory_keyring):
    store = DraftStore.for_user("anna.lind")
    store.save("journal:1", 3, _values())
    assert store.warning is None  # the OS keyring keeps the key
    blob = _bytes_under(drafts_dir)
    assert blob and len(blob) > len(JOURNAL)
    _assert_unreadable(blob)
    # The key is in the keyring, not on disk.
    (service, entry), key = next(iter(memory_keyring.secrets.items()))
    assert service == "ifodesk" and "anna.lind" in entry
    assert key.encode() not in blob

    again = DraftStore.for_user("anna.lind")  # a new start of the app
    draft = again.load("journal:1")
    assert draft is not None and draft.values == _values() and draft.base_version == 3


@posix_only
def test_draft_files_and_folder_are_owner_only(drafts_dir, memory_keyring):
    store = DraftStore.for_user("anna.lind")
    store.save("journal:1", None, _values())
    files = list(store.root.iterdir())
    assert files and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)
    assert stat.S_IMODE(store.root.stat().st_mode) == 0o700


@pytest.mark.parametrize("damage", ["flip", "truncate", "other_key", "garbage"])
def test_a_tampered_draft_is_set_aside_with_a_swedish_message_not_a_crash(drafts_dir, memory_keyring, damage):
    store = DraftStore.for_user("anna.lind")
    store.save("journal:1", 1, _values())
    path = next(store.root.iterdir())
    blob = path.read_bytes()
    if damage == "flip":
        path.write_bytes(blob[:40] + bytes([blob[40] ^ 1]) + blob[41:])
    elif damage == "truncate":
        path.write_bytes(blob[: len(blob) // 2])
    elif damage == "other_key":
        memory_keyring.secrets.clear()  # e.g. the keyring was reset: a new key is made
    else:
        path.write_bytes(b"\x00\xff not a draft")
    messages = []
    reopened = DraftStore.for_user("anna.lind")
    reopened.on_problem = messages.append
    assert reopened.load("journal:1") is None
    assert messages and "utkast kunde inte läsas" in messages[0]
    assert not path.exists() and list(store.root.glob("*.skadad"))  # kept aside, never read again
    assert reopened.load("journal:1") is None and len(messages) == 1
    reopened.save("journal:1", 2, {"text": "ny"})  # and typing goes on
    assert reopened.load("journal:1").values == {"text": "ny"}


def test_plain_drafts_of_older_versions_are_encrypted_on_first_start(drafts_dir, memory_keyring):
    root = drafts_dir / "data" / "utkast" / "anna.lind"
    root.mkdir(parents=True)
    old = {"key": "journal:7", "base_version": 2, "values": _values(), "saved_at": datetime.now().isoformat()}
    (root / "journal_7.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    (root / "broken.json").write_text('{"key": "x", "values": {"t": "Lindqvist', encoding="utf-8")
    assert NAME.encode() in _bytes_under(root)  # today's state: plain text on disk

    store = DraftStore.for_user("anna.lind")
    assert not list(root.glob("*.json"))
    _assert_unreadable(_bytes_under(root))
    draft = store.load("journal:7")
    assert draft is not None and draft.values == _values() and draft.base_version == 2


@posix_only
def test_without_an_os_keyring_the_key_is_an_owner_only_file_and_the_user_is_told(drafts_dir):
    import keyring
    from keyring.backends import fail

    saved = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        store = DraftStore.for_user("anna.lind")
        store.save("journal:1", None, _values())
        assert store.warning and "nyckelring" in store.warning
        key_files = list((drafts_dir / "config").glob("utkastnyckel-*.key"))
        assert len(key_files) == 1 and stat.S_IMODE(key_files[0].stat().st_mode) == 0o600
        assert not list((drafts_dir / "data").rglob("*.key"))  # never beside the drafts
        _assert_unreadable(_bytes_under(drafts_dir / "data"))
        assert DraftStore.for_user("anna.lind").load("journal:1").values == _values()
    finally:
        keyring.set_keyring(saved)


# --- the SQLite file and its backups ------------------------------------------------------------


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@posix_only
def test_a_new_sqlite_database_and_its_wal_files_are_owner_only(tmp_path, monkeypatch):
    from ifodesk.cli import main

    (tmp_path / "none.toml").write_text("", encoding="utf-8")  # an empty config file: no settings

    monkeypatch.setenv("IFODESK_CONFIG", str(tmp_path / "none.toml"))
    old = os.umask(0o022)  # a usual umask: files would be world-readable
    try:
        path = tmp_path / "ny" / "ifo.sqlite3"
        assert main(["init-db", "--database", str(path)]) == 0
        from ifodesk.bootstrap import open_database
        from ifodesk.config import load_config

        db = open_database(load_config(str(path)))
        with db.session(write=True) as s:
            s.connection().exec_driver_sql("CREATE TABLE t (x)")  # keeps -wal and -shm open
            for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                assert p.exists() and _mode(p) == 0o600, p
        db.dispose()
        assert _mode(path.parent) == 0o700
    finally:
        os.umask(old)


@posix_only
def test_an_existing_readable_database_is_tightened_on_open(tmp_path, monkeypatch):
    from ifodesk.cli import main

    (tmp_path / "none.toml").write_text("", encoding="utf-8")  # an empty config file: no settings

    monkeypatch.setenv("IFODESK_CONFIG", str(tmp_path / "none.toml"))
    path = tmp_path / "ifo.sqlite3"
    assert main(["init-db", "--database", str(path)]) == 0
    os.chmod(path, 0o644)
    assert main(["db", "status", "--database", str(path)]) == 0
    assert _mode(path) == 0o600


def _stamped_backups(path: Path, n: int) -> None:
    from ifodesk.db.migrate import backup_sqlite

    for i in range(n):
        backup_sqlite(path, datetime(2026, 1, 1, 12, 0, i), keep=5)


def test_backups_are_whole_owner_only_and_rotated(tmp_path, monkeypatch):
    from ifodesk.cli import main
    from ifodesk.db.migrate import backups_of

    (tmp_path / "none.toml").write_text("", encoding="utf-8")  # an empty config file: no settings

    monkeypatch.setenv("IFODESK_CONFIG", str(tmp_path / "none.toml"))
    path = tmp_path / "ifo.sqlite3"
    assert main(["init-db", "--database", str(path)]) == 0
    _stamped_backups(path, 8)
    kept = backups_of(path)
    assert [p.name for p in kept] == [f"ifo.backup-20260101-1200{i:02d}.sqlite3" for i in range(3, 8)]
    if os.name == "posix":
        assert all(_mode(p) == 0o600 for p in kept)
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*"))
    import sqlite3

    con = sqlite3.connect(kept[-1])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0]  # a whole database
    con.close()


def test_a_backup_that_fails_midway_leaves_no_file(tmp_path, monkeypatch):
    import sqlite3

    from ifodesk.cli import main
    from ifodesk.db import migrate

    (tmp_path / "none.toml").write_text("", encoding="utf-8")  # an empty config file: no settings

    monkeypatch.setenv("IFODESK_CONFIG", str(tmp_path / "none.toml"))
    path = tmp_path / "ifo.sqlite3"
    assert main(["init-db", "--database", str(path)]) == 0

    class FullDisk:
        def __init__(self, real):
            self.real = real

        def backup(self, target, **kw):
            raise sqlite3.OperationalError("database or disk is full")

        def close(self):
            self.real.close()

    real_connect = sqlite3.connect
    monkeypatch.setattr(migrate.sqlite3, "connect",
                        lambda p, *a, **kw: FullDisk(real_connect(p, *a, **kw)) if Path(p) == path else real_connect(p, *a, **kw))
    assert main(["backup", "--database", str(path)]) == 2
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left[0] == "ifo.sqlite3" and not [n for n in left if "backup" in n or n.endswith(".tmp")]


def test_admin_backup_copies_a_database_in_use(tmp_path, monkeypatch, capsys):
    from sqlalchemy import text

    from ifodesk.cli import main
    from ifodesk.db.engine import Database

    (tmp_path / "none.toml").write_text("", encoding="utf-8")  # an empty config file: no settings

    monkeypatch.setenv("IFODESK_CONFIG", str(tmp_path / "none.toml"))
    path = tmp_path / "ifo.sqlite3"
    assert main(["init-db", "--database", str(path)]) == 0
    db = Database(f"sqlite:///{path}")
    with db.session(write=True) as s:  # the app is running: committed rows live in the -wal
        s.execute(text("CREATE TABLE probe (x TEXT)"))
        s.execute(text("INSERT INTO probe VALUES ('i -wal')"))
    out = tmp_path / "kopia.sqlite3"
    assert main(["backup", "--database", str(path), "--out", str(out)]) == 0
    assert "kopia.sqlite3" in capsys.readouterr().out
    copy = Database(f"sqlite:///{out}")
    with copy.session() as s:
        assert s.execute(text("SELECT x FROM probe")).scalar() == "i -wal"
    copy.dispose()
    db.dispose()
    if os.name == "posix":
        assert _mode(out) == 0o600
    assert main(["backup", "--database", str(path)]) == 0  # beside the database, stamped
    assert len(list(tmp_path.glob("ifo.backup-*.sqlite3"))) == 1


@pytest.mark.parametrize("args, message", [
    (["--database", "postgresql://postgres@127.0.0.1:5432/x"], "pg_dump"),
    (["--database", "{missing}"], "finns inte"),
    (["--database", "{db}", "--out", "{dir}"], "är en mapp"),
    (["--database", "{db}", "--out", "{dir}/saknas/x.sqlite3"], "finns inte"),
])
def test_admin_backup_bad_input_exit_2(tmp_path, monkeypatch, capsys, args, message):
    from ifodesk.cli import main

    (tmp_path / "none.toml").write_text("", encoding="utf-8")  # an empty config file: no settings

    monkeypatch.setenv("IFODESK_CONFIG", str(tmp_path / "none.toml"))
    db = tmp_path / "ifo.sqlite3"
    assert main(["init-db", "--database", str(db)]) == 0
    fill = {"missing": tmp_path / "fel.sqlite3", "db": db, "dir": tmp_path}
    assert main(["backup"] + [a.format(**fill) for a in args]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "fel.sqlite3").exists()


# --- no personal data in errors -----------------------------------------------------------------


def _provoke_duplicate_person(db):
    """Insert the same personnummer twice: the database refuses, with the data in its text."""
    from ifodesk.db.models import Municipality, Person

    with db.session(write=True) as s:
        m = Municipality(code=f"{uuid.uuid4().int % 10000:04d}", name="Testkommun")
        s.add(m)
        s.flush()
        for _ in range(2):
            s.add(Person(municipality_id=m.id, personnummer=PNR.replace("-", ""), first_name="Astrid",
                         last_name="Lindqvist", sort_key="lindqvist astrid", search_name=NAME.lower(),
                         address_street=JOURNAL))
            s.flush()


def test_database_errors_hide_their_parameters(db):
    with pytest.raises(Exception) as exc:
        _provoke_duplicate_person(db)
    assert "hidden" in str(exc.value)  # hide_parameters on the engine
    assert JOURNAL not in str(exc.value) and "Astrid" not in str(exc.value)


def test_a_database_error_in_a_background_task_shows_and_logs_no_personal_data(db, qtbot, caplog):
    from ifodesk.ui.dialogs import show_error
    from ifodesk.ui.worker import TaskRunner

    runner = TaskRunner()
    errors = []
    caplog.set_level(logging.DEBUG)
    runner.run(_provoke_duplicate_person, db, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    failed = []
    runner.failed.connect(failed.append)
    runner.run(_provoke_duplicate_person, db)  # no on_error: the main window shows it
    qtbot.waitUntil(lambda: bool(failed), timeout=10000)
    for exc in errors + failed:
        text = str(exc)
        assert "kunde inte sparas" in text and "referens F-" in text
        for secret in SECRETS[1:] + ("Astrid",):
            assert secret not in text
        box = show_error(None, text)
        assert "Astrid" not in box.text() and PNR.replace("-", "") not in box.text()
        box.close()
    logged = caplog.text
    assert "IntegrityError" in logged and errors[0].reference in logged
    for secret in (PNR.replace("-", ""), "Astrid", "Lindqvist", JOURNAL, "INSERT"):
        assert secret not in logged
    runner.wait()


def test_the_main_window_shows_an_unexpected_error_without_its_text(db, qtbot, caplog):
    from ifodesk.public_errors import sanitise

    try:
        _provoke_duplicate_person(db)
    except Exception as exc:  # noqa: BLE001
        raw = exc
    safe = sanitise(raw, logging.getLogger("test"), "prov")
    assert "Astrid" not in str(safe) and PNR.replace("-", "") not in str(safe)
    assert str(safe).startswith("Uppgifterna kunde inte sparas")


def test_the_command_line_prints_no_personal_data_on_a_database_error(db, monkeypatch, capsys, tmp_path):
    from ifodesk import cli

    def boom(_args):
        _provoke_duplicate_person(db)

    monkeypatch.setattr(cli, "build_parser", lambda: _parser_running(boom))
    assert cli.main(["x"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ifodesk-admin: fel: Uppgifterna kunde inte sparas") and "Traceback" not in err
    for secret in (PNR.replace("-", ""), "Astrid", JOURNAL):
        assert secret not in err


def _parser_running(fn):
    import argparse

    p = argparse.ArgumentParser()
    p.add_argument("x")
    p.set_defaults(func=fn)
    return p
