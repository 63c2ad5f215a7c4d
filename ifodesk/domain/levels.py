"""The decision levels (beslutsnivåer) of a delegationsordning, lowest first.

Kept apart so the catalog (templates name their lowest decider) and the delegation rules (which
read the catalog) both depend on this module and never on each other.
"""

from __future__ import annotations

from collections.abc import Mapping

# Lowest first. The ordförande decides only in urgent cases (or where the order names them).
LEVELS: tuple[str, ...] = (
    "handlaggare",
    "forste_socialsekreterare",
    "enhetschef",
    "ifo_chef",
    "socialchef",
    "ordforande",
    "utskott",
    "namnd",
)
LEVEL_LABELS: Mapping[str, str] = {
    "handlaggare": "Socialsekreterare (handläggare)",
    "forste_socialsekreterare": "1:e socialsekreterare",
    "enhetschef": "Enhetschef",
    "ifo_chef": "IFO-chef",
    "socialchef": "Socialchef",
    "ordforande": "Ordförande",
    "utskott": "Individutskottet",
    "namnd": "Nämnden",
}
