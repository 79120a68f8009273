"""The units of the organisation directory as one walk: the divisions (Anggota KPU) and the
secretariat units, each with how deep it sits below its induk and which unit of its own group
it hangs under.

The lembar disposisi dialog, the printed lembar disposisi and the Katalog SOP page all show
this tree; each used to walk the `induk` links itself. `unit_directory` walks them once, in
the order of the organisation documents, and the callers only lay the result out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sopdesk.catalog.schema import Organisasi, Unit

UnitGroup = Literal["divisi", "sekretariat"]
MAX_DEPTH = 5  # a circle of induk links (the loader does not refuse one) ends here


@dataclass(frozen=True)
class UnitPlace:
    """One unit where it sits in the directory."""

    unit: Unit
    group: UnitGroup
    depth: int  # induk links above it inside its organisation (any group), at most MAX_DEPTH
    parent: str | None  # its induk when that is a unit of the same group and organisation, else None


@dataclass(frozen=True)
class UnitNode:
    """A unit with the units of its group that hang under it (for a tree view)."""

    place: UnitPlace
    children: tuple[UnitNode, ...]


@dataclass(frozen=True)
class UnitDirectory:
    """The divisions and the secretariat units, in the order of the organisation documents;
    a unit code seen in an earlier document is left out of the later ones."""

    divisions: tuple[UnitPlace, ...]
    secretariat: tuple[UnitPlace, ...]

    def group(self, group: UnitGroup) -> tuple[UnitPlace, ...]:
        return self.divisions if group == "divisi" else self.secretariat

    def children(self, place: UnitPlace) -> tuple[UnitPlace, ...]:
        """The units of `place`'s group whose induk it is, in document order."""
        return tuple(p for p in self.group(place.group) if p.parent == place.unit.kode)

    def tree(self, group: UnitGroup) -> tuple[UnitNode, ...]:
        """The group as a tree: the units without an induk in their group at the top, each
        with its sub-units below it; a unit never hangs under itself or its own sub-unit."""

        def node(place: UnitPlace, above: frozenset[str]) -> UnitNode:
            below = above | {place.unit.kode}
            return UnitNode(place, tuple(node(child, below) for child in self.children(place)
                                         if child.unit.kode not in above))

        return tuple(node(place, frozenset()) for place in self.group(group) if place.parent is None)


def unit_directory(organisations: Iterable[Organisasi]) -> UnitDirectory:
    """Walk the units of `organisations` (usually `ws.catalog.organisations.values()`)."""
    divisions: list[UnitPlace] = []
    secretariat: list[UnitPlace] = []
    seen: set[str] = set()
    for org in organisations:
        parents = {u.kode: u.induk for u in org.units}
        groups: tuple[tuple[UnitGroup, list[Unit], list[UnitPlace]], ...] = (
            ("divisi", org.divisi, divisions), ("sekretariat", org.unit_sekretariat, secretariat))
        for group, units, into in groups:
            own = {u.kode for u in units}
            for unit in units:
                if unit.kode in seen:
                    continue
                seen.add(unit.kode)
                into.append(UnitPlace(unit, group, _depth(unit, parents),
                                      unit.induk if unit.induk in own else None))
    return UnitDirectory(tuple(divisions), tuple(secretariat))


def _depth(unit: Unit, parents: dict[str, str | None]) -> int:
    depth, parent = 0, unit.induk
    while parent is not None and parent in parents and depth < MAX_DEPTH:
        depth, parent = depth + 1, parents[parent]
    return depth
