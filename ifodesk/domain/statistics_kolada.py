"""Kolada: the configured KPIs (resources/kolada.toml) and rows in Kolada's shape."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Sequence

from ifodesk.resources import resource_path

from .statistics_base import MISSING, suppress


class KoladaConfigError(ValueError):
    pass


_KPI_RE = re.compile(r"^[NU]\d{5}$")
_FEEDS = ("varde", "taljare", "namnare", "ingen")


@dataclass(frozen=True)
class KoladaKpi:
    id: str
    title: str
    certainty: str  # as marked in shared/reference/stats.md: V, V2, I
    feeds: str  # varde | taljare | namnare | ingen
    measure: str | None  # ifodesk measure key that gives the value or part of it
    divided_by_gender: bool
    note: str


@dataclass(frozen=True)
class KoladaRow:
    kpi: str
    municipality: str
    period: str
    gender: str  # T | K | M
    value: float | int | str  # a number, '-' (bortfall) or '..' (sekretess)
    basis: int | float | str | None  # ifodesk's numerator/denominator where the KPI needs more
    basis_kind: str
    certainty: str
    title: str
    note: str


@lru_cache(maxsize=4)
def load_kolada(path: Path | None = None) -> tuple[KoladaKpi, ...]:
    path = path or resource_path("kolada.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise KoladaConfigError(f"{path}: kan inte läsas: {exc}") from exc
    out, seen = [], set()
    for i, raw in enumerate(data.get("kpi", []), 1):
        where = f"{path}: kpi nr {i}"
        kid = raw.get("id", "")
        if not _KPI_RE.match(kid):
            raise KoladaConfigError(f"{where}: id {kid!r} är inget Kolada-id (N eller U och fem siffror)")
        if kid in seen:
            raise KoladaConfigError(f"{where}: {kid} står två gånger")
        seen.add(kid)
        feeds = raw.get("feeds", "ingen")
        if feeds not in _FEEDS:
            raise KoladaConfigError(f"{where}: feeds ska vara en av {', '.join(_FEEDS)}")
        if feeds != "ingen" and not raw.get("measure"):
            raise KoladaConfigError(f"{where}: {kid} anger feeds = {feeds!r} men inget measure")
        if not raw.get("title") or not raw.get("certainty"):
            raise KoladaConfigError(f"{where}: title och certainty krävs")
        out.append(KoladaKpi(kid, raw["title"], raw["certainty"], feeds, raw.get("measure"),
                             bool(raw.get("divided_by_gender", False)), raw.get("note", "")))
    return tuple(out)


def kolada_rows(kpis: Sequence[KoladaKpi], municipality_code: str, period: str,
                values: Mapping[str, Mapping[str, int | float | None]], threshold: int = 0) -> list[KoladaRow]:
    """Rows in Kolada's shape. ``values[measure][gender]`` holds ifodesk's figures (T/K/M)."""
    rows = []
    for k in kpis:
        genders = ("T", "K", "M") if k.divided_by_gender else ("T",)
        for g in genders:
            raw = values.get(k.measure or "", {}).get(g) if k.measure else None
            shown = suppress(raw, threshold) if isinstance(raw, int) else raw
            if k.feeds == "varde":
                value, basis, basis_kind = (MISSING if shown is None else shown), None, ""
            else:
                value = MISSING
                basis = shown
                basis_kind = {"taljare": "Täljare", "namnare": "Nämnare"}.get(k.feeds, "")
            rows.append(KoladaRow(k.id, municipality_code, period, g, value, basis, basis_kind,
                                  k.certainty, k.title, k.note))
    return rows



__all__ = ["KoladaKpi", "KoladaRow", "KoladaConfigError", "load_kolada", "kolada_rows"]
