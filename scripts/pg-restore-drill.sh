#!/usr/bin/env bash
# Återläsningsövning: restore an ifodesk pg_dump (custom format) into a NEW scratch database and
# check it: schema version, and row counts of the main tables. Never touches the live database.
#   scripts/pg-restore-drill.sh DUMPFIL [ADMIN-URL]
#   ADMIN-URL: a superuser connection to the server the drill runs on (default: local postgres)
# The roles the dump refers to must exist on that server (restore roles.sql first on a new server).
set -euo pipefail
dump=${1:?"användning: $0 DUMPFIL [ADMIN-URL]"}
admin=${2:-postgresql://postgres@127.0.0.1:5432/postgres}
admin_cli=${IFODESK_ADMIN:-ifodesk-admin}
[ -f "$dump" ] || { echo "pg-restore-drill: $dump finns inte" >&2; exit 2; }
scratch="ifodesk_restore_drill_$(date +%Y%m%d_%H%M%S)"
base=${admin%/*}
echo "pg-restore-drill: läser in $dump i den nya databasen $scratch"
psql "$admin" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$scratch\""
trap 'psql "$admin" -qc "DROP DATABASE IF EXISTS \"$scratch\" WITH (FORCE)" >/dev/null' EXIT
pg_restore --exit-on-error --single-transaction --dbname "$base/$scratch" "$dump"
"$admin_cli" db status --database "$base/$scratch"
psql "$base/$scratch" -v ON_ERROR_STOP=1 -At -F ' ' -c "
  SELECT 'ärenden', count(*) FROM case_file UNION ALL
  SELECT 'personer', count(*) FROM person UNION ALL
  SELECT 'beslut', count(*) FROM decision UNION ALL
  SELECT 'journalanteckningar', count(*) FROM journal_note UNION ALL
  SELECT 'loggrader', count(*) FROM audit_log"
echo "pg-restore-drill: klart; $scratch tas bort"
