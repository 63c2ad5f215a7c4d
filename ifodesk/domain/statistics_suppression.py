"""Primary and secondary (complementary) suppression of small counts.

Hiding a small cell alone is useless when the totals give it back (736 minus the other
categories = 4). The workbook therefore declares, for every figure it shows, the sums it is part
of (a total and its parts), and this module hides complementary cells until no hidden value can
be worked out from the shown ones by any combination of those sums (exact linear algebra).

Pure Python: keys are any hashable values the caller chooses.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Hashable, Iterable, Mapping, Sequence

__all__ = ["Relation", "plan_suppression", "determined_cells"]

Key = Hashable


@dataclass(frozen=True)
class Relation:
    """total = sum(parts), as shown in the workbook."""

    total: Key
    parts: tuple[Key, ...]

    @property
    def cells(self) -> tuple[Key, ...]:
        return (self.total, *self.parts)


def determined_cells(relations: Sequence[Relation], hidden: Iterable[Key]) -> set[Key]:
    """Hidden cells whose value follows from the shown cells and the relations.

    A hidden cell is determined when its unit vector lies in the row space of the relations
    restricted to the hidden cells (reduced row echelon form over the rationals).
    """
    hidden = list(dict.fromkeys(hidden))
    index = {k: i for i, k in enumerate(hidden)}
    rows: list[list[Fraction]] = []
    for rel in relations:
        row = [Fraction(0)] * len(hidden)
        for k, coef in ((rel.total, 1), *((p, -1) for p in rel.parts)):
            if k in index:
                row[index[k]] += coef
        if any(row):
            rows.append(row)
    pivots: list[int] = []
    r = 0
    for c in range(len(hidden)):
        pivot = next((i for i in range(r, len(rows)) if rows[i][c] != 0), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        lead = rows[r][c]
        rows[r] = [x / lead for x in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][c] != 0:
                f = rows[i][c]
                rows[i] = [a - f * b for a, b in zip(rows[i], rows[r])]
        pivots.append(c)
        r += 1
        if r == len(rows):
            break
    out = set()
    for i, c in enumerate(pivots):
        if all(x == 0 for j, x in enumerate(rows[i]) if j != c):
            out.add(hidden[c])
    return out


def plan_suppression(values: Mapping[Key, int], relations: Sequence[Relation], threshold: int) -> set[Key]:
    """The cells to show as '..': counts 1..threshold-1, then complementary cells until no hidden
    value can be computed back. Complements are parts before totals, non-zero before zero,
    smallest first, so as little as possible disappears."""
    if threshold <= 1:
        return set()
    hidden = {k for k, v in values.items() if v is not None and 0 < v < threshold}
    relations = [r for r in relations if all(k in values for k in r.cells)]
    total_keys = {r.total for r in relations}
    for _ in range(len(values) + 1):
        exposed = determined_cells(relations, hidden)
        if not exposed:
            return hidden
        # Any shown cell in a sum that gives a hidden cell back is a candidate; the cheapest goes.
        candidates = []
        for rel in relations:
            if not exposed.intersection(rel.cells):
                continue
            for k in rel.cells:
                if k not in hidden:
                    candidates.append((k in total_keys, values[k] == 0, values[k], repr(k), k))
        if not candidates:  # cannot happen: a determined cell needs a relation with a shown cell
            break
        hidden.add(min(candidates)[-1])
    return hidden
