"""Countries for födelseland (child, parents, guardians): a code list kept as data in
resources/countries.toml (ISO 3166-1 alpha-2, Swedish names, "okänt" as its own code)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ifodesk.domain.swedish import sort_key


class CountryListError(ValueError):
    pass


@dataclass(frozen=True)
class Countries:
    names: dict[str, str]  # code -> Swedish name, current and former states, and "okänt"
    unknown: str  # the code for "asked, but not known"
    first: tuple[str, ...]  # shown at the top of a list

    def name(self, code: str | None) -> str:
        return self.names.get(code or "", code or "")

    def ordered(self) -> list[tuple[str, str]]:
        """(code, name) for a list: the first codes and "okänt", then the rest in Swedish order."""
        top = [c for c in (*self.first, self.unknown) if c in self.names]
        rest = sorted((c for c in self.names if c not in top), key=lambda c: sort_key(self.names[c]))
        return [(c, self.names[c]) for c in (*top, *rest)]

    def check(self, code: str | None) -> str | None:
        """The code in upper case, None for empty; raises ValueError for a code not in the list."""
        code = (code or "").strip().upper()
        if not code:
            return None
        if code not in self.names:
            raise ValueError(code)
        return code


@lru_cache(maxsize=4)
def load_countries(path: Path | None = None) -> Countries:
    from ifodesk.resources import resource_path

    path = path or resource_path("countries.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        names = {**data["country"], **data.get("former", {})}
        unknown = data["unknown"]["code"]
        names[unknown] = data["unknown"]["name"]
        first = tuple(data.get("first", {}).get("codes", ()))
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise CountryListError(f"{path}: landlistan kan inte läsas: {exc}") from exc
    bad = [c for c in names if not (len(c) == 2 and c.isalpha() and c.isupper())]
    if bad:
        raise CountryListError(f"{path}: ogiltiga landkoder: {', '.join(bad)}")
    return Countries(names, unknown, first)


__all__ = ["Countries", "CountryListError", "load_countries"]
