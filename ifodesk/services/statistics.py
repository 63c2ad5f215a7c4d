"""Statistics for the nämnd, Socialstyrelsen and Kolada.

The work is split by report: ``statistics_workbook`` (the nämnd's workbook),
``statistics_register`` (Socialstyrelsen's register file) and ``statistics_common``; this
module keeps the names the UI page and the command line import.
"""

from __future__ import annotations

from sqlalchemy import select

from ifodesk.db.models import Unit
from ifodesk.domain.statistics_report import (  # noqa: F401 - re-exported
    AgeGenderRow,
    AnmalanStats,
    DaysSummary,
    DeadlineRow,
    DecisionStats,
    ForhandsStats,
    GenderCount,
    InsatsRow,
    InsatsStats,
    KeyFigure,
    LawStats,
    LawTemplateRow,
    Row,
    StatisticsReport,
    UtredningStats,
)

from .context import ServiceContext
from .dto import UnitInfo
from .errors import NotFound
from .statistics_common import Progress  # noqa: F401 - re-exported
from .statistics_register import (  # noqa: F401 - re-exported
    RegisterExport,
    RegisterExtract,
    export_register,
    register_extract,
)
from .statistics_workbook import (  # noqa: F401 - re-exported
    FB_OUTCOME_LABELS,
    ROUTE_LABELS,
    STEPS,
    TOTAL_STEPS,
    UT_OUTCOME_LABELS,
    WorkbookExport,
    compute_statistics,
    export_workbook,
)


def list_units(ctx: ServiceContext) -> list[UnitInfo]:
    with ctx.db.session() as s:
        return [UnitInfo(u.id, u.name, u.kind, u.case_prefix) for u in s.scalars(
            select(Unit).where(Unit.municipality_id == ctx.actor.municipality_id).order_by(Unit.name))]


def find_unit(ctx: ServiceContext, text: str) -> UnitInfo:
    """A unit by its case prefix (BU) or its name, case-insensitively."""
    wanted = text.strip().casefold()
    units = list_units(ctx)
    for u in units:
        if wanted in (u.case_prefix.casefold(), u.name.casefold(), str(u.id)):
            return u
    known = ", ".join(f"{u.case_prefix} ({u.name})" for u in units) or "inga"
    raise NotFound(f"Okänd enhet ”{text}”. Enheter i kommunen: {known}.")

