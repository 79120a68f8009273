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
number `gen` (the newest valid slot wins), its own position `slot` and a checksum `sum` over the
rest of it (a torn slot is known as such; the MAC, when keyed, covers `gen` and `slot` and is
checked by engine.anchor as before). A file of any other size is the older form, one JSON
document, and is read as such.

Keeping the anchor before the newest one in the same file must not let anyone cut the newest
action out of the chain unseen: a slot copied over the other one holds the wrong `slot` (its MAC
no longer fits if that is edited), so it reads as spoilt; and a spoilt slot is only what a power
cut leaves when the chain goes on after the surviving anchor (the write after a commit comes after
that commit), which the check holds it to (record_check.check_anchor: `Anchor.torn`).
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from sopdesk.engine import json_text

SLOT = 512
SIZE = 2 * SLOT
_TEXT = json_text.encoder(sort_keys=True, separators=(",", ":"))


def _sum(body: dict[str, Any]) -> str:
    return hashlib.sha256(_TEXT(body).encode("utf-8")).hexdigest()[:16]


def slot_bytes(body: dict[str, Any]) -> bytes:
    """One slot: `body` (its `gen` and `mac` included) with its checksum, padded to SLOT."""
    data = {**body, "sum": _sum({k: v for k, v in body.items() if k != "mac"})}
    text = _TEXT(data).encode("utf-8")
    if len(text) >= SLOT:
        raise ValueError("anchor too long for its slot")
    return text.ljust(SLOT - 1) + b"\n"


def whole(first: dict[str, Any], second: dict[str, Any]) -> bytes:
    """A new file: the anchor numbered for slot 0 and for slot 1 (the same anchor)."""
    return slot_bytes(first) + slot_bytes(second)


def _slot(raw: bytes, index: int) -> dict[str, Any] | None:
    """A slot's anchor, None when it is torn or spoilt (not JSON, its checksum does not match, or
    it names another position: a slot copied over this one)."""
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("gen"), int):
            return None
        if data.get("slot", index) != index:
            return None
        rest = {k: v for k, v in data.items() if k not in ("sum", "mac")}
        return data if data.get("sum") == _sum(rest) else None
    except (ValueError, UnicodeDecodeError):
        return None


def newest(raw: bytes) -> tuple[dict[str, Any], int, bool] | None:
    """The newest valid slot of a two-slot file (without its checksum), its index and whether
    the other slot is spoilt (torn); None when `raw` is not a two-slot file. ValueError when
    neither slot is valid."""
    if len(raw) != SIZE:  # the older form is one short JSON document, never this size
        return None
    slots = (_slot(raw[:SLOT], 0), _slot(raw[SLOT:], 1))
    found = [(data, index) for index, data in enumerate(slots) if data]
    if not found:
        raise ValueError("no valid slot")
    data, index = max(found, key=lambda item: (item[0]["gen"], item[1]))
    return {k: v for k, v in data.items() if k != "sum"}, index, len(found) == 1


def write_slot(fd: int, index: int, data: bytes) -> None:
    """Write one slot over the file open at `fd` (at its offset; no pwrite on Windows)."""
    os.lseek(fd, index * SLOT, os.SEEK_SET)
    while data:
        data = data[os.write(fd, data):]
