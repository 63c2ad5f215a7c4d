"""The legal catalog: laws, their versions, the paragraphs cited, and the fixed decision templates.

Everything legal is data under ``resources/`` (reviewed by a jurist):

* ``catalog/laws/*.toml``  one file per law (SoL, LVU, LVM, KL, FL), its versions with
  valid_from/valid_to and the paragraphs ifodesk cites (citation, short text, certainty mark);
* ``catalog/appeals.toml`` the standard appeal texts (förvaltningsbesvär, laglighetsprövning, none);
* ``templates/<id>.toml``  one decision template (beslutsmall) per file;
* ``deadlines.toml``       the deadline ids a template may start (owned by the deadline module).

The loader validates everything at start and raises :class:`CatalogError` naming the file, the
entry and what is wrong. No paragraph number is spelled in this module.

The typed models are in ``catalog_models``; reading files and laws in ``catalog_readers``;
validating templates and their fields in ``catalog_templates`` and ``catalog_fields``. This
module loads the catalog and keeps every public name where callers import it from.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ifodesk.resources import resources_dir
from ifodesk.domain.catalog_models import (  # noqa: F401  (public names stay here)
    APPEAL_ROUTES,
    Appeal,
    CATEGORIES,
    Catalog,
    CatalogError,
    CatalogProblem,
    ChoiceOption,
    DecisionTemplate,
    FIELD_KINDS,
    INSATS_TYPES,
    KINDS,
    LAGRUM_PLACEHOLDER,
    Law,
    LawVersion,
    MARKS,
    Paragraph,
    RequiredWhen,
    STATISTICS_LEGAL_BASES,
    StatisticsHint,
    TemplateField,
    URGENT_ROUTES,
    _Problems,
    lagrum_pattern,
)
from ifodesk.domain.catalog_readers import (  # noqa: F401  (public names stay here)
    _load_appeal_texts,
    _load_deadline_ids,
    _load_laws,
)
from ifodesk.domain.catalog_templates import (  # noqa: F401  (public names stay here)
    _load_templates,
)

__all__ = [
    "APPEAL_ROUTES",
    "CATEGORIES",
    "KINDS",
    "FIELD_KINDS",
    "MARKS",
    "Paragraph",
    "LawVersion",
    "Law",
    "ChoiceOption",
    "TemplateField",
    "Appeal",
    "StatisticsHint",
    "DecisionTemplate",
    "Catalog",
    "CatalogProblem",
    "CatalogError",
    "load_catalog",
    "clear_catalog_cache",
    "catalog_as_json",
    "lagrum_pattern",
]

# --- Loading -------------------------------------------------------------------------------


def load_catalog(root: Path | None = None) -> Catalog:
    """Load and validate the catalog from ``root`` (a resources/ folder; default: the app's).

    The default catalog is cached; pass ``root`` to load another tree (tests, admin checks).
    """
    if root is None:
        return _load_default()
    return _load(Path(root))


@functools.lru_cache(maxsize=1)
def _load_default() -> Catalog:
    return _load(resources_dir())


def clear_catalog_cache() -> None:
    _load_default.cache_clear()


def _load(root: Path) -> Catalog:
    problems = _Problems()
    laws = _load_laws(root, problems)
    problems.raise_if_any()
    appeal_texts = _load_appeal_texts(root, problems)
    deadline_ids = _load_deadline_ids(root, problems)
    problems.raise_if_any()
    templates = _load_templates(root, laws, appeal_texts, deadline_ids, problems)
    problems.raise_if_any()
    return Catalog(
        laws=MappingProxyType(laws),
        templates=MappingProxyType(templates),
        deadline_ids=deadline_ids,
        root=root,
    )

# --- Admin JSON -----------------------------------------------------------------------------


def catalog_as_json(catalog: Catalog, on: date | None = None) -> list[dict[str, Any]]:
    """The templates as plain JSON-able dicts, for ``ifodesk-admin catalog --json``.

    With ``on``: the catalog as it applied that day (each template's law version and lagrum in
    force on that date; templates with no version that day are left out).
    """
    rows = []
    for t in sorted(catalog.templates.values(), key=lambda t: t.id):
        law_version, lagrum = t.law_version, list(t.lagrum)
        if on is not None:
            law_version = catalog.law_version_for_decision(t.id, on)
            if not catalog.law_versions[law_version].valid_on(on):
                continue
            lagrum = list(t.lagrum_for(law_version))
        rows.append(
            {
                "id": t.id,
                "title": t.title,
                "category": t.category,
                "kind": t.kind,
                "approval_pair": t.approval_pair,
                "law_version": law_version,
                "lagrum": lagrum,
                "legacy_lagrum": {k: list(v) for k, v in t.legacy_lagrum.items()},
                "lowest_decider": t.lowest_decider,
                "utskott_only": t.utskott_only,
                "utskott_basis": t.utskott_basis,
                "urgent_route": t.urgent_route,
                "urgent_basis": t.urgent_basis,
                "appeal": t.appeal.route,
                "appeal_basis": t.appeal.basis,
                "starts_deadlines": list(t.starts_deadlines),
                "optional_deadlines": list(t.optional_deadlines),
                "extends_deadlines": list(t.extends_deadlines),
                "urgent_starts_deadlines": list(t.urgent_starts_deadlines),
                "requires_socionom": t.requires_socionom,
                "socionom_basis": t.socionom_basis,
                "deadlines_after_utredning": list(t.deadlines_after_utredning),
                "deadline_start_fields": dict(t.deadline_start_fields),
                "statistics": (
                    {"insats_type": t.statistics.insats_type, "legal_basis": t.statistics.legal_basis}
                    if t.statistics
                    else None
                ),
                "fields": [
                    {
                        "name": f.name,
                        "label": f.label,
                        "required": f.required,
                        "kind": f.kind,
                        **({"options": [o.value for o in f.options]} if f.kind == "choice" else {}),
                    }
                    for f in t.fields
                ],
                "mark": t.mark,
                "source": t.source,
            }
        )
    return rows
