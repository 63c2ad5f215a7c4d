"""Administration (read-only here): users, units, the delegationsordning and decision templates."""

from __future__ import annotations

import tomllib

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget

from ifodesk.resources import resource_path
from ifodesk.services import access, admin
from ifodesk.services.delegation_admin import active_delegation_text

from ..decision.actions import ActionBar
from ..labels import level_label, role_label
from ..models.record_table import Column, RecordTableModel
from ..widgets.inputs import button, set_read_only
from ..widgets.tables import make_table
from .admin_users import UserFactsDialog, employee
from .base import Page

translate = QCoreApplication.translate


def user_columns(units: dict) -> list[Column]:
    return [Column(translate("Admin", "Namn"), lambda u: u.full_name),
            Column(translate("Admin", "Användarnamn"), lambda u: u.username),
            Column(translate("Admin", "Roll"), lambda u: role_label(u.role)),
            Column(translate("Admin", "Delegationsnivå"), lambda u: level_label(u.delegate_level)),
            Column(translate("Admin", "Enheter"), lambda u: ", ".join(units.get(i, "") for i in u.unit_ids)),
            Column(translate("Admin", "Anställd sedan"), lambda u: u.employed_since),
            Column(translate("Admin", "Socionom"), lambda u: u.socionom if employee(u) else None),
            Column(translate("Admin", "Erfarenhet"), lambda u: u.experienced if employee(u) else None,
                   tooltip=lambda u: translate("Admin", "Tillräcklig erfarenhet: nämndens bedömning för förhandsbedömning, utredning och "
                                                        "uppföljning i barnärenden (socionomkravet i SoL)")),
            Column(translate("Admin", "Brådskande beslut"),
                   lambda u: translate("Admin", "Ordförande") if u.delegate_level == "ordforande"
                   else translate("Admin", "Förordnad") if u.urgent_appointed else "",
                   tooltip=lambda u: translate("Admin", "Får fatta brådskande beslut när nämndens beslut inte kan "
                                                        "avvaktas (ordföranden eller en ledamot som nämnden förordnat)")),
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
        self.users_view = make_table("admin_users", self.tr("Användare"), self.users, self,
                                     (160, 105, 130, 140, 110, 95, 75, 85, 125))
        self.user_actions = ActionBar("admin_user_actions", self)
        self.user_actions.add("facts", button(self, "admin_user_facts",
                                              self.tr("Ändra &förordnande och erfarenhet …")), stretch_before=True) \
            .clicked.connect(self.edit_facts)
        self.users_view.activated.connect(lambda _i: self.edit_facts())
        self.users_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_actions())
        users_tab = QWidget(self)
        ubox = QVBoxLayout(users_tab)
        ubox.setContentsMargins(0, 0, 0, 0)
        ubox.addWidget(self.users_view, 1)
        ubox.addWidget(self.user_actions)
        self.facts_dialog: UserFactsDialog | None = None
        self.tabs.addTab(users_tab, self.tr("Användare"))
        self.tabs.addTab(make_table("admin_units", self.tr("Enheter"), self.units, self, (220, 100)),
                         self.tr("Enheter"))
        self.tabs.addTab(self.delegation, self.tr("Delegationsordning"))
        self.tabs.addTab(make_table("admin_templates", self.tr("Beslutsmallar"), self.templates, self,
                                    (300, 260, 160, 110)), self.tr("Beslutsmallar"))
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("<h2>Administration</h2>"), self))
        box.addWidget(QLabel(self.tr("Visning. Ändringar görs av systemansvarig med ifodesk-admin "
                                     "eller i de granskade filerna under resources/. Nämndens förordnanden för "
                                     "brådskande beslut och bedömningen av erfarenhet förs in på fliken Användare."),
                             self, wordWrap=True))
        box.addWidget(self.tabs, 1)
        self._loaded = False
        self._show_actions()

    def activate(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.app.run(_load, owner=self, on_done=self._show)

    def _show(self, data) -> None:
        users, units, delegation, templates = data
        self.users.columns = user_columns({u.id: u.name for u in units})
        self.users.set_records(users)
        if users:
            self.users_view.selectRow(0)
        self._show_actions()
        self.units.set_records(units)
        self.delegation.setPlainText(delegation)
        self.templates.set_records(templates)


    def _selected_user(self):
        idx = self.users_view.currentIndex()
        return self.users.record(idx.row()) if idx.isValid() else None

    def _show_actions(self) -> None:
        may = self.app.actor.role in access.roles_with("user.manage")
        chosen = self._selected_user() is not None
        self.user_actions.set_state(
            "facts", may and chosen,
            self.tr("Bara systemansvarig eller IFO-chef för in nämndens beslut om användare.") if not may
            else self.tr("Välj en användare i listan.") if not chosen else "")

    def edit_facts(self) -> None:
        u = self._selected_user()
        if u is None or not self.user_actions.buttons["facts"].isEnabled():
            return
        self.facts_dialog = UserFactsDialog(self.app, u, self)
        self.facts_dialog.saved.connect(self._fact_saved)
        self.facts_dialog.open()

    def _fact_saved(self, user) -> None:
        rows = self.users.records()
        at = next((i for i, r in enumerate(rows) if r.id == user.id), None)
        if at is not None:
            rows[at] = user
            self.users.set_records(rows)
            self.users_view.selectRow(at)
        self.app.status_message.emit(self.tr("Uppgifterna för %1 är sparade.").replace("%1", user.full_name))
        self._show_actions()


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
