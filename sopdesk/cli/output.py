"""What the commands print in more than one place: JSON for scripts (dates as ISO text, sets
sorted) and the one-line outcome of a correction or a void of a register entry."""

from __future__ import annotations

import json
from argparse import Namespace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sopdesk.textfmt import tanggal

if TYPE_CHECKING:
    from sopdesk.engine import corrections


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_default))


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set):
        return sorted(value)
    raise TypeError(type(value))


def _changes_text(changes: dict[str, list[Any]]) -> str:
    from sopdesk.engine.corrections import FIELD_LABELS

    def shown(value: Any) -> str:
        if value is None or value == "":
            return "(kosong)"
        return tanggal(value) if isinstance(value, date) else str(value)

    return "; ".join(f"{FIELD_LABELS.get(k, k)} {shown(old)} -> {shown(new)}" for k, (old, new) in changes.items())


def print_outcome(args: Namespace, done: corrections.Corrected | corrections.Voided) -> int:
    """Print a Corrected or a Voided."""
    from sopdesk.engine.corrections import Corrected

    if args.json:
        print_json(done.__dict__)
    elif isinstance(done, Corrected):
        print(f"{done.label[:1].upper()}{done.label[1:]} dikoreksi: {_changes_text(done.changes)}")
    else:
        print(f"{done.label[:1].upper()}{done.label[1:]} dibatalkan (alasan: {done.reason}); nomornya tidak "
              "dipakai lagi")
        for notice in done.notices:
            print(f"  {notice}")
    return 0
