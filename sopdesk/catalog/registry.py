"""The catalog: every SOP and the organisation directory, from the bundled folder and the
office's own folder of added SOPs.

A file that is broken or conflicts with the catalog as a whole (a kode or revisi already
used, a kode that is a register prefix, a front door another SOP declares) is either an error
(`load_catalog(..., tolerant=False)`, for `catalog validate` and tests) or, when the office is
opened, left out with one warning naming the file and its first problem (`Catalog.left_out`),
so that one bad draft never stops the office."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from sopdesk.catalog.loader import CatalogError, Document, Problem, load_file
from sopdesk.catalog.schema import Entri, Organisasi, Pintu, Sop

# Prefixes of the registers' numbers that an SOP kode (used in case numbers PP/2026/0001) may
# not take: "SM/2026/0001" is an agenda number of the incoming letters (engine.letters).
REGISTER_PREFIXES = {"SM": "nomor agenda surat masuk (SM/2026/0001)"}
# Visitor purposes the help desk always offers without starting a case (engine.visitors).
PLAIN_PURPOSES = ("bertamu", "pengaduan", "konsultasi", "lainnya")
DOOR_LABELS = {"tamu": "keperluan tamu", "surat": "jenis surat masuk"}


def bundled_catalog_dir() -> Path:
    """The catalog shipped with the program (sop_catalog/ of the source tree)."""
    return Path(str(resources.files("sopdesk.sop_catalog")))


def catalog_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


@dataclass
class Catalog:
    sops: dict[str, Sop] = field(default_factory=dict)
    organisations: dict[str, Organisasi] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    left_out: list[Problem] = field(default_factory=list)  # one per file not used (tolerant load)

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
