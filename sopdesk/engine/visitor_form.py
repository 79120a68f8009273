"""The help desk's visitor form and its checks, apart from the engine's registration
(engine.visitors): `sopdesk visitor register` checks the form before the password is asked, and
this module imports nothing heavy for that (no SQLAlchemy, no catalog, no pydantic: a typo must
not cost the half second those take, nor a password).

The purposes that start no case are PLAIN_PURPOSES here and in the catalog's registry (which
refuses an SOP door taking one of them); tests/test_visitors.py keeps the two the same."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sopdesk.errors import FieldError

# Visitor purposes the help desk always offers without starting a case.
PLAIN_PURPOSES = ("bertamu", "pengaduan", "konsultasi", "lainnya")
# Labels of the bundled doors' purpose and of the purposes that start nothing; the list the
# desk offers is purposes(ws).
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
    directed_to: str | None = None  # whom an information requester is directed to (PP step 2)


def _clean(form: VisitorForm, field: str, label: str, limit: int) -> str | None:
    value = getattr(form, field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError(field, f"{label} harus berupa teks")
    value = " ".join(value.split())
    if "\x00" in value:  # PostgreSQL cannot store it (store.db.NUL_TEXT); refused on SQLite alike
        raise FieldError(field, f"{label} berisi karakter NUL (kode 0) yang tidak dapat disimpan")
    if len(value) > limit:
        raise FieldError(field, f"{label} terlalu panjang (maksimal {limit} karakter)")
    return value or None


def validate(form: VisitorForm, offered: dict[str, str] | None = None) -> dict[str, str | None]:
    """Clean and check every field; raise FieldError naming the first wrong field. `offered`:
    the purposes the desk offers (purposes(ws)); None checks only the form of the code (the
    CLI, before the workspace is open)."""
    limits = {"name": ("Nama", 200), "id_number": ("Nomor identitas", 30),
              "institution": ("Instansi", 200), "occupation": ("Pekerjaan", 100),
              "address": ("Alamat", 500), "phone": ("Nomor telepon", 30),
              "email": ("E-mail", 200), "purpose": ("Keperluan", 30),
              "purpose_text": ("Uraian keperluan", 2000),
              "info_requested": ("Rincian informasi yang dibutuhkan", 4000),
              "info_use": ("Tujuan penggunaan informasi", 2000),
              "obtain_method": ("Cara memperoleh informasi", 30),
              "delivery_method": ("Cara mendapatkan salinan", 30),
              "directed_to": ("Diarahkan kepada", 200)}
    data = {f: _clean(form, f, label, limit) for f, (label, limit) in limits.items()}
    if not data["name"]:
        raise FieldError("name", "Nama wajib diisi")
    if offered is not None and data["purpose"] not in offered:
        raise FieldError("purpose", "Pilih keperluan: " + ", ".join(offered))
    if offered is None and not re.fullmatch(r"[a-z][a-z0-9_]{0,29}", data["purpose"] or ""):
        raise FieldError("purpose", "Pilih keperluan: kode seperti permohonan_informasi, "
                         + ", ".join(PLAIN_PURPOSES))
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
    if data["purpose"] not in PLAIN_PURPOSES:  # it starts a case titled with what is asked
        if not data["info_requested"]:
            purpose = data["purpose"] or ""  # checked above: a known code
            label = (offered or PURPOSES).get(purpose, purpose).lower()
            raise FieldError("info_requested", f"Rincian informasi yang dibutuhkan wajib diisi "
                             f"untuk {label}")
        if data["delivery_method"] == "email" and not data["email"]:
            raise FieldError("email", "Isi alamat e-mail bila salinan dikirim lewat e-mail")
    return data
