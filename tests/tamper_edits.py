"""The edits of issue #11, each made with sqlite3 on a copy of a demo office as an attacker with
the office PC would make it, then `sopdesk check` on the copy (the CLI, a fresh process): prints
which were detected (exit code 1, the finding named, never "utuh").

    .venv/bin/python tests/tamper_edits.py [WORK_DIR]

The same edits (and more, on PostgreSQL too) are the tests of tests/test_tamper.py."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy import create_engine

from sopdesk.engine import anchor, seal
from sopdesk.engine.audit import event_hash

WORK = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="sopdesk-tamper-"))
SOURCE = WORK / "asli"
ENV = {**os.environ, "SOPDESK_PASSWORD": "sopdesk-demo"}
results: list[tuple[str, int, bool, str]] = []


def fresh(name: str) -> Path:
    """A copy of the demo office (and its anchor key, which is kept per data folder)."""
    copy = WORK / name.replace(" ", "-").replace("/", "-").replace(",", "")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(SOURCE, copy)
    key = anchor.key_path(copy)
    key.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    shutil.copy(anchor.key_path(SOURCE), key)
    return copy


def sql(data: Path, *statements: tuple) -> None:
    with closing(sqlite3.connect(data / "sopdesk.sqlite3")) as conn, conn:
        for statement, *params in statements:
            conn.execute(statement, params)


def one(query: str):  # noqa: ANN201
    with closing(sqlite3.connect(SOURCE / "sopdesk.sqlite3")) as conn, conn:
        return conn.execute(query).fetchone()[0]


def sopdesk(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sopdesk", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=ENV)


def events(data: Path) -> list[tuple]:
    with closing(sqlite3.connect(data / "sopdesk.sqlite3")) as conn, conn:
        return conn.execute("SELECT id, at, user_id, action, case_id, work_item_id, step_no, detail, "
                            "prev_hash, hash, sealed FROM audit_event ORDER BY id").fetchall()


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def run(name: str, edit: Callable[[Path], object], expect: str) -> None:
    data = fresh(name)
    edit(data)
    done = sopdesk(data, "check")
    found = done.returncode == 1 and "utuh" not in done.stdout and expect in done.stderr
    line = next((text for text in done.stderr.splitlines() if expect in text), done.stderr[:200])
    results.append((name, done.returncode, found and "kesalahan internal" not in done.stderr, line))


def appended(data: Path) -> None:
    """The forger makes kasubag administrator and appends an event sealing that, hash and all."""
    last = events(data)[-1]
    kasubag = one("SELECT id FROM user_account WHERE username = 'kasubag'")
    sql(data, ("UPDATE user_account SET is_admin = 1 WHERE id = ?", kasubag))
    with create_engine(f"sqlite:///{data / 'sopdesk.sqlite3'}").connect() as conn:
        digest = dict(seal.row_digests(conn, "user_account", [kasubag]))[kasubag]
    sealed = json.dumps({"user_account": {str(kasubag): digest}}, sort_keys=True, separators=(",", ":"))
    forged = event_hash(last[9], utc(last[1]), None, "roles_changed", None, None, None, "{}", sealed)
    sql(data, ("INSERT INTO audit_event (id, at, user_id, action, detail, prev_hash, hash, sealed) "
               "VALUES (?, ?, NULL, 'roles_changed', '{}', ?, ?, ?)", last[0] + 1, last[1], last[9], forged, sealed))


def rebuilt(data: Path) -> None:
    """An old event's detail edited and every hash from there on computed again."""
    rows = events(data)
    first = rows[len(rows) // 2][0]
    statements, prev = [], None
    for row in rows:
        if row[0] < first:
            continue
        detail = '{"x": 1}' if row[0] == first else row[7]
        prev = prev or row[8]
        digest = event_hash(prev, utc(row[1]), row[2], row[3], row[4], row[5], row[6], detail, row[10])
        statements.append(("UPDATE audit_event SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?",
                           detail, prev, digest, row[0]))
        prev = digest
    sql(data, *statements)


def random_page(data: Path) -> None:
    path = data / "sopdesk.sqlite3"
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'audit_event'").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    content = bytearray(path.read_bytes())
    content[(root - 1) * size: root * size] = os.urandom(size)
    path.write_bytes(bytes(content))


def main() -> None:
    if not (SOURCE / "sopdesk.sqlite3").exists():
        subprocess.run([sys.executable, "-m", "sopdesk", "--data-dir", str(SOURCE), "demo", "--cases", "300"],
                       check=True, capture_output=True, env=ENV)
    kasubag = one("SELECT id FROM user_account WHERE username = 'kasubag'")
    admin = one("SELECT id FROM user_account WHERE username = 'admin'")
    item = one("SELECT min(id) FROM work_item WHERE status = 'open'")
    case = one("SELECT min(id) FROM case_file WHERE status = 'open'")
    visitor = one("SELECT min(id) FROM visitor")
    document = one("SELECT min(id) FROM document")
    forged = PasswordHasher().hash("sandi-penyerang")
    run("is_admin flip", lambda d: sql(d, ("UPDATE user_account SET is_admin = 1 WHERE id = ?", kasubag)),
        f"pengguna #{kasubag} (tabel user_account) telah diubah")
    run("password_hash swap", lambda d: sql(d, ("UPDATE user_account SET password_hash = ? WHERE id = ?",
                                                forged, admin)),
        f"pengguna #{admin} (tabel user_account) telah diubah")
    run("role granted", lambda d: sql(d, ("INSERT INTO user_role (user_id, role_id) SELECT ?, id FROM role "
                                          "WHERE name = 'Ketua'", kasubag)),
        f"pengguna #{kasubag} (tabel user_account) telah diubah")
    run("work item set done", lambda d: sql(d, ("UPDATE work_item SET status = 'done' WHERE id = ?", item)),
        f"kegiatan #{item} (tabel work_item) telah diubah")
    run("case cancelled", lambda d: sql(d, ("UPDATE case_file SET status = 'cancelled' WHERE id = ?", case)),
        f"kasus #{case} (tabel case_file) telah diubah")
    run("visitor NIK changed", lambda d: sql(d, ("UPDATE visitor SET id_number = '5371010101010001' "
                                                 "WHERE id = ?", visitor)),
        f"tamu #{visitor} (tabel visitor) telah diubah")
    run("document number changed", lambda d: sql(d, ("UPDATE document SET number = '999/X' WHERE id = ?", document)),
        f"dokumen #{document} (tabel document) telah diubah")
    run("row inserted (holiday)", lambda d: sql(d, ("INSERT INTO office_holiday (id, day, name) "
                                                    "VALUES (99, '2026-12-24', 'Libur palsu')",)),
        "ditambahkan di luar sopdesk")
    run("row deleted (visitor)", lambda d: sql(d, ("DELETE FROM visitor WHERE id = ?", visitor)),
        "telah dihapus di luar sopdesk")
    run("audit row appended, hash recomputed, its seal too", appended, "ditambahkan di luar sopdesk")
    run("old event edited, chain rebuilt", rebuilt, "disusun ulang di luar sopdesk")
    run("newest event deleted", lambda d: sql(d, ("DELETE FROM audit_event WHERE id = "
                                                  "(SELECT max(id) FROM audit_event)",)),
        "1 peristiwa terbaru telah dihapus")
    run("newest 50 events deleted", lambda d: sql(d, ("DELETE FROM audit_event WHERE id > "
                                                      "(SELECT max(id) - 50 FROM audit_event)",)),
        "50 peristiwa terbaru telah dihapus")
    run("event edited (detail)", lambda d: sql(d, ("UPDATE audit_event SET detail = '{}' WHERE id = 100",)),
        "peristiwa audit #100")
    run("event deleted in the middle", lambda d: sql(d, ("DELETE FROM audit_event WHERE id = 1000",)),
        "hilang/dihapus")
    run("database file emptied", lambda d: (d / "sopdesk.sqlite3").write_bytes(b""),
        "lebih pendek daripada jangkarnya")
    run("random bytes over an audit_event page", random_page, "rusak")
    run("anchor rewritten without the key",
        lambda d: (d / "audit-anker.json").write_text(json.dumps({"count": 10, "head": "0" * 64})),
        "tidak cocok dengan kuncinya")
    run("anchor deleted", lambda d: (d / "audit-anker.json").unlink(), "telah dihapus di luar sopdesk")
    emptied = fresh("setup over the emptied file")
    (emptied / "sopdesk.sqlite3").write_bytes(b"")
    done = sopdesk(emptied, "setup", "--office", "Kantor Baru", "--timezone", "WITA", "--admin", "baru")
    results.append(("setup over the emptied file", done.returncode,
                    done.returncode != 0 and "pernah berisi kantor" in done.stderr, done.stderr.strip()[:160]))
    print(f"{sum(found for _, _, found, _ in results)} of {len(results)} edits detected ({WORK})")
    for name, code, found, line in results:
        print(f"{'terdeteksi' if found else 'LOLOS':10} exit={code} {name}: {line}")


if __name__ == "__main__":
    main()
