"""UTCDateTime's SQLite text is written by datetime.isoformat (store.models._SQLiteUTCText):
the same text as SQLite's DATETIME default format, so that rows written before and after
compare, sort and seal alike."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy.dialects import sqlite

from sopdesk.store.models import UTCDateTime, _SQLiteUTCText


def test_the_text_is_sqlite_datetimes_default_text():
    dialect = sqlite.dialect()
    fast = _SQLiteUTCText().bind_processor(dialect)
    general = sqlite.DATETIME().bind_processor(dialect)
    values = [datetime(2027, 1, 17, 9, 46, 15, 446416), datetime(5, 1, 2, 3, 4, 5),
              datetime(9999, 12, 31, 23, 59, 59, 1),
              datetime(2026, 6, 1), date(2026, 1, 1), None]
    for value in values:
        assert fast(value) == general(value), value


def test_an_aware_time_is_written_as_its_naive_utc_text():
    dialect = sqlite.dialect()
    process = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)
    wita = timezone(timedelta(hours=8))
    assert process(datetime(2027, 1, 17, 17, 46, 15, 5, tzinfo=wita)) == "2027-01-17 09:46:15.000005"
    assert process(None) is None
