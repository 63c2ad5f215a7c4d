#!/usr/bin/env bash
# Extract the UI strings into resources/translations/ifodesk_sv.ts and compile ifodesk_sv.qm.
# Source strings are written in Swedish, so a new string's Swedish "translation" is its source;
# fill_translations.py copies it in, leaving every string an editor has changed untouched.
# Run after changing UI text, and commit both files.
# Needs nothing outside the repository: on a fresh checkout it sets up .venv like scripts/test.sh
# (pyside6-lupdate and pyside6-lrelease come with the pinned PySide6).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
if [ ! -x "$BIN/pyside6-lupdate" ] && [ "$BIN" = .venv/bin ]; then
  PY=${PYTHON:-python3}
  [ -x .venv/bin/python ] || "$PY" -m venv .venv
  .venv/bin/python -m pip install -q -e .
fi
if [ ! -x "$BIN/pyside6-lupdate" ] || [ ! -x "$BIN/pyside6-lrelease" ]; then
  echo "update-translations: $BIN/pyside6-lupdate eller pyside6-lrelease saknas (PySide6 är inte installerat där)" >&2
  exit 2
fi
TS=resources/translations/ifodesk_sv.ts
QM=resources/translations/ifodesk_sv.qm
mapfile -t SOURCES < <(find ifodesk/ui -name '*.py' | sort)
"$BIN/pyside6-lupdate" "${SOURCES[@]}" -no-obsolete -locations relative \
    -source-language sv_SE -target-language sv_SE -ts "$TS"
"$BIN/python" scripts/fill_translations.py "$TS"
"$BIN/pyside6-lrelease" "$TS" -qm "$QM"
