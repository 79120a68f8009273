"""audit.event_hash builds its JSON with one encoder made at import; the hash of every event must
stay what the old per-call `json.dumps` gave, byte for byte, or every office's chain would break."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta, timezone

import pytest

from sopdesk.engine import audit


def _old_hash(prev_hash, at, user_id, action, case_id, work_item_id, step_no, detail, sealed=None):
    fields = [prev_hash, at.isoformat(), user_id, action, case_id, work_item_id, step_no, detail]
    if sealed is not None:
        fields.append(sealed)
    payload = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


UTC = timezone.utc
EVENTS = [
    (audit.GENESIS, datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC), None, "setup", None, None, None, "{}"),
    ("a" * 64, datetime(2024, 6, 30, 23, 59, 59, 999999, tzinfo=UTC), 1, "case_started", 100000,
     None, None, '{"title": "Permohonan \\"PAW\\" anggota DPRD"}'),
    ("b" * 64, datetime(2025, 2, 28, 12, 0, tzinfo=UTC), 2**40, "step_completed", 7, 12, 9,
     json.dumps({"catatan": "Sudah diperiksa – lengkap ✓ 日本 😀\n\tbaris\\dua\x01\x1f\x7f"},
                ensure_ascii=False, sort_keys=True), '{"case_file":{"7":"x"},"~":"m"}'),
    ("c" * 64, datetime(2025, 2, 28, 12, 0, tzinfo=timezone(timedelta(hours=7))), -1, "login",
     0, 0, 0, "", ""),
    ("", datetime(2025, 1, 1, tzinfo=UTC), 3, "ünïcödé_action", None, 5, None,
     '{"x": "\u2028\u2029\u00a0\ufeff"}', None),
]


@pytest.mark.parametrize("event", EVENTS)
def test_event_hash_is_the_old_canonical_form(event):
    assert audit.event_hash(*event) == _old_hash(*event)


def test_the_seal_changes_the_hash_and_none_leaves_it_out():
    base = EVENTS[1]
    assert audit.event_hash(*base) == audit.event_hash(*base, None)
    assert audit.event_hash(*base, "") != audit.event_hash(*base)


DETAILS = [
    {},
    {"title": "Usulan PAW a.n. Yohanes Manafe – ✓ 日本 😀", "next": None, "present": ["b", "a"], "z": 1, "a": 2.5},
    {"at": datetime(2025, 1, 2, 3, 4, tzinfo=UTC), "when": timedelta(days=1), "nested": {"b": [1, {"y": True}]},
     "quote": 'a "b" \\ c\n\t\x01'},
]


@pytest.mark.parametrize("detail", DETAILS)
def test_detail_and_seal_texts_are_json_dumps_byte_for_byte(detail):
    """The encoders built once (audit._DETAIL, seal._SEALED) write what json.dumps wrote."""
    from sopdesk.engine import seal

    assert audit._DETAIL(detail) == json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)  # noqa: SLF001
    plain = json.loads(audit._DETAIL(detail))  # noqa: SLF001
    assert seal._SEALED(plain) == json.dumps(plain, sort_keys=True, separators=(",", ":"))  # noqa: SLF001
