"""ifodesk-admin init-db, db upgrade/status and demo, with bad input giving exit 2."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from ifodesk.cli import main
from ifodesk.db.engine import Database
from ifodesk.db.models import Case, Deadline, Person


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    monkeypatch.setenv("IFODESK_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.delenv("IFODESK_DATABASE_URL", raising=False)


@pytest.mark.parametrize("fresh_db_url", ["sqlite", "postgresql"], indirect=True)
def test_init_db_then_demo_fills_three_years_with_some_overdue(fresh_db_url, capsys):
    assert main(["init-db", "--database", fresh_db_url]) == 0
    assert "Databasen är klar" in capsys.readouterr().out
    assert main(["db", "status", "--database", fresh_db_url]) == 0
    assert main(["demo", "--cases", "300", "--database", fresh_db_url]) == 0
    out = capsys.readouterr().out
    assert "300 ärenden" in out
    db = Database(fresh_db_url)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 300
        years = {c.opened_on.year for c in s.scalars(select(Case))}
        assert len(years) >= 3
        overdue = s.scalar(select(func.count()).select_from(Deadline).where(Deadline.met_on.is_(None)))
        assert overdue > 0
        pnrs = [p.personnummer for p in s.scalars(select(Person))]
        assert all(p[8:10] in ("98", "99") for p in pnrs)  # test series only
        siblings = s.execute(select(Person.last_name, func.count()).group_by(Person.last_name)).all()
        assert any(n > 1 for _, n in siblings)
    db.dispose()
    # Demo data only goes into an empty database.
    assert main(["demo", "--cases", "5", "--database", fresh_db_url]) == 2
    assert "tom databas" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["demo", "--cases", "noll"], "heltal"),
    (["demo", "--cases", "0"], "mellan 1"),
])
def test_bad_arguments_exit_2_with_swedish_message(args, message, capsys, tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(args + ["--database", f"sqlite:///{tmp_path / 'x.sqlite3'}"])
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_unsupported_database_url_exit_2(capsys):
    assert main(["init-db", "--database", "mysql://x/y"]) == 2
    assert "stöds inte" in capsys.readouterr().err


def test_network_share_refused_exit_2(capsys):
    assert main(["init-db", "--database", r"sqlite:///\\server\share\ifo.sqlite3"]) == 2
    assert "PostgreSQL" in capsys.readouterr().err
