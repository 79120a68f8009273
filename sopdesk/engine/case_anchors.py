"""Where the next page of a search starts. The Kasus list asks page after page of one search in
one order (scrolled, and every loaded page again at each refresh), and each page read the
same way from scratch: a walk (engine.case_list) reads the sort's index from its start (for a
word that only cases late in the order hold, 'Permohonan' in half the cases sorted by SOP
descending, 40,000 entries are tested before the first match), the sorted matches are sorted
again. What a page learns is kept (engine.case_reading): which case stands at a walked page's
first and last place in the order, so that a later page starts its walk at the nearest of them
before it (an index range); or every sorted match's id in order, so that a later page is read
by its hundred ids.

The memory is exact or unused. It belongs to one store (its engine) and holds only while no
commit has been made since it was learnt: a generation, moved on whenever a connection reading
for it finds the store changed since that connection last looked (SQLite's `PRAGMA
data_version`, which changes with a commit of any other connection, this process's or
another's; and the connection's own `total_changes`), and by every connection's first look.
It is read before a page and again after it; a page whose statements may have seen another
moment neither uses what it read (it is asked again the plain way) nor adds to it.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sopdesk.store.direct import DirectTx

SEEN_KEY = "sopdesk.case_anchors.seen"  # a connection's last look (pool record's info)
SEARCHES = 16  # searches (each in one order, with its filters) remembered per store
PLACES = 64  # places remembered per search

Stamp = int
Search = tuple[Any, ...]
_generation = [0]
_lock = threading.Lock()
_memories: weakref.WeakKeyDictionary[Any, Anchors] = weakref.WeakKeyDictionary()


def forget() -> None:
    """Forget every store's memory (a benchmark's first ask of a search)."""
    with _lock:
        _generation[0] += 1


def generation(db: DirectTx) -> Stamp:
    """The memory's generation as the connection of `db` sees the store, moved on if the store
    changed since this connection last looked (or if it never looked)."""
    fairy = db.connection.connection
    dbapi = fairy.dbapi_connection
    assert dbapi is not None
    # the connection itself too: a pool record reconnected holds another one, whose counts start again
    seen = (dbapi, int(dbapi.execute("PRAGMA data_version").fetchone()[0]), int(dbapi.total_changes))
    with _lock:
        if fairy.info.get(SEEN_KEY) != seen:
            fairy.info[SEEN_KEY] = seen
            _generation[0] += 1
        return _generation[0]


class Anchors:
    """One store's memory: per search, {place in the order (0 = the first match): case id}, or
    all its matches' ids in order (engine.case_reading); and per filters, how many cases match
    when a page has shown the end of the list (its count then needs no second read). Its
    methods hold its lock (the list and a worker thread may read at once)."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._stamp: Stamp | None = None
        self._searches: OrderedDict[Search, OrderedDict[int, int]] = OrderedDict()
        self._orders: OrderedDict[Search, list[int]] = OrderedDict()
        self._totals: OrderedDict[Search, int] = OrderedDict()

    def _at(self, stamp: Stamp | None) -> bool:
        """Whether the memory was learnt at `stamp`; if not, it is emptied and starts there."""
        if stamp == self._stamp:
            return True
        self._stamp = stamp
        self._searches.clear()
        self._orders.clear()
        self._totals.clear()
        return False

    def nearest(self, search: Search, offset: int, stamp: Stamp) -> tuple[int, int] | None:
        """(place, case id) of the remembered place nearest before `offset` (or at it)."""
        with self.lock:
            places = self._searches.get(search) if self._at(stamp) else None
            before = [place for place in places or () if place <= offset]
            if not places or not before:
                return None
            self._searches.move_to_end(search)
            return max(before), places[max(before)]

    def learn(self, db: DirectTx, search: Search, stamp: Stamp, offset: int, ids: list[int]) -> bool:
        """Remember where a page's first and last case stand (`ids` in order, distinct, read
        at `offset`); False (and everything forgotten) if the store changed since `stamp`."""
        with self.lock:
            if not self.unchanged(db, stamp):
                return False
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

    def order(self, search: Search, stamp: Stamp) -> list[int] | None:
        """The kept ids of every match of `search`, in order, if learnt at `stamp`."""
        with self.lock:
            ids = self._orders.get(search) if self._at(stamp) else None
            if ids is not None:
                self._orders.move_to_end(search)
            return ids

    def keep_order(self, db: DirectTx, search: Search, stamp: Stamp, ids: list[int]) -> None:
        """Keep the ids of every match of `search` in order, read at `stamp`, if still so."""
        with self.lock:
            if self.unchanged(db, stamp):
                self._orders[search] = ids
                while len(self._orders) > SEARCHES:
                    self._orders.popitem(last=False)

    def total(self, search: Search, stamp: Stamp) -> int | None:
        """How many cases match `search` (its filters), if learnt at `stamp`."""
        with self.lock:
            return self._totals.get(search) if self._at(stamp) else None

    def learn_total(self, db: DirectTx, search: Search, stamp: Stamp, total: int) -> None:
        """Keep how many cases match `search`, read at `stamp` (a page that ended the list)."""
        with self.lock:
            if self.unchanged(db, stamp):
                self._totals[search] = total
                self._totals.move_to_end(search)
                while len(self._totals) > SEARCHES:
                    self._totals.popitem(last=False)

    def unchanged(self, db: DirectTx, stamp: Stamp) -> bool:
        """Whether the store is still at `stamp` (after a read); if not, everything is forgotten."""
        with self.lock:
            if generation(db) != stamp:
                self._at(None)
                return False
            self._at(stamp)
            return True


def anchors(db: DirectTx) -> Anchors:
    """The memory of the store `db` reads (SQLite)."""
    engine = db.connection.engine
    with _lock:
        memory = _memories.get(engine)
        if memory is None:
            memory = _memories[engine] = Anchors()
        return memory
