#!/usr/bin/env bash
# Extract the UI strings into resources/translations/ifodesk_sv.ts and compile ifodesk_sv.qm.
# Source strings are written in Swedish, so a new string's Swedish "translation" is its source;
# fill_translations.py copies it in, leaving every string an editor has changed untouched.
# Run after changing UI text, and commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
TS=resources/translations/ifodesk_sv.ts
QM=resources/translations/ifodesk_sv.qm
mapfile -t SOURCES < <(find ifodesk/ui -name '*.py' | sort)
"$BIN/pyside6-lupdate" "${SOURCES[@]}" -no-obsolete -locations relative \
    -source-language sv_SE -target-language sv_SE -ts "$TS"
"$BIN/python" scripts/fill_translations.py "$TS"
"$BIN/pyside6-lrelease" "$TS" -qm "$QM"
