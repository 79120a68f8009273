"""engine.json_text's encoders give the text json.JSONEncoder gives, byte for byte, for every
kind of value the hashed and MACed texts hold (the audit chain, the seals and the anchor depend
on it): strings with quotes, escapes and non-ASCII, nested dicts sorted, numbers, None, bools,
a value only `default` can write, a string alone."""

from __future__ import annotations

import json
import random
from datetime import datetime, timezone

import pytest

from sopdesk.engine import json_text

OPTIONS = [
    {"ensure_ascii": False, "separators": (",", ":")},  # audit._CANONICAL
    {"ensure_ascii": False, "sort_keys": True, "default": str},  # audit._DETAIL
    {"sort_keys": True, "separators": (",", ":")},  # seal._SEALED, the anchor's slot and MAC
]
WORDS = ["", "a", 'kutip "ganda"', "garis\\miring", "baris\nbaru", "tab\t", "é ñ ü", "日本", "\u2028", "\x00x",
         "Surat Jawaban PAW", "🙂"]


def _value(rng: random.Random, depth: int = 0):  # noqa: ANN202
    kind = rng.randrange(9 if depth < 3 else 6)
    if kind == 0:
        return rng.choice(WORDS)
    if kind == 1:
        return rng.randrange(-10**12, 10**12)
    if kind == 2:
        return rng.choice([None, True, False])
    if kind == 3:
        return rng.choice([0.5, -1.25, 1e300, 3.0])
    if kind == 4:
        return "".join(rng.choice(WORDS) for _ in range(3))
    if kind == 5:
        return rng.randrange(100)
    if kind == 6:
        return [_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {rng.choice(WORDS) + str(i): _value(rng, depth + 1) for i in range(rng.randrange(5))}


@pytest.mark.parametrize("options", OPTIONS)
def test_the_text_is_json_encoders_text(options):  # noqa: ANN001
    fast, model = json_text.encoder(**options), json.JSONEncoder(**options).encode
    rng = random.Random(15)
    for _ in range(400):
        value = _value(rng)
        assert fast(value) == model(value)
    for value in ("alone \"quoted\" é", 7, None, [], {}, {"b": 1, "a": [1, "x"]}):
        assert fast(value) == model(value)


def test_default_writes_what_json_cannot():
    options = {"ensure_ascii": False, "sort_keys": True, "default": str}
    value = {"at": datetime(2026, 12, 3, 8, 0, tzinfo=timezone.utc), "n": 1}
    assert json_text.encoder(**options)(value) == json.JSONEncoder(**options).encode(value)
