"""Statistics definitions, one module per report; this module keeps every public name in one place.

- ``statistics_base``: periods, age bands, gender, suppression symbols, summary numbers, insats kinds
- ``statistics_measures``: the workbook's measures (the Definitioner sheet is written from them)
- ``statistics_suppression``: primary and secondary (complementary) suppression of small cells
- ``statistics_report``: the workbook's figures as plain data
- ``statistics_kolada``: Kolada KPIs and rows
- ``statistics_register``: Socialstyrelsen's register över insatser för barn och unga

Pure Python. The services count with database aggregates following these definitions.
"""

from __future__ import annotations

from .statistics_base import *  # noqa: F401,F403
from .statistics_base import UNKNOWN_AGE, PLACEMENT_FORMS, _check_year  # noqa: F401
from .statistics_kolada import *  # noqa: F401,F403
from .statistics_measures import *  # noqa: F401,F403
from .statistics_register import *  # noqa: F401,F403

__all__ = [
    "AGE_BANDS", "AgeBand", "age_band", "age_reached",
    "gender_from_personnummer", "GENDERS", "GENDER_LABELS",
    "Period", "PeriodError", "parse_date", "parse_period", "period_from_dates", "year_period",
    "SUPPRESSED", "MISSING", "NOT_APPLICABLE", "suppress", "suppress_share", "suppress_stat",
    "median", "mean", "median_from_counts", "mean_from_counts", "share",
    "Measure", "MEASURES", "measure",
    "PLACEMENT_KINDS", "INSATS_LABELS", "insats_label", "LEVEL_LABELS", "level_label",
    "KoladaKpi", "KoladaRow", "KoladaConfigError", "load_kolada", "kolada_rows",
    "RegisterPlacement", "RegisterInsats", "RegisterChild", "RegisterIssue", "ValidationReport",
    "validate_register", "temporary_id", "in_register_scope", "ISSUE_LABELS", "UNKNOWN_AGE", "PLACEMENT_FORMS",
]
