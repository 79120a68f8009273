"""The search box as a LIKE pattern that means the same on SQLite and PostgreSQL.

A user's text is matched literally: `%` and `_` are wildcards to LIKE, and a backslash is
PostgreSQL's default escape character but an ordinary character to SQLite, so "100%" would find
every "100 ..." and "a\\b" would find "ab" on the server only. Each is escaped with a backslash,
and every query names that escape character (ESCAPE), so both stores read the pattern alike."""

from __future__ import annotations

from sqlalchemy import or_

LIKE_ESCAPE = "\\"


def contains_pattern(text: str) -> str:
    """`%text%` for `column.ilike(pattern, escape=LIKE_ESCAPE)`, the text stripped and literal
    (a NUL dropped: no stored text holds one, and PostgreSQL refuses it even in a pattern)."""
    escaped = text.replace("\x00", "").strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matching(text: str, *columns):  # noqa: ANN201 - an SQL expression
    """Any of `columns` contains `text`, letter case ignored, the text taken literally."""
    pattern = contains_pattern(text)
    return or_(*(column.ilike(pattern, escape=LIKE_ESCAPE) for column in columns))
