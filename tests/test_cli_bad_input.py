"""ifodesk-admin never shows a traceback: each bad input is a Swedish message and exit code 2."""

from __future__ import annotations

import errno
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ifodesk.cli import main
from ifodesk.db.engine import Database
from ifodesk.db.models import AuditLog, Decision, Meeting

FULLWIDTH_DATE = "２０２６-０１-０１"
ARABIC_INDIC_DATE = "٢٠٢٦-٠١-٠١"


@pytest.fixture(autouse=True)
def no_user_config(tmp_path_factory, monkeypatch):
    empty = tmp_path_factory.mktemp("config") / "config.toml"
    empty.write_text("", encoding="utf-8")  # an empty config file: no settings
    monkeypatch.setenv("IFODESK_CONFIG", str(empty))
    monkeypatch.delenv("IFODESK_DATABASE_URL", raising=False)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["demo", "--cases", "300", "--database", str(path)]) == 0
    return path


@pytest.fixture
def demo_copy(demo_file, tmp_path):
    """A private copy per test, so audit counts are the test's own."""
    from ifodesk.db.migrate import copy_sqlite

    path = tmp_path / "demo.sqlite3"
    copy_sqlite(demo_file, path)  # the demo's rows may still be in its -wal
    return path


def _err(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err and 'File "' not in err and ".py:" not in err
    return err


# --- the database: not SQLite, a folder, missing, unreachable -------------------------------------


@pytest.mark.parametrize("command", [["user", "list"], ["db", "status"], ["db", "upgrade"],
                                     ["stats", "--period", "2025", "--out", "{tmp}/s.xlsx"],
                                     ["backup"]])
def test_a_file_that_is_not_sqlite_is_refused(tmp_path, capsys, command):
    notes = tmp_path / "anteckningar.txt"
    notes.write_text("Inte en databas\n" * 10, encoding="utf-8")
    before = notes.read_bytes()
    args = [a.format(tmp=tmp_path) for a in command] + ["--database", str(notes)]
    assert main(args) == 2
    assert "ingen SQLite-databas" in _err(capsys)
    assert notes.read_bytes() == before


@pytest.mark.parametrize("command", [["user", "list"], ["db", "status"], ["init-db"], ["demo", "--cases", "1"]])
def test_a_directory_is_refused(tmp_path, capsys, command):
    assert main(command + ["--database", str(tmp_path)]) == 2
    assert "mappen" in _err(capsys)


@pytest.mark.parametrize("command", [["user", "list"], ["db", "status"], ["db", "upgrade"],
                                     ["stats", "--period", "2025", "--out", "{tmp}/s.xlsx"],
                                     ["socialstyrelsen", "--year", "2025", "--out", "{tmp}/r.txt"],
                                     ["render", "delegation-list", "--from", "2026-01-01", "--to", "2026-01-31",
                                      "--out", "{tmp}/d.pdf"],
                                     ["backup"]])
def test_a_mistyped_sqlite_path_is_not_created(tmp_path, capsys, command):
    typo = tmp_path / "ifodesk.sqllite3"
    args = [a.format(tmp=tmp_path) for a in command] + ["--database", str(typo)]
    assert main(args) == 2
    assert "finns inte" in _err(capsys)
    assert not typo.exists()
    assert not list(tmp_path.iterdir())


def test_init_db_creates_a_new_database_and_then_commands_find_it(tmp_path, capsys):
    path = tmp_path / "ny" / "ifo.sqlite3"
    assert main(["init-db", "--database", str(path)]) == 0
    assert main(["user", "list", "--database", str(path)]) == 0


def test_the_app_does_not_create_a_named_sqlite_file(tmp_path):
    from ifodesk import app

    typo = tmp_path / "ifo.sqlite"
    with pytest.raises(app.StartError) as exc:
        app.open_services(str(typo))
    assert "finns inte" in str(exc.value) and not typo.exists()


def test_the_app_creates_the_default_database_on_first_start(tmp_path, monkeypatch):
    from ifodesk import app, config

    default = tmp_path / "data" / "ifodesk.sqlite3"
    monkeypatch.setattr(config, "default_sqlite_path", lambda: default)
    cfg, db = app.open_services(None)
    assert cfg.is_default_database and default.exists()
    db.dispose()


def test_an_unreachable_postgresql_server(capsys):
    assert main(["user", "list", "--database", "postgresql://postgres@127.0.0.1:1/ifodesk"]) == 2
    err = _err(capsys)
    assert "PostgreSQL-servern kunde inte nås" in err and "referens F-" in err


def test_a_missing_postgresql_database(capsys):
    from conftest import pg_admin_url

    admin = pg_admin_url()
    if not admin:
        pytest.skip("IFODESK_TEST_PG_URL är inte satt")
    from sqlalchemy.engine import make_url

    url = make_url(admin).set(database=f"saknas_{uuid.uuid4().hex[:8]}").render_as_string(hide_password=False)
    assert main(["db", "status", "--database", url]) == 2
    assert "PostgreSQL-databasen finns inte" in _err(capsys)


def test_the_app_tells_an_unreachable_server_in_swedish_without_its_raw_text():
    from ifodesk import app

    with pytest.raises(app.StartError) as exc:
        app.open_services("postgresql://postgres@127.0.0.1:1/ifodesk")
    assert "kunde inte nås" in str(exc.value) and "Connection refused" not in str(exc.value)


# --- a full disk: no 0-byte file, no "printed" without a print ------------------------------------


def _enospc(*_a, **_kw):
    raise OSError(errno.ENOSPC, "No space left on device")


def _prints(path: Path) -> int:
    db = Database(f"sqlite:///{path}")
    with db.session() as s:
        n = s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "print"))
    db.dispose()
    return n


def _decided(path: Path):
    db = Database(f"sqlite:///{path}")
    with db.session() as s:
        d = s.scalar(select(Decision).where(Decision.status == "beslutad").limit(1))
        m = s.scalar(select(Meeting).limit(1))
    db.dispose()
    return d, m


def test_a_full_disk_while_writing_a_letter_leaves_no_file_and_no_print_row(demo_copy, tmp_path, capsys, monkeypatch):
    d, _m = _decided(demo_copy)
    out = tmp_path / "ut" / "brev.pdf"
    out.parent.mkdir()
    before = _prints(demo_copy)
    monkeypatch.setattr(Path, "write_bytes", _enospc)
    assert main(["render", "letter", "--decision", str(d.id), "--out", str(out), "--database", str(demo_copy)]) == 2
    assert "Disken är full" in _err(capsys)
    assert list(out.parent.iterdir()) == []  # neither brev.pdf (0 bytes) nor a temporary file
    assert _prints(demo_copy) == before  # nothing says it was printed
    monkeypatch.undo()
    (tmp_path / "none.toml").write_text("", encoding="utf-8")  # an empty config file: no settings
    monkeypatch.setenv("IFODESK_CONFIG", str(tmp_path / "none.toml"))
    assert main(["render", "letter", "--decision", str(d.id), "--out", str(out), "--database", str(demo_copy)]) == 0
    assert out.stat().st_size > 1000 and _prints(demo_copy) == before + 1
    assert [p.name for p in out.parent.iterdir()] == ["brev.pdf"]


def test_a_full_disk_while_writing_an_agenda_leaves_no_file(demo_copy, tmp_path, capsys, monkeypatch):
    _d, m = _decided(demo_copy)
    assert m is not None  # the demo data has an utskott meeting
    out = tmp_path / "lista.pdf"
    before = _prints(demo_copy)
    monkeypatch.setattr(Path, "write_bytes", _enospc)
    assert main(["render", "agenda", "--meeting", str(m.id), "--out", str(out), "--database", str(demo_copy)]) == 2
    assert "Disken är full" in _err(capsys)
    assert not out.exists() and not list(tmp_path.glob(".lista*"))
    assert _prints(demo_copy) == before


def test_a_full_disk_while_writing_statistics_leaves_no_file(demo_copy, tmp_path, capsys, monkeypatch):
    from ifodesk.documents import excel

    def full(_report, path, **_kw):
        Path(path).write_text("PK")  # a started file
        _enospc()

    monkeypatch.setattr(excel, "write_workbook", full)
    out = tmp_path / "stat.xlsx"
    assert main(["stats", "--period", "2025", "--out", str(out), "--database", str(demo_copy)]) == 2
    assert "Disken är full" in _err(capsys)
    assert not out.exists() and not list(tmp_path.glob("*.xlsx*")) and not list(tmp_path.glob(".stat*"))


def test_a_full_disk_while_writing_the_register_file_leaves_no_file(demo_copy, tmp_path, capsys, monkeypatch):
    from ifodesk.documents import socialstyrelsen

    monkeypatch.setattr(socialstyrelsen, "write_register", lambda *a, **kw: _enospc())
    out = tmp_path / "register.txt"
    assert main(["socialstyrelsen", "--year", "2025", "--force", "--out", str(out),
                 "--database", str(demo_copy)]) == 2
    assert "Disken är full" in _err(capsys)
    assert not out.exists() and not list(tmp_path.glob("*.tmp"))


# --- digits other than 0–9 ---------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["stats", "--from", FULLWIDTH_DATE, "--to", "2026-03-31", "--out", "{tmp}/s.xlsx"],
    ["stats", "--from", "2026-01-01", "--to", ARABIC_INDIC_DATE, "--out", "{tmp}/s.xlsx"],
    ["stats", "--period", "２０２５", "--out", "{tmp}/s.xlsx"],
    ["stats", "--period", "٢٠٢٥H1", "--out", "{tmp}/s.xlsx"],
    ["stats", "--period", "2025", "--suppress", "５", "--out", "{tmp}/s.xlsx"],
    ["socialstyrelsen", "--year", "٢٠٢٥", "--out", "{tmp}/r.txt"],
    ["socialstyrelsen", "--year", "２０２５", "--out", "{tmp}/r.txt"],
    ["user", "add", "--username", "x.y", "--name", "X Y", "--role", "handlaggare", "--level", "handlaggare",
     "--units", "BU", "--employed-since", FULLWIDTH_DATE],
])
def test_fullwidth_and_arabic_indic_digits_are_refused(demo_copy, tmp_path, capsys, args):
    assert main([a.format(tmp=tmp_path) for a in args] + ["--database", str(demo_copy)]) == 2
    err = _err(capsys)
    assert "0–9" in err and ("helbredd" in err or "arabisk" in err)
    assert not list(tmp_path.glob("s.xlsx")) and not list(tmp_path.glob("r.txt"))


@pytest.mark.parametrize("args", [
    ["render", "delegation-list", "--from", FULLWIDTH_DATE, "--to", "2026-03-31", "--out", "{tmp}/d.pdf"],
    ["render", "delegation-list", "--from", "2026-01-01", "--to", ARABIC_INDIC_DATE, "--out", "{tmp}/d.pdf"],
    ["demo", "--cases", "３"],
    ["demo", "--cases", "5", "--seed", "٧"],
])
def test_foreign_digits_in_typed_options_exit_2(tmp_path, capsys, args):
    with pytest.raises(SystemExit) as exc:
        main([a.format(tmp=tmp_path) for a in args] + ["--database", str(tmp_path / "x.sqlite3")])
    assert exc.value.code == 2
    assert "0–9" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite3").exists()


def test_a_uuid_in_fullwidth_digits_is_not_an_id(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["render", "letter", "--decision", "０" * 32, "--out", str(tmp_path / "b.pdf")])
    assert exc.value.code == 2
    assert "inget giltigt id" in capsys.readouterr().err


# --- screenshots only of a demo database ------------------------------------------------------------


def test_screenshots_refuse_a_database_with_real_people(demo_copy, tmp_path, capsys):
    from ifodesk.db.models import Person

    db = Database(f"sqlite:///{demo_copy}")
    with db.session(write=True) as s:  # one real personnummer (outside the 980–999 test series)
        p = s.scalar(select(Person).where(Person.personnummer.is_not(None)).limit(1))
        p.personnummer = p.personnummer[:8] + "0021"
        audit_before = s.scalar(select(func.count()).select_from(AuditLog))
    db.dispose()
    out = tmp_path / "bilder"
    assert main(["screenshots", str(out), "--database", str(demo_copy)]) == 2
    assert "bara från en demodatabas" in _err(capsys)
    assert not out.exists()
    db = Database(f"sqlite:///{demo_copy}")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog)) == audit_before  # nobody was "shown"
    db.dispose()


def test_screenshots_refuse_a_real_colleague_and_an_empty_database(demo_copy, tmp_path, capsys):
    assert main(["user", "add", "--username", "kerstin.riktig", "--name", "Kerstin Riktig", "--role", "handlaggare",
                 "--level", "handlaggare", "--units", "BU", "--database", str(demo_copy)]) == 0
    assert main(["screenshots", str(tmp_path / "b"), "--database", str(demo_copy)]) == 2
    assert "demopersonalen" in _err(capsys)
    empty = tmp_path / "tom.sqlite3"
    assert main(["init-db", "--database", str(empty)]) == 0
    assert main(["screenshots", str(tmp_path / "b"), "--database", str(empty)]) == 2
    assert "inga demoärenden" in _err(capsys)


def test_the_demo_database_is_recognised(demo_copy):
    from ifodesk.services.demo_check import check_demo_database

    db = Database(f"sqlite:///{demo_copy}")
    assert check_demo_database(db).is_demo
    db.dispose()
