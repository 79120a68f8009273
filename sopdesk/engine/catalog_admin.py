"""An office brings its own SOPs (issue #13): check a file against the installed catalog as a
whole, install it into the office's catalog folder and the database, switch SOPs off and on.

`catalog validate` checks a file alone; adding checks what only the installed catalog knows:
a kode already used by another SOP or by a register's numbers (SM/2026/0001 is an agenda
number), a new revision that does not raise `revisi` (or reuses a stored revisi with other
content), a front door another SOP already has, a lane whose role differs from a known role
only in spelling ("kasubag" for "Kasubag"). A role no one holds yet is not an error, it is
said (the administrator gives it to the users who work that lane).

Switching an SOP off keeps everything run on it: its cases stay visible and can be finished,
it still prints; only new cases are refused (Workspace.startable_revision) and its front
doors disappear from the help desk and the letter registration. Every change is for
administrators and is audited.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from sopdesk.catalog import CatalogError, Problem, Sop, load_file
from sopdesk.catalog.loader import read_text
from sopdesk.catalog.registry import Catalog
from sopdesk.engine import audit
from sopdesk.engine.users import Actor, require_admin
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import NotFound, UserError
from sopdesk.store.models import Role, SopDisabled, SopRevision

MAX_REASON = 500


@dataclass
class Checked:
    """One file checked against the installed catalog."""

    path: Path
    sop: Sop | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # not errors: new roles, what it replaces
    replaces: int | None = None  # the installed revisi this one follows, None: a new SOP
    installed: bool = False  # the same kode, revisi and content is installed already

    @property
    def ok(self) -> bool:
        return self.sop is not None and not self.problems

    @property
    def passed(self) -> Sop:
        """The file's SOP, for a file that was read (always so once `ok`)."""
        if self.sop is None:
            raise ValueError(f"{self.path.name} was not read as an SOP")
        return self.sop

    def summary(self) -> str:
        if self.sop is None:
            return f"{self.path.name}: tidak sah"
        what = (f"revisi baru {self.sop.revisi} dari SOP {self.sop.kode} (terpasang: revisi {self.replaces})"
                if self.replaces is not None else f"SOP baru {self.sop.kode} revisi {self.sop.revisi}")
        if self.installed:
            what = f"SOP {self.sop.kode} revisi {self.sop.revisi} sudah terpasang dengan isi yang sama"
        return f"{self.path.name}: {what}: {self.sop.nama}"


def check_files(ws: Workspace, paths: list[Path]) -> list[Checked]:
    """Check each file against the installed catalog and the files before it in the list."""
    with ws.db.reading() as session:
        stored = {(r.kode, r.revisi): r.content for r in session.scalars(select(SopRevision))}
        held = set(session.scalars(select(Role.name)))
    catalog = Catalog(sops=dict(ws.catalog.sops), organisations=dict(ws.catalog.organisations),
                      sources=dict(ws.catalog.sources))
    results = []
    for path in paths:
        result = _check_one(catalog, stored, held | catalog.roles, Path(path))
        if result.ok and not result.installed:
            catalog.sops[result.passed.kode] = result.passed
            catalog.sources[result.passed.kode] = result.path
        results.append(result)
    return results


def _check_one(catalog: Catalog, stored: dict[tuple[str, int], str], known_roles: set[str],
               path: Path) -> Checked:
    result = Checked(path)
    name = path.name
    try:
        document = load_file(path)
    except CatalogError as exc:
        result.problems = exc.problems
        return result
    if not isinstance(document, Sop):
        result.problems = [Problem(name, "", "jenis", "hanya berkas SOP (jenis: sop) yang dapat ditambahkan; "
                                   "dokumen organisasi disalin oleh pemasang program")]
        return result
    result.sop = document
    result.problems = catalog.conflicts(document, name)
    current = catalog.sops.get(document.kode)
    content = document.model_dump_json()
    kept = stored.get((document.kode, document.revisi))
    if kept is not None and Sop.model_validate_json(kept).model_dump_json() == content:
        result.installed = True
    elif kept is not None:
        result.problems.append(Problem(name, "", "revisi", f"SOP {document.kode} revisi {document.revisi} sudah "
                                       "tersimpan dengan isi lain; naikkan nomor revisi setiap kali isi SOP diubah"))
    elif current is not None and document.revisi <= current.revisi:
        result.problems.append(Problem(name, "", "revisi", f"SOP {document.kode} terpasang dengan revisi "
                                       f"{current.revisi} ({catalog.sources[document.kode].name}); revisi baru "
                                       f"harus lebih besar dari {current.revisi}"))
    if current is not None and not result.installed:
        result.replaces = current.revisi
        if (current.nama.lower() != document.nama.lower()
                and current.identitas.instansi.lower() != document.identitas.instansi.lower()):
            result.problems.append(Problem(name, "", "kode", f"kode {document.kode} sudah dipakai oleh SOP lain: "
                                           f"{current.nama} ({current.identitas.instansi}); pilih kode lain, atau "
                                           "bila ini revisi SOP itu, samakan nama_sop atau instansi-nya"))
    result.problems += _role_problems(document, name, known_roles)
    new_roles = sorted({p.peran for p in document.pelaksana
                        if p.peran not in known_roles and not getattr(p, "eksternal", False)})
    if new_roles:
        result.notes.append("peran baru (berikan kepada pengguna yang mengerjakannya): " + ", ".join(new_roles))
    return result


def _role_problems(sop: Sop, name: str, known_roles: set[str]) -> list[Problem]:
    """A lane's role that is a known role spelt otherwise is almost surely a typo."""
    spelt = {" ".join(r.split()).lower(): r for r in known_roles}
    problems = []
    for lane in sop.pelaksana:
        same = spelt.get(" ".join(lane.peran.split()).lower())
        if same is not None and same != lane.peran:
            problems.append(Problem(name, f"pelaksana {lane.kode}", "peran",
                                    f"peran {lane.peran!r} ditulis lain dari peran yang sudah ada {same!r}"))
    return problems


def add_sops(ws: Workspace, actor: Actor, paths: list[Path]) -> list[Checked]:
    """Install the files into the office's catalog (all or none): check them, copy them into
    <data-dir>/sop_catalog/, store their revisions, audit. Refused files raise CatalogError
    with every problem; a file installed already with the same content is skipped."""
    if not paths:
        raise UserError("Sebutkan berkas SOP yang akan ditambahkan")
    with ws.db.reading() as session:
        require_admin(session, actor)  # refused before any file is looked at
    results = check_files(ws, [Path(p) for p in paths])
    problems = [p for r in results for p in r.problems]
    if problems:
        raise CatalogError(problems)
    written: list[Path] = []
    try:
        for result in results:
            if not result.installed:
                written.append(_install_file(ws, result))
        ws.reload_catalog()
        for result, path in zip([r for r in results if not r.installed], written, strict=True):
            loaded = ws.catalog.sops.get(result.passed.kode)
            if loaded is None or loaded.revisi != result.passed.revisi:
                why = next((str(p) for p in ws.catalog.left_out if p.file == path.name), "")
                raise UserError(f"SOP {result.passed.kode} tidak dapat dipasang: {why or 'tidak terbaca'}")
        with ws.db.transaction() as session:
            user = require_admin(session, actor)
            for result in results:
                if result.installed:
                    continue
                row = session.scalar(select(SopRevision).where(SopRevision.kode == result.passed.kode,
                                                               SopRevision.revisi == result.passed.revisi))
                audit.record(session, at=ws.clock(), user_id=user.id, action="catalog_added",
                             sop=result.passed.kode, revisi=result.passed.revisi, nama=result.passed.nama,
                             berkas=result.path.name, sha256=row.sha256 if row else None,
                             menggantikan_revisi=result.replaces)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        ws.reload_catalog()
        raise
    return results


def _install_file(ws: Workspace, result: Checked) -> Path:
    """Copy the file into the office folder under its own name, or kode_revN.yaml when that
    name is taken by another file (an earlier revision keeps its file)."""
    folder = ws.office_catalog_dir
    folder.mkdir(parents=True, exist_ok=True)
    text = read_text(result.path)
    target = folder / result.path.name
    if target.suffix not in (".yaml", ".yml"):
        target = target.with_suffix(".yaml")
    if target.exists():
        target = folder / f"{result.passed.kode.lower()}_rev{result.passed.revisi}.yaml"
        if target.exists():
            raise UserError(f"Berkas {target} sudah ada di katalog kantor; pindahkan dulu berkas itu")
    temp = target.with_name(target.name + ".baru")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, target)
    return target


def _known_kode(ws: Workspace, kode: str) -> str:
    kode = str(kode or "").strip().upper()
    if kode in ws.catalog.sops:
        return kode
    with ws.db.reading() as session:
        if session.scalar(select(SopRevision.id).where(SopRevision.kode == kode).limit(1)) is not None:
            return kode
    known = ", ".join(sorted(ws.catalog.sops)) or "-"
    raise NotFound(f"SOP {kode!r} tidak ada di katalog (yang ada: {known})")


def disable_sop(ws: Workspace, actor: Actor, kode: str, reason: str | None = None) -> str:
    """Switch an SOP off (bundled ones too): no new cases; the running ones can be finished."""
    kode = _known_kode(ws, kode)
    reason = " ".join((reason or "").split()) or None
    if reason and len(reason) > MAX_REASON:
        raise UserError(f"Alasan terlalu panjang ({len(reason)} karakter; maksimal {MAX_REASON})")
    now = ws.clock()
    with ws.db.transaction() as session:
        user = require_admin(session, actor)
        if session.get(SopDisabled, kode) is not None:
            raise UserError(f"SOP {kode} sudah nonaktif")
        session.add(SopDisabled(kode=kode, disabled_at=now, disabled_by=user.id, reason=reason))
        audit.record(session, at=now, user_id=user.id, action="sop_disabled", sop=kode, reason=reason)
    return kode


def enable_sop(ws: Workspace, actor: Actor, kode: str) -> str:
    """Switch an SOP on again."""
    kode = _known_kode(ws, kode)
    now = ws.clock()
    with ws.db.transaction() as session:
        user = require_admin(session, actor)
        row = session.get(SopDisabled, kode)
        if row is None:
            raise UserError(f"SOP {kode} tidak nonaktif")
        session.delete(row)
        audit.record(session, at=now, user_id=user.id, action="sop_enabled", sop=kode)
    return kode
