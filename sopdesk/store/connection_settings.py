"""Which database this PC (desk) uses: the per-PC connection settings.

An office with several desks keeps its data on one PostgreSQL server; every desk is pointed at
it once (`sopdesk connect URL` or Pengaturan > Server basis data) instead of passing `--db` on
every start. The choice belongs to the PC, not to the office data, so it lives in the user's
config directory (`koneksi.json`), next to nothing else of the office.

The password never goes into that file, the URL, the command line or a log: it is kept in a
libpq password file (`pgpass`, the format psycopg/libpq read through `passfile`/PGPASSFILE),
created with mode 0600, and every URL shown to a user or written to a log is masked.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from sopdesk.errors import UserError

APP_NAME = "sopdesk"
CONFIG_FILE = "koneksi.json"
PASS_FILE = "pgpass"
PASSWORD_ENV = "SOPDESK_DB_PASSWORD"


def config_dir() -> Path:
    """SOPDESK_CONFIG_DIR, else the user's config directory (per PC, per user)."""
    override = os.environ.get("SOPDESK_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    return config_dir() / CONFIG_FILE


def passfile_path() -> Path:
    return config_dir() / PASS_FILE


def parse_url(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError:
        raise UserError(f"Alamat basis data tidak sah: {mask_url(url)!r}") from None


def refuse_password_in(url: str) -> URL:
    """The parsed URL; refused when it holds a password (it would stay in the shell history)."""
    parsed = parse_url(url)
    if parsed.password:
        raise UserError("Jangan tulis kata sandi di dalam alamat basis data (tampak di riwayat perintah "
                        f"dan log); hapus dari alamat, lalu isi saat ditanya atau lewat {PASSWORD_ENV}")
    return parsed


def mask_url(url: str | URL) -> str:
    """The URL as it may be shown or logged: a password in it becomes ***."""
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
    except ArgumentError:
        # not a URL we can parse: hide anything between "://user:" and "@"
        text = str(url)
        scheme, sep, rest = text.partition("://")
        if sep and "@" in rest:
            credentials, _, host = rest.rpartition("@")
            user = credentials.split(":", 1)[0]
            return f"{scheme}://{user}:***@{host}" if ":" in credentials else text
        return text
    return parsed.render_as_string(hide_password=True)


def configured_url() -> str | None:
    """The database URL stored for this PC, or None (then the local SQLite file is used)."""
    path = config_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except PermissionError as exc:
        # a config folder this user cannot enter: none (asked as the effective user, as the
        # read was: a process that switched users must not be judged by its real one)
        if not os.access(path.parent, os.X_OK, effective_ids=os.access in os.supports_effective_ids):
            return None
        raise UserError(f"Berkas koneksi {path} tidak dapat dibaca: {exc}") from None
    except (OSError, ValueError) as exc:
        raise UserError(f"Berkas koneksi {path} tidak dapat dibaca: {exc}") from None
    url = data.get("db") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url.strip():
        raise UserError(f"Berkas koneksi {path} tidak sah: 'db' harus alamat basis data")
    return url


def _write_private(path: Path, text: str) -> None:
    """Write atomically, readable and writable by this user only (0600)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = path.with_name(path.name + ".tmp")
    fd = os.open(temp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(temp, 0o600)  # an older temp file may have had other bits
    temp.replace(path)


def _pgpass_field(value: object) -> str:
    return str(value).replace("\\", "\\\\").replace(":", "\\:")


def pgpass_line(url: URL, password: str) -> str:
    """hostname:port:database:username:password, as libpq reads it."""
    return ":".join(_pgpass_field(part) for part in (
        url.host or "localhost", url.port or 5432, url.database or "*", url.username or "*", password))


def save_connection(url: str, password: str | None) -> Path:
    """Point this PC at `url` (no password in it); the password, when given, goes to the 0600
    password file. Returns the config file written."""
    parsed = refuse_password_in(url)
    clean = parsed.render_as_string(hide_password=False)
    if password:
        _write_private(passfile_path(), pgpass_line(parsed, password) + "\n")
    else:
        passfile_path().unlink(missing_ok=True)
    _write_private(config_path(), json.dumps({"db": clean}, ensure_ascii=False, indent=2) + "\n")
    return config_path()


def forget_connection() -> bool:
    """Back to the local SQLite file: remove this PC's connection and password file."""
    existed = config_path().exists()
    config_path().unlink(missing_ok=True)
    passfile_path().unlink(missing_ok=True)
    return existed


def connect_args(url: str) -> dict[str, object]:
    """Driver arguments for a PostgreSQL URL: where the password is (SOPDESK_DB_PASSWORD, else
    this PC's password file) and bounded waits, so a switched-off server or a dropped network
    is reported in seconds instead of hanging the desk: the connect time, TCP keepalives on an
    idle connection, and how long sent data may stay unacknowledged."""
    args: dict[str, object] = {"connect_timeout": 5, "keepalives": 1, "keepalives_idle": 10,
                               "keepalives_interval": 5, "keepalives_count": 3, "tcp_user_timeout": 15_000}
    if make_url(url).password:
        return args
    password = os.environ.get(PASSWORD_ENV)
    if password:
        args["password"] = password
    elif passfile_path().exists():
        args["passfile"] = str(passfile_path())
    return args
