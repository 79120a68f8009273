"""The search box as a LIKE pattern that means the same on SQLite and PostgreSQL, and the case
list's search through the store's own text index (store.text_search).

A user's text is matched literally: `%` and `_` are wildcards to LIKE, and a backslash is
PostgreSQL's default escape character but an ordinary character to SQLite, so "100%" would find
every "100 ..." and "a\\b" would find "ab" on the server only. Each is escaped with a backslash,
and every query names that escape character (ESCAPE), so both stores read the pattern alike."""

from __future__ import annotations

from sqlalchemy import ColumnElement, SQLColumnExpression, column, or_, table

from sopdesk.store.text_search import CASE_SEARCH, MIN_TRIGRAM

LIKE_ESCAPE = "\\"
CASE_SEARCH_TABLE = table(CASE_SEARCH, column("rowid"), column(CASE_SEARCH))  # SQLite's FTS5 table


def contains_pattern(text: str) -> str:
    """`%text%` for `column.ilike(pattern, escape=LIKE_ESCAPE)`, the text stripped and literal
    (a NUL dropped: no stored text holds one, and PostgreSQL refuses it even in a pattern)."""
    escaped = text.replace("\x00", "").strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matching(text: str, *columns: SQLColumnExpression[str] | SQLColumnExpression[str | None]) -> ColumnElement[bool]:
    """Any of `columns` contains `text`, letter case ignored, the text taken literally."""
    pattern = contains_pattern(text)
    return or_(*(column.ilike(pattern, escape=LIKE_ESCAPE) for column in columns))


def _cleaned(text: str) -> str:
    return text.replace("\x00", "").strip()


def fts_phrase(text: str) -> str:
    """The text as one FTS5 phrase: with the trigram tokenizer, "contains this text" (letter
    case ignored), every character literal (a double quote doubled)."""
    return '"' + _cleaned(text).replace('"', '""') + '"'


def uses_text_index(dialect_name: str, text: str) -> bool:
    """Whether the case search goes through SQLite's FTS5 table (three characters or more);
    otherwise LIKE, which a PostgreSQL server answers from its trigram indexes."""
    return dialect_name == "sqlite" and len(_cleaned(text)) >= MIN_TRIGRAM
