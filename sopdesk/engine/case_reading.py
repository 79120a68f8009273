"""How one page of the Kasus list is read (engine.queries.cases_page): the SQL is
engine.case_list's, this module chooses among its ways and remembers what a page learnt.

A search is either walked (a word in many cases: the sort's index read in order, each entry
tested with LIKE, stopping at the page's end) or its matches sorted (a word in a few thousand
cases). The list asks page after page of one search in one order (scrolled, and all loaded pages
again at every refresh), so each way keeps what its first page found, per connection and only
while the store is unchanged (engine.case_anchors): a walk starts at a case an earlier page
found before it instead of at the index's start (40,000 entries tested before the first
'Permohonan' in the SOP order descending), and the sorted matches are kept as their ordered ids,
each later page read by its hundred ids instead of sorting every match again."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import aliased

from sopdesk.engine import case_anchors, case_list, case_short
from sopdesk.engine.case_anchors import Search
from sopdesk.store.models import Case, WorkItem

if TYPE_CHECKING:
    from sopdesk.store.direct import DirectTx

LISTED_MOST = case_list.SORTED_AT_MOST  # matches whose ordered ids are kept (a few thousand ints)
LISTED_WITHIN = 4  # the pages (after the first) at which the list starts keeping a search's ids


class Reading(NamedTuple):
    """How a search is read: `walk` (engine.case_list.page_ids'), or its matches sorted, then
    `listed` when they are few enough to keep their ordered ids, and `tried` first: a walk of
    a few thousand entries (engine.case_list.tried_ids, with its bind values) that may fill the
    page before any match is sorted."""

    walk: case_list.Walk | None
    listed: bool = False
    tried: tuple[case_list.Walk, dict[str, Any]] | None = None


def reading(db: DirectTx, mode: str | None, search: str | None, filters: dict[str, Any], sort: str | None,
            offset: int, limit: int, *, filtered: tuple[str | None, str | None], descending: bool = False
            ) -> Reading:
    """How the case list's search is read; a walk's LIKE pattern is then set in `filters`
    ("like"), and in a sort of GROUPED_SORTS where it starts ("walk_from"). `filtered`: the SOP
    and status filters; a count (`sort` None) reads the filter's index."""
    sop, status = filtered
    if mode == "scan" and sort in case_list.GROUPED_SORTS:
        return _pair_walk(db, search or "", filters, sort, descending)
    if not case_list.may_walk(mode, search, sort) or db.scalar(case_list.folding_rows()) is not None:
        return Reading(None)
    spread = db.execute(case_list.spread(), {"case_search": filters["case_search"],
                                             "cap_plus_one": case_list.SPREAD_SAMPLE + 1}).all()[0]
    if not case_list.walk_pays(*spread, cap=case_list.SPREAD_SAMPLE, offset=offset, limit=limit,
                               filtered=bool(sop or status)):
        found, first, last, newest = spread
        listed = sort is not None and case_list.matches_at_most(found, first, last, newest, LISTED_MOST,
                                                                cap=case_list.SPREAD_SAMPLE)
        tried = sort is not None and not (sop or status) and case_list.walk_tried(
            *spread, cap=case_list.SPREAD_SAMPLE, offset=offset, limit=limit)
        return Reading(None, listed, _tried(db, search or "", filters, sort, descending, spread, offset, limit)
                       if tried and sort else None)
    # the filter's index when it keeps few cases (read whole, the matches sorted: 25,000 cases
    # in 15 ms), else the sort's, stopping at the page's end (a SOP of 50,000: 25 ms)
    most = spread[3] // case_list.RANGED_SHARE
    ranged = sort is None or bool((sop or status) and db.scalar(
        case_list.filter_rows(bool(sop), bool(status)),
        {key: filters[key] for key in ("sop", "status") if key in filters} | {"filter_cap": most + 1}) <= most)
    filters["like"], escaped = case_list.walk_pattern(search or "")
    start = _start(db, search or "", sort, descending)
    if start is not None:
        filters["walk_from"] = start
    return Reading(case_list.Walk(escaped, ranged, start is not None))


def _start(db: DirectTx, search: str, sort: str | None, descending: bool) -> str | None:
    """Where a word's walk starts in a sort of GROUPED_SORTS: at the first group (SOP, title's
    first three letters) that may hold it (None: from the index's start)."""
    if sort not in case_list.GROUPED_SORTS:
        return None
    groups = db.execute(case_list.trigram_groups(), case_list.trigram_parameters(sort, search)).all()
    return case_list.walk_start(sort, descending, [row[0] for row in groups])


def _tried(db: DirectTx, search: str, filters: dict[str, Any], sort: str, descending: bool,
           spread: tuple[int, int, int, int], offset: int, limit: int
           ) -> tuple[case_list.Walk, dict[str, Any]] | None:
    """The walk a page of sorted matches tries first (`Reading.tried`) and its bind values,
    unless a sample of the matches says that it would not fill the page (None)."""
    start = _start(db, search, sort, descending)
    values: dict[str, Any] = {"entries": case_list.TRIED_MOST} | ({} if start is None else {"walk_from": start})
    end = db.scalar(case_list.tried_end(sort, descending, start is not None), values)
    sample = db.execute(case_list.tried_sample(sort, descending),
                        {"case_search": filters["case_search"], "sample": case_list.TRIED_SAMPLE, "end": end}).all()
    if not case_list.tried_pays([row[0] == end for row in sample], case_list.estimated(*spread),
                                offset=offset, limit=limit):
        return None
    values["like"], escaped = case_list.walk_pattern(search)
    return case_list.Walk(escaped, False, start is not None), values


def _pair_walk(db: DirectTx, search: str, filters: dict[str, Any], sort: str, descending: bool) -> Reading:
    """A pair of characters in many cases (engine.case_short left it to the scan), sorted by SOP
    or by title: read from the first group that holds a trigram containing it, as a word's walk
    ('PP' sorted by SOP descending tested every case of the SOPs after PP, 25 ms). Not when a
    case has a text that is the pair (no trigram of its group says so) or a text too long for
    the trigram table, nor for one character."""
    pair = search.replace("\x00", "").strip()
    trigrams = case_short.pair_trigrams(db, pair) if len(pair) == case_short.SHORT else None
    if trigrams is None or db.scalar(case_list.pair_texts(), case_short.pair_parameters(pair)):
        return Reading(None)
    kind = case_list.GROUPED_SORTS[sort]
    groups = db.execute(case_list.trigram_groups(), {"kind": kind, "kind_end": chr(ord(kind) + 1),
                                                     "trigrams": json.dumps([*trigrams, ""]), "needed": 1}).all()
    start = case_list.walk_start(sort, descending, [row[0] for row in groups])
    if start is None:
        return Reading(None)
    filters["like"], escaped = case_list.walk_pattern(search)
    filters["walk_from"] = start
    return Reading(case_list.Walk(escaped, True, True))


def _page(page: Select[int] | None, sort: str, descending: bool) -> Select[*tuple[Any, ...]]:
    """The page's rows joined to their waiting step: the ids of `page`, or else those of the
    bind parameter `ids` (a JSON array, SQLite)."""
    current = aliased(WorkItem)
    ids = page.scalar_subquery() if page is not None else \
        select(func.json_each(bindparam("ids")).table_valued("value").c.value).scalar_subquery()
    return (
        select(Case.id, Case.number, Case.sop_kode, Case.title, Case.requester, Case.status, Case.started_at,
               Case.closed_at, current.step_no, current.role, current.due_at, Case.rahasia)
        .outerjoin(current, (current.case_id == Case.id) & (current.status == "open"))
        .where(Case.id.in_(ids))
        .order_by(*case_list.ordering(sort, descending))
    )


@lru_cache(maxsize=128)
def cases_statement(mode: str | None, sop: bool, status: bool, sort: str, descending: bool,
                    hide_secret: bool = False, walk: case_list.Walk | None = None,
                    anchored: bool = False) -> Select[*tuple[Any, ...]]:
    """The Kasus page query for one combination of filters: the page's ids first, on case_file
    and its indexes alone (engine.case_list), then only those rows joined to their waiting step."""
    return _page(case_list.page_ids(mode, sop, status, sort, descending, hide_secret, walk, anchored=anchored),
                 sort, descending)


@lru_cache(maxsize=16)
def listed_statement(sort: str, descending: bool) -> Select[*tuple[Any, ...]]:
    """The rows of the ids in the bind parameter `ids` (a page of a kept order), in the order."""
    return _page(None, sort, descending)


def counted(db: DirectTx, filters: dict[str, Any]) -> Search | None:
    """What names the filters' count in the memory (SQLite), taken before `reading` adds to them."""
    return tuple(sorted(filters.items())) if db.connection.dialect.name == "sqlite" else None


def known_total(db: DirectTx, search: Search | None) -> int | None:
    """How many cases match, if a page of the same filters showed the list's end while the store
    was as it is (a search that finds a few cases reads them once for the page and its count)."""
    return None if search is None else case_anchors.anchors(db).total(search, case_anchors.generation(db))


def page_rows(db: DirectTx, shape: tuple[Any, ...], how: Reading, filters: dict[str, Any], offset: int,
              limit: int, *, total: Search | None = None) -> list[Any]:
    """One page's rows; `shape`: `cases_statement`'s arguments but the walk's. With `total`
    (`counted`), a page that shows the list's end keeps how many cases match."""
    stamp = None if total is None else case_anchors.generation(db)
    rows = _page_rows(db, shape, how, filters, offset, limit)
    ids = {row[0] for row in rows}
    if total is not None and stamp is not None and len(ids) < limit and (ids or not offset):
        case_anchors.anchors(db).learn_total(db, total, stamp, offset + len(ids))
    return rows


@lru_cache(maxsize=32)
def tried_statement(sop: bool, status: bool, sort: str, descending: bool, hide_secret: bool,
                    walk: case_list.Walk) -> Select[*tuple[Any, ...]]:
    """The Kasus page query of a tried walk (engine.case_list.tried_ids)."""
    return _page(case_list.tried_ids(sop, status, sort, descending, hide_secret, walk), sort, descending)


def _tried_rows(db: DirectTx, shape: tuple[Any, ...], tried: tuple[case_list.Walk, dict[str, Any]],
                params: dict[str, Any], limit: int) -> list[Any] | None:
    """The page read by its tried walk when the walk fills it (None: the matches are sorted)."""
    walk, values = tried
    rows = db.execute(tried_statement(*shape[1:], walk), params | values).all()
    return list(rows) if len({row[0] for row in rows}) == limit else None


def _page_rows(db: DirectTx, shape: tuple[Any, ...], how: Reading, filters: dict[str, Any], offset: int,
               limit: int) -> list[Any]:
    sort, descending = shape[3], shape[4]
    params = {**filters, "limit": limit, "offset": offset}
    anchored = how.walk is not None and sort in case_list.ANCHORED_SORTS
    if not anchored and not how.listed:
        if how.tried is not None and (rows := _tried_rows(db, shape, how.tried, params, limit)) is not None:
            return rows
        return list(db.execute(cases_statement(*shape, how.walk), params).all())
    memory, search = case_anchors.anchors(db), (sort, descending, how.walk is None, *sorted(filters.items()))
    stamp = case_anchors.generation(db)
    if how.listed:  # the matches sorted once, their ids kept; a page is a slice of them
        ids = memory.order(search, stamp)
        if ids is None and how.tried is not None and (rows := _tried_rows(db, shape, how.tried, params,
                                                                          limit)) is not None:
            return rows  # (a later page, if any, sorts them: a tried walk reads no further)
        if ids is None and not 0 < offset <= LISTED_WITHIN * limit:
            # the first page sorts only its own hundred (a search may stop there); one asked
            # far down first (the scroll bar dragged), only up to its end
            return _page_rows(db, shape, Reading(None), filters, offset, limit)
        if ids is None:  # the list scrolled: its second page sorts them all, for the pages after
            ids = [row[0] for row in db.execute(case_list.page_ids(*shape), {**params, "limit": -1, "offset": 0})]
            memory.keep_order(db, search, stamp, ids)
        rows = db.execute(listed_statement(sort, descending), {"ids": str(ids[offset:offset + limit])}).all()
        if memory.unchanged(db, stamp):
            return list(rows)
        return _page_rows(db, shape, Reading(None), filters, offset, limit)  # the store moved meanwhile
    place = memory.nearest(search, offset, stamp)  # a walk starts where an earlier page stood
    start = {"anchor": place[1], "offset": offset - place[0]} if place else {}
    rows = db.execute(cases_statement(*shape, how.walk, anchored=bool(place)), params | start).all()
    if not memory.learn(db, search, stamp, offset, list(dict.fromkeys(row[0] for row in rows))) and place:
        rows = db.execute(cases_statement(*shape, how.walk), params).all()  # the store moved meanwhile
    return list(rows)
