"""The step form's draft kept on this PC while the database server cannot be reached.

A draft normally lives on the work item in the database (`drafts`); when the server is
switched off or the network is down that is exactly what cannot be written, and what the
clerk typed must not be lost. The form is then written to a small JSON file in the data
directory of this PC (`draf-lokal/`, readable by this user only), per case, step and user,
and offered again when the form is reopened; completing the step removes it.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sopdesk.engine.cases import StepInput
from sopdesk.engine.drafts import _decode, _encode_kept

log = logging.getLogger("sopdesk.engine")

FOLDER = "draf-lokal"


@dataclass(frozen=True)
class LocalDraft:
    data: StepInput
    saved_at: datetime  # UTC


def _path(data_dir: Path, case_number: str, step: int, username: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{case_number}_{step}_{username}")
    return Path(data_dir) / FOLDER / f"{safe}.json"


def _plain(data: StepInput) -> dict[str, Any]:
    """The form as JSON values (names are the form's own, already resolved)."""
    return {
        "present": list(data.present),
        "files": {name: str(path) for name, path in data.files.items() if path},
        "kept": {name: _encode_kept(scan) for name, scan in data.kept.items() if scan},
        "outputs": {name: {"number": value.number, "date": value.date.isoformat() if value.date else None,
                           "file": str(value.file) if value.file else None, "kept": _encode_kept(value.kept)}
                    for name, value in data.outputs.items()},
        "choice": data.choice,
        "note": data.note,
    }


def save(data_dir: Path, case_number: str, step: int, username: str, data: StepInput, now: datetime) -> Path:
    """Write the form to this PC (atomically, mode 0600); returns the file."""
    path = _path(data_dir, case_number, step, username)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    payload = {"case": case_number, "step": step, "user": username, "saved_at": now.isoformat(),
               "form": _plain(data)}
    temp = path.with_name(path.name + ".tmp")
    fd = os.open(temp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    temp.replace(path)
    return path


def load(data_dir: Path, case_number: str, step: int, username: str) -> LocalDraft | None:
    """The form kept on this PC for this case, step and user, or None."""
    path = _path(data_dir, case_number, step, username)
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        return LocalDraft(_decode(payload["form"]), datetime.fromisoformat(payload["saved_at"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        log.warning("unreadable local draft %s ignored: %s", path, exc)
        return None


def discard(data_dir: Path, case_number: str, step: int, username: str) -> None:
    _path(data_dir, case_number, step, username).unlink(missing_ok=True)
