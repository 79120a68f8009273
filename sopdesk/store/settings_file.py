"""pengaturan.json in the data directory: the office settings that must be readable even
when the database is not (backup folder, letter numbering). Each module owns one section;
writing a section keeps every other section, atomically, readable by this user only."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sopdesk.errors import UserError

SETTINGS_FILE = "pengaturan.json"


def settings_path(data_dir: Path) -> Path:
    return Path(data_dir) / SETTINGS_FILE


def read_all(data_dir: Path) -> dict[str, Any]:
    path = settings_path(data_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise UserError(f"Berkas pengaturan {path} tidak dapat dibaca: {exc}") from None
    if not isinstance(data, dict):
        raise UserError(f"Berkas pengaturan {path} tidak sah: isinya harus objek JSON")
    return data


def read_section(data_dir: Path, key: str) -> dict[str, Any]:
    """One section ({} when absent); a section that is not an object is refused."""
    section = read_all(data_dir).get(key) or {}
    if not isinstance(section, dict):
        raise UserError(f"Berkas pengaturan {settings_path(data_dir)} tidak sah: '{key}' harus objek JSON")
    return section


def write_section(data_dir: Path, key: str, value: dict[str, Any]) -> None:
    """Replace one section, keeping the others (write to a temporary file, fsync, rename)."""
    data_dir = Path(data_dir)
    data = read_all(data_dir)
    data[key] = value
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = settings_path(data_dir)
    temp = path.with_name(path.name + ".tmp")
    fd = os.open(temp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    temp.replace(path)
