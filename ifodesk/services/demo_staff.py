"""The demo municipality's staff: handläggare, 1:e socialsekreterare, chefer and the IU."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from ifodesk.db.engine import Database
from ifodesk.db.models import User

from .admin import UserSpec, create_user

STAFF = (
    UserSpec("anna.lind", "Anna Lind", "handlaggare", "handlaggare", ("BU",), date(2019, 3, 1)),
    UserSpec("erik.sjoberg", "Erik Sjöberg", "handlaggare", "handlaggare", ("BU",), date(2021, 8, 16)),
    UserSpec("maria.ostlund", "Maria Östlund", "handlaggare", "handlaggare", ("BU",), date(2018, 1, 8)),
    UserSpec("johan.aberg", "Johan Åberg", "handlaggare", "handlaggare", ("BU",), date(2022, 5, 2)),
    UserSpec("sara.hakansson", "Sara Håkansson", "handlaggare", "handlaggare", ("BU",), date(2020, 9, 1)),
    UserSpec("lina.nystrom", "Lina Nyström", "handlaggare", "handlaggare", ("BU",), date(2023, 2, 1)),
    UserSpec("omar.hassan", "Omar Hassan", "handlaggare", "handlaggare", ("BU",), date(2017, 6, 12)),
    UserSpec("klara.bjork", "Klara Björk", "handlaggare", "handlaggare", ("BU",), None),
    UserSpec("petra.vuxen", "Petra Engström", "handlaggare", "handlaggare", ("VU", "EB"), date(2016, 4, 1)),
    UserSpec("karin.berg", "Karin Berg", "forste", "forste_socialsekreterare", ("BU",), date(2012, 1, 9)),
    UserSpec("mats.holm", "Mats Holm", "forste", "forste_socialsekreterare", ("BU", "VU"), date(2014, 3, 3)),
    UserSpec("eva.lundgren", "Eva Lundgren", "chef", "enhetschef", ("BU", "VU", "EB"), date(2010, 8, 1)),
    UserSpec("goran.falk", "Göran Falk", "ifo_chef", "ifo_chef", ("BU", "VU", "EB"), date(2008, 1, 1)),
    UserSpec("birgitta.strom", "Birgitta Ström", "ordforande", "ordforande", ("BU", "VU", "EB"), None),
    UserSpec("lars.eklund", "Lars Eklund", "ledamot", "utskott", ("BU", "VU", "EB"), None),
    UserSpec("fatima.ali", "Fatima Ali", "ledamot", "utskott", ("BU", "VU", "EB"), None),
    UserSpec("helena.wallin", "Helena Wallin", "sekreterare", "handlaggare", ("BU", "VU", "EB"), None,
             socionom=False),
    UserSpec("admin", "Systemansvarig Demokommun", "systemansvarig", "handlaggare", ("BU", "VU", "EB"), None,
             socionom=False),
)


def ensure_staff(db: Database, municipality_id: uuid.UUID) -> dict[str, User]:
    with db.session() as s:
        existing = {u.username for u in s.scalars(select(User))}
    for spec in STAFF:
        if spec.username not in existing:
            create_user(db, municipality_id, spec)
    with db.session() as s:
        return {u.username: u for u in s.scalars(select(User).where(User.municipality_id == municipality_id))}
