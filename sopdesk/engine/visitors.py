"""Help-desk registration (buku tamu + PPID Form Model B). An information request starts
a Pelayanan Publik case at its help-desk entry, in the same transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sopdesk.engine import audit
from sopdesk.engine.cases import start_case_in
from sopdesk.engine.users import Actor, load_actor, require_role
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.store.models import Visitor

HELP_DESK_SOP = "PP"
HELP_DESK_ENTRY = "tamu"

PURPOSES = {
    "permohonan_informasi": "Permohonan informasi publik",
    "bertamu": "Bertamu / bertemu pejabat",
    "pengaduan": "Pengaduan",
    "konsultasi": "Konsultasi",
    "lainnya": "Lainnya",
}
OBTAIN_METHODS = {  # PPID Form Model B: cara memperoleh informasi
    "melihat": "Melihat / membaca / mendengarkan / mencatat",
    "salinan_cetak": "Mendapatkan salinan informasi (hardcopy)",
    "salinan_elektronik": "Mendapatkan salinan informasi (softcopy)",
}
DELIVERY_METHODS = {  # PPID Form Model B: cara mendapatkan salinan informasi
    "langsung": "Mengambil langsung",
    "kurir": "Kurir",
    "pos": "Pos",
    "faksimili": "Faksimili",
    "email": "E-mail",
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,19}$")
_ID_NUMBER = re.compile(r"^[0-9A-Z]{6,20}$")


class FieldError(UserError):
    """A form value that is wrong; `field` names the form field it belongs next to."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


@dataclass
class VisitorForm:
    name: str
    purpose: str
    id_number: str | None = None
    institution: str | None = None
    occupation: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    purpose_text: str | None = None
    info_requested: str | None = None
    info_use: str | None = None
    obtain_method: str | None = None
    delivery_method: str | None = None


def _clean(form: VisitorForm, field: str, label: str, limit: int) -> str | None:
    value = getattr(form, field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError(field, f"{label} harus berupa teks")
    value = " ".join(value.split())
    if len(value) > limit:
        raise FieldError(field, f"{label} terlalu panjang (maksimal {limit} karakter)")
    return value or None


def validate(form: VisitorForm) -> dict[str, str | None]:
    """Clean and check every field; raise FieldError naming the first wrong field."""
    limits = {"name": ("Nama", 200), "id_number": ("Nomor identitas", 30),
              "institution": ("Instansi", 200), "occupation": ("Pekerjaan", 100),
              "address": ("Alamat", 500), "phone": ("Nomor telepon", 30),
              "email": ("E-mail", 200), "purpose": ("Keperluan", 30),
              "purpose_text": ("Uraian keperluan", 2000),
              "info_requested": ("Rincian informasi yang dibutuhkan", 4000),
              "info_use": ("Tujuan penggunaan informasi", 2000),
              "obtain_method": ("Cara memperoleh informasi", 30),
              "delivery_method": ("Cara mendapatkan salinan", 30)}
    data = {f: _clean(form, f, label, limit) for f, (label, limit) in limits.items()}
    if not data["name"]:
        raise FieldError("name", "Nama wajib diisi")
    if data["purpose"] not in PURPOSES:
        raise FieldError("purpose", "Pilih keperluan: " + ", ".join(PURPOSES))
    if data["id_number"]:
        data["id_number"] = data["id_number"].replace(" ", "").upper()
        if not _ID_NUMBER.match(data["id_number"]):
            raise FieldError("id_number", "Nomor identitas (NIK 16 angka, atau nomor paspor/"
                             "kartu lain) hanya berisi angka dan huruf, 6-20 karakter")
    if data["phone"] and not _PHONE.match(data["phone"]):
        raise FieldError("phone", "Nomor telepon hanya berisi angka (boleh diawali +), 6-20 digit")
    if data["email"] and not _EMAIL.match(data["email"]):
        raise FieldError("email", "Alamat e-mail tidak sah (contoh: nama@contoh.id)")
    if data["obtain_method"] and data["obtain_method"] not in OBTAIN_METHODS:
        raise FieldError("obtain_method", "Pilih cara memperoleh: " + ", ".join(OBTAIN_METHODS))
    if data["delivery_method"] and data["delivery_method"] not in DELIVERY_METHODS:
        raise FieldError("delivery_method", "Pilih cara mendapatkan salinan: "
                         + ", ".join(DELIVERY_METHODS))
    if data["purpose"] == "permohonan_informasi":
        if not data["info_requested"]:
            raise FieldError("info_requested", "Rincian informasi yang dibutuhkan wajib diisi "
                             "untuk permohonan informasi")
        if data["delivery_method"] == "email" and not data["email"]:
            raise FieldError("email", "Isi alamat e-mail bila salinan dikirim lewat e-mail")
    return data


def register_visitor(ws: Workspace, actor: Actor, form: VisitorForm) -> tuple[int, str | None]:
    """Record a visitor; return (visitor id, case number or None)."""
    data = validate(form)
    now = ws.clock()
    with ws.db.transaction() as session:
        user = load_actor(session, actor, includes=ws.catalog.role_includes)
        _, sop = ws.current_revision(session, HELP_DESK_SOP)
        require_role(user, sop.role_of(sop.entry(HELP_DESK_ENTRY).kegiatan), "mencatat tamu")
        case = None
        if data["purpose"] == "permohonan_informasi":
            title = "Permohonan informasi: " + data["info_requested"][:120]
            case = start_case_in(ws, session, actor, HELP_DESK_SOP, title, HELP_DESK_ENTRY,
                                 requester=data["name"])
        visitor = Visitor(registered_at=now, registered_by=user.id,
                          case_id=case.id if case else None, **data)
        session.add(visitor)
        session.flush()
        audit.record(session, at=now, user_id=user.id, action="visitor_registered",
                     case_id=case.id if case else None, visitor_id=visitor.id,
                     purpose=data["purpose"])
        return visitor.id, case.number if case else None
