"""Administration (read-only here): users, units, the delegationsordning and decision templates."""

from __future__ import annotations

import tomllib

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTabWidget, QVBoxLayout

from ifodesk.resources import resource_path
from ifodesk.services import admin
from ifodesk.services.delegation_admin import active_delegation_text

from ..labels import level_label, role_label
from ..models.record_table import Column, RecordTableModel
from ..widgets.inputs import set_read_only
from ..widgets.tables import make_table
from .base import Page

translate = QCoreApplication.translate


def user_columns(units: dict) -> list[Column]:
    return [Column(translate("Admin", "Namn"), lambda u: u.full_name),
            Column(translate("Admin", "Användarnamn"), lambda u: u.username),
            Column(translate("Admin", "Roll"), lambda u: role_label(u.role)),
            Column(translate("Admin", "Delegationsnivå"), lambda u: level_label(u.delegate_level)),
            Column(translate("Admin", "Enheter"), lambda u: ", ".join(units.get(i, "") for i in u.unit_ids)),
            Column(translate("Admin", "Anställd sedan"), lambda u: u.employed_since),
            Column(translate("Admin", "Aktiv"), lambda u: u.active)]


def unit_columns() -> list[Column]:
    return [Column(translate("Admin", "Enhet"), lambda u: u.name),
            Column(translate("Admin", "Ärendeserie"), lambda u: u.case_prefix),
            Column(translate("Admin", "Typ"), lambda u: u.kind)]


def template_columns() -> list[Column]:
    return [Column(translate("Admin", "Mall"), lambda t: t.get("title", "")),
            Column(translate("Admin", "Lagrum"), lambda t: ", ".join(t.get("lagrum", []))),
            Column(translate("Admin", "Lägsta beslutsnivå"), lambda t: level_label(t.get("lowest_decider", ""))),
            Column(translate("Admin", "Bara utskottet"), lambda t: bool(t.get("utskott_only"))),
            Column(translate("Admin", "Id"), lambda t: t.get("id", ""))]


class AdminPage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Administration")
    page_id = "admin"

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("admin_tabs")
        self.users = RecordTableModel(user_columns({}), self)
        self.units = RecordTableModel(unit_columns(), self)
        self.templates = RecordTableModel(template_columns(), self)
        self.delegation = QPlainTextEdit(self)
        self.delegation.setObjectName("admin_delegation")
        self.delegation.setAccessibleName(self.tr("Delegationsordning"))
        set_read_only(self.delegation)
        self.tabs.addTab(make_table("admin_users", self.tr("Användare"), self.users, self,
                                    (190, 130, 160, 170, 220, 110)), self.tr("Användare"))
        self.tabs.addTab(make_table("admin_units", self.tr("Enheter"), self.units, self, (220, 100)),
                         self.tr("Enheter"))
        self.tabs.addTab(self.delegation, self.tr("Delegationsordning"))
        self.tabs.addTab(make_table("admin_templates", self.tr("Beslutsmallar"), self.templates, self,
                                    (300, 260, 160, 110)), self.tr("Beslutsmallar"))
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("<h2>Administration</h2>"), self))
        box.addWidget(QLabel(self.tr("Visning. Ändringar görs av systemansvarig med ifodesk-admin "
                                     "eller i de granskade filerna under resources/."), self))
        box.addWidget(self.tabs, 1)
        self._loaded = False

    def activate(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.app.run(_load, owner=self, on_done=self._show)

    def _show(self, data) -> None:
        users, units, delegation, templates = data
        self.users.columns = user_columns({u.id: u.name for u in units})
        self.users.set_records(users)
        self.units.set_records(units)
        self.delegation.setPlainText(delegation)
        self.templates.set_records(templates)


def _load(ctx):
    mid = ctx.actor.municipality_id
    return (admin.list_users(ctx.db, mid), admin.list_units(ctx.db, mid),
            active_delegation_text(ctx.db, mid), _templates())


def _templates() -> list[dict]:
    out = []
    for path in sorted(resource_path("templates").glob("*.toml")):
        try:
            out.append(tomllib.loads(path.read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError):
            out.append({"id": path.stem, "title": translate("Admin", "(kan inte läsas)")})
    return sorted(out, key=lambda t: t.get("title", ""))
