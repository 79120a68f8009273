"""Where the next page of a broad search starts. The Kasus list asks page after page of one
search in one order, and a walk (engine.case_list) reads the sort's index from its start for
each of them: for a word that only cases late in the order hold ('Permohonan', half the cases,
sorted by SOP descending), 40,000 entries are tested before the first match, every page again.
What a walked page learns, which case stands at its first and its last place in the order, is
kept, and a later page of the same search in the same order starts its walk at the nearest of
those cases before it (an index range), its offset counted from there.

The memory is exact or unused: it belongs to one DBAPI connection (in the pool's record, dropped
with the connection) and holds only while the store is as it was when it was learnt: SQLite's
`PRAGMA data_version` (changed by a commit of any other connection, this process's or
another's, at the start of the next statement's snapshot) and the connection's own
`total_changes`, read before and after each page. A page whose statements may have seen another
moment than the memory neither uses what it read (it is asked again from the index's start) nor
adds to it."""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sopdesk.store.direct import DirectTx

MEMORY_KEY = "sopdesk.case_anchors"
SEARCHES = 16  # searches (each in one order, with its filters) remembered per connection
PLACES = 64  # places remembered per search

Stamp = tuple[int, int, int]
Search = tuple[Any, ...]
_forgotten = [0]  # `forget` calls: part of every stamp


def forget() -> None:
    """Forget every connection's memory (a benchmark's first ask of a search)."""
    _forgotten[0] += 1


class Anchors:
    """One connection's memory: per search, {place in the order (0 = the first match): case id}."""

    def __init__(self, dbapi_connection: Any) -> None:
        self._dbapi = dbapi_connection
        self._stamp: Stamp | None = None
        self._searches: OrderedDict[Search, OrderedDict[int, int]] = OrderedDict()

    def stamp(self) -> Stamp:
        """The store's moment as this connection sees it (a statement: its own snapshot)."""
        version = self._dbapi.execute("PRAGMA data_version").fetchone()[0]
        return int(version), int(self._dbapi.total_changes), _forgotten[0]

    def nearest(self, search: Search, offset: int, stamp: Stamp) -> tuple[int, int] | None:
        """(place, case id) of the remembered place nearest before `offset` (or at it)."""
        if stamp != self._stamp:
            self._stamp = stamp
            self._searches.clear()
            return None
        places = self._searches.get(search)
        if not places:
            return None
        self._searches.move_to_end(search)
        before = [place for place in places if place <= offset]
        return (max(before), places[max(before)]) if before else None

    def learn(self, search: Search, stamp: Stamp, offset: int, ids: list[int]) -> bool:
        """Remember where a page's first and last case stand (`ids` in order, distinct, read
        at `offset`); False (and everything forgotten) if the store changed since `stamp`."""
        if self.stamp() != stamp:
            self._stamp = None
            self._searches.clear()
            return False
        if self._stamp != stamp:
            self._stamp = stamp
            self._searches.clear()
        if not ids:
            return True
        places = self._searches.setdefault(search, OrderedDict())
        self._searches.move_to_end(search)
        for place, case_id in ((offset, ids[0]), (offset + len(ids) - 1, ids[-1])):
            places[place] = case_id
            places.move_to_end(place)
        while len(places) > PLACES:
            places.popitem(last=False)
        while len(self._searches) > SEARCHES:
            self._searches.popitem(last=False)
        return True


def anchors(db: DirectTx) -> Anchors:
    """The memory of the connection `db` reads on (SQLite)."""
    fairy = db.connection.connection
    memory = fairy.info.get(MEMORY_KEY)
    if memory is None:
        memory = fairy.info[MEMORY_KEY] = Anchors(fairy.dbapi_connection)
    assert isinstance(memory, Anchors)
    return memory
