"""Personuppgifter: address, phone, the protection marking, födelseland and ensamkommande of the
case's person.

A protected person's address and phone stay hidden (and are left unchanged when saving) until the
user gives a reason through the header's flow, which the service logs. What is typed here never
goes to the local draft store: a protected address must not lie on the workstation's disk.
Removing a marking is the service's call (chef or systemansvarig); its refusal is shown at the field.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ifodesk.services import people
from ifodesk.services.dto import PersonDetail
from ifodesk.services import access
from ifodesk.services.people import PROTECTIONS

from ..forms import VersionedForm
from .. import theme
from ..labels import protection_label
from ..widgets.country import country_codes, country_combo, country_index
from ..widgets.inputs import add_row, button, error_label, line_edit, name
from ..dialogs import fit_to_screen

translate = QCoreApplication.translate
ADDRESS_FIELDS = ("address_street", "address_postal", "phone")
PROTECTION_CHOICES = {
    "none": QT_TRANSLATE_NOOP("PersonDialog", "Ingen skyddsmarkering"),
    "sekretessmarkering": QT_TRANSLATE_NOOP("PersonDialog", "Sekretessmarkering"),
    "skyddad_folkbokforing": QT_TRANSLATE_NOOP("PersonDialog", "Skyddad folkbokföring"),
}
# Ensamkommande: not registered, yes, no (index in the combo).
UNACCOMPANIED = (None, True, False)
UNACCOMPANIED_CHOICES = (QT_TRANSLATE_NOOP("PersonDialog", "(inte angivet)"), QT_TRANSLATE_NOOP("PersonDialog", "Ja"),
                         QT_TRANSLATE_NOOP("PersonDialog", "Nej"))


def _values(p: PersonDetail) -> dict[str, str]:
    values = {k: getattr(p, k) or "" for k in ADDRESS_FIELDS}
    return {**values, "protection": str(PROTECTIONS.index(p.summary.protection)),
            "birth_country": str(country_index(p.birth_country)),
            "unaccompanied": str(UNACCOMPANIED.index(p.unaccompanied))}


def _save(person_id, address_known: bool):
    """Hidden address fields are not sent at all: empty would erase what the user cannot see."""
    def save(ctx, version, v):
        address = {k: v[k] for k in ADDRESS_FIELDS} if address_known else {}
        return people.update_person(ctx, person_id, version, protection=PROTECTIONS[int(v["protection"])],
                                    birth_country=country_codes()[int(v["birth_country"] or 0)],
                                    unaccompanied=UNACCOMPANIED[int(v["unaccompanied"] or 0)], **address)
    return save


class PersonDialog(QDialog):
    def __init__(self, app, header, parent: QWidget | None = None):
        super().__init__(parent)
        self.app, self.header = app, header
        self.person: PersonDetail = header.person
        self.reason: str | None = header.address_reason  # given for this person's address, if any
        self.setObjectName("person_dialog")
        self.setWindowTitle(self.tr("Personuppgifter – %1").replace("%1", self.person.summary.name))
        self.banner = QLabel(self)
        self.banner.setObjectName("person_protection_banner")
        theme.style(self.banner, lambda: theme.css("protected") + "font-weight:bold;padding:4px;")
        self.banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # a band, not a block
        self.street = line_edit(self, "person_address_street", self.tr("Gatuadress"))
        self.postal = line_edit(self, "person_address_postal", self.tr("Postnummer och ort"))
        self.phone = line_edit(self, "person_phone", self.tr("Telefon"))
        self.protection = name(QComboBox(self), "person_protection", self.tr("Skyddsmarkering"))
        for code in PROTECTIONS:
            self.protection.addItem(translate("PersonDialog", PROTECTION_CHOICES[code]), code)
        if self.person.summary.protection != "none" and not access.may(app.services, "person.unprotect"):
            lift = self.protection.model().item(PROTECTIONS.index("none"))
            lift.setEnabled(False)  # the service refuses it too; don't offer what will be refused
            lift.setToolTip(self.tr("Bara en chef kan ta bort en markering."))
        self.birth_country = country_combo(self, "person_birth_country", self.tr("Födelseland"))
        self.unaccompanied = name(QComboBox(self), "person_unaccompanied", self.tr("Ensamkommande barn"))
        for text in UNACCOMPANIED_CHOICES:
            self.unaccompanied.addItem(translate("PersonDialog", text))
        self.hidden_note = QLabel(self.tr("Adress och telefon är dolda (skyddade personuppgifter). De lämnas "
                                          "oförändrade om du inte visar dem först."), self)
        self.hidden_note.setObjectName("person_hidden_note")
        self.hidden_note.setWordWrap(True)
        self.show_address = button(self, "person_show_address", self.tr("Visa &adress …"))
        self.show_address.setAccessibleName(self.tr("Visa skyddad adress (kräver skäl)"))
        self.show_address.clicked.connect(lambda: self.header.ask_reason(self))
        self.error = error_label(self, "person_error")
        self.state = QLabel(self)
        self.state.setObjectName("person_state")
        self.save_button = button(self, "person_save", self.tr("&Spara"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save)
        self.cancel_button = button(self, "person_cancel", self.tr("Avbryt"))
        self.cancel_button.clicked.connect(self.reject)
        self._layout()
        self.form = self._make_form()
        header.person_shown.connect(self._revealed)
        self._show(self.person)

    def _layout(self) -> None:
        form = QFormLayout()
        add_row(form, self.tr("&Gatuadress:"), self.street)
        add_row(form, self.tr("P&ostnummer och ort:"), self.postal)
        add_row(form, self.tr("&Telefon:"), self.phone)
        add_row(form, self.tr("S&kyddsmarkering:"), self.protection)
        add_row(form, self.tr("&Födelseland:"), self.birth_country)
        add_row(form, self.tr("&Ensamkommande barn:"), self.unaccompanied)
        hidden = QHBoxLayout()
        hidden.addWidget(self.hidden_note, 1)
        hidden.addWidget(self.show_address)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        box = QVBoxLayout(self)
        box.addWidget(self.banner)
        box.addWidget(QLabel(self.tr("<b>%1</b> %2").replace("%1", self.person.summary.name)
                             .replace("%2", self.person.summary.display_id), self))
        box.addLayout(hidden)
        box.addLayout(form)
        box.addWidget(QLabel(self.tr("Skyddad folkbokföring och sekretessmarkering beslutas av Skatteverket. "
                                     "Bara chef eller systemansvarig kan ta bort en markering."), self))
        box.addWidget(self.error)
        box.addLayout(buttons)
        fit_to_screen(self, 560, 420)

    def _make_form(self) -> VersionedForm:
        fields = {"address_street": self.street, "address_postal": self.postal, "phone": self.phone,
                  "protection": self.protection, "birth_country": self.birth_country,
                  "unaccompanied": self.unaccompanied}
        labels = {"address_street": self.tr("Gatuadress"), "address_postal": self.tr("Postnummer och ort"),
                  "phone": self.tr("Telefon"), "protection": self.tr("Skyddsmarkering"),
                  "birth_country": self.tr("Födelseland"), "unaccompanied": self.tr("Ensamkommande barn")}
        form = VersionedForm(self.app, f"person-{self.person.summary.id}", fields, labels,
                             save=_save(self.person.summary.id, False),
                             reload=self._reload,
                             values_of=_values, error_label=self.error, owner=self, local_drafts=False)
        form.state_changed.connect(self.state.setText)
        return form

    def _reload(self, ctx) -> PersonDetail:
        """After a conflict (on the worker): the saved version, the address as far as it was shown."""
        return people.get_person(ctx, self.person.summary.id, address_reason=self.reason)

    def _show(self, person: PersonDetail) -> None:
        self.person = person
        self.form.load(person)
        marking = protection_label(person.summary.protection)
        self.banner.setText(self.tr("⚠ %1").replace("%1", marking))
        self.banner.setVisible(bool(marking))
        for w in (self.street, self.postal, self.phone):
            w.setEnabled(not person.address_hidden)
            w.setPlaceholderText(self.tr("dold – visa adressen först") if person.address_hidden else "")
        self.hidden_note.setVisible(person.address_hidden)
        self.show_address.setVisible(person.address_hidden)

    def _revealed(self, person: PersonDetail) -> None:
        """The header showed the address after a reason was given: fill it in, keep the chosen marking."""
        if person.summary.id != self.person.summary.id or person.address_hidden or not self.person.address_hidden:
            return
        chosen = self.protection.currentIndex()
        self.reason = self.header.address_reason
        self._show(person)
        self.protection.setCurrentIndex(chosen)
        self.street.setFocus()

    def _save(self) -> None:
        known = not self.person.address_hidden
        self.form.save(self._saved, fn=_save(self.person.summary.id, known))

    def _saved(self, _person: PersonDetail) -> None:
        self.app.data_changed.emit("case")  # the header, the lists and their markings follow
        self.accept()

    def done(self, result: int) -> None:
        try:
            self.header.person_shown.disconnect(self._revealed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)
