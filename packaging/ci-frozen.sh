#!/usr/bin/env bash
# CI: build the PyInstaller bundle and prove the frozen programs work on their own, so a missing
# resource, translation, font, icon, migration, Qt plugin or hidden import fails CI, not a
# municipality. Called by .ci/run after the test suite; needs the .venv that scripts/test.sh made.
#   packaging/ci-frozen.sh            build into a temporary directory, smoke-test, clean up
#   KEEP_DIST=DIR packaging/ci-frozen.sh   also copy the bundle to DIR
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
say() { echo "ci-frozen: $*"; }
fail() { echo "ci-frozen: FEL: $*" >&2; exit 1; }

[ -x "$PY" ] || fail ".venv saknas; kör scripts/test.sh först"
"$PY" -m pip install -q "pyinstaller>=6.5,<7"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
t0=$(date +%s)
if ! "$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$work/dist" \
      --workpath "$work/build" packaging/ifodesk.spec >"$work/pyinstaller.log" 2>&1; then
  tail -n 60 "$work/pyinstaller.log" >&2
  fail "PyInstaller-bygget misslyckades"
fi
t1=$(date +%s)
dist=$work/dist/ifodesk
say "bygget tog $((t1 - t0)) s, $(du -sh "$dist" | cut -f1)"

# The bundle runs from elsewhere, with nothing of the source tree or the venv in reach: a clean
# environment, its own HOME and XDG directories (no user or machine-wide config).
mkdir -p "$work/run" "$work/home"
cd "$work/run"
frozen() {
  env -i PATH=/usr/bin:/bin HOME="$work/home" XDG_CONFIG_DIRS="$work/xdg" LANG=C.UTF-8 \
      QT_QPA_PLATFORM=offscreen "$@"
}
DB="sqlite:///$work/run/demo.sqlite3"

frozen "$dist/ifodesk-admin" --help >/dev/null || fail "ifodesk-admin --help"
frozen "$dist/ifodesk-admin" demo --cases 150 --database "$DB" || fail "demo (migreringar, mallar, demodata)"
frozen "$dist/ifodesk-admin" db status --database "$DB" | grep -q "programmets" || fail "db status"
frozen "$dist/ifodesk-admin" db upgrade --database "$DB" | grep -q "redan senaste version" || fail "db upgrade"
frozen "$dist/ifodesk-admin" catalog --database "$DB" | grep -q "^Mall " || fail "catalog (lagkatalog och mallar)"
frozen "$dist/ifodesk-admin" delegation check --database "$DB" >/dev/null || fail "delegation check"

# A decision letter: reportlab and the bundled DejaVu fonts.
decision=$("$PY" - "$work/run/demo.sqlite3" <<'PYEOF'
import sqlite3, sys, uuid
row = sqlite3.connect(sys.argv[1]).execute(
    "select id from decision where status = 'beslutad' order by decided_on limit 1").fetchone()
print(uuid.UUID(hex=row[0]) if isinstance(row[0], str) else uuid.UUID(bytes=row[0]))
PYEOF
)
frozen "$dist/ifodesk-admin" render letter --decision "$decision" --out "$work/run/beslut.pdf" --database "$DB" \
  >/dev/null || fail "render letter (reportlab, typsnitt)"
head -c 5 "$work/run/beslut.pdf" | grep -q "%PDF-" || fail "beslutsbrevet är ingen PDF"

# Every main page, the case view and the editors: Qt plugins, translations, icon, hidden imports.
frozen "$dist/ifodesk-admin" screenshots "$work/run/shots" --database "$DB" >/dev/null 2>"$work/shots.err" \
  || { cat "$work/shots.err" >&2; fail "screenshots"; }
shots=$(find "$work/run/shots" -name '*.png' -size +5k | wc -l)
[ "$shots" -ge 10 ] || fail "bara $shots skärmbilder skrevs"

# The desktop program itself: starts, shows the window with data, checks its parts, exits.
frozen "$dist/ifodesk" --smoke-test --demo --database "$DB" --user karin.berg 2>"$work/smoke.err" \
  || { cat "$work/smoke.err" >&2; fail "ifodesk --smoke-test"; }
# ... and the self-test can fail: without the translations it must say so.
cp -r "$dist/_internal/resources" "$work/broken-resources" && rm "$work/broken-resources/translations/"*.qm
if frozen IFODESK_RESOURCES="$work/broken-resources" "$dist/ifodesk" --smoke-test --demo --database "$DB" \
     --user karin.berg >/dev/null 2>&1; then
  fail "självtestet märkte inte att översättningarna saknades"
fi

# PostgreSQL through the bundled psycopg, when CI has a server.
if [ -n "${IFODESK_TEST_PG_URL:-}" ]; then
  name="ifodesk_frozen_$$_$RANDOM"
  pg="${IFODESK_TEST_PG_URL%/*}/$name"
  "$PY" - "$IFODESK_TEST_PG_URL" "$name" create <<'PYEOF'
import sys, psycopg
with psycopg.connect(sys.argv[1], autocommit=True) as c:
    c.execute(f'CREATE DATABASE "{sys.argv[2]}"' if sys.argv[3] == "create"
              else f'DROP DATABASE IF EXISTS "{sys.argv[2]}" WITH (FORCE)')
PYEOF
  ok=1
  frozen "$dist/ifodesk-admin" init-db --database "$pg" >/dev/null && \
    frozen "$dist/ifodesk-admin" db status --database "$pg" >/dev/null || ok=0
  "$PY" - "$IFODESK_TEST_PG_URL" "$name" drop <<'PYEOF'
import sys, psycopg
with psycopg.connect(sys.argv[1], autocommit=True) as c:
    c.execute(f'DROP DATABASE IF EXISTS "{sys.argv[2]}" WITH (FORCE)')
PYEOF
  [ "$ok" = 1 ] || fail "PostgreSQL från det frysta programmet"
fi

if [ -n "${KEEP_DIST:-}" ]; then
  mkdir -p "$KEEP_DIST" && cp -a "$dist" "$KEEP_DIST/"
fi
t2=$(date +%s)
say "klart: bygge $((t1 - t0)) s, självtester $((t2 - t1)) s, $shots skärmbilder"
