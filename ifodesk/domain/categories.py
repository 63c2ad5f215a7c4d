"""Configurable category lists (reporter categories, channels, reasons, investigation headings)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ifodesk.resources import resource_path


class CategoryConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    professional: bool = False
    group: str | None = None


@dataclass(frozen=True)
class Categories:
    reporter_categories: tuple[Category, ...]
    channels: tuple[Category, ...]
    reasons: tuple[Category, ...]
    reason_groups: dict[str, str]
    utredning_headings: tuple[tuple[str, str], ...]

    def reporter(self, code: str) -> Category:
        return _find(self.reporter_categories, code, "anmälarkategori")

    def channel(self, code: str) -> Category:
        return _find(self.channels, code, "kanal")

    def reason(self, code: str) -> Category:
        return _find(self.reasons, code, "anledning")

    def label(self, code: str) -> str:
        for group in (self.reporter_categories, self.channels, self.reasons):
            for c in group:
                if c.code == code:
                    return c.label
        return code


def _find(items: tuple[Category, ...], code: str, what: str) -> Category:
    for c in items:
        if c.code == code:
            return c
    raise KeyError(f"Okänd {what}: {code!r}")


@lru_cache(maxsize=4)
def load_categories(path: Path | None = None) -> Categories:
    path = path or resource_path("categories.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CategoryConfigError(f"{path}: kan inte läsas: {exc}") from exc

    def cats(key: str) -> tuple[Category, ...]:
        out = []
        for i, raw in enumerate(data.get(key, [])):
            if "code" not in raw or "label" not in raw:
                raise CategoryConfigError(f"{path}: {key} nr {i + 1} saknar code eller label")
            out.append(Category(raw["code"], raw["label"], bool(raw.get("professional", False)),
                                raw.get("group")))
        if not out:
            raise CategoryConfigError(f"{path}: listan {key} är tom")
        return tuple(out)

    headings = tuple((h["key"], h["heading"]) for h in data.get("utredning_heading", []))
    return Categories(cats("reporter_category"), cats("channel"), cats("reason"),
                      dict(data.get("reason_group", {})), headings)
