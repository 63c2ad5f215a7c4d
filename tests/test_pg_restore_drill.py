"""docs/server.md's backup and restore, as written: pg_dump -Fc, then scripts/pg-restore-drill.sh
restores into a new database, reports the schema version and the same row counts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ifodesk.cli import main

from conftest import ThrowawayPg, _skip_or_fail_pg, pg_admin_url

REPO = Path(__file__).resolve().parent.parent


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def test_pg_dump_restores_with_the_drill_script(tmp_path):
    admin = pg_admin_url()
    if not admin:
        _skip_or_fail_pg()
    if not (shutil.which("pg_dump") and shutil.which("pg_restore") and shutil.which("psql")):
        pytest.skip("pg_dump/pg_restore/psql saknas (paketet postgresql-client)")
    pg = ThrowawayPg(admin)
    try:
        assert main(["demo", "--cases", "40", "--database", pg.url]) == 0
        dump = tmp_path / "ifodesk.dump"
        subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", _plain(pg.url)], check=True, timeout=120)
        admin_cli = Path(sys.executable).parent / "ifodesk-admin"
        r = subprocess.run(["bash", str(REPO / "scripts" / "pg-restore-drill.sh"), str(dump), _plain(admin)],
                           capture_output=True, text=True, timeout=300,
                           env={"PATH": "/usr/bin:/bin", "IFODESK_ADMIN": str(admin_cli), "HOME": str(tmp_path),
                                "IFODESK_MACHINE_CONFIG": str(tmp_path / "none.toml")})
    finally:
        pg.drop()
    assert r.returncode == 0, r.stderr
    assert "Databasens schemaversion: " in r.stdout and "programmets" in r.stdout
    counts = dict(line.rsplit(" ", 1) for line in r.stdout.splitlines() if line.split(" ")[0] in
                  ("ärenden", "personer", "beslut", "loggrader"))
    # 40 children's cases and the demo's LVM case in the adult unit (issue 13).
    assert counts["ärenden"] == "41" and int(counts["beslut"]) > 0
    scratch = r.stdout.split("i den nya databasen ")[1].split()[0]
    from sqlalchemy import create_engine, text

    eng = create_engine(admin)
    with eng.connect() as c:  # the drill cleaned up after itself
        assert c.execute(text("select count(*) from pg_database where datname = :n"), {"n": scratch}).scalar() == 0
    eng.dispose()
