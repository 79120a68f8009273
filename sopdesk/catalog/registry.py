"""The catalog: every SOP and the organisation directory, from the bundled folder and the
office's own folder of added SOPs.

A file that is broken or conflicts with the catalog as a whole (a kode or revisi already
used, a kode that is a register prefix, a front door another SOP declares) is either an error
(`load_catalog(..., tolerant=False)`, for `catalog validate` and tests) or, when the office is
opened, left out with one warning naming the file and its first problem (`Catalog.left_out`),
so that one bad draft never stops the office."""

from __future__ import annotations

import pickle
import threading
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sopdesk.catalog.problems import CatalogError, Problem

# The SOP models (pydantic) are imported when an SOP is first looked at, not with the catalog:
# a command on the cached catalog that only needs the roles and the revisions never imports
# them (Catalog below; issue #15).
if TYPE_CHECKING:
    from sopdesk.catalog.loader import Document
    from sopdesk.catalog.schema import Entri, Organisasi, Pintu, Sop

# Prefixes of the registers' numbers that an SOP kode (used in case numbers PP/2026/0001) may
# not take: "SM/2026/0001" is an agenda number of the incoming letters (engine.letters).
REGISTER_PREFIXES = {"SM": "nomor agenda surat masuk (SM/2026/0001)"}
# Visitor purposes the help desk always offers without starting a case (engine.visitors).
PLAIN_PURPOSES = ("bertamu", "pengaduan", "konsultasi", "lainnya")
DOOR_LABELS = {"tamu": "keperluan tamu", "surat": "jenis surat masuk"}
_UNPACKING = threading.Lock()


def bundled_catalog_dir() -> Path:
    """The catalog shipped with the program (sop_catalog/ of the source tree)."""
    return Path(str(resources.files("sopdesk.sop_catalog")))


def catalog_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


class Catalog:
    """The installed SOPs and organisation documents by kode, the file each came from, and the
    files left out. Pickled (sopdesk.catalog.cache), the documents travel as one packed blob
    beside what opening an office asks of them (`revisions`, `roles`, `role_includes`): an
    unpickled catalog unpacks them, importing the pydantic models, only when `sops` or
    `organisations` is first used."""

    def __init__(self, sops: dict[str, Sop] | None = None, organisations: dict[str, Organisasi] | None = None,
                 sources: dict[str, Path] | None = None, left_out: list[Problem] | None = None):
        self._sops: dict[str, Sop] = {} if sops is None else sops
        self._organisations: dict[str, Organisasi] = {} if organisations is None else organisations
        self.sources: dict[str, Path] = {} if sources is None else sources
        self.left_out: list[Problem] = [] if left_out is None else left_out  # one per file not used
        self._packed: bytes | None = None  # the pickled (sops, organisations) not unpacked yet
        self._summary: dict[str, Any] = {}  # revisions, roles, role_includes, step texts while packed

    @property
    def sops(self) -> dict[str, Sop]:
        self._unpack()
        return self._sops

    @property
    def organisations(self) -> dict[str, Organisasi]:
        self._unpack()
        return self._organisations

    def _unpack(self) -> None:
        if self._packed is None:
            return
        with _UNPACKING:  # once, also when two threads ask at the same time (the desk's worker)
            if self._packed is not None:
                self._sops, self._organisations = pickle.loads(self._packed)  # noqa: S301 - our own
                self._packed, self._summary = None, {}

    def __getstate__(self) -> dict[str, Any]:
        summary = {"revisions": self.revisions, "roles": self.roles, "role_includes": self.role_includes,
                   "step_texts": {sop.stored_sha256: self._texts(sop) for sop in self._sops.values()}}
        packed = self._packed  # (the summary first: it computes each SOP's stored digest, packed with it)
        if packed is None:
            packed = pickle.dumps((self._sops, self._organisations), protocol=pickle.HIGHEST_PROTOCOL)
        return {"packed": packed, "summary": summary, "sources": self.sources, "left_out": self.left_out}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._sops, self._organisations = {}, {}
        self.sources, self.left_out = state["sources"], state["left_out"]
        self._packed, self._summary = state["packed"], state["summary"]

    @property
    def revisions(self) -> dict[str, tuple[int, str]]:
        """Kode -> (revisi, the digest of its stored form) of every installed SOP: what opening
        an office compares with the stored revisions, read without unpacking the SOPs."""
        if self._packed is not None:
            return dict(self._summary["revisions"])
        return {kode: (sop.revisi, sop.stored_sha256) for kode, sop in self._sops.items()}

    def step_texts(self, stored_sha256: str) -> dict[int, str] | None:
        """Step number -> the step's text (kegiatan) of the installed SOP whose stored form has
        this digest, or None when none has: what an inbox row shows of a stored revision, read
        without unpacking the SOPs."""
        if self._packed is not None:
            texts: dict[int, str] | None = self._summary["step_texts"].get(stored_sha256)
            return None if texts is None else dict(texts)
        for sop in self._sops.values():
            if sop.stored_sha256 == stored_sha256:
                return self._texts(sop)
        return None

    @staticmethod
    def _texts(sop: Sop) -> dict[int, str]:
        return {step.no: step.kegiatan for step in sop.kegiatan}

    def doors(self, jenis: str) -> list[tuple[Pintu, Sop, Entri]]:
        """The front doors of one kind (tamu / surat) the installed SOPs declare, by label."""
        found = [(e.pintu, sop, e) for sop in self.sops.values() for e in sop.entri
                 if e.pintu is not None and e.pintu.jenis == jenis]
        return sorted(found, key=lambda d: (d[0].label.lower(), d[1].kode))

    def door(self, jenis: str, kode: str) -> tuple[Sop, Entri] | None:
        for pintu, sop, entri in self.doors(jenis):
            if pintu.kode == kode:
                return sop, entri
        return None

    def conflicts(self, document: Document, name: str) -> list[Problem]:
        """What keeps a valid file out of this catalog as a whole: a kode that is a register
        prefix, a front door (or a visitor purpose) another SOP already has."""
        from sopdesk.catalog.schema import Organisasi

        problems = []
        if document.kode in REGISTER_PREFIXES:
            problems.append(Problem(name, "", "kode", f"kode {document.kode} sudah dipakai untuk "
                                    f"{REGISTER_PREFIXES[document.kode]}; pilih kode lain"))
        if isinstance(document, Organisasi):
            return problems
        if document.kode in self.organisations:
            problems.append(Problem(name, "", "kode", f"kode {document.kode} sudah dipakai oleh dokumen "
                                    f"organisasi {self.sources[document.kode].name}"))
        for entri in document.entri:
            pintu = entri.pintu
            if pintu is None:
                continue
            where = f"entri {entri.kode}"
            if pintu.jenis == "tamu" and pintu.kode in PLAIN_PURPOSES:
                problems.append(Problem(name, where, "pintu.kode", f"keperluan {pintu.kode!r} sudah ada di "
                                        "meja layanan (tanpa kasus); pilih kode lain"))
            owner = self.door(pintu.jenis, pintu.kode)
            if owner is not None and owner[0].kode != document.kode:
                problems.append(Problem(name, where, "pintu.kode",
                                        f"{DOOR_LABELS[pintu.jenis]} {pintu.kode!r} sudah memulai SOP "
                                        f"{owner[0].kode} ({self.sources[owner[0].kode].name})"))
        kinds = [(e.pintu.jenis, e.pintu.kode) for e in document.entri if e.pintu is not None]
        for jenis, kode in sorted({k for k in kinds if kinds.count(k) > 1}):
            problems.append(Problem(name, "", "entri", f"{DOOR_LABELS[jenis]} {kode!r} dipakai dua entri"))
        return problems

    @property
    def roles(self) -> set[str]:
        if self._packed is not None:
            return set(self._summary["roles"])
        roles: set[str] = set()
        for sop in self.sops.values():
            roles |= sop.roles
        for org in self.organisations.values():
            roles |= org.roles
        return roles

    @property
    def role_includes(self) -> dict[str, frozenset[str]]:
        """Role -> the roles it directly includes (`peran_termasuk` of the organisation
        directory). The engine resolves them, transitively, in engine.users.effective_roles."""
        if self._packed is not None:
            return dict(self._summary["role_includes"])
        direct: dict[str, set[str]] = {}
        for org in self.organisations.values():
            for rule in org.peran_termasuk:
                direct.setdefault(rule.peran, set()).update(rule.termasuk)
        return {role: frozenset(included) for role, included in direct.items()}

    def sop(self, kode: str) -> Sop:
        try:
            return self.sops[kode.upper()]
        except KeyError:
            known = ", ".join(sorted(self.sops)) or "-"
            raise KeyError(f"SOP {kode!r} tidak ada di katalog (yang ada: {known})") from None

    def add(self, document: Document, source: Path) -> None:
        from sopdesk.catalog.schema import Sop

        current: Document | None = (self.sops if isinstance(document, Sop) else self.organisations).get(
            document.kode)
        if current is not None and current.revisi == document.revisi:
            raise CatalogError(
                [
                    Problem(
                        source.name,
                        "",
                        "kode",
                        f"kode {document.kode} revisi {document.revisi} sudah dipakai oleh "
                        f"{self.sources[document.kode].name}",
                    )
                ]
            )
        if current is None or document.revisi > current.revisi:
            if isinstance(document, Sop):
                self.sops[document.kode] = document
            else:
                self.organisations[document.kode] = document
            self.sources[document.kode] = source


def load_catalog(directories: Iterable[Path], tolerant: bool = False) -> Catalog:
    """Load every file of the given folders. Strict: raise one CatalogError naming all
    problems. Tolerant: leave every broken or conflicting file out, with one warning each in
    `Catalog.left_out`."""
    from sopdesk.catalog.loader import load_file

    catalog = Catalog()
    problems: list[Problem] = []
    for directory in directories:
        for path in catalog_files(directory):
            try:
                document = load_file(path)
                clash = catalog.conflicts(document, path.name)
                if clash:
                    raise CatalogError(clash)
                catalog.add(document, path)
            except CatalogError as exc:
                problems.extend(exc.problems)
                catalog.left_out.append(left_out_warning(path.name, exc.problems))
    if problems and not tolerant:
        raise CatalogError(problems)
    return catalog


def left_out_warning(name: str, problems: list[Problem]) -> Problem:
    """One line for a file that is not used: its first problem, and how many more."""
    first = problems[0]
    place = ", ".join(p for p in (first.where, first.field) if p)
    more = f" (dan {len(problems) - 1} masalah lain; periksa dengan 'sopdesk catalog validate')" \
        if len(problems) > 1 else ""
    return Problem(name, "", "", f"berkas tidak dipakai: {place + ': ' if place else ''}{first.message}{more}")


def validate_paths(paths: Iterable[Path]) -> list[Problem]:
    """Check files (or folders of files) and return every problem found."""
    from sopdesk.catalog.loader import load_file

    catalog = Catalog()
    problems: list[Problem] = []
    for path in paths:
        try:
            is_dir = path.is_dir()
        except OSError as exc:  # e.g. a name too long for the file system
            problems.append(Problem(str(path)[:200], "", "", f"tidak dapat dibaca: {exc.strerror}"))
            continue
        files = catalog_files(path) if is_dir else [path]
        if is_dir and not files:
            problems.append(Problem(str(path), "", "", "tidak ada berkas .yaml di folder ini"))
        for file in files:
            try:
                catalog.add(load_file(file), file)
            except CatalogError as exc:
                problems.extend(exc.problems)
    return problems
