"""seal.digest remembers the text of the aware UTC times it wrote (engine.seal._utc_texts): the
digest is the same as with the text made afresh, for the same time given again, an equal time
read back as another object, and after the memory was emptied when full."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sopdesk.engine import seal


def _afresh(table: str, names: list[str], values: list[object]) -> str:
    seal._utc_texts.clear()  # noqa: SLF001 - nothing remembered: every text made again
    return seal.digest(table, names, values)


def test_a_remembered_time_gives_the_same_digest():
    names = ["created_at", "due_at", "completed_at", "note"]
    now = datetime(2026, 12, 3, 8, 1, 2, 345678, tzinfo=timezone.utc)
    whole = datetime(2026, 12, 4, 9, 0, tzinfo=timezone.utc)  # no microseconds: no fraction in its text
    values: list[object] = [now, whole, now, "catatan"]
    expected = _afresh("work_item", names, values)
    assert seal.digest("work_item", names, values) == expected  # remembered now
    again = [datetime.fromisoformat("2026-12-03 08:01:02.345678+00:00"), whole.replace(), now, "catatan"]
    assert seal.digest("work_item", names, again) == expected
    for minutes in range(seal.UTC_TEXTS + 5):  # fill it past full: emptied, then filled again
        seal.digest("work_item", ["created_at"], [now + timedelta(minutes=minutes)])
    assert len(seal._utc_texts) <= seal.UTC_TEXTS  # noqa: SLF001
    assert seal.digest("work_item", names, values) == expected


def test_the_text_is_the_naive_utc_text():
    moment = datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=timezone.utc)
    seal._utc_texts.clear()  # noqa: SLF001
    seal.digest("case_file", ["started_at"], [moment])
    assert seal._utc_texts[moment] == "2026-01-02T03:04:05.000006"  # noqa: SLF001
    assert seal.digest("case_file", ["started_at"], [moment]) == \
        seal.digest("case_file", ["started_at"], [moment.replace(tzinfo=None)])
