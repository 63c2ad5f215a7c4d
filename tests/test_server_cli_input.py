"""ifodesk-admin server init with bad input: a Swedish message and exit code 2, never a traceback."""

from __future__ import annotations

import pytest

from ifodesk.cli import main


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    (tmp_path / "none.toml").write_text("", encoding="utf-8")  # an empty config file: no settings
    monkeypatch.setenv("IFODESK_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.delenv("IFODESK_DATABASE_URL", raising=False)


@pytest.mark.parametrize("argv, message", [
    (["--database", "sqlite:///{tmp}/x.sqlite3"], "SQLite-fil har inga databasroller"),
    (["--database", "postgresql://postgres@127.0.0.1:1/x"], "kunde inte nås"),
    (["--database", "postgresql://postgres@127.0.0.1:1/x", "--prefix", "Fel-Namn"], "duger inte som rollnamn"),
])
def test_bad_server_init_input_is_a_swedish_message(argv, message, tmp_path, capsys):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(["server", "init", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
