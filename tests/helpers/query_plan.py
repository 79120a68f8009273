"""The store's plan of a statement as one text, for tests that assert how a query is answered
(an index read, no sort of the table) rather than how fast: the case list's tests share it."""

from __future__ import annotations

from typing import Any


def plan(ws: Any, statement: Any, params: dict[str, Any]) -> str:
    """EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (PostgreSQL, sequential scans off: a few rows must
    still be read through the index) of a statement with these bind values."""
    with ws.db.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET enable_seqscan = off")
        compiled = statement.compile(dialect=conn.dialect)
        explain = "EXPLAIN QUERY PLAN " if conn.dialect.name == "sqlite" else "EXPLAIN "
        rows = conn.exec_driver_sql(explain + compiled.string, compiled.construct_params(params)
                                    if conn.dialect.name == "postgresql" else
                                    tuple(compiled.construct_params(params)[name] for name in compiled.positiontup))
        return "\n".join(str(row[-1]) for row in rows)
