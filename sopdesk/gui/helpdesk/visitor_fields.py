"""What the help desk's registration form asks (buku tamu + PPID Form Model B): the fields'
keys in form order, the labels of its choice lists, and every wrong field of a form at once.
Qt-free apart from the translation markers, so the form's widgets and its checks share one
list of fields."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from sopdesk.catalog.registry import PLAIN_PURPOSES
from sopdesk.engine.visitor_form import VisitorForm, validate
from sopdesk.errors import FieldError

# The choice labels come from engine.visitors and reach translate() as variables, which lupdate
# cannot see; these markers put each label in the translation source under "HelpDeskPage".
_TR_CHOICES = (
    # PURPOSES
    QT_TRANSLATE_NOOP("HelpDeskPage", "Permohonan informasi publik"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Bertamu / bertemu pejabat"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Pengaduan"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Konsultasi"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Lainnya"),
    # OBTAIN_METHODS (each choice's tooltip) and OBTAIN_CHOICES
    QT_TRANSLATE_NOOP("HelpDeskPage", "Melihat / membaca / mendengarkan / mencatat"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Mendapatkan salinan informasi (hardcopy)"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Mendapatkan salinan informasi (softcopy)"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Melihat / membaca / mencatat"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Hardcopy (salinan cetak)"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Softcopy (salinan elektronik)"),
    # DELIVERY_METHODS
    QT_TRANSLATE_NOOP("HelpDeskPage", "Mengambil langsung"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Kurir"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Pos"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "Faksimili"),
    QT_TRANSLATE_NOOP("HelpDeskPage", "E-mail"),
)

# The obtain methods in the desk's list. The form's own wording (OBTAIN_METHODS: the receipt,
# the tooltips) hid "(hardcopy)" and "(softcopy)" past the field's edge at 1024x768, so here
# the words that differ come first.
OBTAIN_CHOICES = {
    "melihat": "Melihat / membaca / mencatat",
    "salinan_cetak": "Hardcopy (salinan cetak)",
    "salinan_elektronik": "Softcopy (salinan elektronik)",
}

# the fields of an information request, shown only when the purpose starts a case
INFO_FIELDS = ("info_requested", "directed_to", "info_use", "obtain_method", "delivery_method")

# a returning visitor is found by what they give first: a name, an id card or a phone number
LOOKUP_FIELDS = ("name", "id_number", "phone")

FIELD_ORDER = (
    "name",
    "id_number",
    "institution",
    "occupation",
    "address",
    "phone",
    "email",
    "purpose",
    "purpose_text",
    *INFO_FIELDS,
)


def other_field_errors(form: VisitorForm, offered: dict[str, str]) -> list[FieldError]:
    """Every wrong field, not only the first one the engine names (a wrong NIK and a wrong
    e-mail took two tries): validate again with each wrong field set aside, a required one
    replaced by a valid stand-in. Empty when the form is valid."""
    stand_ins = {"name": "-", "purpose": next((p for p in offered if p in PLAIN_PURPOSES), None)}
    found: list[FieldError] = []
    while True:
        try:
            validate(form, offered)
        except FieldError as exc:
            if any(seen.field == exc.field for seen in found):
                return found  # no stand-in made it valid: the rest cannot be judged
            found.append(exc)
            set_aside: dict[str, Any] = {exc.field: stand_ins.get(exc.field)}
            form = dataclasses.replace(form, **set_aside)
            continue
        return found
