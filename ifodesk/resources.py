"""Locate the reviewed data files under resources/ (catalog, templates, fonts)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The resources/ folder: env override, source tree, installed share dir, or frozen bundle."""
    candidates = []
    if os.environ.get("IFODESK_RESOURCES"):
        candidates.append(Path(os.environ["IFODESK_RESOURCES"]))
    if getattr(sys, "frozen", False):
        candidates.append(Path(getattr(sys, "_MEIPASS", ".")) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    candidates.append(Path(sys.prefix) / "share" / "ifodesk" / "resources")
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError(
        "Hittar inte katalogen resources/ (sökte: " + ", ".join(str(c) for c in candidates) + ")"
    )


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
