"""A two-character search of the case list that few cases hold, answered without reading every
case (issue #15; SQLite).

FTS5's trigram index cannot look up a text shorter than three characters, so such a search is
a LIKE tested on each case (engine.case_list, mode "scan"). A common pair ('an', 'PP') stops
at the page's end; a rare one ('Ab' on the way to 'Abdul', or one that no case holds) read all
100,000 cases for the page and again for the count (30-40 ms). Every case that holds the pair
in a text of three characters or more holds a trigram that contains it ('xq?' or '?xq'), and
migration 0012's CASE_TRIGRAM lists every trigram of the searched texts (lower-cased as
lower() does, which is how LIKE folds letter case): the trigrams that contain the pair are read
there (its index: those that start with it, then one look per first character), and FTS5 finds
the cases that hold one of them. A text of two characters holds it only by being it, which the
indexes of each column answer (number's unique index, the walk indexes of the lower-cased title
and requester). These candidates, few, are tested with the same LIKE as the scan, so the rows
and their order are the scan's (mode "short").

Used while the candidates are few (SHORT_MOST, counted trigram by trigram, stopping past it);
otherwise the scan, which then stops early. Not used when a text is too long for CASE_TRIGRAM
(its empty trigram). The trigrams are read when the search is asked: a case saved between that
and the page's statement with a new trigram holding the pair shows at the next refresh.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, String, text

from sopdesk.store.text_search import CASE_SEARCH, CASE_TRIGRAM

if TYPE_CHECKING:
    from sqlalchemy.sql.selectable import TextualSelect

    from sopdesk.store.direct import DirectTx

SHORT = 2  # the length of the searches answered here (one character: the scan)
SHORT_MOST = 2000  # candidates tested and sorted for a page in a few ms (more: the scan stops early)
LAST_CHARACTER = 0x10FFFF


@lru_cache(maxsize=1)
def trigrams_holding() -> TextualSelect:
    """The trigrams of CASE_TRIGRAM that contain the bind parameter `pair` (lower-cased): those
    that start with it (a range of the table's key), and for each first character of a trigram
    (found by skipping through the key, one look each) the trigram of it and the pair; and the
    empty trigram if a text was too long to be listed."""
    return text(
        "WITH RECURSIVE firsts(c) AS ("
        f"SELECT substr(min(trigram), 1, 1) FROM {CASE_TRIGRAM} WHERE trigram > '' "
        f"UNION ALL SELECT (SELECT substr(min(trigram), 1, 1) FROM {CASE_TRIGRAM} "
        "WHERE trigram >= char(unicode(firsts.c) + 1)) "
        f"FROM firsts WHERE firsts.c IS NOT NULL AND unicode(firsts.c) < {LAST_CHARACTER}) "
        f"SELECT trigram FROM {CASE_TRIGRAM} WHERE trigram >= :pair AND trigram <= :pair || char({LAST_CHARACTER}) "
        "UNION SELECT firsts.c || :pair FROM firsts "
        f"WHERE EXISTS (SELECT 1 FROM {CASE_TRIGRAM} WHERE trigram = firsts.c || :pair) "
        f"UNION SELECT trigram FROM {CASE_TRIGRAM} WHERE trigram = ''"
    ).columns(trigram=String)


@lru_cache(maxsize=1)
def holding_at_most() -> TextualSelect:
    """How many cases hold the FTS5 phrase `phrase`, counting stopped at `most`."""
    return text(f"SELECT count(*) FROM (SELECT 1 FROM {CASE_SEARCH} WHERE {CASE_SEARCH} MATCH :phrase "
                "LIMIT :most)").columns(n=Integer)


def lowered(value: str) -> str:
    """The text lower-cased as SQLite's lower() does (ASCII letters only)."""
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in value)


def letter_cases(value: str) -> list[str]:
    """Every spelling of `value` that LIKE takes for it (ASCII letters in either case)."""
    spellings = [""]
    for c in value:
        variants = sorted({c.lower(), c.upper()}) if c.isascii() and c.isalpha() else [c]
        spellings = [spelling + variant for spelling in spellings for variant in variants]
    return spellings


def phrase(trigram: str) -> str:
    """The trigram as one FTS5 phrase, every character literal."""
    return '"' + trigram.replace('"', '""') + '"'


def pair_trigrams(db: DirectTx, pair: str) -> list[str] | None:
    """The trigrams of CASE_TRIGRAM that contain `pair` (letter case as LIKE takes it); None
    when a text was too long to be listed (it may hold the pair anywhere)."""
    trigrams = [row[0] for row in db.execute(trigrams_holding(), {"pair": lowered(pair)})]
    return None if "" in trigrams else trigrams


def pair_parameters(pair: str) -> dict[str, str]:
    """The bind values of engine.case_list's `pair_texts` (and `short_candidates`')."""
    return {"numbers": json.dumps(letter_cases(pair)), "lowered": lowered(pair)}


def narrowed(db: DirectTx, mode: str | None, search: str | None, filters: dict[str, Any]) -> str | None:
    """The case list's search mode for `search`: "short" when it is a pair of characters that at
    most SHORT_MOST cases may hold (its candidates' bind values then set in `filters`:
    `case_search`, `numbers`, `lowered`), else `mode` as it was."""
    pair = (search or "").replace("\x00", "").strip()
    if mode != "scan" or len(pair) != SHORT:
        return mode
    trigrams = pair_trigrams(db, pair)
    if trigrams is None:  # a text too long to be listed: it may hold the pair anywhere
        return mode
    left = SHORT_MOST
    for trigram in trigrams:
        left -= db.scalar(holding_at_most(), {"phrase": phrase(trigram), "most": left + 1})
        if left < 0:
            return mode
    # no trigram: a phrase of two characters, which the trigram tokenizer matches in no case
    filters["case_search"] = " OR ".join(phrase(trigram) for trigram in trigrams) or phrase(pair)
    filters.update(pair_parameters(pair))
    return "short"
