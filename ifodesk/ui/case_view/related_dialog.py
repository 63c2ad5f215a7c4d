"""Lägg till person runt barnet: vårdnadshavare, förälder, familjehem, kontaktperson, god man."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from ifodesk.services import parties
from ifodesk.services.parties_dto import RelatedInput

from ..widgets.country import country_combo
from ..widgets.inputs import add_row, button, error_label, line_edit, name

translate = QCoreApplication.translate
ROLES = {
    "vardnadshavare": QT_TRANSLATE_NOOP("RelatedDialog", "Vårdnadshavare"),
    "sarskilt_forordnad": QT_TRANSLATE_NOOP("RelatedDialog", "Särskilt förordnad vårdnadshavare"),
    "forelder": QT_TRANSLATE_NOOP("RelatedDialog", "Förälder utan vårdnad"),
    "familjehem": QT_TRANSLATE_NOOP("RelatedDialog", "Familjehemsförälder"),
    "kontaktperson": QT_TRANSLATE_NOOP("RelatedDialog", "Kontaktperson"),
    "god_man": QT_TRANSLATE_NOOP("RelatedDialog", "God man"),
    "annan": QT_TRANSLATE_NOOP("RelatedDialog", "Annan i nätverket"),
}
CUSTODY = {"gemensam": QT_TRANSLATE_NOOP("RelatedDialog", "Gemensam vårdnad"),
           "ensam": QT_TRANSLATE_NOOP("RelatedDialog", "Ensam vårdnad")}
PROTECTION = {"none": QT_TRANSLATE_NOOP("RelatedDialog", "Ingen skyddsmarkering"),
              "sekretessmarkering": QT_TRANSLATE_NOOP("RelatedDialog", "Sekretessmarkering"),
              "skyddad_folkbokforing": QT_TRANSLATE_NOOP("RelatedDialog", "Skyddad folkbokföring")}


def _combo(parent, object_name: str, accessible: str, items: dict) -> QComboBox:
    c = name(QComboBox(parent), object_name, accessible)
    for code, text in items.items():
        c.addItem(translate("RelatedDialog", text), code)
    return c


class RelatedDialog(QDialog):
    """Nothing typed here goes to the local draft store: an address may be protected."""

    added = Signal(object)  # RelatedPerson

    def __init__(self, app, child_id, network: list, parent: QWidget | None = None):
        super().__init__(parent)
        self.app, self.child_id = app, child_id
        self.setObjectName("related_dialog")
        self.setWindowTitle(self.tr("Lägg till person runt barnet"))
        self.role = _combo(self, "related_role", self.tr("Roll"), ROLES)
        self.custody = _combo(self, "related_custody", self.tr("Vårdnad"), CUSTODY)
        self.pnr = line_edit(self, "related_pnr", self.tr("Personnummer"))
        self.pnr.setPlaceholderText(self.tr("ÅÅÅÅMMDD-NNNN (tomt: ange födelsedatum i stället)"))
        self.first = line_edit(self, "related_first_name", self.tr("Förnamn"))
        self.last = line_edit(self, "related_last_name", self.tr("Efternamn"))
        self.street = line_edit(self, "related_street", self.tr("Gatuadress"))
        self.postal = line_edit(self, "related_postal", self.tr("Postnummer och ort"))
        self.phone = line_edit(self, "related_phone", self.tr("Telefon"))
        self.email = line_edit(self, "related_email", self.tr("E-post"))
        self.language = line_edit(self, "related_language", self.tr("Språk"))
        self.interpreter = name(QCheckBox(self.tr("Behöver &tolk"), self), "related_interpreter",
                                self.tr("Behöver tolk"))
        self.protection = _combo(self, "related_protection", self.tr("Skyddsmarkering"), PROTECTION)
        self.birth_country = country_combo(self, "related_birth_country", self.tr("Födelseland"))
        self.hidden_from = name(QComboBox(self), "related_hidden_from",
                                self.tr("Adressen lämnas inte ut till"))
        self.hidden_from.addItem(self.tr("(ingen)"), None)
        for p in network:
            self.hidden_from.addItem(p.name, p.person_id)
        self.error = error_label(self, "related_error")
        self.save_button = button(self, "related_save", self.tr("&Lägg till"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save)
        cancel = button(self, "related_cancel", self.tr("Avbryt"))
        cancel.clicked.connect(self.reject)
        self.role.currentIndexChanged.connect(self._role_changed)
        form = QFormLayout()
        for text, w in ((self.tr("&Roll:"), self.role), (self.tr("&Vårdnad:"), self.custody),
                        (self.tr("&Personnummer:"), self.pnr), (self.tr("&Förnamn:"), self.first),
                        (self.tr("&Efternamn:"), self.last), (self.tr("&Gatuadress:"), self.street),
                        (self.tr("P&ostnummer och ort:"), self.postal), (self.tr("Tele&fon:"), self.phone),
                        (self.tr("E-&post:"), self.email), (self.tr("&Språk:"), self.language),
                        ("", self.interpreter), (self.tr("Fö&delseland:"), self.birth_country),
                        (self.tr("S&kyddsmarkering:"), self.protection),
                        (self.tr("Adressen lämnas &inte ut till:"), self.hidden_from)):
            add_row(form, text, w)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addLayout(buttons)
        self._role_changed()

    def _role_changed(self) -> None:
        self.custody.setEnabled(self.role.currentData() in ("vardnadshavare", "sarskilt_forordnad"))

    def data(self) -> RelatedInput:
        def txt(w):
            return w.text().strip() or None
        return RelatedInput(
            self.role.currentData(), personnummer=txt(self.pnr), first_name=self.first.text(),
            last_name=self.last.text(), custody=self.custody.currentData() if self.custody.isEnabled() else None,
            address_street=txt(self.street), address_postal=txt(self.postal), phone=txt(self.phone),
            email=txt(self.email), language=txt(self.language), interpreter=self.interpreter.isChecked(),
            protection=self.protection.currentData(), address_hidden_from_id=self.hidden_from.currentData(),
            birth_country=self.birth_country.currentData() or None)

    def _save(self) -> None:
        self.error.hide()
        self.save_button.setEnabled(False)
        self.app.run(parties.add_related, self.child_id, self.data(), owner=self, on_done=self._done,
                     on_error=self._failed)

    def _done(self, person) -> None:
        self.added.emit(person)
        self.accept()

    def _failed(self, exc) -> None:
        self.save_button.setEnabled(True)
        from ifodesk.services.errors import ServiceError

        if not isinstance(exc, ServiceError):
            self.app.report_error(exc)
            return
        self.error.setText(str(exc))
        self.error.show()
