"""Reading the catalog files: TOML, typed values with Swedish problems, the laws and their
versions, the appeal texts and the deadline ids."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from ifodesk.domain.catalog_schema import AppealsFileModel, LawFileModel, ParagraphModel, VersionModel, keys, validate
from ifodesk.domain.deadlines import DeadlineConfigError, load_deadline_rules
from ifodesk.domain.catalog_models import (  # noqa: F401
    APPEAL_ROUTES,
    Law,
    LawVersion,
    MARKS,
    Paragraph,
    _LAW_ID_RE,
    _Problems,
    lagrum_pattern,
)

def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _read_toml(root: Path, path: Path, problems: _Problems) -> dict[str, Any] | None:
    name = _rel(root, path)
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        problems.add(name, "filen", "filen saknas")
    except tomllib.TOMLDecodeError as exc:
        problems.add(name, "filen", f"ogiltig TOML: {exc}")
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(name, "filen", f"kan inte läsas: {exc}")
    return None


def _str(
    data: Mapping[str, Any], key: str, file: str, entry: str, problems: _Problems,
    required: bool = True,
) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            problems.add(file, entry, f"'{key}' saknas")
        return None
    if not isinstance(value, str) or not value.strip():
        problems.add(file, entry, f"'{key}' måste vara en text som inte är tom")
        return None
    return value


def _bool(
    data: Mapping[str, Any], key: str, file: str, entry: str, problems: _Problems,
    default: bool = False,
) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        problems.add(file, entry, f"'{key}' måste vara true eller false")
        return default
    return value


def _date(
    data: Mapping[str, Any], key: str, file: str, entry: str, problems: _Problems,
    required: bool = True,
) -> date | None:
    value = data.get(key)
    if value is None:
        if required:
            problems.add(file, entry, f"'{key}' saknas")
        return None
    if not isinstance(value, date) or hasattr(value, "hour"):
        problems.add(file, entry, f"'{key}' måste vara ett datum (ÅÅÅÅ-MM-DD)")
        return None
    return value


def _str_list(
    data: Mapping[str, Any], key: str, file: str, entry: str, problems: _Problems,
) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.add(file, entry, f"'{key}' måste vara en lista med texter")
        return ()
    return tuple(value)


def _mark(data: Mapping[str, Any], file: str, entry: str, problems: _Problems) -> str:
    mark = data.get("mark")
    if mark not in MARKS:
        problems.add(file, entry, f"'mark' måste vara en av {', '.join(MARKS)} (fick {mark!r})")
        return "U"
    return mark


_LAW_KEYS = keys(LawFileModel)  # the typed models (catalog_schema) are the one list of keys
_VERSION_KEYS = keys(VersionModel)
_PARAGRAPH_KEYS = keys(ParagraphModel)


def _load_laws(root: Path, problems: _Problems) -> dict[str, Law]:
    folder = root / "catalog" / "laws"
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    if not files:
        problems.add(_rel(root, folder), "mappen", "inga lagfiler (*.toml) hittades")
        return {}
    laws: dict[str, Law] = {}
    version_owner: dict[str, str] = {}
    for path in files:
        file = _rel(root, path)
        data = _read_toml(root, path, problems)
        if data is None:
            continue
        typed = validate(LawFileModel, data, file, "filen", problems)
        if typed is None:
            continue  # every type problem of the file is reported; the rules below need typed data
        data = typed.model_dump(exclude_none=True)
        head = data.get("law")
        if not isinstance(head, dict):
            problems.add(file, "[law]", "tabellen [law] med id och name saknas")
            continue
        law_id = _str(head, "id", file, "[law]", problems)
        name = _str(head, "name", file, "[law]", problems)
        if law_id is None or name is None:
            continue
        if not _LAW_ID_RE.match(law_id):
            problems.add(file, "[law]", f"id '{law_id}' får bara innehålla bokstäver")
            continue
        if law_id in laws:
            problems.add(file, "[law]", f"lagen '{law_id}' finns redan i en annan fil")
            continue
        raw_versions = data.get("versions")
        if not isinstance(raw_versions, list) or not raw_versions:
            problems.add(file, "[[versions]]", "minst en version krävs")
            continue
        versions = []
        for i, raw in enumerate(raw_versions):
            v = _parse_version(raw, law_id, file, i, problems)
            if v is None:
                continue
            if v.id in version_owner:
                problems.add(file, f"versions[{v.id}]", f"versionen finns redan i {version_owner[v.id]}")
                continue
            version_owner[v.id] = file
            versions.append(v)
        versions.sort(key=lambda v: v.valid_from)
        for a, b in zip(versions, versions[1:]):
            if a.valid_to is None or a.valid_to >= b.valid_from:
                problems.add(
                    file,
                    f"versions[{a.id}]",
                    f"giltighetstiden överlappar {b.id} (valid_to måste vara före {b.valid_from})",
                )
        laws[law_id] = Law(id=law_id, name=name, versions=tuple(versions))
    return laws


def _parse_version(
    raw: Any, law_id: str, file: str, index: int, problems: _Problems
) -> LawVersion | None:
    entry = f"versions[{index}]"
    if not isinstance(raw, dict):
        problems.add(file, entry, "måste vara en tabell")
        return None
    vid = _str(raw, "id", file, entry, problems)
    if vid is not None:
        entry = f"versions[{vid}]"
        if not vid.startswith(law_id + " "):
            problems.add(file, entry, f"id måste börja med '{law_id} ' (t.ex. '{law_id} <SFS-nummer>')")
    sfs = _str(raw, "sfs", file, entry, problems)
    title = _str(raw, "title", file, entry, problems)
    valid_from = _date(raw, "valid_from", file, entry, problems)
    valid_to = _date(raw, "valid_to", file, entry, problems, required=False)
    mark = _mark(raw, file, entry, problems)
    note = raw.get("note", "")
    if valid_from and valid_to and valid_to < valid_from:
        problems.add(file, entry, "valid_to ligger före valid_from")
    pattern = lagrum_pattern(law_id)
    paragraphs: list[Paragraph] = []
    seen: set[str] = set()
    raw_pars = raw.get("paragraphs", [])
    if not isinstance(raw_pars, list) or not raw_pars:
        problems.add(file, entry, "'paragraphs' måste vara en lista som inte är tom")
        raw_pars = []
    for j, rp in enumerate(raw_pars):
        pentry = f"{entry}.paragraphs[{j}]"
        if not isinstance(rp, dict):
            problems.add(file, pentry, "måste vara en tabell")
            continue
        citation = _str(rp, "citation", file, pentry, problems)
        if citation is not None:
            pentry = f"{entry}.paragraphs['{citation}']"
        text = _str(rp, "text", file, pentry, problems)
        pmark = _mark(rp, file, pentry, problems)
        if citation is None or text is None:
            continue
        if not pattern.match(citation):
            problems.add(
                file, pentry,
                f"citeringen '{citation}' har fel form (ska vara '<kapitel> kap. <paragraf> § "
                f"{law_id}' eller '<paragraf> § {law_id}')",
            )
            continue
        if citation in seen:
            problems.add(file, pentry, "paragrafen finns två gånger")
            continue
        seen.add(citation)
        paragraphs.append(Paragraph(citation, text, pmark, str(rp.get("note", ""))))
    if vid is None or sfs is None or title is None or valid_from is None:
        return None
    return LawVersion(
        id=vid, law_id=law_id, sfs=sfs, title=title, valid_from=valid_from, valid_to=valid_to,
        mark=mark, note=str(note), paragraphs=tuple(paragraphs),
    )


def _load_appeal_texts(root: Path, problems: _Problems) -> dict[str, tuple[str, str]]:
    path = root / "catalog" / "appeals.toml"
    file = _rel(root, path)
    data = _read_toml(root, path, problems)
    if data is None:
        return {}
    typed = validate(AppealsFileModel, data, file, "filen", problems)
    if typed is None:
        return {}
    data = typed.model_dump(exclude_none=True)
    result: dict[str, tuple[str, str]] = {}
    for route in APPEAL_ROUTES:
        raw = data.get(route)
        if not isinstance(raw, dict):
            problems.add(file, f"[{route}]", "tabellen saknas")
            continue
        title = _str(raw, "title", file, f"[{route}]", problems)
        text = _str(raw, "text", file, f"[{route}]", problems)
        if title and text:
            result[route] = (title, text.strip())
    return result


def _load_deadline_ids(root: Path, problems: _Problems) -> frozenset[str]:
    """The deadline ids a template may start: those resources/deadlines.toml defines."""
    path = root / "deadlines.toml"
    try:
        return frozenset(load_deadline_rules(path))
    except (DeadlineConfigError, OSError) as exc:
        problems.add(_rel(root, path), "[[deadline]]", str(exc))
        return frozenset()
