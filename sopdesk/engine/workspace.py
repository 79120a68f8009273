"""A workspace: the office's database, its catalog and its calendar, opened once and
shared by the CLI, the GUI, the tests and the benchmarks."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from sopdesk import password_ahead
from sopdesk.catalog import (
    Catalog,
    Problem,
    bundled_catalog_dir,
    load_catalog,
)
from sopdesk.catalog.cache import cached_catalog
from sopdesk.catalog.registry import left_out_warning
from sopdesk.engine import audit, tamper
from sopdesk.engine.users import Actor, answered, check_login, check_username, count_users, hash_password
from sopdesk.engine.workdays import WorkCalendar, utcnow, zone
from sopdesk.errors import Conflict, UserError
from sopdesk.private_files import tighten_data_dir
from sopdesk.store.db import Database, make_engine, resolve_url
from sopdesk.store.direct import DirectTx
from sopdesk.store.migrate import prepare
from sopdesk.store.models import AuditEvent, Office, OfficeHoliday, Role, SopDisabled, SopRevision, User
from sopdesk.store.restore_safety import clean_orphans

if TYPE_CHECKING:
    from sopdesk.catalog.schema import Kegiatan, Sop

Clock = Callable[[], datetime]
REVISION_CONTENT = select(SopRevision.content).where(SopRevision.id == bindparam("id"))
USER_HASH = select(User.password_hash)


@dataclass
class Workspace:
    db: Database
    catalog: Catalog
    data_dir: Path
    clock: Clock = utcnow
    catalog_dirs: list[Path] = field(default_factory=list)  # bundled first, the office's last
    _revisions: dict[int, Sop] = field(default_factory=dict)
    _steps: dict[int, dict[int, Kegiatan]] = field(default_factory=dict)
    _texts: dict[int, dict[int, str]] = field(default_factory=dict)

    # --- opening -----------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path, url: str | None = None, catalog_dirs: list[Path] | None = None,
             clock: Clock = utcnow) -> Workspace:
        data_dir = Path(data_dir)
        clean_orphans(data_dir)  # a killed restore: its previous records back, its copy gone
        tighten_data_dir(data_dir)  # 0700, also for an office an older sopdesk left 0755
        db = Database(make_engine(resolve_url(url, data_dir)))
        try:
            with db.storage_errors():  # a read-only or missing database fails here, not later
                migration = prepare(db, data_dir / "cadangan")
            dirs = catalog_dirs if catalog_dirs is not None else [
                bundled_catalog_dir(), data_dir / "sop_catalog"
            ]
            catalog = cached_catalog(dirs, lambda: _with_stored_forms(load_catalog(dirs, tolerant=True)))
            workspace = cls(db=db, catalog=catalog, data_dir=data_dir, clock=clock,
                            catalog_dirs=list(dirs))
            workspace.sync_catalog()
            tamper.attach(workspace)  # the anchor after every action; a check's hold
            tamper.seal_existing(db, migration)  # an office from before seals: sealed as it is
        except BaseException:
            db.dispose()
            raise
        return workspace

    def reload_catalog(self) -> None:
        """Read the catalog folders again (after an SOP was added) and store new revisions."""
        self.catalog = load_catalog(self.catalog_dirs, tolerant=True)
        self.sync_catalog()

    @property
    def office_catalog_dir(self) -> Path:
        """Where the office's own SOP files are installed (`sopdesk catalog add`)."""
        return self.data_dir / "sop_catalog"

    def close(self) -> None:
        self.db.dispose()

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "lampiran"

    def sync_catalog(self) -> None:
        """Store every catalog revision not yet in the database, and its roles. A file whose
        revision is stored with other content is left out (one warning): the stored revision
        stays the installed one. Stored content is compared as an SOP, so a key added to the
        format later (with its default) is no change. When the database already holds all of
        it (every start but the first after a catalog change) nothing is written."""
        if self._catalog_in_sync():
            return
        from sopdesk.catalog.schema import Sop

        with self.db.transaction() as session:
            stored = {(r.kode, r.revisi): r for r in session.scalars(select(SopRevision))}
            elsewhere = self._added_elsewhere(session, stored)
            for sop in list(self.catalog.sops.values()):
                content = sop.stored_json
                digest = sop.stored_sha256
                known = stored.get((sop.kode, sop.revisi))
                if known is None:
                    session.add(SopRevision(kode=sop.kode, revisi=sop.revisi, nama=sop.nama,
                                            content=content, sha256=digest,
                                            loaded_at=self.clock()))
                elif known.sha256 != digest:
                    kept = Sop.model_validate(json.loads(known.content))
                    if kept.model_dump_json() != content:
                        source = self.catalog.sources[sop.kode]
                        self.catalog.left_out.append(
                            left_out_warning(source.name, [_changed_content(source.name, sop)]))
                        self.catalog.sops[sop.kode] = kept
            names = {r.name for r in session.scalars(select(Role))}
            for role in sorted(self.catalog.roles - names):
                session.add(Role(name=role))
        for sop in elsewhere:
            self._write_office_copy(sop)

    def _catalog_in_sync(self) -> bool:
        """Every catalog revision stored with the same digest, no stored revision newer than the
        files (another desk's `catalog add`) and every role stored: one read, columns only."""
        revisions = SopRevision.__table__.c
        with self.db.reading() as session:
            stored = {(kode, revisi): digest for kode, revisi, digest in session.execute(
                select(revisions.kode, revisions.revisi, revisions.sha256))}
            names = set(session.scalars(select(Role.__table__.c.name)))
        newest: dict[str, int] = {}
        for kode, revisi in stored:
            newest[kode] = max(newest.get(kode, 0), revisi)
        installed = self.catalog.revisions  # read without unpacking the SOPs (no pydantic: issue #15)
        return (all(stored.get((kode, revisi)) == digest for kode, (revisi, digest) in installed.items())
                and all(kode in installed and installed[kode][0] >= revisi for kode, revisi in newest.items())
                and self.catalog.roles <= names)

    def _added_elsewhere(self, session: Session, stored: dict[tuple[str, int], SopRevision]) -> list[Sop]:
        """Revisions another desk of the office installed with `catalog add` (stored, newer than
        this desk's files): used here as installed, and written into this desk's office folder
        so that the next start reads them as files (issue #13). Looked for only when the
        database holds a revision newer than the files."""
        from sopdesk.catalog.schema import Sop

        newest: dict[str, int] = {}
        for kode, revisi in stored:
            newest[kode] = max(newest.get(kode, 0), revisi)
        wanted = {(kode, revisi) for kode, revisi in newest.items()
                  if kode not in self.catalog.sops or self.catalog.sops[kode].revisi < revisi}
        if not wanted:
            return []
        added = set()
        for detail in session.scalars(select(AuditEvent.detail).where(AuditEvent.action == "catalog_added")):
            data = json.loads(detail)
            added.add((data.get("sop"), data.get("revisi")))
        found = []
        for kode, revisi in sorted(wanted & added):
            sop = Sop.model_validate_json(stored[(kode, revisi)].content)
            name = f"{kode.lower()}_rev{revisi}.yaml"
            clash = self.catalog.conflicts(sop, name)
            if clash:
                self.catalog.left_out.append(left_out_warning(name, clash))
                continue
            self.catalog.sops[kode] = sop
            self.catalog.sources[kode] = self.office_catalog_dir / name
            found.append(sop)
        return found

    def _write_office_copy(self, sop: Sop) -> None:
        """The stored content as a catalog file (a read-only folder: read from the database
        again at the next start)."""
        import yaml  # only here: another desk's SOP written as a file (rare)

        path = self.catalog.sources[sop.kode]
        header = (f"# SOP {sop.kode} revisi {sop.revisi}: dipasang di meja lain dengan 'sopdesk catalog add';\n"
                  "# disalin dari basis data kantor (isi tersimpan, tanpa komentar berkas aslinya).\n")
        text = header + yaml.safe_dump(sop.model_dump(mode="json"), allow_unicode=True, sort_keys=False, width=100)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                temp = path.with_name(path.name + ".baru")
                temp.write_text(text, encoding="utf-8")
                os.replace(temp, path)
        except OSError:
            pass

    # --- SOPs switched off (issue #13) ----------------------------------------------------------
    def disabled_sops(self, session: Session | None = None) -> dict[str, SopDisabled]:
        """Kode -> the row of every SOP the office switched off."""
        if session is None:
            with self.db.reading() as reading:
                return self.disabled_sops(reading)
        rows = session.scalars(select(SopDisabled)).all()
        for row in rows:
            session.expunge(row)
        return {row.kode: row for row in rows}

    def startable_revision(self, session: Session, kode: str) -> tuple[int, Sop]:
        """The current revision of an SOP a new case may start on: refused when the office
        switched the SOP off."""
        revision_id, sop = self.current_revision(session, kode)
        off = session.get(SopDisabled, sop.kode)
        if off is not None:
            raise UserError(f"SOP {sop.kode} ({sop.nama}) dinonaktifkan oleh kantor sejak "
                            f"{off.disabled_at:%d-%m-%Y}; kasus baru tidak dapat dimulai "
                            "(kasus yang sudah berjalan tetap dapat diselesaikan)")
        return revision_id, sop

    def sop_of_revision(self, session: Session | DirectTx, revision_id: int) -> Sop:
        """The SOP of a stored revision: the catalog's own object when the stored content is
        byte for byte the catalog's (no parsing, no validation), else the content validated."""
        from sopdesk.catalog.schema import Sop

        sop = self._revisions.get(revision_id)
        if sop is None:
            content = session.scalar(REVISION_CONTENT, {"id": revision_id})
            if content is None:  # a work item or case names a stored revision (foreign key)
                raise LookupError(f"SOP revision #{revision_id} is not stored")
            digest = hashlib.sha256(content.encode()).hexdigest()
            same = [s for s in self.catalog.sops.values() if s.stored_sha256 == digest]
            sop = same[0] if same else Sop.model_validate(json.loads(content))
            self._revisions[revision_id] = sop
        return sop

    def steps_of_revision(self, revision_id: int) -> dict[int, Kegiatan]:
        """Step number -> Kegiatan of a stored revision (cached; revisions never change)."""
        steps = self._steps.get(revision_id)
        if steps is None:
            with self.db.reading() as session:
                sop = self.sop_of_revision(session, revision_id)
            steps = self._steps[revision_id] = {k.no: k for k in sop.kegiatan}
        return steps

    def step_texts_of_revision(self, revision_id: int) -> dict[int, str]:
        """Step number -> the step's text (kegiatan) of a stored revision (cached): for a revision
        with the catalog's content, read from the catalog without unpacking its SOPs (an inbox
        page imports no pydantic: issue #15)."""
        texts = self._texts.get(revision_id)
        if texts is None:
            if revision_id not in self._revisions:
                with self.db.reading() as session:
                    content = session.scalar(REVISION_CONTENT, {"id": revision_id})
                if content is not None:
                    texts = self.catalog.step_texts(hashlib.sha256(content.encode()).hexdigest())
            if texts is None:
                texts = {no: step.kegiatan for no, step in self.steps_of_revision(revision_id).items()}
            self._texts[revision_id] = texts
        return texts

    def current_revision(self, session: Session, kode: str) -> tuple[int, Sop]:
        try:
            sop = self.catalog.sop(kode)
        except KeyError as exc:
            raise UserError(exc.args[0]) from None
        rev_id = session.scalar(
            select(SopRevision.id).where(SopRevision.kode == sop.kode,
                                         SopRevision.revisi == sop.revisi)
        )
        if rev_id is None:  # sync_catalog stores every revision of the catalog
            raise LookupError(f"SOP {sop.kode} revision {sop.revisi} is not stored")
        self._revisions.setdefault(rev_id, sop)
        return rev_id, sop

    # --- office and calendar --------------------------------------------------------------
    def office(self, session: Session) -> Office | None:
        return session.scalar(select(Office).limit(1))

    @cached_property
    def calendar(self) -> WorkCalendar:
        with self.db.reading() as session:
            office = self.office(session)
            days = dict(session.execute(select(OfficeHoliday.day, OfficeHoliday.name)).all())
        return WorkCalendar(office.timezone if office else "WIB", days)

    def reset_calendar(self) -> None:
        self.__dict__.pop("calendar", None)

    def is_set_up(self) -> bool:
        with self.db.reading() as session:
            return self.office(session) is not None and count_users(session) > 0

    def setup(self, office_name: str, tz_name: str, admin: str, password: str,
              address: str | None = None, full_name: str | None = None) -> Actor:
        """First run: the office profile and its administrator."""
        zone(tz_name)  # refuses an unknown zone
        name = (office_name or "").strip()
        if not name or len(name) > 200:
            raise UserError("Nama kantor wajib diisi (maksimal 200 karakter)")
        username = check_username(admin)
        password_hash = hash_password(password)
        now = self.clock()
        tamper.prepare_setup(self)
        with self.db.transaction() as session:
            if self.office(session) is not None or count_users(session) > 0:
                raise Conflict("Program sopdesk sudah disiapkan untuk kantor ini; setup hanya sekali")
            session.add(Office(name=name, address=address, timezone=tz_name, created_at=now))
            user = User(username=username, full_name=(full_name or username).strip(),
                        password_hash=password_hash, is_admin=True, active=True,
                        failed_logins=0, created_at=now)
            session.add(user)
            session.flush()
            audit.record(session, at=now, user_id=user.id, action="setup", office=name,
                         timezone=tz_name)
        self.reset_calendar()
        return Actor(user.id, user.username)

    def login(self, username: str, password: str) -> Actor:
        """Check a password. A failed attempt is counted (and audited) even though it fails."""
        now = self.clock()
        ahead = self._verify_before_writing(username, password)
        try:
            with self.db.transaction(held_ok=True) as session:  # an administrator logs in to lift a hold
                result = tamper.checked_login(self, session, check_login(session, username, password, now))
                if isinstance(result, UserError):
                    audit.record(session, at=now, user_id=None, action="login_failed",
                                 username=str(username)[:50], reason=str(result))
                else:
                    audit.record(session, at=now, user_id=result.id, action="login")
                    actor = Actor(result.id, result.username)
        finally:
            if ahead is not None:  # not taken when refused before the password (a locked account)
                password_ahead.take(*ahead)
        if isinstance(result, UserError):
            raise result
        return actor

    def _verify_before_writing(self, username: str, password: str) -> tuple[str, str] | None:
        """Argon2 on the stored hash before the login's write transaction begins (or the answer
        started earlier, by the command line or the login dialog, waited for here), so that the
        office's write lock is held for the bookkeeping only, not for the ~0.25 s of a password
        check that every other desk's writes would wait behind. check_login takes the answer
        for exactly this hash and password (sopdesk.password_ahead); a hash changed meanwhile is
        verified there again. Reads only; the pair of the answer, or None."""
        name = str(username or "").strip().lower()
        typed = str(password or "")
        if not name or "\x00" in name or not typed:
            return None
        with self.db.reading() as session:
            stored = session.scalar(USER_HASH.where(User.username == name))
        if not stored or answered(stored, typed):  # answered: a login to read that failed
            return None
        password_ahead.start(stored, typed)
        password_ahead.wait(stored, typed)
        return stored, typed


def _with_stored_forms(catalog: Catalog) -> Catalog:
    """The catalog with each SOP's stored form computed, so that the cached copy carries it."""
    for sop in catalog.sops.values():
        _ = sop.stored_sha256
    return catalog


def _changed_content(source: str, sop: Sop) -> Problem:
    return Problem(source, "", "revisi",
                   f"isi SOP {sop.kode} revisi {sop.revisi} berbeda dari yang sudah tersimpan; "
                   "naikkan nomor revisi setiap kali isi SOP diubah")
