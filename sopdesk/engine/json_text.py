"""JSON text made by an encoder built once, for the texts every action hashes or writes (an
audit event's canonical fields and detail, a seal, the anchor's slots and MAC).

Why: `json.JSONEncoder(...).encode` builds the C encoder again at every call (its options,
a dict for the circular check); for the small texts of an action that costs more than the
encoding itself, and an action makes about eight of them (issue #15). `encoder()` builds the
same C encoder once, with the same options, so the text is the one `encode` gives, byte for
byte (hashes and MACs depend on it; tests/test_json_text.py holds them to it). Where Python
has no C encoder, it is the encoder's own `encode`. No circular check: these texts are made
of plain values."""

from __future__ import annotations

import json
from collections.abc import Callable
from json import encoder as _encoder
from typing import Any


def encoder(**options: Any) -> Callable[[Any], str]:
    """The `encode` of `json.JSONEncoder(**options)`, its C encoder made once."""
    model = json.JSONEncoder(**options)
    make = getattr(_encoder, "c_make_encoder", None)
    if make is None or model.indent is not None:
        return model.encode
    strings = _encoder.encode_basestring_ascii if model.ensure_ascii else _encoder.encode_basestring
    chunks = make(None, model.default, strings, None, model.key_separator, model.item_separator,
                  model.sort_keys, model.skipkeys, model.allow_nan)

    def encode(value: Any) -> str:
        if isinstance(value, str):  # as JSONEncoder.encode: a string alone, not through the C encoder
            return str(strings(value))
        return "".join(chunks(value, 0))

    return encode
