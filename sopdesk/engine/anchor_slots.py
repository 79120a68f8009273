"""The anchor file's layout: two slots, so that an anchor written over in place survives a power
cut in the middle of the write (engine.anchor).

Why: the anchor after each action is written over the file in place (a new file and a rename per
action cost more CPU than the rest of the anchor). A power cut during that write could leave a
slot part new, part old, or zeroed; with one slot that read as an edited anchor, a false tamper
finding for the clerk. So the file holds two slots of SLOT bytes, and each write goes to the slot
that does not hold the newest anchor: a torn write spoils only the slot being written, and the
other one still holds the anchor before it (which the check accepts, as a power cut that lost the
anchor's write: the newest event carries the key's mark).

Each slot is the anchor's JSON (sorted, compact) padded with spaces to SLOT bytes, with a write
number `gen` (the newest valid slot wins) and a checksum `sum` over the rest of it (a torn slot
is known as such; the MAC, when keyed, is checked by engine.anchor as before). A file of any other
size is the older form, one JSON document, and is read as such.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

SLOT = 512
SIZE = 2 * SLOT
_TEXT = json.JSONEncoder(sort_keys=True, separators=(",", ":")).encode


def _sum(body: dict[str, Any]) -> str:
    return hashlib.sha256(_TEXT(body).encode("utf-8")).hexdigest()[:16]


def slot_bytes(body: dict[str, Any]) -> bytes:
    """One slot: `body` (its `gen` and `mac` included) with its checksum, padded to SLOT."""
    data = {**body, "sum": _sum({k: v for k, v in body.items() if k != "mac"})}
    text = _TEXT(data).encode("utf-8")
    if len(text) >= SLOT:
        raise ValueError("anchor too long for its slot")
    return text.ljust(SLOT - 1) + b"\n"


def whole(body: dict[str, Any]) -> bytes:
    """A new file: both slots hold `body`."""
    one = slot_bytes(body)
    return one + one


def _slot(raw: bytes) -> dict[str, Any] | None:
    """A slot's anchor, None when it is torn (not JSON, or its checksum does not match)."""
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("gen"), int):
            return None
        rest = {k: v for k, v in data.items() if k not in ("sum", "mac")}
        return data if data.get("sum") == _sum(rest) else None
    except (ValueError, UnicodeDecodeError):
        return None


def newest(raw: bytes) -> tuple[dict[str, Any], int] | None:
    """The newest valid slot of a two-slot file (without its checksum) and its index; None when
    `raw` is not a two-slot file. ValueError when neither slot is valid."""
    if len(raw) != SIZE:  # the older form is one short JSON document, never this size
        return None
    found = [(data, index) for index, data in enumerate((_slot(raw[:SLOT]), _slot(raw[SLOT:]))) if data]
    if not found:
        raise ValueError("no valid slot")
    data, index = max(found, key=lambda item: (item[0]["gen"], item[1]))
    return {k: v for k, v in data.items() if k != "sum"}, index


def write_slot(fd: int, index: int, data: bytes) -> None:
    """Write one slot over the file open at `fd` (at its offset; no pwrite on Windows)."""
    os.lseek(fd, index * SLOT, os.SEEK_SET)
    while data:
        data = data[os.write(fd, data):]
