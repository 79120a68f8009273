"""The catalog: every SOP and the organisation directory, from the bundled folder and the
office's own folder of added SOPs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from sopdesk.catalog.loader import CatalogError, Document, Problem, load_file
from sopdesk.catalog.schema import Organisasi, Sop


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

    @property
    def roles(self) -> set[str]:
        roles: set[str] = set()
        for doc in [*self.sops.values(), *self.organisations.values()]:
            roles |= doc.roles
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
        target = self.sops if isinstance(document, Sop) else self.organisations
        current = target.get(document.kode)
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
            target[document.kode] = document
            self.sources[document.kode] = source


def load_catalog(directories: Iterable[Path]) -> Catalog:
    """Load every file of the given folders; raise one CatalogError naming all problems."""
    catalog = Catalog()
    problems: list[Problem] = []
    for directory in directories:
        for path in catalog_files(directory):
            try:
                catalog.add(load_file(path), path)
            except CatalogError as exc:
                problems.extend(exc.problems)
    if problems:
        raise CatalogError(problems)
    return catalog


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
