"""Settings of the letter registers and the numbering of outgoing letters.

The settings live in `pengaturan.json` in the data directory under the key "surat" (the file
also holds "backup"; it is read, merged and written whole, so neither loses the other's keys):

    "surat": {
      "pola": "{seq}/{klasifikasi}/{kode_kantor}/{bulan_romawi}/{tahun}",
      "kode_kantor": "5371",
      "klasifikasi_bawaan": "PP.01",
      "klasifikasi_sop": {"PAW": "HK.03.1"},
      "klasifikasi_output": {"sk ": "HK.03.1-Kpt"},
      "peran_pencatat": ["Help Desk", "Staf", "Kasubag"],
      "peran_disposisi": ["Ketua", "Komisioner", "Sekretaris"],
      "peran_ekspedisi": ["Staf", "Kasubag"]
    }

The three role lists say who may register letters, dispose them and record expedition
receipts (defaults: sopdesk.engine.registers); an administrator changes them with
`sopdesk letter settings --registrar-role ... --disposer-role ... --expedition-role ...`.
Which outputs are letters or expedition records is declared in the SOP file (the `jenis` of
each output, issue #13); the word lists "kata_surat" / "kata_ekspedisi" that used to guess it
from the names are no longer read.

The pattern follows the KPU Tata Naskah Dinas: sequence / classification / office code /
month in Roman numerals / year. Placeholders: {seq} (a format spec is allowed, e.g. {seq:03d}
gives 004), {klasifikasi}, {kode_kantor}, {bulan_romawi}, {bulan}, {tahun}. The seeds' numbers
come out of it: "66/HK.03.1-Kpt/5371/KPU-Kot/VII/2020" (office code "5371/KPU-Kot"),
"19/HK.03.1/53/2021" (pattern "{seq}/{klasifikasi}/{kode_kantor}/{tahun}"),
"04/ORT.06/03.1/36/Sek-Prov/I/2021" ({seq:02d}). A value left empty (no office code set
yet, no classification) drops its segment and one "/" instead of leaving "//".

Sequence numbers run per year over all classifications and are never reused (a sequence row
per year, the unique (year, seq) and number constraints behind it). Changing the pattern or
the office code is for administrators and is recorded in the audit log.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, cast

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from sopdesk.engine import audit
from sopdesk.engine.users import Actor, require_admin
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.store import locks
from sopdesk.store.direct import DirectTx
from sopdesk.store.models import LetterSequence
from sopdesk.store.settings_file import read_section, settings_path, write_section

# Who may write which register (an administrator may always). The agenda is kept at the front
# desk and in the Umum sub-section: the Help Desk receives request letters (PP step 5), Staf
# keep the agenda books, their Kasubag stands in for them. Dispositions are the leadership's:
# Ketua, Komisioner (the divisions), Sekretaris. The buku ekspedisi is kept by Staf and Kasubag.
# These are the defaults; an office maps the duties to its own roles in pengaturan.json
# ("surat": "peran_pencatat", "peran_disposisi", "peran_ekspedisi"; `sopdesk letter settings
# --registrar-role ...`), e.g. an office whose registrar is "Petugas TU" (issue #13).
REGISTRAR_ROLES = ("Help Desk", "Staf", "Kasubag")
DISPOSER_ROLES = ("Ketua", "Komisioner", "Sekretaris")
EXPEDITION_ROLES = ("Staf", "Kasubag")

SETTINGS_KEY = "surat"
DEFAULT_PATTERN = "{seq}/{klasifikasi}/{kode_kantor}/{bulan_romawi}/{tahun}"
PLACEHOLDERS = ("seq", "klasifikasi", "kode_kantor", "bulan_romawi", "bulan", "tahun")
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
MAX_NUMBER = 200


def roman_month(month: int) -> str:
    return ROMAN_MONTHS[month - 1]


def check_pattern(pattern: str) -> str:
    """The pattern, if it is usable: known placeholders only, {seq} and {tahun} present (a
    sequence that restarts each year needs the year in the number to stay unique)."""
    pattern = (pattern or "").strip()
    if not pattern or len(pattern) > MAX_NUMBER:
        raise UserError(f"Pola nomor surat wajib diisi (maksimal {MAX_NUMBER} karakter)")
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise UserError(f"Pola nomor surat {pattern!r} tidak sah ({exc})") from None
    names = []
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS or conversion:
            raise UserError(f"Pola nomor surat: {{{name}}} tidak dikenal; yang boleh dipakai: "
                            + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS))
        if spec and (name not in ("seq", "bulan") or not re.fullmatch(r"0?\d{1,2}d", spec)):
            raise UserError(f"Pola nomor surat: format {{{name}:{spec}}} tidak sah (contoh: {{seq:03d}})")
        names.append(name)
    for required in ("seq", "tahun"):
        if required not in names:
            raise UserError(f"Pola nomor surat harus memuat {{{required}}}")
    return pattern


def _clean_map(value: Any, key: str, upper_keys: bool) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise UserError(f"Pengaturan surat.{key} harus objek teks -> teks")
    return {(k.strip().upper() if upper_keys else k.lower().lstrip()): v.strip() for k, v in value.items()}


@dataclass(frozen=True)
class LetterSettings:
    pattern: str = DEFAULT_PATTERN
    office_code: str = ""
    default_classification: str = ""
    sop_classification: dict[str, str] = field(default_factory=dict)
    output_classification: dict[str, str] = field(default_factory=dict)
    registrar_roles: tuple[str, ...] = REGISTRAR_ROLES
    disposer_roles: tuple[str, ...] = DISPOSER_ROLES
    expedition_roles: tuple[str, ...] = EXPEDITION_ROLES

    def classification_for(self, sop_kode: str | None, output: str | None) -> str:
        """The output's own classification (longest matching name prefix), else the SOP's,
        else the default one."""
        if output:
            text = " ".join(output.lower().split()) + " "
            matches = [k for k in self.output_classification if text.startswith(k)]
            if matches:
                return self.output_classification[max(matches, key=len)]
        if sop_kode and sop_kode.upper() in self.sop_classification:
            return self.sop_classification[sop_kode.upper()]
        return self.default_classification

    # --- numbers ---------------------------------------------------------------------------
    def render(self, seq: int, classification: str | None, when: date) -> str:
        values = {"seq": seq, "klasifikasi": (classification or "").strip(),
                  "kode_kantor": self.office_code, "bulan_romawi": roman_month(when.month),
                  "bulan": when.month, "tahun": when.year}
        try:
            number = self.pattern.format(**values)
        except (ValueError, KeyError, IndexError) as exc:
            raise UserError(f"Pola nomor surat {self.pattern!r} tidak dapat dipakai ({exc})") from None
        number = re.sub(r"/{2,}", "/", number).strip("/ ")
        if len(number) > MAX_NUMBER:
            raise UserError(f"Nomor surat terlalu panjang ({len(number)} karakter; maksimal {MAX_NUMBER})")
        return number

    def sequence_of(self, number: str, year: int) -> int | None:
        """The sequence number inside a number written by hand, when it has this pattern's
        shape and this year (so that automatic numbers continue after it), else None."""
        regex = ""
        for literal, name, _spec, _conv in string.Formatter().parse(self.pattern):
            regex += re.escape(literal)
            if name == "seq":
                regex += r"(?P<seq>\d{1,9})"
            elif name == "tahun":
                regex += r"(?P<tahun>\d{4})"
            elif name == "bulan_romawi":
                regex += "(?:" + "|".join(sorted(ROMAN_MONTHS, key=len, reverse=True)) + ")"
            elif name == "bulan":
                regex += r"\d{1,2}"
            elif name is not None:
                regex += r".+?"
        match = re.fullmatch(regex, number.strip(), flags=re.IGNORECASE)
        if match is None or int(match.group("tahun")) != year:
            return None
        return int(match.group("seq"))

    def as_dict(self) -> dict[str, Any]:
        return {"pola": self.pattern, "kode_kantor": self.office_code,
                "klasifikasi_bawaan": self.default_classification,
                "klasifikasi_sop": dict(self.sop_classification),
                "klasifikasi_output": dict(self.output_classification),
                **{key: list(getattr(self, attr)) for key, attr in ROLE_KEYS.items()}}


ROLE_KEYS = {"peran_pencatat": "registrar_roles", "peran_disposisi": "disposer_roles",
             "peran_ekspedisi": "expedition_roles"}


def _clean_roles(value: Any, key: str) -> tuple[str, ...]:
    if (not isinstance(value, list) or not value
            or not all(isinstance(r, str) and r.strip() and len(r) <= 100 for r in value)):
        raise UserError(f"Pengaturan surat.{key} harus daftar nama peran (sedikitnya satu)")
    return tuple(dict.fromkeys(" ".join(r.split()) for r in value))


_loaded: dict[Path, tuple[tuple[int, int, int] | None, LetterSettings]] = {}


def load_letter_settings(data_dir: Path) -> LetterSettings:
    """The letter settings of pengaturan.json, read again only when the file changed (every
    step completion asks; writes replace the file, so its inode, size or mtime change)."""
    path = settings_path(data_dir)
    try:
        status = path.stat()
        stamp = (status.st_mtime_ns, status.st_size, status.st_ino)
    except FileNotFoundError:
        stamp = None
    known = _loaded.get(path)
    if known is not None and known[0] == stamp:
        return known[1]
    settings = _read_letter_settings(Path(data_dir))
    _loaded[path] = (stamp, settings)
    return settings


def _read_letter_settings(data_dir: Path) -> LetterSettings:
    raw = read_section(data_dir, SETTINGS_KEY)
    settings = LetterSettings()
    text_keys = {"pola": "pattern", "kode_kantor": "office_code", "klasifikasi_bawaan": "default_classification"}
    changes: dict[str, Any] = {}
    for key, attr in text_keys.items():
        if raw.get(key) is not None:
            if not isinstance(raw[key], str):
                raise UserError(f"Pengaturan surat.{key} harus teks")
            changes[attr] = raw[key].strip()
    if "pattern" in changes:
        changes["pattern"] = check_pattern(changes["pattern"])
    if raw.get("klasifikasi_sop") is not None:
        changes["sop_classification"] = _clean_map(raw["klasifikasi_sop"], "klasifikasi_sop", True)
    if raw.get("klasifikasi_output") is not None:
        changes["output_classification"] = _clean_map(raw["klasifikasi_output"], "klasifikasi_output", False)
    for key, attr in ROLE_KEYS.items():
        if raw.get(key) is not None:
            changes[attr] = _clean_roles(raw[key], key)
    return replace(settings, **changes)


def _write_settings(data_dir: Path, settings: LetterSettings) -> None:
    """Merge into pengaturan.json, keeping every other key (atomic write, 0600)."""
    write_section(Path(data_dir), SETTINGS_KEY, settings.as_dict())


def _short(value: str | None, what: str, limit: int = 60) -> str:
    value = (value or "").strip()
    if len(value) > limit or "\n" in value:
        raise UserError(f"{what} terlalu panjang atau berisi baris baru (maksimal {limit} karakter)")
    return value


def change_letter_settings(ws: Workspace, actor: Actor, *, pattern: str | None = None,
                           office_code: str | None = None, default_classification: str | None = None,
                           sop_classification: dict[str, str] | None = None,
                           roles: dict[str, list[str]] | None = None) -> LetterSettings:
    """An administrator changes the numbering; the change is checked, audited, then written.
    `sop_classification` entries are merged (an empty value removes the SOP's entry).
    `roles`: "peran_pencatat" / "peran_disposisi" / "peran_ekspedisi" -> the roles that do
    that duty (known roles of the catalog only)."""
    current = load_letter_settings(ws.data_dir)
    changes: dict[str, Any] = {}
    if pattern is not None:
        changes["pattern"] = check_pattern(pattern)
    if office_code is not None:
        changes["office_code"] = _short(office_code, "kode kantor")
    if default_classification is not None:
        changes["default_classification"] = _short(default_classification, "klasifikasi bawaan")
    if sop_classification:
        merged = dict(current.sop_classification)
        for kode, code in sop_classification.items():
            kode = kode.strip().upper()
            if kode not in ws.catalog.sops:
                raise UserError(f"SOP {kode!r} tidak ada di katalog (yang ada: {', '.join(sorted(ws.catalog.sops))})")
            code = _short(code, f"klasifikasi SOP {kode}")
            if code:
                merged[kode] = code
            else:
                merged.pop(kode, None)
        changes["sop_classification"] = merged
    for key, names in (roles or {}).items():
        cleaned = _clean_roles(list(names), key)
        unknown = [r for r in cleaned if r not in ws.catalog.roles]
        if unknown:
            raise UserError(f"Peran {', '.join(unknown)} tidak dikenal ({key}); peran yang ada: "
                            + ", ".join(sorted(ws.catalog.roles)))
        changes[ROLE_KEYS[key]] = cleaned
    updated = replace(current, **changes)
    updated.render(1, "X", date(2026, 1, 1))  # a pattern that cannot render is refused now
    with ws.db.transaction() as session:
        user = require_admin(session, actor)
        audit.record(session, at=ws.clock(), user_id=user.id, action="letter_settings_changed",
                     before=current.as_dict(), after=updated.as_dict())
        _write_settings(ws.data_dir, updated)  # inside: a failed write rolls the audit event back
    return updated


# --- sequences -----------------------------------------------------------------------------------

# prepared once (store.direct): a number is taken at every letter registered, a step's too
SEQUENCE = select(LetterSequence.last).where(LetterSequence.kind == bindparam("seq_kind"),
                                             LetterSequence.year == bindparam("seq_year"))
FIRST_OF_SEQUENCE = insert(LetterSequence)
SET_SEQUENCE = (update(LetterSequence).where(LetterSequence.kind == bindparam("seq_kind"),
                                             LetterSequence.year == bindparam("seq_year"))
                .values(last=bindparam("value")))


def _held_last(tx: DirectTx, kind: str, year: int) -> int | None:
    """The last number taken of a register for a year, under the register's lock (two desks
    never get the same number); None when none was taken yet."""
    locks.hold(tx, f"sopdesk:letter-sequence:{kind}:{year}")
    return cast("int | None", tx.scalar(SEQUENCE, {"seq_kind": kind, "seq_year": year}))


def _store(tx: DirectTx, kind: str, year: int, before: int | None, value: int) -> None:
    if before is None:
        tx.execute(FIRST_OF_SEQUENCE, [{"kind": kind, "year": year, "last": value}])
    else:
        tx.execute(SET_SEQUENCE, {"seq_kind": kind, "seq_year": year, "value": value})


def take_sequence(db: Session | DirectTx, kind: str, year: int) -> int:
    """The next number of a register for a year, consumed in the caller's transaction."""
    with DirectTx.over(db) as tx:
        last = _held_last(tx, kind, year)
        taken = (last or 0) + 1
        _store(tx, kind, year, last, taken)
    return taken


def peek_sequence(db: Session | DirectTx, kind: str, year: int) -> int:
    with DirectTx.over(db) as tx:
        return (tx.scalar(SEQUENCE, {"seq_kind": kind, "seq_year": year}) or 0) + 1


def raise_sequence(db: Session | DirectTx, kind: str, year: int, at_least: int) -> None:
    """A number written by hand used `at_least`: automatic numbers continue after it."""
    with DirectTx.over(db) as tx:
        last = _held_last(tx, kind, year)
        if last is None or last < at_least:
            _store(tx, kind, year, last, at_least)
