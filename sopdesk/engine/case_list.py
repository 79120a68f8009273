"""The Kasus list's SQL: which case ids make one page, in which order, and how many there are.

At 100,000 cases a page must not read the office: each order is an index of case_file read
forwards or backwards (migration 0007), and a search goes through the store's own text index
(engine.search.case_matching). A page is chosen as ids first, with no other table involved,
and only its rows are then joined to their waiting step (queries.cases_page); on SQLite a
search in the default order (by number) is read from the FTS5 table in rowid order and stops
at the page's end, whatever the number of matches. The count can be capped: the list says
"more than N" rather than counting every one of fifty thousand matches. Statements are built
once per combination of filters and run with new values (`store.direct`).

A search must not find a confidential case by a word of its perihal for a reader who may not
see that perihal (engine.rahasia): with `hide_secret`, such a case matches only through its
number or requester, unless its id is among the bind parameter `readable_secret`.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import (
    Integer,
    SQLColumnExpression,
    String,
    bindparam,
    cast,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.sql import ColumnElement, Select, and_
from sqlalchemy.sql.expression import BindParameter
from sqlalchemy.sql.selectable import TextualSelect
from sqlalchemy.sql.util import ClauseAdapter

from sopdesk.engine import case_short
from sopdesk.engine.search import CASE_SEARCH_TABLE, LIKE_ESCAPE, contains_pattern, fts_phrase, uses_text_index
from sopdesk.store.models import Case
from sopdesk.store.text_search import CASE_SEARCH, CASE_TRIGRAM, FOLD_ROWS

CASE_SORTS = {
    "number": Case.id,  # numbers are issued in order; the id sorts them numerically
    "sop": Case.sop_kode,
    "title": Case.title,
    "requester": Case.requester,
    "status": Case.status,
    "started": Case.started_at,
}
TEXT_CASE_SORTS = {"title", "requester"}
MISSING_CASE_SORTS = {"requester"}  # may be missing: sorted after the others


def ordering(sort: str, descending: bool) -> list[ColumnElement[Any]]:
    """The ORDER BY of the case list: the same order on both stores, letter case ignored
    (SQLite compares bytes, a server its locale) and a missing value after the others either
    way (SQLite puts NULL first, PostgreSQL last). The tie-break (the id) follows the direction
    and only a column that may be missing sorts on IS NULL, so that each order is one index."""
    column = CASE_SORTS[sort]
    key = func.lower(column) if sort in TEXT_CASE_SORTS else column
    order: list[ColumnElement[Any]] = [column.is_(None)] if sort in MISSING_CASE_SORTS else []
    return order + ([key.desc(), Case.id.desc()] if descending else [key.asc(), Case.id.asc()])


def search_mode(dialect: str, search: str | None) -> str | None:
    """How a search is answered: "fts" (SQLite's FTS5 table), "like" (ILIKE, on PostgreSQL
    served by the trigram indexes), "scan" (SQLite, a text too short for FTS5: LIKE, which there
    ignores the letter case of ASCII as lower() does, without lower()'s copy of each text: a
    rare pair of letters read through 100,000 cases in a third of the time) or None (no search)."""
    if not (search and search.replace("\x00", "").strip()):
        return None
    if uses_text_index(dialect, search):
        return "fts"
    return "scan" if dialect == "sqlite" else "like"


def parameters(mode: str | None, search: str | None, sop: str | None, status: str | None,
               readable_secret: set[int] | None = None) -> dict[str, Any]:
    """The bind values of `page_ids`/`count` for these filters; `readable_secret` (the
    confidential cases the reader may see) when the statement hides the others' perihal."""
    params: dict[str, Any] = {}
    text = search or ""  # a mode is set for a search only
    if mode and readable_secret is not None:
        params["secret_like"] = contains_pattern(text)
        # one text ",12,45," (a prepared statement takes no list): "does it hold ,<id>,"
        params["readable_secret"] = "," + ",".join(str(i) for i in sorted(readable_secret)) + ","
    if mode == "fts":
        params["case_search"] = fts_phrase(text)
    elif mode in ("like", "scan"):
        params["like"] = contains_pattern(text)
    if sop:
        params["sop"] = sop.upper()
    if status:
        params["status"] = status
    return params


def _conditions(mode: str | None, sop: bool, status: bool, hide_secret: bool,
                indexed: bool = True) -> list[ColumnElement[bool]]:
    """The filters other than the search's text (bind parameters). Along an FTS5 match the SOP
    and status are compared as expressions, which no index serves: SQLite would otherwise read
    the filter's index and ask FTS5 about each case in it (0.3 ms a case: seconds for a SOP),
    where the match should lead and the filter test the few rows it finds. A walk (`Walk`) reads
    the filter's index only when the filter keeps few cases (`indexed`), else the sort's."""
    sop_kode: SQLColumnExpression[str] = Case.sop_kode
    case_status: SQLColumnExpression[str] = Case.status
    if mode in ("fts", "short") or not indexed:
        sop_kode, case_status = sop_kode.concat(literal_column("''")), case_status.concat(literal_column("''"))
    conditions: list[ColumnElement[bool]] = []
    if mode and hide_secret:
        secret_like: BindParameter[str] = bindparam("secret_like")
        readable = bindparam("readable_secret", type_=String).like(
            literal("%,") + cast(Case.id, String) + literal(",%"))
        conditions.append(or_(Case.rahasia.is_(False), readable,
                              Case.number.ilike(secret_like, escape=LIKE_ESCAPE),
                              Case.requester.ilike(secret_like, escape=LIKE_ESCAPE)))
    if sop:
        conditions.append(sop_kode == bindparam("sop"))
    if status:
        conditions.append(case_status == bindparam("status"))
    return conditions


def _matching(mode: str | None, sop: bool, status: bool, hide_secret: bool = False) -> Select[int]:
    """`SELECT case_file.id FROM ...` with every filter (bind parameters), before ordering."""
    conditions = _conditions(mode, sop, status, hide_secret)
    if mode == "fts":
        return (select(Case.id).select_from(CASE_SEARCH_TABLE).join(Case, Case.id == CASE_SEARCH_TABLE.c.rowid)
                .where(CASE_SEARCH_TABLE.c[CASE_SEARCH].match(bindparam("case_search")), *conditions))
    if mode in ("like", "scan", "short"):
        like: BindParameter[str] = bindparam("like")
        conditions.append(or_(*((column.ilike if mode == "like" else column.like)(like, escape=LIKE_ESCAPE)
                                for column in (Case.number, Case.title, Case.requester))))
    if mode == "short":  # the cases that may hold the pair, each then tested as the scan tests it
        conditions.insert(0, Case.id.in_(short_candidates()))
    return select(Case.id).where(*conditions)


def short_candidates() -> TextualSelect:
    """The cases that may hold one or two characters (engine.case_short's bind values): those
    that FTS5 finds holding one of the trigrams that contain them, and those with a text of at
    most two characters that may, each read in an index."""
    return text(case_short.short_texts() + f"UNION ALL SELECT rowid FROM {CASE_SEARCH} "
                f"WHERE {CASE_SEARCH} MATCH :case_search").columns(id=Integer)


@lru_cache(maxsize=1)
def pair_texts() -> TextualSelect:
    """How many cases have a text of at most two characters that may hold the text (engine.
    case_short's bind values `numbers` and `lowered`)."""
    return text(f"SELECT count(*) FROM ({case_short.short_texts()})").columns(n=Integer)


def may_walk(mode: str | None, search: str | None, sort: str | None) -> bool:
    """Whether this search may be answered by reading an index with LIKE (`page_ids`/`count`
    with `walk`): an FTS5 search (SQLite) in another order than the number's (None: a count),
    its text ASCII (LIKE folds the letter case of ASCII only; see store.text_search)."""
    return mode == "fts" and sort != "number" and (search or "").isascii()


class Walk(NamedTuple):
    """How a walk reads (`page_ids`/`count`): `escaped` when its LIKE pattern escapes a
    character (a LIKE without ESCAPE reads each row faster); `ranged` in the index of the
    filters (SOP, status) when they keep few cases, else in the sort's index, stopping at the
    page's end; `started` (a sort of GROUPED_SORTS) from the bind parameter `walk_from` on
    (`walk_start`)."""

    escaped: bool
    ranged: bool
    started: bool = False


GROUPED_SORTS = {"sop": "s", "title": "t"}  # store.text_search.CASE_TRIGRAM's groups, by sort


@lru_cache(maxsize=1)
def trigram_groups() -> TextualSelect:
    """The groups of `kind` (GROUPED_SORTS) that may hold a case matching a word: those that
    hold each of its trigrams (the JSON array `trigrams`, `needed` of them) or the empty one."""
    return text(f"SELECT grp FROM {CASE_TRIGRAM} WHERE grp >= :kind AND grp < :kind_end "
                "AND trigram IN (SELECT value FROM json_each(:trigrams)) "
                "GROUP BY grp HAVING count(*) >= :needed OR min(trigram) = ''").columns(grp=String)


def trigram_parameters(sort: str, search: str) -> dict[str, Any]:
    """`trigram_groups`' bind values: the word's trigrams, lower-cased as SQLite's lower() (ASCII:
    a walk's word is ASCII, `may_walk`)."""
    word = search.replace("\x00", "").strip().lower()
    trigrams = sorted({word[n:n + 3] for n in range(len(word) - 2)})
    kind = GROUPED_SORTS[sort]
    return {"kind": kind, "kind_end": chr(ord(kind) + 1), "trigrams": json.dumps([*trigrams, ""]),
            "needed": len(trigrams)}


def walk_start(sort: str, descending: bool, groups: list[str]) -> str | None:
    """Where a walk in this order starts (`walk_from`): at the first of `groups`
    (`trigram_groups`) in the order; before it no case matches. None: from the start."""
    keys = sorted(group[1:] for group in groups)
    if not keys:
        return None  # no group holds the word's trigrams (the walk then finds nothing anyway)
    key = keys[-1] if descending else keys[0]
    if sort == "title" and descending:  # below it: every title that starts with `key` or sorts before it
        if not key:
            return "\x01"  # the empty title's group
        return _after_prefix(key)
    return key


def _after_prefix(prefix: str) -> str | None:
    """The least text after every text that starts with `prefix` (None: there is none)."""
    while prefix:
        after = ord(prefix[-1]) + 1
        after = SURROGATES.stop if after in SURROGATES else after
        if after <= sys.maxunicode:
            return prefix[:-1] + chr(after)
        prefix = prefix[:-1]  # the last character is the greatest: after a shorter prefix
    return None


SURROGATES = range(0xD800, 0xE000)  # no character of a text


def _from_start(sort: str, descending: bool) -> ColumnElement[bool]:
    """The walk's cases from `walk_start`'s bind parameter `walk_from` on, in the sort's index."""
    start: BindParameter[str] = bindparam("walk_from", type_=String)
    if sort == "sop":
        return Case.sop_kode <= start if descending else Case.sop_kode >= start
    title = func.lower(Case.title)
    return title < start if descending else title >= start


def walk_pattern(search: str) -> tuple[str, bool]:
    """The walk's LIKE pattern, and whether it escapes a character (`Walk.escaped`)."""
    pattern = contains_pattern(search)
    return pattern, LIKE_ESCAPE in pattern


RANGED_SHARE = 3  # a filter that keeps at most a third of the cases is read in its own index


@lru_cache(maxsize=4)
def filter_rows(sop: bool, status: bool) -> Select[int]:
    """How many cases the filters keep, counting stopped at the bind parameter `filter_cap`
    (read in the filter's index)."""
    return select(func.count()).select_from(
        select(Case.id).where(*_conditions(None, sop, status, False)).limit(bindparam("filter_cap")).subquery())


def _walk(sop: bool, status: bool, hide_secret: bool, walk: Walk) -> Select[int]:
    """The matching ids read in the sort's index (store.text_search.WALK_INDEXES), which holds
    every column tested: each entry is tested with LIKE and the read stops at the page's end,
    however many cases match (a broad word in half the cases would be sorted for each page).
    The same rows as the FTS5 MATCH while no case holds a character that FTS5 folds into ASCII
    (`folding_rows`)."""
    like: BindParameter[str] = bindparam("like")
    escape = LIKE_ESCAPE if walk.escaped else None
    found = or_(*(column.like(like, escape=escape) for column in (Case.title, Case.number, Case.requester)))
    return select(Case.id).where(found, *_conditions("walk", sop, status, hide_secret, walk.ranged))


@lru_cache(maxsize=1)
def folding_rows() -> Select[int]:
    """`SELECT 1` if a case holds a character that FTS5 folds into ASCII and LIKE does not (read
    in the partial index FOLD_INDEX, empty in practice): a walk would then miss a match."""
    return select(literal(1)).select_from(Case).where(text(FOLD_ROWS)).limit(1)


ANCHORED_SORTS = {"sop", "title", "status", "started"}  # one key and the id, in one direction


def _from_anchor(sort: str, descending: bool) -> ColumnElement[bool]:
    """The cases at or after the case whose id is the bind parameter `anchor`, in the order of
    `ordering` (engine.case_anchors): a range of the sort's index (its key compared with the
    anchor's, read once) and the id where the key is the anchor's."""
    anchor_case = Case.__table__.alias("anchor_case")  # not correlated with the walked case_file
    column, anchor_column = CASE_SORTS[sort], anchor_case.c[CASE_SORTS[sort].key]
    key, anchor_key = (func.lower(column), func.lower(anchor_column)) if sort in TEXT_CASE_SORTS \
        else (column, anchor_column)
    anchor: BindParameter[int] = bindparam("anchor")
    at = select(anchor_key).where(anchor_case.c.id == anchor).scalar_subquery()
    if descending:
        return and_(key <= at, or_(key < at, Case.id <= anchor))
    return and_(key >= at, or_(key > at, Case.id >= anchor))


def page_ids(mode: str | None, sop: bool, status: bool, sort: str, descending: bool,
             hide_secret: bool = False, walk: Walk | None = None, *, anchored: bool = False) -> Select[int]:
    """The ids of one page of the case list, in its order (bind parameters limit, offset); with
    `walk` (SQLite, when `may_walk` and many cases match) read in an index with LIKE, and when
    `anchored` (a sort of ANCHORED_SORTS) from the case `anchor` on (engine.case_anchors)."""
    if walk:
        query = _walk(sop, status, hide_secret, walk)
        if walk.started:
            query = query.where(_from_start(sort, descending))
        if anchored:
            query = query.where(_from_anchor(sort, descending))
        return query.order_by(*ordering(sort, descending)).limit(bindparam("limit")).offset(bindparam("offset"))
    query = _matching(mode, sop, status, hide_secret)
    if sort == "number" and mode == "fts":
        rowid = CASE_SEARCH_TABLE.c.rowid  # the FTS5 table's own order: read until the page is full
        query = query.order_by(rowid.desc() if descending else rowid.asc())
    else:
        query = query.order_by(*ordering(sort, descending))
    return query.limit(bindparam("limit")).offset(bindparam("offset"))


TRIED_MOST = 12_000  # the index entries a tried walk reads at most (2 ms) before the matches are sorted


def walk_tried(found: int, first: int | None, last: int | None, newest: int | None, *, cap: int, offset: int,
               limit: int) -> bool:
    """Whether to try a walk of at most TRIED_MOST entries (`tried_ids`) before sorting the
    matches that `walk_pays` leaves sorted (a name in 3,000 cases: its first page is met within
    some 3,000 entries, where sorting reads and sorts all 3,000): when, the matches spread
    through the order as `spread` says, the page's end comes within half the entries. A word
    rare early in the order fills no page there, and its matches are then sorted as before."""
    if found <= cap or first is None or last is None or newest is None:
        return False  # a few hundred matches at most: sorted in no time
    return 2 * (offset + limit) * newest <= TRIED_MOST * _estimate(found, first, last, newest)


TRIED_SAMPLE = 32  # matches from each end of the id order, whose places `tried_sample` tells
TRIED_MARGIN = 1.5  # the matches expected within the tried entries, against those the page needs


@lru_cache(maxsize=16)
def tried_end(sort: str, descending: bool, started: bool) -> Select[int]:
    """The id of the entry `entries` places into the sort's index (from `walk_from` on when
    `started`): where a tried walk stops (none: it reads to the index's end)."""
    nth = select(Case.id).order_by(*ordering(sort, descending)).limit(1).offset(bindparam("entries"))
    return nth.where(_from_start(sort, descending)) if started else nth


@lru_cache(maxsize=16)
def tried_sample(sort: str, descending: bool) -> Select[int]:
    """Whether a tried walk would fill its page, told before it is read: the first and last
    `sample` matches of FTS5 (by id: a sample that does not follow the order, but for the
    start's time, hence both ends) and the case `end` (`tried_end`), sorted in the order; the
    rows before `end` are the sampled matches that the walk would meet (`tried_pays`). A name
    at the far end of the order (a 'Yohanes' sorted by requester) then has its matches sorted
    at once, not after 12,000 entries read in vain."""
    rowid = CASE_SEARCH_TABLE.c.rowid
    match = CASE_SEARCH_TABLE.c[CASE_SEARCH].match(bindparam("case_search"))
    sample: BindParameter[int] = bindparam("sample")
    return (select(Case.id)
            .where(or_(Case.id.in_(select(rowid).where(match).order_by(rowid).limit(sample)),
                       Case.id.in_(select(rowid).where(match).order_by(rowid.desc()).limit(sample)),
                       Case.id == bindparam("end", type_=Integer)))
            .order_by(*ordering(sort, descending)))


def tried_pays(places: list[bool], matches: float, *, offset: int, limit: int) -> bool:
    """Whether the tried walk may fill its page, from `tried_sample`'s rows (whether each is
    the case `end`) and the matches `spread` estimates: the share of the sample met before
    that case, as many matches, with a margin over those the page needs."""
    sampled = len(places) - any(places)
    if not sampled:
        return False
    within = places.index(True) if any(places) else sampled  # no such entry: the walk reads to the end
    return within >= offset + limit or within * matches >= TRIED_MARGIN * (offset + limit) * sampled


def tried_ids(sop: bool, status: bool, sort: str, descending: bool, hide_secret: bool, walk: Walk) -> Select[int]:
    """A page's ids as `page_ids` with `walk`, read in no more than the bind parameter
    `entries` entries of the sort's index (from `walk_from` on when `walk.started`). The page
    is exact when it is full (`limit` ids: the first matches in the order among its first
    entries are its first matches); fewer ids say only that the entries ran out. The entries
    are a co-routine that SQLite reads in their order, each tested as it comes, stopping at
    the page's end: an ORDER BY around it would read every entry first to sort them."""
    entries = select(Case.id, Case.number, Case.title, Case.requester, Case.rahasia, Case.sop_kode, Case.status)
    if walk.started:
        entries = entries.where(_from_start(sort, descending))
    read = entries.order_by(*ordering(sort, descending)).limit(bindparam("entries")).subquery("walked")
    found = _walk(sop, status, hide_secret, walk).whereclause
    assert found is not None  # noqa: S101 - a walk always tests the text
    tested = ClauseAdapter(read).traverse(found)  # the walk's tests, on the entries read
    return select(read.c.id).where(tested).limit(bindparam("limit")).offset(bindparam("offset"))


@lru_cache(maxsize=1)
def spread() -> Select[tuple[int, int | None, int | None, int | None]]:
    """For an FTS5 search: how many of its first `cap_plus_one` matches in id order there are,
    the first and the last one's id, and the newest case's id (for `walk_pays`), read in the
    FTS5 table alone (what a search sorted costs follows what FTS5 finds, filtered or not)."""
    rowid = CASE_SEARCH_TABLE.c.rowid
    matches = (select(rowid.label("id")).where(CASE_SEARCH_TABLE.c[CASE_SEARCH].match(bindparam("case_search")))
               .order_by(rowid).limit(bindparam("cap_plus_one")).subquery())
    newest = select(func.max(Case.id)).scalar_subquery()
    return select(func.count(), func.min(matches.c.id), func.max(matches.c.id), newest).select_from(matches)


SPREAD_SAMPLE = 256  # `spread`'s matches: enough to tell a rare word from a broad one (1,000: 2 ms more)
SORTED_AT_MOST = 5000  # matches sorted for each page in a few ms (SQLite, 100,000 cases)
WALK_VS_SORT = 4  # a match sorted costs about four index entries walked (each tested with LIKE)


def walk_pays(found: int, first: int | None, last: int | None, newest: int | None, *, cap: int,
              offset: int, limit: int, filtered: bool = False) -> bool:
    """Whether to walk an index (`page_ids`/`count` with `walk`) rather than sort what FTS5
    matches, from `spread`'s figures (the number of matches estimated from how close the first
    `cap` are). Sorting costs in proportion to the matches and is kept while they are few; a walk
    costs the entries read before the page is full: about (offset + limit) x cases / matches when
    the matches are spread through the order, and every entry at worst (a word rare early in the
    order, or a filter that keeps few of the matches: `filtered`), still less than sorting that
    many matches. Either gives the same rows."""
    if found <= cap or first is None or last is None or newest is None:
        return False
    matches = _estimate(found, first, last, newest)
    if filtered:
        return WALK_VS_SORT * matches > newest
    return matches > SORTED_AT_MOST and WALK_VS_SORT * matches * matches > (offset + limit) * newest


def estimated(found: int, first: int, last: int, newest: int) -> float:
    """How many cases match, from `spread`'s figures (when it did not count them all)."""
    return _estimate(found, first, last, newest)


def _estimate(found: int, first: int, last: int, newest: int) -> float:
    """How many cases match, from how close `spread`'s first `found` are."""
    return found * (newest - first + 1) / (last - first + 1)


def matches_at_most(found: int, first: int | None, last: int | None, newest: int | None, most: int, *,
                    cap: int) -> bool:
    """Whether, by `spread`'s figures (as `walk_pays`), at most about `most` cases match."""
    if found <= cap or first is None or last is None or newest is None:
        return found <= most
    return _estimate(found, first, last, newest) <= most


@lru_cache(maxsize=64)
def count(mode: str | None, sop: bool, status: bool, capped: bool, hide_secret: bool = False,
          walk: Walk | None = None) -> Select[int]:
    """How many cases match; when `capped`, counting stops at the bind parameter `cap` + 1; with
    `walk` (as `page_ids`) tested with LIKE in an index that holds the filter (a word in half
    the cases, of which a SOP or a status keeps few)."""
    query = _walk(sop, status, hide_secret, walk) if walk else _matching(mode, sop, status, hide_secret)
    if capped:
        query = query.limit(bindparam("cap_plus_one"))
    return select(func.count()).select_from(query.subquery())
