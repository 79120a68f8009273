"""Backups and restore: one zip with the database (online backup API, or on PostgreSQL a
snapshot copied into a SQLite file), the attachments and a manifest; restore refuses anything
else and keeps the current records aside. The tests marked `both_stores` run on SQLite and on
PostgreSQL, and a backup of either restores into either."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import sqlite3
import stat
import sys
import threading
import time
import zipfile
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import PASSWORD
from sqlalchemy import func, select

from sopdesk.cli.main import main
from sopdesk.engine import audit, backups, cases, integrity
from sopdesk.engine.cases import StepInput
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import PermissionRefused, UserError
from sopdesk.store import backup as store
from sopdesk.store.db import Database, make_engine
from sopdesk.store.migrate import head_revision
from sopdesk.store.models import AuditEvent, Case

SCAN = b"%PDF-1.4 pindaian surat permohonan"


@pytest.fixture
def office(ws, admin, staff, tmp_path):
    """Two cases; the second carries a scanned letter in the attachment store."""
    first = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="tamu")
    second = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan SK", entry="surat",
                              requester="Maria Lende")
    cases.complete(ws, staff["Help Desk"], second, StepInput())  # 5 -> 6
    cases.complete(ws, staff["Komisioner"], second, StepInput())  # 6 -> 7
    cases.complete(ws, staff["Kasubag"], second, StepInput())  # 7 -> 8
    scan = tmp_path / "surat masuk.pdf"
    scan.write_bytes(SCAN)
    cases.complete(ws, staff["Kasubag"], second, StepInput(files={"Surat Masuk": scan}))  # 8 -> 9
    return SimpleNamespace(first=first, second=second, admin=admin, staff=staff)


def case_numbers(ws: Workspace) -> list[str]:
    with ws.db.reading() as session:
        return sorted(session.scalars(select(Case.number)))


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rewrite(source: Path, target: Path, *, change: dict[str, bytes] | None = None,
            manifest: dict | None = None, fix_sha: bool = False, drop: str | None = None) -> Path:
    """A copy of a backup with members replaced, the manifest edited, shas recomputed or not."""
    content = members(source)
    content.update(change or {})
    if drop:
        del content[drop]
    data = json.loads(content.pop("manifest.json"))
    data.update(manifest or {})
    if fix_sha:
        data["files"] = {name: {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}
                         for name, body in content.items()}
    with zipfile.ZipFile(target, "w") as archive:
        for name, body in content.items():
            archive.writestr(name, body)
        archive.writestr("manifest.json", json.dumps(data))
    return target


def server_url() -> str | None:
    """The test's PostgreSQL database (the `db_url` fixture sets SOPDESK_DB), None on SQLite."""
    url = os.environ.get("SOPDESK_DB", "")
    return url if url.startswith("postgresql") else None


def db_bytes(data_dir: Path) -> bytes | tuple:
    """What the office's records are now: the SQLite file, or the server's rows in short."""
    url = server_url()
    if url is None:
        return (data_dir / "sopdesk.sqlite3").read_bytes()
    db = Database(make_engine(url))
    try:
        with db.reading() as session:
            return (tuple(session.scalars(select(Case.number).order_by(Case.number))),
                    tuple(session.scalars(select(AuditEvent.hash).order_by(AuditEvent.id))))
    finally:
        db.dispose()


def scans_of(ws: Workspace) -> list[bytes]:
    """Every attachment as this desk opens it."""
    from sopdesk.engine.attachments import local_file
    from sopdesk.store.models import Attachment

    with ws.db.reading() as session:
        rows = session.scalars(select(Attachment).order_by(Attachment.id)).all()
        return [local_file(session, ws.attachments_dir, row).read_bytes() for row in rows]


# --- making backups --------------------------------------------------------------------------

@pytest.mark.both_stores
def test_backup_holds_the_database_every_attachment_and_a_manifest(ws, office, data_dir, clock):
    path = backups.backup(ws, office.admin)

    assert path.parent == data_dir / "cadangan"
    assert path.name == "sopdesk-cadangan-20260302-090000.zip"  # office time (WITA)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    content = members(path)
    scans = [name for name in content if name.startswith("lampiran/")]
    assert len(scans) == 1 and content[scans[0]] == SCAN
    assert set(content) == {"manifest.json", "sopdesk.sqlite3", *scans}

    manifest = json.loads(content["manifest.json"])
    assert manifest["format"] == "sopdesk-cadangan"
    assert manifest["schema_revision"] == head_revision()
    assert manifest["office"] == "KPU Kota Kupang" and manifest["timezone"] == "WITA"
    assert manifest["created_at"] == clock.now.isoformat()
    assert manifest["sopdesk_version"]
    for name in ("sopdesk.sqlite3", *scans):
        assert manifest["files"][name]["sha256"] == hashlib.sha256(content[name]).hexdigest()
        assert manifest["files"][name]["size"] == len(content[name])

    copy = data_dir.parent / "copy.sqlite3"
    copy.write_bytes(content["sopdesk.sqlite3"])
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # self-contained
        numbers = sorted(r[0] for r in conn.execute("SELECT number FROM case_file"))
    assert numbers == sorted([office.first, office.second])

    with ws.db.reading() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event.action == "backup_made" and event.user_id == office.admin.user_id
    detail = json.loads(event.detail)
    assert detail["file"] == path.name and detail["attachments"] == 1
    assert detail["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert not list(data_dir.glob(".cadangan-*")) and not list(path.parent.glob("*.part"))


@pytest.mark.both_stores
def test_only_an_administrator_makes_a_backup(ws, office, data_dir):
    with pytest.raises(PermissionRefused, match="administrator"):
        backups.backup(ws, office.staff["Kasubag"])
    assert not (data_dir / "cadangan").exists()


@pytest.mark.both_stores
def test_backup_to_a_chosen_folder_or_file(ws, office, tmp_path):
    usb = tmp_path / "usb" / "cadangan kantor"
    path = backups.backup(ws, office.admin, usb)
    assert path.parent == usb and store.ARCHIVE_NAME.match(path.name)
    named = backups.backup(ws, office.admin, tmp_path / "usb" / "akhir-tahun.zip")
    assert named.name == "akhir-tahun.zip" and store.verify_backup(named).attachments == 1
    with pytest.raises(UserError, match="sudah ada"):
        backups.backup(ws, office.admin, named)


def test_the_configured_folder_is_kept_in_the_settings_file(ws, office, data_dir, tmp_path):
    usb = tmp_path / "usb"
    settings = backups.configure(ws, office.admin, usb, keep=4)
    assert (settings.folder, settings.keep) == (usb, 4)
    settings_file = data_dir / "pengaturan.json"
    assert stat.S_IMODE(settings_file.stat().st_mode) == 0o600
    assert json.loads(settings_file.read_text())["backup"]["keep"] == 4
    assert backups.backup(ws, office.admin).parent == usb
    with pytest.raises(PermissionRefused):
        backups.configure(ws, office.staff["Kasubag"], None)


def test_a_broken_settings_file_is_a_clear_error(ws, office, data_dir):
    (data_dir / "pengaturan.json").write_text('{"backup": {"keep": 0}}')
    with pytest.raises(UserError, match="keep"):
        backups.backup(ws, office.admin)
    (data_dir / "pengaturan.json").write_text("{not json")
    with pytest.raises(UserError, match="pengaturan.json"):
        backups.backup(ws, office.admin)


def test_rotation_keeps_the_newest_n_and_nothing_else_is_touched(ws, office, data_dir, clock):
    folder = data_dir / "cadangan"
    backups.configure(ws, office.admin, None, keep=3)
    folder.mkdir(exist_ok=True)
    (folder / "catatan.txt").write_text("jangan dihapus")
    (folder / "sebelum-migrasi-0001-20260101-000000.sqlite3").write_bytes(b"x")
    made = []
    for _ in range(5):
        made.append(backups.backup(ws, office.admin))
        clock.advance(hours=1)
    assert store.list_backups(folder) == made[:1:-1]  # the newest three, newest first
    assert (folder / "catatan.txt").exists()
    assert (folder / "sebelum-migrasi-0001-20260101-000000.sqlite3").exists()


@pytest.mark.both_stores
def test_two_backups_in_the_same_second_get_two_names(ws, office):
    first = backups.backup(ws, office.admin)
    second = backups.backup(ws, office.admin)
    assert first != second and second.name == "sopdesk-cadangan-20260302-090000-1.zip"
    assert store.list_backups(first.parent) == [second, first]


@pytest.mark.both_stores
def test_a_backup_is_due_once_a_day_in_office_time(ws, office, clock):
    assert backups.backup_due(ws)
    backups.backup(ws, office.admin)
    assert not backups.backup_due(ws)
    clock.advance(hours=14)  # 23:00 WITA the same day
    assert not backups.backup_due(ws)
    clock.advance(hours=1, minutes=30)  # 00:30 WITA next day, still 2 March in UTC
    assert backups.backup_due(ws)
    path = backups.daily_backup(ws)
    assert path is not None and backups.daily_backup(ws) is None
    with ws.db.reading() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event.action == "backup_made" and event.user_id is None
    assert json.loads(event.detail)["automatic"] is True


@pytest.mark.both_stores
def test_backups_taken_while_another_connection_writes_are_sound(ws, office, data_dir, tmp_path):
    writer_db = Database(make_engine(server_url() or f"sqlite:///{data_dir / 'sopdesk.sqlite3'}"))
    stop = threading.Event()
    written = []
    errors: list[BaseException] = []

    def write() -> None:
        try:
            while not stop.is_set():
                with writer_db.transaction() as session:
                    audit.record(session, at=ws.clock(), user_id=None, action="load_test",
                                 payload="x" * 2000, n=len(written))
                written.append(1)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    thread = threading.Thread(target=write)
    thread.start()
    def wait_for_more(seen: int) -> None:
        deadline = time.monotonic() + 10
        while len(written) <= seen and time.monotonic() < deadline and not errors:
            time.sleep(0.002)

    paths = []
    try:
        for n in range(4):
            wait_for_more(len(written))  # a write committed after the previous backup ended
            paths.append(store.make_backup(ws, tmp_path / f"b{n}.zip"))
    finally:
        stop.set()
        thread.join()
        writer_db.dispose()
    assert not errors and len(written) > 0
    sizes = set()
    for n, path in enumerate(paths):
        restored = tmp_path / f"restored{n}"
        restored.mkdir()
        (restored / "sopdesk.sqlite3").write_bytes(members(path)["sopdesk.sqlite3"])
        with closing(sqlite3.connect(restored / "sopdesk.sqlite3")) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            sizes.add(conn.execute("SELECT count(*) FROM audit_event").fetchone()[0])
        copy = Database(make_engine(f"sqlite:///{restored / 'sopdesk.sqlite3'}"))
        try:
            report = integrity.Report()
            integrity.check_audit_chain(SimpleNamespace(db=copy), report)
        finally:
            copy.dispose()
        assert report.ok, report.findings
    assert len(sizes) == 4  # each backup saw more of the writer's work: no lock stopped it


# --- restore ---------------------------------------------------------------------------------

def test_restore_brings_back_a_deleted_case_and_keeps_the_current_records_aside(
        ws, office, data_dir, clock):
    path = backups.backup(ws, office.admin)
    scan = next(ws.attachments_dir.rglob("*.pdf"))
    with closing(sqlite3.connect(data_dir / "sopdesk.sqlite3")) as conn:  # a case lost
        conn.execute("DELETE FROM case_file WHERE number = ?", (office.second,))
        conn.commit()
    scan.unlink()
    assert case_numbers(ws) == [office.first]

    clock.advance(minutes=5)
    result = backups.restore_backup(ws, office.admin, path)

    again = Workspace.open(data_dir, clock=clock)
    try:
        assert case_numbers(again) == sorted([office.first, office.second])
        assert scan.read_bytes() == SCAN
        assert integrity.check(again).ok
        with again.db.reading() as session:
            event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    finally:
        again.close()
    assert event.action == "backup_restored" and event.user_id == office.admin.user_id
    assert json.loads(event.detail)["file"] == path.name

    aside = result.set_aside
    assert aside.parent == data_dir / "cadangan" and aside.name == "sebelum-pemulihan-20260302-090500"
    assert stat.S_IMODE(aside.stat().st_mode) == 0o700
    with closing(sqlite3.connect(aside / "sopdesk.sqlite3")) as conn:
        assert [r[0] for r in conn.execute("SELECT number FROM case_file")] == [office.first]
    assert (aside / "lampiran").is_dir()
    assert not list(data_dir.glob(".pemulihan-*"))
    assert result.migration == "current"


@pytest.mark.both_stores
def test_only_an_administrator_restores(ws, office, data_dir):
    path = backups.backup(ws, office.admin)
    before = db_bytes(data_dir)
    with pytest.raises(PermissionRefused):
        backups.restore_backup(ws, office.staff["Kasubag"], path)
    assert db_bytes(data_dir) == before
    with pytest.raises(PermissionRefused, match="administrator"):
        backups.restore_without_login(data_dir, None, path)


@pytest.mark.both_stores
def test_restore_onto_a_new_pc_needs_no_login(ws, office, tmp_path):
    path = backups.backup(ws, office.admin)
    new_pc = tmp_path / "pc-baru"
    url = f"sqlite:///{new_pc / 'sopdesk.sqlite3'}"  # named: SOPDESK_DB is the office's server
    result = backups.restore_without_login(new_pc, url, path)
    assert result.set_aside is None  # nothing was there
    fresh = Workspace.open(new_pc, url=url)
    try:
        assert case_numbers(fresh) == sorted([office.first, office.second])
        assert integrity.check(fresh).ok
    finally:
        fresh.close()


def assert_refused(ws, admin, data_dir, file: Path, *fragments: str) -> None:
    before = db_bytes(data_dir)
    with pytest.raises(UserError) as caught:
        backups.restore_backup(ws, admin, file)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message
    assert "\n" not in message
    assert db_bytes(data_dir) == before
    assert not list((data_dir / "cadangan").glob("sebelum-pemulihan-*"))
    assert not list(data_dir.glob(".pemulihan-*"))


@pytest.mark.both_stores
def test_refuses_a_zip_that_is_not_a_backup(ws, office, data_dir, tmp_path):
    other = tmp_path / "foto.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("foto.jpg", b"\xff\xd8 not a backup")
    assert_refused(ws, office.admin, data_dir, other, "bukan cadangan sopdesk", "manifest.json")


@pytest.mark.both_stores
def test_refuses_a_file_that_is_not_a_zip(ws, office, data_dir, tmp_path):
    other = tmp_path / "sopdesk-cadangan-20260302-090000.zip"
    other.write_bytes(b"this is not a zip archive at all" * 10)
    assert_refused(ws, office.admin, data_dir, other, "bukan cadangan sopdesk", "zip")
    assert_refused(ws, office.admin, data_dir, tmp_path / "tidak-ada.zip", "tidak ditemukan")


@pytest.mark.both_stores
def test_refuses_a_tampered_member(ws, office, data_dir, tmp_path):
    path = backups.backup(ws, office.admin)
    content = members(path)
    scan = next(name for name in content if name.startswith("lampiran/"))
    forged = rewrite(path, tmp_path / "a.zip", change={scan: SCAN.replace(b"surat", b"SURAT")})
    assert_refused(ws, office.admin, data_dir, forged, "telah diubah", scan)
    database = bytearray(content["sopdesk.sqlite3"])
    database[-100] ^= 0xFF
    forged = rewrite(path, tmp_path / "b.zip", change={"sopdesk.sqlite3": bytes(database)})
    assert_refused(ws, office.admin, data_dir, forged, "telah diubah", "sopdesk.sqlite3")
    forged = rewrite(path, tmp_path / "c.zip", drop=scan)
    assert_refused(ws, office.admin, data_dir, forged, "tidak lengkap", scan)
    forged = rewrite(path, tmp_path / "d.zip", change={"lampiran/../../evil": b"x"}, fix_sha=True)
    assert_refused(ws, office.admin, data_dir, forged, "bukan cadangan sopdesk")


@pytest.mark.both_stores
def test_refuses_a_backup_from_a_newer_schema(ws, office, data_dir, tmp_path):
    path = backups.backup(ws, office.admin)
    copy = tmp_path / "newer.sqlite3"
    copy.write_bytes(members(path)["sopdesk.sqlite3"])
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'fffffffffff9'")
        conn.commit()
    newer = rewrite(path, tmp_path / "newer.zip", change={"sopdesk.sqlite3": copy.read_bytes()},
                    manifest={"schema_revision": "fffffffffff9"}, fix_sha=True)
    assert_refused(ws, office.admin, data_dir, newer, "versi sopdesk yang lebih baru", "fffffffffff9")


@pytest.mark.both_stores
def test_refuses_a_manifest_that_lies_about_the_schema(ws, office, data_dir, tmp_path):
    path = backups.backup(ws, office.admin)
    copy = tmp_path / "x.sqlite3"
    copy.write_bytes(members(path)["sopdesk.sqlite3"])
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'fffffffffff9'")
        conn.commit()
    lying = rewrite(path, tmp_path / "lying.zip", change={"sopdesk.sqlite3": copy.read_bytes()},
                    fix_sha=True)
    assert_refused(ws, office.admin, data_dir, lying, "tidak sesuai manifest.json")


@pytest.mark.both_stores
def test_restore_waits_until_no_other_program_has_the_database_open(ws, office, data_dir):
    path = backups.backup(ws, office.admin)
    other = Workspace.open(data_dir)  # e.g. the window still open on this PC (or another desk)
    try:
        with other.db.reading() as session:
            session.scalar(select(func.count(Case.id)))
        assert_refused(ws, office.admin, data_dir, path, "sedang dibuka oleh program lain")
    finally:
        other.close()


# --- the command line ------------------------------------------------------------------------

@pytest.fixture
def cli(tmp_path, monkeypatch, capsys, db_url):  # db_url: SOPDESK_DB names the PostgreSQL run's database
    data = tmp_path / "cli-data"
    monkeypatch.setenv("SOPDESK_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("SOPDESK_NEW_PASSWORD", PASSWORD)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    logger = logging.getLogger("sopdesk")
    handlers = list(logger.handlers)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    run.data = data
    assert run("setup", "--office", "KPU Kota Kupang", "--timezone", "WITA", "--admin", "admin")[0] == 0
    assert run("user", "add", "rina", "--role", "Help Desk", "--as", "admin")[0] == 0
    assert run("case", "start", "PP", "--title", "Permohonan data", "--as", "rina")[0] == 0
    yield run
    for handler in logger.handlers[:]:
        if handler not in handlers:
            logger.removeHandler(handler)
            handler.close()


@pytest.mark.both_stores
def test_cli_backup_and_restore(cli, tmp_path):
    code, out, err = cli("backup", "--as", "rina")
    assert code == 1 and "administrator" in err and len(err.strip().splitlines()) == 1
    code, out, err = cli("backup", "--as", "admin")
    assert code == 0, err
    path = Path(out.split("Cadangan dibuat: ")[1].splitlines()[0])
    assert path.parent == cli.data / "cadangan" and path.exists()
    code, out, _ = cli("backup", "--as", "admin", "-o", str(tmp_path / "usb"))
    assert code == 0 and str(tmp_path / "usb") in out

    assert cli("case", "start", "PP", "--title", "Sesudah cadangan", "--as", "rina")[0] == 0
    code, _, err = cli("restore", str(path))
    assert code == 1 and "--as" in err
    code, _, err = cli("restore", str(path), "--as", "admin")  # no terminal to confirm on
    assert code == 1 and "--yes" in err
    code, out, err = cli("restore", str(path), "--as", "admin", "--yes")
    assert code == 0, err
    assert "Data dipulihkan" in out and "sebelum-pemulihan-" in out
    code, out, _ = cli("case", "show", "PP/2026/0002", "--as", "admin")
    assert code == 1  # the case started after the backup is gone with the restore
    code, out, _ = cli("check")
    assert code == 0 and "Semua catatan utuh" in out

    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"junk")
    code, _, err = cli("restore", str(junk), "--as", "admin", "--yes")
    assert code == 1 and "bukan cadangan sopdesk" in err and len(err.strip().splitlines()) == 1


def test_cli_restore_asks_on_a_terminal(cli, monkeypatch):
    assert cli("backup", "--as", "admin")[0] == 0
    path = store.list_backups(cli.data / "cadangan")[0]

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal("tidak\n"))
    code, out, err = cli("restore", str(path), "--as", "admin")
    assert code == 1 and "dibatalkan" in err and "KPU Kota Kupang" in out
    assert not list((cli.data / "cadangan").glob("sebelum-pemulihan-*"))
    monkeypatch.setattr(sys, "stdin", Terminal("ya\n"))
    code, out, err = cli("restore", str(path), "--as", "admin")
    assert code == 0, err
    assert list((cli.data / "cadangan").glob("sebelum-pemulihan-*"))


@pytest.mark.both_stores
def test_a_backup_restores_into_either_store(ws, office, tmp_path, pg_server):
    """A backup of either store restores into a new SQLite data folder and into an empty
    PostgreSQL database: the same cases, the audit chain intact, the scan opens there."""
    path = backups.backup(ws, office.admin)
    with ws.db.reading() as session:
        events = list(session.scalars(select(AuditEvent.hash).order_by(AuditEvent.id)))
    server = pg_server.create_database()
    try:
        one_pc = f"sqlite:///{tmp_path / 'pc-baru' / 'sopdesk.sqlite3'}"
        for target, url in ((tmp_path / "pc-baru", one_pc), (tmp_path / "meja-baru", server)):
            result = backups.restore_without_login(target, url, path)
            assert result.set_aside is None and result.migration == "current"
            fresh = Workspace.open(target, url=url)
            try:
                assert case_numbers(fresh) == sorted([office.first, office.second])
                report = integrity.check(fresh)
                assert report.ok, report.findings
                with fresh.db.reading() as session:
                    restored = list(session.scalars(select(AuditEvent.hash).order_by(AuditEvent.id)))
                    last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
                assert restored[:-1] == events[:-1] and last.action == "backup_restored"
                assert scans_of(fresh) == [SCAN]
            finally:
                fresh.close()
    finally:
        pg_server.drop_database(server)


def test_a_postgresql_office_is_restored_in_place_and_its_records_kept_aside(tmp_path, pg_url, clock):
    data_dir = tmp_path / "meja"
    ws = Workspace.open(data_dir, url=pg_url, clock=clock)
    try:
        admin = ws.setup("KPU Kota Kupang", "WITA", "admin", PASSWORD)
        from sopdesk.engine.accounts import add_user

        add_user(ws, admin, "rina", PASSWORD, ["Help Desk"])
        rina = ws.login("rina", PASSWORD)
        first = cases.start_case(ws, rina, "PP", "Permohonan data DPT", entry="tamu")
        path = backups.backup(ws, admin)
        later = cases.start_case(ws, rina, "PP", "Sesudah cadangan", entry="tamu")
        clock.advance(minutes=5)
        result = backups.restore_backup(ws, admin, path)
    finally:
        ws.close()
    assert result.set_aside == data_dir / "cadangan" / "sebelum-pemulihan-20260302-090500.zip"
    assert store.verify_backup(result.set_aside).attachments == 0
    with zipfile.ZipFile(result.set_aside) as archive:  # the replaced records, whole
        kept = tmp_path / "kept.sqlite3"
        kept.write_bytes(archive.read("sopdesk.sqlite3"))
    with closing(sqlite3.connect(kept)) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT number FROM case_file")) == [first, later]
    again = Workspace.open(data_dir, url=pg_url, clock=clock)
    try:
        assert case_numbers(again) == [first]
        assert integrity.check(again).ok
        rina = again.login("rina", PASSWORD)  # the sequences follow the restored rows
        assert cases.start_case(again, rina, "PP", "Sesudah pemulihan", entry="tamu") == later
    finally:
        again.close()


def test_a_database_too_damaged_to_open_is_restored_without_login(ws, office, data_dir):
    path = backups.backup(ws, office.admin)
    ws.close()
    (data_dir / "sopdesk.sqlite3").write_bytes(b"\x00" * 8192)  # not a database any more
    assert store.database_state(store.DataPaths.for_data_dir(data_dir)) == "damaged"
    with pytest.raises(PermissionRefused, match="administrator dari cadangan"):
        backups.restore_without_login(data_dir, None, path)
    with pytest.raises(PermissionRefused, match="kata sandinya salah"):
        backups.restore_without_login(data_dir, None, path, backup_admin=("admin", "salah-sandi-1"))
    result = backups.restore_without_login(data_dir, None, path, backup_admin=("admin", PASSWORD))
    assert (result.set_aside / "sopdesk.sqlite3").read_bytes() == b"\x00" * 8192
    again = Workspace.open(data_dir)
    try:
        assert case_numbers(again) == sorted([office.first, office.second])
        with again.db.reading() as session:
            event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert event.action == "backup_restored" and event.user_id == office.admin.user_id
    finally:
        again.close()


def test_a_configured_folder_that_is_not_there_is_not_created(ws, office, tmp_path):
    unplugged = tmp_path / "media" / "usb" / "cadangan"  # the disk is not plugged in
    backups.configure(ws, office.admin, unplugged)
    with pytest.raises(UserError, match="tidak tersedia"):
        backups.backup(ws, office.admin)
    assert not (tmp_path / "media").exists()
    (tmp_path / "media" / "usb").mkdir(parents=True)  # plugged in: the folder itself is made
    assert backups.backup(ws, office.admin).parent == unplugged
