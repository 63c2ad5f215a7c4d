"""The layering holds: no Qt below the UI, no ORM or SQL in the UI, a pure domain."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_are_kept():
    exe = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(exe)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and " 0 broken" in result.stdout


def test_no_paragraph_numbers_spelled_in_python_code():
    """Lagrum are data in resources/; code never cites a paragraph of SoL, LVU or LVM."""
    pattern = re.compile(r"\d+\s*kap\.\s*\d+\s*§|\d+\s*§\s*(SoL|LVU|LVM)")
    offenders = []
    for path in (ROOT / "ifodesk").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and pattern.search(node.value):
                if not isinstance(getattr(node, "parent", None), ast.Expr):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}")
    # Docstrings and comments may explain the law; string values used by the program may not.
    offenders = [o for o in offenders if not _is_docstring(o)]
    assert offenders == []


def _is_docstring(offender: str) -> bool:
    path, line, _ = offender.split(":", 2)
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            doc = node.body[0] if node.body else None
            if isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant) and doc.value.lineno <= int(line) <= doc.value.end_lineno:
                return True
    return False
