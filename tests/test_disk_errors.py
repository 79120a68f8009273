"""A full disk or a read-only database: the action is refused with one clear Indonesian line
(a UserError, from Database.transaction) and nothing already saved is lost.

    QT_QPA_PLATFORM=offscreen /work/venv/bin/python -m pytest -q tests/test_disk_errors.py

A read-only database is tested three ways: a `?mode=ro` SQLite URI (works as root too), the
file and its folder made read-only with chmod (as root, which ignores permissions, the test
drops to the `nobody` user for the attempt), and through the command line. A full disk is
simulated with PRAGMA max_page_count on a test-only engine (the insert fails) and with a
file-size limit in a child process (the commit itself fails while writing the WAL).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import resource
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event

from sopdesk.cli.main import main
from sopdesk.engine import cases, visitors
from sopdesk.engine.audit import GENESIS
from sopdesk.engine.cases import StepInput
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.store.db import DB_FILE, Database, make_engine

PASSWORD = "rahasia-123"  # the conftest users' password
FULL = "Penyimpanan penuh: "
READ_ONLY = "Basis data hanya-baca"
ROOT = Path(__file__).resolve().parents[1]


def dump_digest(path: Path) -> str:
    """A digest of every row of every table: equal digests, equal records."""
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return hashlib.sha256("\n".join(con.iterdump()).encode()).hexdigest()
    finally:
        con.close()


def audit_chain_links(path: Path) -> bool:
    con = sqlite3.connect(path)
    try:
        previous = GENESIS
        for prev_hash, hash_ in con.execute("SELECT prev_hash, hash FROM audit_event ORDER BY id"):
            if prev_hash != previous:
                return False
            previous = hash_
        return True
    finally:
        con.close()


def count(path: Path, table: str) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 - a table name of ours
    finally:
        con.close()


def request(name: str, size: int = 100) -> visitors.VisitorForm:
    return visitors.VisitorForm(name=name, purpose="permohonan_informasi",
                                info_requested=("Data DPT per kelurahan " * 200)[:size],
                                info_use=("Penelitian " * 200)[:min(size, 2000)])


@pytest.fixture
def saved(ws: Workspace, staff: dict[str, Actor]) -> dict:
    """An office with records already saved: two requests (with their cases), one moved on."""
    _, first = visitors.register_visitor(ws, staff["Help Desk"], request("Maria Ndun"))
    _, second = visitors.register_visitor(ws, staff["Help Desk"], request("Yohanes Bria"))
    cases.complete(ws, staff["Komisioner"], first, StepInput(note="diterima"))  # steps 1-2: registration
    return {"cases": [first, second], "path": ws.data_dir / DB_FILE}


# --- read-only ------------------------------------------------------------------------------------

def read_only_url(path: Path) -> str:
    return f"sqlite:///file:{path}?mode=ro&uri=true"


def test_read_only_database_refuses_an_action_with_one_clear_message(ws, staff, saved, clock,
                                                                     monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # a file: URI once created a folder named "file:" here
    before = dump_digest(saved["path"])
    ro = Workspace.open(ws.data_dir, read_only_url(saved["path"]), clock=clock)
    try:
        assert ro.is_set_up()  # reading still works
        attempts = [
            lambda: visitors.register_visitor(ro, staff["Help Desk"], request("Siti Lestari")),
            lambda: cases.complete(ro, staff["Komisioner"], saved["cases"][1], StepInput()),
            lambda: cases.start_case(ro, staff["Help Desk"], "PP", "Surat permohonan", "surat"),
            lambda: ro.login("help.desk", PASSWORD),
        ]
        for attempt in attempts:
            with pytest.raises(UserError) as refused:
                attempt()
            message = str(refused.value)
            assert message.startswith(READ_ONLY) and str(saved["path"]) in message
            assert "tidak tersimpan" in message and "\n" not in message
    finally:
        ro.close()
    assert dump_digest(saved["path"]) == before
    assert not (tmp_path / "file:").exists()
    # the writable database takes the same action
    visitors.register_visitor(ws, staff["Help Desk"], request("Siti Lestari"))
    assert count(saved["path"], "visitor") == 3


@pytest.fixture
def cli_log():
    """main() adds a log file handler to the "sopdesk" logger; close it afterwards."""
    logger = logging.getLogger("sopdesk")
    handlers = list(logger.handlers)
    yield
    for handler in logger.handlers[:]:
        if handler not in handlers:
            logger.removeHandler(handler)
            handler.close()


def test_read_only_database_through_the_command_line(ws, saved, monkeypatch, tmp_path, capsys, cli_log):
    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.chdir(tmp_path)
    before = dump_digest(saved["path"])
    argv = ["--db", read_only_url(saved["path"]), "--data-dir", str(ws.data_dir), "visitor", "register",
            "--as", "help.desk", "--name", "Siti Lestari", "--purpose", "bertamu"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"sopdesk: {READ_ONLY}") and err.count("\n") == 1, err
    assert "Traceback" not in err and "kesalahan internal" not in err
    # reading through the read-only URL still works
    assert main(["--db", read_only_url(saved["path"]), "--data-dir", str(ws.data_dir), "case", "show",
                 saved["cases"][0], "--as", "help.desk"]) == 0
    assert saved["cases"][0] in capsys.readouterr().out
    assert dump_digest(saved["path"]) == before


NOBODY = 65534


@contextmanager
def acting_as_nobody(paths: list[Path]):
    """Root ignores file permissions: drop to `nobody` (effective ids only, so that the test
    gets root back) for the attempt; as any other user, stay who we are."""
    if os.geteuid() != 0:
        yield
        return
    for path in paths:
        os.chown(path, NOBODY, NOBODY)
    try:
        os.setegid(NOBODY)
        os.seteuid(NOBODY)
    except PermissionError:
        pytest.skip("cannot drop root's privileges here")
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_database_made_read_only_with_chmod(staff, saved, ws, clock):
    """The file and its folder read-only: opening (SQLite cannot create the WAL index) or
    the first write is refused with the read-only message; everything saved is still there."""
    ws.close()  # a cleanly closed database (no -wal / -shm left), as after quitting the app
    top = Path(tempfile.mkdtemp(prefix="sopdesk-ro-"))
    try:
        top.chmod(0o755)  # `nobody` must reach the folder inside
        data = top / "data"
        shutil.copytree(ws.data_dir, data)
        db_path = data / DB_FILE
        assert not db_path.with_name(DB_FILE + "-wal").exists()
        before = dump_digest(db_path)
        with acting_as_nobody([data, *data.rglob("*")]):
            db_path.chmod(0o400)
            data.chmod(0o500)
            try:
                with pytest.raises(UserError) as refused:
                    ro = Workspace.open(data, clock=clock)
                    try:
                        visitors.register_visitor(ro, staff["Help Desk"], request("Siti Lestari"))
                    finally:
                        ro.close()
            finally:
                data.chmod(0o700)
                db_path.chmod(0o600)
        assert str(refused.value).startswith(READ_ONLY)
        assert dump_digest(db_path) == before
    finally:
        for path in [top, *top.rglob("*")]:
            path.chmod(stat.S_IRWXU)
        shutil.rmtree(top)


# --- full disk ------------------------------------------------------------------------------------

def capped_database(path: Path, pages: list[int]) -> Database:
    """A test-only engine whose connections may not grow the file past pages[0] pages."""
    engine = make_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def cap(dbapi_connection, _record):  # noqa: ANN001
        dbapi_connection.execute(f"PRAGMA max_page_count={pages[0]}")

    return Database(engine)


def test_full_disk_refuses_the_action_keeps_the_rest_and_recovers(ws, staff, saved):
    path = saved["path"]
    con = sqlite3.connect(path)
    pages = [con.execute("PRAGMA page_count").fetchone()[0] + 4]
    con.close()
    ws.db.dispose()
    ws.db = capped_database(path, pages)
    helpdesk = staff["Help Desk"]

    registered, before, message = [], None, None
    for n in range(100):  # fill the disk: long requests until one does not fit
        before = dump_digest(path)
        try:
            visitor_id, _ = visitors.register_visitor(ws, helpdesk, request(f"Pemohon {n}", size=4000))
        except UserError as exc:
            message, failed = str(exc), f"Pemohon {n}"
            break
        registered.append(visitor_id)
    assert message is not None, "the capped database never filled up"
    assert message.startswith(FULL) and message.endswith("kosongkan ruang disk lalu ulangi")
    assert "\n" not in message
    assert dump_digest(path) == before  # nothing of the refused action, nothing else lost
    assert count(path, "visitor") == 2 + len(registered)
    assert audit_chain_links(path)
    # a step completion does not fit either (or fits in a page's free space); never half-saved
    before = dump_digest(path)
    try:
        cases.complete(ws, staff["Komisioner"], saved["cases"][1], StepInput(note="catatan " * 600))
    except UserError as exc:
        assert str(exc).startswith(FULL)
        assert dump_digest(path) == before

    pages[0] = 1_000_000  # space freed: the same action now succeeds
    ws.db.engine.dispose()
    visitor_id, case_no = visitors.register_visitor(ws, helpdesk, request(failed, size=4000))
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT name FROM visitor WHERE id = ?", (visitor_id,)).fetchone() == (failed,)
        assert con.execute("SELECT COUNT(*) FROM visitor WHERE name = ?", (failed,)).fetchone() == (1,)
    finally:
        con.close()
    assert case_no is not None and audit_chain_links(path)


FILE_SIZE_CHILD = """
import json, resource, signal, sys
from pathlib import Path
from sopdesk.engine import visitors
from sopdesk.engine.users import Actor
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError

ws = Workspace.open(Path(sys.argv[1]))
helpdesk = Actor(int(sys.argv[2]), "help.desk")
def form(n):
    return visitors.VisitorForm(name=f"Pemohon {n}", purpose="permohonan_informasi",
                                info_requested="Data DPT " * 400, info_use="Penelitian " * 180)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
db = Path(sys.argv[1]) / "sopdesk.sqlite3"
wal = db.with_name(db.name + "-wal")
limit = max(db.stat().st_size, wal.stat().st_size if wal.exists() else 0) + 64 * 1024
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
saved, message = [], None
for n in range(500):
    try:
        saved.append(visitors.register_visitor(ws, helpdesk, form(n))[0])
    except UserError as exc:
        message = str(exc)
        break
resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
retried = visitors.register_visitor(ws, helpdesk, form(n))[0]
ws.close()
print(json.dumps({"saved": saved, "message": message, "failed": f"Pemohon {n}", "retried": retried}))
"""


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="POSIX file-size limit")
def test_full_disk_while_committing(ws, staff, saved, tmp_path):
    """The write that fails is the commit's (the WAL append), not a statement's."""
    path = saved["path"]
    ws.close()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    result = subprocess.run([sys.executable, "-c", FILE_SIZE_CHILD, str(ws.data_dir),
                             str(staff["Help Desk"].user_id)],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    message = report["message"]
    # a short write is SQLITE_FULL, EFBIG an I/O error: either way one clear line
    assert message is not None and message.startswith((FULL, "Kesalahan baca/tulis disk"))
    assert "tidak tersimpan" in message and "\n" not in message
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        ids = {row[0] for row in con.execute("SELECT id FROM visitor")}
        assert set(report["saved"]) <= ids and report["retried"] in ids
        assert con.execute("SELECT COUNT(*) FROM visitor WHERE name = ?", (report["failed"],)).fetchone() == (1,)
        assert len(ids) == 2 + len(report["saved"]) + 1
    finally:
        con.close()
    assert audit_chain_links(path)
