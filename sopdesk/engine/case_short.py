"""A search of the case list for one or two characters that few cases hold, answered without
reading every case (issue #15; SQLite).

FTS5's trigram index cannot look up a text shorter than three characters, so such a search is
a LIKE tested on each case (engine.case_list, mode "scan"). A common pair ('an', 'PP') stops
at the page's end; a rare one ('Ab' on the way to 'Abdul', 'Z' of 'Zulkifli', or one that no
case holds) read all 100,000 cases for the page and again for the count (30-50 ms). Every case
that holds the text in a text of three characters or more holds a trigram that contains it
('xq?' or '?xq'; 'z??', '?z?' or '??z'), and migration 0012's CASE_TRIGRAM lists every trigram
of the searched texts (lower-cased as lower() does, which is how LIKE folds letter case): the
trigrams that contain it are read there (skipping through its key: a look per first one or two
characters), and FTS5 finds the cases that hold one of them. A text of at most two characters
is found in each column's index (number's unique index, the walk indexes of the lower-cased
title and requester): one that starts with the text (a range), or for one character a first
character and it. These candidates, few, are tested with the same LIKE as the scan, so the rows
and their order are the scan's (mode "short").

Used while the candidates are few (SHORT_MOST, counted trigram by trigram, stopping past it);
otherwise the scan, which then stops early. One character held by many of the newest cases is
left to the scan at once (its trigrams alone take longer to read than its scan). Not used when
a text is too long for CASE_TRIGRAM (its empty trigram). The trigrams are read when the search
is asked: a case saved between that and the page's statement with a new trigram holding the
text shows at the next refresh.
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
SAMPLE, SAMPLE_HELD = 500, 10  # one character held by 10 of the 500 newest cases: likely by thousands


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
def trigrams_holding_one() -> TextualSelect:
    """As `trigrams_holding` for one character `pair`: for each first two characters of a
    trigram (found by skipping through the key), every trigram that starts with them if they
    hold it, else the trigram of them and the character."""
    return text(
        "WITH RECURSIVE firsts(x) AS ("
        f"SELECT substr(min(trigram), 1, 2) FROM {CASE_TRIGRAM} WHERE trigram > '' "
        f"UNION ALL SELECT (SELECT substr(min(trigram), 1, 2) FROM {CASE_TRIGRAM} WHERE trigram >= CASE "
        f"WHEN unicode(substr(firsts.x, 2)) < {LAST_CHARACTER} "
        "THEN substr(firsts.x, 1, 1) || char(unicode(substr(firsts.x, 2)) + 1) "
        "ELSE char(unicode(firsts.x) + 1) END) "
        f"FROM firsts WHERE firsts.x IS NOT NULL AND firsts.x < char({LAST_CHARACTER}, {LAST_CHARACTER})) "
        f"SELECT trigram FROM firsts JOIN {CASE_TRIGRAM} ON trigram >= firsts.x "
        f"AND trigram <= firsts.x || char({LAST_CHARACTER}) WHERE instr(firsts.x, :pair) > 0 "
        "UNION SELECT firsts.x || :pair FROM firsts WHERE instr(firsts.x, :pair) = 0 "
        f"AND EXISTS (SELECT 1 FROM {CASE_TRIGRAM} WHERE trigram = firsts.x || :pair) "
        f"UNION SELECT trigram FROM {CASE_TRIGRAM} WHERE trigram = ''"
    ).columns(trigram=String)


def _first_characters(name: str, key: str, where: str = "") -> str:
    """A recursive CTE `name(c)`: the distinct first characters of the index key `key`, one look
    each (a skip through the index); none for a pair (`lowered`), which a text of two characters
    holds only by being it."""
    where = f"{where} AND " if where else ""
    after = f"{where}{key} >= char(unicode({name}.c) + 1)"
    return (f"{name}(c) AS (SELECT (SELECT substr({key}, 1, 1) FROM case_file WHERE {where}{key} > '' "
            f"ORDER BY {key} LIMIT 1) WHERE length(:lowered) = 1 "
            f"UNION ALL SELECT (SELECT substr({key}, 1, 1) FROM case_file WHERE {after} ORDER BY {key} LIMIT 1) "
            f"FROM {name} WHERE {name}.c IS NOT NULL AND unicode({name}.c) < {LAST_CHARACTER})")


def _short_holding(key: str, firsts: str, where: str = "") -> str:
    """The ids of the cases whose `key` (its index's) of at most two characters holds `lowered`
    (one or two characters): one that starts with it (a range, whose longer texts hold a trigram
    of it), or a first character and it (one look each)."""
    where = f"{where} AND " if where else ""
    column = key.removeprefix("lower(").removesuffix(")")
    return (f"SELECT id FROM case_file WHERE {where}{key} >= :lowered AND {key} <= :lowered || "
            f"char({LAST_CHARACTER}) AND length({column}) <= 2 UNION ALL SELECT id FROM case_file "
            f"WHERE {where}{key} IN (SELECT {firsts}.c || :lowered FROM {firsts})")


HELD = "(requester IS NULL) = 0"  # the requester's walk index's first key


@lru_cache(maxsize=1)
def short_texts() -> str:
    """The SQL of the ids of the cases with a text of at most two characters that may hold the
    bind parameter `lowered` (`numbers`: its spellings, for the case-sensitive number's index)
    and (the last line) the matches of the FTS5 query `case_search`."""
    return (
        "WITH RECURSIVE " + ", ".join([_first_characters("number_firsts", "number"),
                                       _first_characters("title_firsts", "lower(title)"),
                                       _first_characters("requester_firsts", "lower(requester)", HELD)]) + " "
        "SELECT case_file.id FROM case_file, json_each(:numbers) AS spelt WHERE number >= spelt.value "
        f"AND number <= spelt.value || char({LAST_CHARACTER}) AND length(number) <= 2 "
        "UNION ALL SELECT id FROM case_file WHERE number IN "
        "(SELECT number_firsts.c || spelt.value FROM number_firsts, json_each(:numbers) AS spelt) "
        f"UNION ALL {_short_holding('lower(title)', 'title_firsts')} "
        f"UNION ALL {_short_holding('lower(requester)', 'requester_firsts', HELD)} "
    )


@lru_cache(maxsize=1)
def held_among_newest() -> TextualSelect:
    """How many of the SAMPLE newest cases hold the text (LIKE pattern `like`), counting stopped
    at SAMPLE_HELD: a common text stops after a few cases (and is left to the scan)."""
    found = " OR ".join(f"{column} LIKE :like ESCAPE '\\'" for column in ("number", "title", "requester"))
    return text(f"SELECT count(*) FROM (SELECT 1 FROM (SELECT number, title, requester FROM case_file "
                f"ORDER BY id DESC LIMIT {SAMPLE}) WHERE {found} LIMIT {SAMPLE_HELD})").columns(n=Integer)


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
    holding = trigrams_holding() if len(pair) == SHORT else trigrams_holding_one()
    trigrams = [row[0] for row in db.execute(holding, {"pair": lowered(pair)})]
    return None if "" in trigrams else trigrams


def pair_parameters(pair: str) -> dict[str, str]:
    """The bind values of engine.case_list's `pair_texts` (and `short_candidates`')."""
    return {"numbers": json.dumps(letter_cases(pair)), "lowered": lowered(pair)}


def narrowed(db: DirectTx, mode: str | None, search: str | None, filters: dict[str, Any]) -> str | None:
    """The case list's search mode for `search`: "short" when it is a pair of characters that at
    most SHORT_MOST cases may hold (its candidates' bind values then set in `filters`:
    `case_search`, `numbers`, `lowered`), else `mode` as it was."""
    pair = (search or "").replace("\x00", "").strip()
    if mode != "scan" or not 0 < len(pair) <= SHORT:
        return mode
    if len(pair) < SHORT and db.scalar(held_among_newest(), {"like": filters["like"]}) >= SAMPLE_HELD:
        return mode  # (reading the trigrams of one common character alone costs more than its scan)
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
