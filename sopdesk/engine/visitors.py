"""Help-desk registration (buku tamu + PPID Form Model B). An information request starts
a Pelayanan Publik case at its help-desk entry, in the same transaction, and the clerk's
registration does the help-desk steps there and then (PP 1 "Melakukan registrasi", 2 directing
the requester to the Ketua, the Sekretaris or a division): they are completed by the same
completion code as a step form, so the case waits at the first step of another lane instead
of leaving forms in the Help Desk inbox that turn late in minutes.

Which purposes start a case is declared by the catalog (issue #13): an SOP entry with
`pintu: {jenis: tamu, kode: ..., label: ...}` (the bundled PP: permohonan_informasi) adds its
purpose to the help desk's list; the purposes in PLAIN_PURPOSES start nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sopdesk.catalog import Sop
from sopdesk.catalog.registry import PLAIN_PURPOSES
from sopdesk.engine import audit
from sopdesk.engine.cases import complete, start_case_in
from sopdesk.engine.registers import require_any_role
from sopdesk.engine.step_input import OutputValue, StepInput
from sopdesk.engine.users import Actor, load_actor, require_role
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import FieldError
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import Visitor

HELP_DESK_ROLE = "Help Desk"  # who keeps the buku tamu when no SOP declares a visitor door

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


def purposes(ws: Workspace) -> dict[str, str]:
    """Code -> label of the purposes the help desk offers: the visitor doors of the installed
    SOPs that are switched on (by label), then the purposes that start nothing."""
    off = ws.disabled_sops()
    doors = {pintu.kode: pintu.label for pintu, sop, _ in ws.catalog.doors("tamu") if sop.kode not in off}
    return {**doors, **{code: PURPOSES[code] for code in PLAIN_PURPOSES}}


def purpose_label(ws: Workspace, code: str) -> str:
    """The label of a purpose recorded earlier (its SOP may be gone or switched off since)."""
    door = ws.catalog.door("tamu", code)
    if door is not None and door[1].pintu is not None:
        return door[1].pintu.label
    return PURPOSES.get(code, code)


def visitor_roles(ws: Workspace) -> list[str]:
    """Who keeps the buku tamu: the lanes where the visitor doors start (Help Desk)."""
    roles = sorted({sop.role_of(entri.kegiatan) for _, sop, entri in ws.catalog.doors("tamu")})
    return roles or [HELP_DESK_ROLE]


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


def register_visitor(ws: Workspace, actor: Actor, form: VisitorForm) -> tuple[int, str | None]:
    """Record a visitor; return (visitor id, case number or None). A purpose that is an SOP's
    visitor door (an information request: PP) starts a case at that entry, whose help-desk
    steps are done by the registering clerk."""
    data = validate(form, purposes(ws))
    directed_to = data.pop("directed_to")
    now = ws.clock()
    door = ws.catalog.door("tamu", data["purpose"] or "")
    with ws.db.direct() as tx:
        session = tx.session()
        user = load_actor(session, actor, includes=ws.catalog.role_includes)
        case = None
        if door is None:
            require_any_role(user, tuple(visitor_roles(ws)), "mencatat tamu")
        else:
            sop, entri = door
            entry_step = entri.kegiatan
            require_role(user, sop.role_of(entry_step), "mencatat tamu")
            prefix = entri.pintu.title_prefix if entri.pintu is not None else ""  # a door: it has its pintu
            title = prefix + (data["info_requested"] or "")[:120]  # required for a door (validate)
            case = start_case_in(ws, session, actor, sop.kode, title, entri.kode, requester=data["name"])
        visitor = Visitor(registered_at=now, registered_by=user.id,
                          case_id=case.id if case else None, **data)
        session.add(visitor)
        session.flush()
        audit.record(session, at=now, user_id=user.id, action="visitor_registered",
                     case_id=case.id if case else None, visitor_id=visitor.id,
                     purpose=data["purpose"])
        if case is not None:
            tx.flush()
            _do_help_desk_steps(ws, tx, actor, sop, case.number, entry_step, visitor.id,
                                directed_to, ws.calendar.local(now).date())
        return visitor.id, case.number if case else None


def direction_targets(ws: Workspace) -> list[str]:
    """Whom the desk may direct an information requester to (PP step 2: "kepada Ketua,
    Sekretaris, atau divisi yang dituju"): the Ketua, the Sekretaris, then the divisions of
    the organisation directory (the members of the commission who lead them)."""
    from sopdesk.engine.dispositions import directory  # dispositions imports the letter registers

    divisions = [unit.nama for unit in directory(ws).values() if unit.peran == "Komisioner"]
    return ["Ketua", "Sekretaris", *divisions]


def registration_steps(sop: Sop, entry_step: int) -> list[int]:
    """The steps a registration completes: the entry step and the plain steps after it in the
    same lane (no decision, no waiting, no kelengkapan to check); PP: 1 and 2."""
    steps = [entry_step]
    while True:
        exits = sop.exits(steps[-1])
        following = exits[0][1]
        if len(exits) != 1 or isinstance(following, str):  # END
            return steps
        step = sop.step(following)
        if (following in steps or sop.role_of(following) != sop.role_of(entry_step)
                or step.is_decision or step.is_wait or step.kelengkapan):
            return steps
        steps.append(following)


def _do_help_desk_steps(ws: Workspace, tx: DirectTx, actor: Actor, sop: Sop, number: str,
                        entry_step: int, visitor_id: int, directed_to: str | None,
                        today: date) -> None:
    """Complete the registration steps in the registration's own transaction: the
    registration itself (noted with the buku tamu number), then directing the requester
    (its outputs dated today, the target in the note)."""
    steps = registration_steps(sop, entry_step)
    for step_no in steps:
        if step_no == entry_step:
            note = f"Tercatat di buku tamu no. {visitor_id}"
        elif directed_to:
            note = f"Pemohon diarahkan kepada {directed_to}"
        else:
            note = None
        outputs = {name: OutputValue(date=today) for name in sop.step(step_no).output}
        outside = sop.lane(sop.step(step_no).pelaksana).eksternal  # the visitor's own step (issue #13)
        complete(ws, actor, number, StepInput(outputs=outputs, note=note, on_behalf=outside), step=step_no,
                 within=tx)
