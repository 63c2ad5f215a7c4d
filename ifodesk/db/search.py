"""Name search that finds parts of compound names, per back end (FTS5 trigram / pg_trgm)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, text
from sqlalchemy.orm import Session

from .models import Person

FTS_MIN = 3  # the trigram index needs at least three characters


def is_search_index_table(name: str) -> bool:
    """The FTS5 table and its shadow tables live outside the ORM metadata."""
    return name == "person_fts" or name.startswith("person_fts_")


def name_matches(s: Session, folded: str) -> ColumnElement[bool]:
    """A WHERE clause on Person for a search_fold()-ed needle."""
    if s.get_bind().dialect.name == "sqlite" and len(folded) >= FTS_MIN:
        phrase = '"' + folded.replace('"', '""') + '"'
        return text("person.rowid IN (SELECT rowid FROM person_fts WHERE person_fts MATCH :fts_q)").bindparams(
            fts_q=phrase)
    return Person.search_name.contains(folded, autoescape=True)
