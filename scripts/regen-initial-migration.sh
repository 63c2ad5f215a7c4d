#!/usr/bin/env bash
# Development only, before the first release: regenerate 0001 from the models.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f /tmp/ifodesk-gen.sqlite3 ifodesk/db/migrations/versions/0001_initial_schema.py
.venv/bin/python - <<'PY'
from alembic import command
from ifodesk.db.migrate import alembic_config
from ifodesk.db.engine import Database
db = Database("sqlite:////tmp/ifodesk-gen.sqlite3")
cfg = alembic_config()
with db.engine.begin() as conn:
    cfg.attributes["connection"] = conn
    command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
PY
