"""The main window's pages, one module each, in the order of the navigation list.

To add a page, add its (module, class) to PAGE_SPECS at the position it should have; the shell
gives the n-th page the shortcut Ctrl+n. Optional pages are skipped while their module is missing.
"""

from __future__ import annotations

import importlib
import logging

log = logging.getLogger(__name__)

# (module, class, optional). Att besluta and IU-sammanträden go after Tidsbevakning.
PAGE_SPECS: list[tuple[str, str, bool]] = [
    ("ifodesk.ui.pages.start", "StartPage", False),
    ("ifodesk.ui.pages.inbox", "InboxPage", False),
    ("ifodesk.ui.pages.deadlines", "DeadlinesPage", False),
    ("ifodesk.ui.pages.decide", "DecidePage", False),
    ("ifodesk.ui.pages.meetings", "MeetingsPage", False),
    ("ifodesk.ui.pages.search", "SearchPage", False),
    ("ifodesk.ui.pages.statistics", "StatisticsPage", True),
    ("ifodesk.ui.pages.admin", "AdminPage", False),
    ("ifodesk.ui.pages.log_review", "LogReviewPage", True),
]


def default_pages() -> list[type]:
    """The page classes to show, importing each module; an optional one that fails is left out."""
    out = []
    for module, cls, optional in PAGE_SPECS:
        try:
            out.append(getattr(importlib.import_module(module), cls))
        except (ImportError, AttributeError) as exc:
            if not optional:
                raise
            log.warning("Sidan %s.%s visas inte: %s", module, cls, exc)
    return out
