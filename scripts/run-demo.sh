#!/usr/bin/env bash
# Set up a virtual environment, create an embedded SQLite database with demo data, start ifodesk.
# Extra arguments go to ifodesk (e.g. --user karin.berg, --smoke-test).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

# Before anything is installed: the system packages Qt needs for a window on this display.
. scripts/system-libs.sh
missing=$(ifodesk_missing_packages | tr '\n' ' ' | sed 's/ $//')
if [ -n "$missing" ] && [ "${IFODESK_SKIP_LIB_CHECK:-0}" != 1 ]; then
  echo "run-demo: Qt behöver systempaket som saknas: $missing" >&2
  echo "run-demo: installera dem med:  sudo apt-get install $missing" >&2
  echo "run-demo: (hoppa över kontrollen med IFODESK_SKIP_LIB_CHECK=1)" >&2
  exit 1
fi
if ! command -v "$PY" >/dev/null; then
  echo "run-demo: hittar inte $PY; installera Python 3.11 eller senare (eller ange PYTHON=…)" >&2
  exit 1
fi
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "run-demo: ifodesk kräver Python 3.11 eller senare ($("$PY" --version 2>&1))" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv || { echo "run-demo: kunde inte skapa .venv; på Debian/Ubuntu: sudo apt-get install python3-venv" >&2; exit 1; }
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
DB="${IFODESK_DEMO_DB:-$PWD/demo/ifodesk-demo.sqlite3}"
mkdir -p "$(dirname "$DB")"
if [ ! -f "$DB" ]; then
  .venv/bin/ifodesk-admin demo --database "sqlite:///$DB" --cases "${IFODESK_DEMO_CASES:-2000}"
fi
exec .venv/bin/ifodesk --database "sqlite:///$DB" --demo "$@"
