#!/usr/bin/env bash
# Set up a virtual environment, create an embedded SQLite database with demo data, start ifodesk.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
DB="${IFODESK_DEMO_DB:-$PWD/demo/ifodesk-demo.sqlite3}"
mkdir -p "$(dirname "$DB")"
if [ ! -f "$DB" ]; then
  .venv/bin/ifodesk-admin demo --database "sqlite:///$DB" --cases "${IFODESK_DEMO_CASES:-2000}"
fi
exec .venv/bin/ifodesk --database "sqlite:///$DB" --demo "$@"
