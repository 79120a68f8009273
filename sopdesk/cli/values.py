"""Text from the command line read as the values the engine takes: NAME=VALUE pairs, dates and
moments in the office's time zone, each refused in one sentence naming the option."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sopdesk.errors import UserError

if TYPE_CHECKING:  # the parser's types import nothing heavy (sopdesk.cli.main)
    from sopdesk.engine.workspace import Workspace


def pairs(values: list[str], flag: str) -> dict[str, str]:
    result = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key.strip():
            raise UserError(f"Nilai {flag} harus berbentuk NAMA=NILAI, bukan {value!r}")
        result[key.strip()] = rest.strip()
    return result


def day(text: str, what: str) -> date:
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise UserError(f"Tanggal {text!r} tidak sah ({what}; format YYYY-MM-DD)") from None
    if not 1900 <= value.year <= 2999:  # 0001-01-01 / 9999-12-31 overflow once a time zone is applied
        raise UserError(f"Tanggal {text!r} di luar jangkauan ({what}; tahun 1900-2999)")
    return value


def optional_day(text: str | None, what: str) -> date | None:
    return day(text, what) if text else None


def moment(ws: Workspace, text: str | None, what: str) -> datetime | None:
    """YYYY-MM-DD (the start of that day) or YYYY-MM-DDTHH:MM, in the office's time zone."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"Waktu {text!r} tidak sah ({what}; format YYYY-MM-DD atau YYYY-MM-DDTHH:MM)") from None
    if not 1900 <= value.year <= 2999:
        raise UserError(f"Tanggal {text!r} di luar jangkauan ({what}; tahun 1900-2999)")
    if value.tzinfo is None:
        value = value.replace(tzinfo=ws.calendar.tz)
    return value
