"""Rewrite the generated table in docs/ej-verifierat.md from the data (resources/).

Run after adding or changing a template, deadline or law version marked I or U:
    .venv/bin/python scripts/list-unverified.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from ifodesk.domain.catalog import load_catalog
from ifodesk.domain.deadlines import load_deadline_rules
from ifodesk.domain.unverified import markdown_rows, unverified

BEGIN, END = "<!-- genererad: början -->", "<!-- genererad: slut -->"


def main() -> int:
    doc = Path(__file__).resolve().parent.parent / "docs" / "ej-verifierat.md"
    text = doc.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    table = markdown_rows(unverified(load_catalog(), load_deadline_rules()))
    doc.write_text(f"{head}{BEGIN}\n{table}{END}{tail}", encoding="utf-8")
    print(f"{doc}: {table.count(chr(10)) - 2} rader")
    return 0


if __name__ == "__main__":
    sys.exit(main())
