"""Hostile archives (issue #11): backups that agree with themselves (every member matches the
sha256 of a manifest the forger rewrote) but hold what sopdesk never writes. Each is refused
before anything is replaced, with a message naming what is wrong; a restore killed half-way
leaves the previous records in place and no `.pemulihan-*` copy after the next start."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterable
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

import pytest
from conftest import PASSWORD
from sqlalchemy import select

from sopdesk.cli.main import main
from sopdesk.engine import audit, backups, cases, integrity
from sopdesk.engine.cases import StepInput
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.store import backup as store
from sopdesk.store.models import Case, User

SCAN = b"%PDF-1.4 pindaian surat permohonan"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def office(ws, admin, staff, tmp_path):
    """Two cases, one with a scanned letter; a backup of them (the archive under attack)."""
    first = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="tamu")
    second = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan SK", entry="surat")
    for role in ("Help Desk", "Komisioner", "Kasubag"):
        cases.complete(ws, staff[role], second, StepInput())
    scan = tmp_path / "surat masuk.pdf"
    scan.write_bytes(SCAN)
    cases.complete(ws, staff["Kasubag"], second, StepInput(files={"Surat Masuk": scan}))
    return {"first": first, "second": second, "admin": admin, "staff": staff,
            "backup": backups.backup(ws, admin)}


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def chain_end(database: Path) -> dict:
    with closing(sqlite3.connect(database)) as conn:
        newest = conn.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    return {"count": newest[0], "head": newest[1]}


def forge(source: Path, target: Path, *, edit: Callable[[sqlite3.Connection], None] | None = None,
          manifest: dict | None = None, extra: Iterable[tuple[str, Iterable[bytes]]] = (),
          anchor: bool = True) -> Path:
    """A backup rewritten by somebody who knows the format: the database edited with sqlite3,
    members added, and a manifest with every sha256 and size recomputed (and the anchor of
    the edited chain, unless `anchor` is False or `manifest` gives another)."""
    content = members(source)
    data = json.loads(content.pop("manifest.json"))
    work = target.with_suffix(".sqlite3")
    work.write_bytes(content["sopdesk.sqlite3"])
    if edit is not None:
        with closing(sqlite3.connect(work)) as conn:
            edit(conn)
            conn.commit()
        content["sopdesk.sqlite3"] = work.read_bytes()
    if anchor:
        data["audit_anchor"] = chain_end(work)
    else:
        data.pop("audit_anchor", None)  # as an older sopdesk wrote it
    data.update(manifest or {})
    files = {name: {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}
             for name, body in content.items()}
    with zipfile.ZipFile(target, "w", allowZip64=True, compresslevel=1) as archive:
        for name, body in content.items():
            archive.writestr(name, body)
        for name, blocks in extra:  # streamed: a big member is never held in memory
            digest, size = hashlib.sha256(), 0
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as out:
                for block in blocks:
                    digest.update(block)
                    size += len(block)
                    out.write(block)
            files[name] = {"sha256": digest.hexdigest(), "size": size}
        data["files"] = files
        archive.writestr("manifest.json", json.dumps(data))
    work.unlink()
    return target


def snapshot(data_dir: Path) -> bytes:
    return (data_dir / "sopdesk.sqlite3").read_bytes()


def refused(ws, admin, data_dir: Path, archive: Path, *fragments: str, **options) -> str:  # noqa: ANN001
    """The restore is refused with a one-line message holding `fragments`; nothing changed,
    nothing set aside, no staging copy left."""
    before = snapshot(data_dir)
    with pytest.raises(UserError) as caught:
        backups.restore_backup(ws, admin, archive, **options)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message, message
    assert "\n" not in message and "tidak ada yang diubah" in message.lower()
    assert snapshot(data_dir) == before
    assert not list((data_dir / "cadangan").glob("sebelum-pemulihan-*"))
    assert not list(data_dir.glob(".pemulihan-*"))
    return message


def usernames_and_admins(data_dir: Path) -> dict[str, int]:
    with closing(sqlite3.connect(data_dir / "sopdesk.sqlite3")) as conn:
        return dict(conn.execute("SELECT username, is_admin FROM user_account"))


# --- forged administrators ------------------------------------------------------------------

def test_a_backup_whose_database_makes_kasubag_administrator_is_refused(ws, office, data_dir, tmp_path):
    forged = forge(office["backup"], tmp_path / "admin.zip", edit=lambda conn: conn.execute(
        "UPDATE user_account SET is_admin = 1 WHERE username = 'kasubag'"))
    refused(ws, office["admin"], data_dir, forged, "kasubag", "administrator", "peristiwa audit")
    assert usernames_and_admins(data_dir)["kasubag"] == 0


def test_a_forged_administrator_in_a_genuine_backup_is_refused(ws, office, data_dir, tmp_path):
    """The forger flips his own flag in the office file and sopdesk's next backup archives it:
    the archive and its chain are sopdesk's own, but no audited action made him administrator."""
    with closing(sqlite3.connect(data_dir / "sopdesk.sqlite3")) as conn:
        conn.execute("UPDATE user_account SET is_admin = 1 WHERE username = 'kasubag'")
        conn.commit()
    archive = store.make_backup(ws, tmp_path / "asli.zip")
    store.verify_backup(archive)  # whole and unmodified as an archive
    with closing(sqlite3.connect(data_dir / "sopdesk.sqlite3")) as conn:
        conn.execute("UPDATE user_account SET is_admin = 0 WHERE username = 'kasubag'")
        conn.commit()
    refused(ws, office["admin"], data_dir, archive, "kasubag", "tanpa peristiwa audit")


def test_a_user_added_outside_sopdesk_is_refused(ws, office, data_dir, tmp_path):
    def add(conn: sqlite3.Connection) -> None:
        hashed = conn.execute("SELECT password_hash FROM user_account WHERE username = 'admin'").fetchone()[0]
        conn.execute("INSERT INTO user_account (username, full_name, password_hash, is_admin, active, "
                     "failed_logins, created_at) VALUES ('penyusup', 'Penyusup', ?, 1, 1, 0, "
                     "'2026-03-02 01:00:00')", (hashed,))

    forged = forge(office["backup"], tmp_path / "user.zip", edit=add)
    refused(ws, office["admin"], data_dir, forged, "penyusup", "tidak pernah ditambahkan")


ATTACKER_HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$7Vn1k0l9o4nq3b8m0qkJc0n3wq3b8m0qkJc0n3wq3b8"


@pytest.mark.parametrize("edit", [
    "UPDATE user_account SET password_hash = '" + ATTACKER_HASH + "' WHERE username = 'admin'",
    "UPDATE case_file SET status = 'cancelled' WHERE number = 'PP/2026/0001'",
    "UPDATE work_item SET status = 'done' WHERE id = (SELECT min(id) FROM work_item WHERE status = 'open')",
], ids=["admin-password-hash", "case-cancelled", "work-item-done"])
def test_records_edited_against_the_chains_seals_are_refused(ws, office, data_dir, tmp_path, edit):
    forged = forge(office["backup"], tmp_path / "rekaman.zip", edit=lambda conn: conn.execute(edit))
    refused(ws, office["admin"], data_dir, forged, "telah diubah di luar sopdesk", "log audit")


FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("schema_*.sqlite3"))


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_a_genuine_backup_of_an_older_schema_restores_with_warnings(tmp_path, fixture):
    """Made by an older sopdesk: no anchor, no seals; its objects are that revision's own."""
    body = fixture.read_bytes()
    with closing(sqlite3.connect(fixture)) as conn:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        name, zone = conn.execute("SELECT name, timezone FROM office").fetchone()
    archive = tmp_path / "lama.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("sopdesk.sqlite3", body)
        out.writestr("manifest.json", json.dumps({
            "format": "sopdesk-cadangan", "format_version": 1, "sopdesk_version": "0.1",
            "schema_revision": revision, "office": name, "timezone": zone,
            "created_at": "2026-03-02T01:00:00+00:00", "database": "sopdesk.sqlite3",
            "files": {"sopdesk.sqlite3": {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}}}))
    result = backups.restore_without_login(tmp_path / "pc", None, archive)
    assert result.migration == f"upgraded from {revision}"
    assert any("jangkar" in w for w in result.warnings) and any("segel" in w for w in result.warnings)
    again = Workspace.open(tmp_path / "pc")
    try:
        report = integrity.check(again)  # chain and seals sound; the fixture's scans are not here
        assert {f.kind for f in report.findings} <= {"attachment_missing"}, report.findings
    finally:
        again.close()


# --- schema objects of its own ------------------------------------------------------------

LOGIN_TRIGGER = ("CREATE TRIGGER jadi_admin AFTER INSERT ON audit_event WHEN NEW.action = 'login' "
                 "BEGIN UPDATE user_account SET is_admin = 1 WHERE id = NEW.user_id; END")


def test_a_trigger_that_makes_a_user_administrator_at_login_is_refused(ws, office, data_dir, tmp_path):
    forged = forge(office["backup"], tmp_path / "trigger.zip",
                   edit=lambda conn: conn.execute(LOGIN_TRIGGER))
    refused(ws, office["admin"], data_dir, forged, "trigger jadi_admin", "bukan milik sopdesk")
    ws2 = Workspace.open(data_dir, clock=ws.clock)  # the office as it was: logging in grants nothing
    try:
        ws2.login("kasubag", PASSWORD)
    finally:
        ws2.close()
    assert usernames_and_admins(data_dir)["kasubag"] == 0


@pytest.mark.parametrize("sql, named", [
    ("CREATE VIEW semua_nik AS SELECT * FROM visitor", "view semua_nik"),
    ("CREATE TABLE catatan_penyusup (isi TEXT)", "tabel catatan_penyusup"),
    ("CREATE INDEX idx_penyusup ON user_account (full_name)", "indeks idx_penyusup"),
])
def test_views_tables_and_indexes_of_its_own_are_refused(ws, office, data_dir, tmp_path, sql, named):
    forged = forge(office["backup"], tmp_path / "object.zip", edit=lambda conn: conn.execute(sql))
    refused(ws, office["admin"], data_dir, forged, named)


def test_a_changed_table_definition_is_refused(ws, office, data_dir, tmp_path):
    def swap(conn: sqlite3.Connection) -> None:  # same name, a trigger-free way to misbehave
        conn.execute("CREATE TABLE office_holiday_x (id INTEGER PRIMARY KEY, day DATE UNIQUE, "
                     "name VARCHAR(200), catatan TEXT DEFAULT 'x')")
        conn.execute("DROP TABLE office_holiday")
        conn.execute("ALTER TABLE office_holiday_x RENAME TO office_holiday")

    forged = forge(office["backup"], tmp_path / "table.zip", edit=swap)
    refused(ws, office["admin"], data_dir, forged, "office_holiday")


# --- the audit chain and its anchor ---------------------------------------------------------

def test_a_chain_cut_short_is_refused_by_the_anchor(ws, office, data_dir, tmp_path):
    """The newest events deleted (three logins: no record depends on them): the chain itself
    still verifies, the anchor does not."""
    for _ in range(3):
        ws.login("admin", PASSWORD)
    archive = backups.backup(ws, office["admin"], tmp_path / "sesudah-masuk.zip")
    anchor = json.loads(members(archive)["manifest.json"]).get("audit_anchor")
    with zipfile.ZipFile(archive) as opened:
        anchor = anchor or chain_end(Path(opened.extract("sopdesk.sqlite3", tmp_path / "x")))
    forged = forge(archive, tmp_path / "cut.zip", manifest={"audit_anchor": anchor},
                   edit=lambda conn: conn.execute(
                       "DELETE FROM audit_event WHERE id > (SELECT max(id) - 3 FROM audit_event)"))
    refused(ws, office["admin"], data_dir, forged, "jangkar", "manifest.json")


def test_an_old_event_edited_and_the_chain_rebuilt_is_refused_by_the_anchor(ws, office, data_dir, tmp_path):
    def rebuild(conn: sqlite3.Connection) -> None:
        rows = conn.execute("SELECT id, at, user_id, action, case_id, work_item_id, step_no, detail, "
                            "sealed FROM audit_event ORDER BY id").fetchall()
        prev = audit.GENESIS
        for i, (event_id, at, user_id, action, case_id, item, step, detail, sealed) in enumerate(rows):
            if i == 2:
                detail = detail.replace("Permohonan", "Perubahan")
            when = datetime.fromisoformat(at).replace(tzinfo=timezone.utc)
            digest = audit.event_hash(prev, when, user_id, action, case_id, item, step, detail, sealed)
            conn.execute("UPDATE audit_event SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?",
                         (detail, prev, digest, event_id))
            prev = digest

    original = chain_end(data_dir / "sopdesk.sqlite3")
    forged = forge(office["backup"], tmp_path / "rebuilt.zip", edit=rebuild,
                   manifest={"audit_anchor": original})
    refused(ws, office["admin"], data_dir, forged, "jangkar")


def test_an_edited_event_is_refused_by_the_chain(ws, office, data_dir, tmp_path):
    forged = forge(office["backup"], tmp_path / "event.zip", edit=lambda conn: conn.execute(
        "UPDATE audit_event SET detail = '{}' WHERE action = 'case_started'"))
    refused(ws, office["admin"], data_dir, forged, "telah diubah di luar sopdesk")


def test_a_backup_without_an_anchor_restores_with_a_warning(ws, office, data_dir, tmp_path):
    old = forge(office["backup"], tmp_path / "lama.zip", anchor=False)
    data = json.loads(members(old)["manifest.json"])
    assert "audit_anchor" not in data
    result = backups.restore_backup(ws, office["admin"], old)
    assert [w for w in result.warnings if "jangkar rantai audit" in w]


def test_a_backup_with_its_anchor_restores_without_warnings(ws, office, data_dir, tmp_path):
    good = forge(office["backup"], tmp_path / "baru.zip")
    assert backups.restore_backup(ws, office["admin"], good).warnings == ()


# --- another office -------------------------------------------------------------------------

@pytest.fixture
def other_office(tmp_path, clock):
    """A backup of another office, whole and genuine."""
    folder = tmp_path / "kantor-lain"
    other = Workspace.open(folder, clock=clock)
    try:
        admin = other.setup("KPU Kabupaten Lain", "WITA", "admin", PASSWORD)
        return backups.backup(other, admin, tmp_path / "lain.zip")
    finally:
        other.close()


def test_another_offices_backup_is_refused_without_the_option(ws, office, data_dir, other_office):
    refused(ws, office["admin"], data_dir, other_office, "kantor lain", "KPU Kabupaten Lain",
            "--kantor-lain")


def test_another_offices_backup_needs_a_second_confirmation(ws, office, data_dir, other_office):
    refused(ws, office["admin"], data_dir, other_office, "konfirmasi kedua", allow_other_office=True)
    asked = []

    def no(plan) -> bool:  # noqa: ANN001
        asked.append(plan)
        return False

    refused(ws, office["admin"], data_dir, other_office, "dibatalkan", allow_other_office=True, confirm=no)
    assert asked[0].other_office and asked[0].office == "KPU Kabupaten Lain"
    assert asked[0].current_office == "KPU Kota Kupang"
    backups.restore_backup(ws, office["admin"], other_office, allow_other_office=True,
                           confirm=lambda plan: True)
    again = Workspace.open(data_dir)
    try:
        with again.db.reading() as session:
            assert again.office(session).name == "KPU Kabupaten Lain"
    finally:
        again.close()


def test_a_manifest_naming_another_office_than_its_database_is_refused(ws, office, data_dir, tmp_path):
    lying = forge(office["backup"], tmp_path / "nama.zip", manifest={"office": "KPU Kota Lain"})
    refused(ws, office["admin"], data_dir, lying, "KPU Kota Lain", "tidak sama")


# --- members: only what the database references, within limits ------------------------------

def zeros(total: int, block: int = 1 << 20):  # noqa: ANN201
    chunk = bytes(block)
    for _ in range(total // block):
        yield chunk


def test_an_unreferenced_member_of_1_gib_is_refused_without_extracting_it(ws, office, data_dir, tmp_path):
    from sopdesk.store.restore_safety import Limits

    forged = forge(office["backup"], tmp_path / "besar.zip",
                   extra=[("lampiran/ff/ffff-besar.pdf", zeros(1 << 30, 8 << 20))])
    assert forged.stat().st_size < 20 << 20  # 1 GiB of zeros, deflated
    started = time.process_time()  # this process's CPU: not the wall clock of a loaded CI machine
    refused(ws, office["admin"], data_dir, forged, "ffff-besar.pdf", "melebihi batas 100 MB")
    # with room for it, it is still no attachment of the database
    refused(ws, office["admin"], data_dir, forged, "tidak dirujuk", "ffff-besar.pdf",
            limits=Limits(attachment=2 << 30))
    assert time.process_time() - started < 10  # decompressing 1 GiB is not what refused it


def test_5000_unreferenced_files_are_refused_quickly(ws, office, data_dir, tmp_path):
    forged = forge(office["backup"], tmp_path / "banyak.zip",
                   extra=[(f"lampiran/{i % 256:02x}/berkas-{i}.pdf", [b"%PDF-1.4 x"]) for i in range(5000)])
    started = time.process_time()
    refused(ws, office["admin"], data_dir, forged, "tidak dirujuk", "dan 4999 berkas lain")
    assert time.process_time() - started < 10


def test_members_beyond_the_size_limits_are_refused(ws, office, data_dir):
    from sopdesk.store.restore_safety import Limits

    archive = office["backup"]
    refused(ws, office["admin"], data_dir, archive, "lampiran", "melebihi batas",
            limits=Limits(attachment=len(SCAN) - 1))
    refused(ws, office["admin"], data_dir, archive, "basis data", "melebihi batas", limits=Limits(database=4096))
    refused(ws, office["admin"], data_dir, archive, "melebihi batas", limits=Limits(total=8192))


def test_a_referenced_member_whose_sha_differs_from_the_database_is_refused(ws, office, data_dir, tmp_path):
    data = members(office["backup"])
    scan = next(name for name in data if name.startswith("lampiran/"))
    # the scan replaced, its manifest entry recomputed, the database's sha256 left alone
    with zipfile.ZipFile(tmp_path / "ganti2.zip", "w") as archive:
        manifest = json.loads(data.pop("manifest.json"))
        data[scan] = SCAN.replace(b"surat", b"SURAT")
        manifest["files"][scan] = {"sha256": hashlib.sha256(data[scan]).hexdigest(), "size": len(data[scan])}
        for name, body in data.items():
            archive.writestr(name, body)
        archive.writestr("manifest.json", json.dumps(manifest))
    refused(ws, office["admin"], data_dir, tmp_path / "ganti2.zip", scan, "sha256")


def test_a_backup_leaves_out_files_no_row_references(ws, office, data_dir):
    stray = ws.attachments_dir / "00" / "sisa-lampiran-gagal.pdf"  # an attach that never committed
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"%PDF-1.4 sisa")
    archive = backups.backup(ws, office["admin"])
    assert "lampiran/00/sisa-lampiran-gagal.pdf" not in members(archive)
    backups.restore_backup(ws, office["admin"], archive)  # and it restores


# --- the command line -------------------------------------------------------------------------

@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    data = tmp_path / "cli-data"
    monkeypatch.setenv("SOPDESK_DATA_DIR", str(data))
    monkeypatch.delenv("SOPDESK_DB", raising=False)
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
    yield run
    for handler in logger.handlers[:]:
        if handler not in handlers:
            logger.removeHandler(handler)
            handler.close()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_refuses_another_offices_backup_even_with_yes(cli, other_office, monkeypatch):
    def office_name() -> str:
        with closing(sqlite3.connect(cli.data / "sopdesk.sqlite3")) as conn:
            return conn.execute("SELECT name FROM office").fetchone()[0]

    code, _, err = cli("restore", str(other_office), "--as", "admin", "--yes")
    assert code == 1 and "kantor lain" in err and "--kantor-lain" in err
    code, _, err = cli("restore", str(other_office), "--as", "admin", "--yes", "--kantor-lain")
    assert code == 1 and "mengetik nama kantor" in err  # no terminal: no second confirmation
    monkeypatch.setattr(sys, "stdin", Terminal("ya\n"))
    code, _, err = cli("restore", str(other_office), "--as", "admin")
    assert code == 1 and "--kantor-lain" in err
    monkeypatch.setattr(sys, "stdin", Terminal("KPU Kota Kupang\n"))  # the wrong name typed
    code, out, err = cli("restore", str(other_office), "--as", "admin", "--yes", "--kantor-lain")
    assert code == 1 and "dibatalkan" in err and "PERHATIAN" in out
    assert office_name() == "KPU Kota Kupang"
    assert not list((cli.data / "cadangan").glob("sebelum-pemulihan-*"))
    monkeypatch.setattr(sys, "stdin", Terminal("ya\nKPU Kabupaten Lain\n"))
    code, out, err = cli("restore", str(other_office), "--as", "admin", "--kantor-lain")
    assert code == 0, err
    assert "Data dipulihkan" in out and office_name() == "KPU Kabupaten Lain"


def test_cli_restore_over_a_damaged_database_asks_for_a_backup_administrator(cli, monkeypatch):
    assert cli("backup", "--as", "admin")[0] == 0
    archive = store.list_backups(cli.data / "cadangan")[0]
    (cli.data / "sopdesk.sqlite3").write_bytes(b"\x00" * 8192)
    code, _, err = cli("restore", str(archive), "--yes")
    assert code == 1 and "rusak" in err and "--as" in err
    code, _, err = cli("restore", str(archive), "--yes", "--as", "rina")
    assert code == 1 and "bukan administrator" in err
    monkeypatch.setenv("SOPDESK_PASSWORD", "sandi-yang-salah")
    code, _, err = cli("restore", str(archive), "--yes", "--as", "admin")
    assert code == 1 and "kata sandinya salah" in err
    assert (cli.data / "sopdesk.sqlite3").read_bytes() == b"\x00" * 8192
    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    code, out, err = cli("restore", str(archive), "--yes", "--as", "admin")
    assert code == 0, err
    code, out, err = cli("check")
    assert code == 0, err


def test_cli_refuses_a_forged_archive_with_one_line(cli, tmp_path):
    assert cli("backup", "--as", "admin")[0] == 0
    archive = store.list_backups(cli.data / "cadangan")[0]
    forged = forge(archive, tmp_path / "x.zip", edit=lambda conn: conn.execute(LOGIN_TRIGGER))
    code, _, err = cli("restore", str(forged), "--as", "admin", "--yes")
    assert code == 1 and "trigger jadi_admin" in err and len(err.strip().splitlines()) == 1


# --- the desktop: a second dialog for another office ----------------------------------------

def test_settings_page_asks_a_second_time_for_another_offices_backup(qtbot, ws, office, data_dir,
                                                                     other_office, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from sopdesk.gui.context import GuiContext
    from sopdesk.gui.settings_page import SettingsPage
    from sopdesk.gui.worker import Worker

    worker = Worker()
    try:
        page = SettingsPage(GuiContext(ws, office["admin"]), worker)
        qtbot.addWidget(page)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other_office), ""))
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        asked, errors, told = [], [], []
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append(a[2]) or ("salah", True)))
        monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: errors.append(a[2]))
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: errors.append(a[2]))
        monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
        before = snapshot(data_dir)

        def restore() -> None:  # on the worker: wait until it has finished
            with qtbot.waitSignal(worker.busy_changed, timeout=60_000, check_params_cb=lambda busy: not busy):
                page.backup_box.restore()

        restore()
        assert asked and "KPU Kabupaten Lain" in asked[0]
        # the wrong name: said so, the backup's office named; nothing changed
        assert errors and "(salah) tidak sama dengan nama kantor cadangan ini: KPU Kabupaten Lain" in errors[0]
        assert not told
        assert snapshot(data_dir) == before
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("KPU Kabupaten Lain", True))
        restore()
        assert told and "Data dipulihkan" in told[0]
    finally:
        worker.stop()


def _gui_restore(qtbot, ws, admin, archive: Path, monkeypatch, typed: tuple[str, bool]):  # noqa: ANN001, ANN202
    """Pulihkan dari cadangan from Pengaturan with `archive` chosen and `typed` the answer to
    the other office's question; (names asked, errors shown, information shown)."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from sopdesk.gui.context import GuiContext
    from sopdesk.gui.settings_page import SettingsPage
    from sopdesk.gui.worker import Worker

    worker = Worker()
    try:
        page = SettingsPage(GuiContext(ws, admin), worker)
        qtbot.addWidget(page)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(archive), ""))
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        asked, errors, told = [], [], []
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append(a[2]) or typed))
        monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: errors.append(a[2]))
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: errors.append(a[2]))
        monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
        with qtbot.waitSignal(worker.busy_changed, timeout=60_000, check_params_cb=lambda busy: not busy):
            page.backup_box.restore()
        assert page.backup_box.progress is None  # the progress window is gone
        return asked, errors, told
    finally:
        worker.stop()


def test_cancelling_the_other_office_question_changes_nothing_and_says_nothing(qtbot, ws, office, data_dir,
                                                                                other_office, monkeypatch):
    before = snapshot(data_dir)
    asked, errors, told = _gui_restore(qtbot, ws, office["admin"], other_office, monkeypatch, ("", False))
    assert asked and errors == [] and told == []
    assert snapshot(data_dir) == before
    assert not list((data_dir / "cadangan").glob("sebelum-pemulihan-*"))


def test_a_damaged_backup_from_settings_is_one_clear_message(qtbot, ws, office, data_dir, tmp_path,
                                                             monkeypatch):
    damaged = tmp_path / "rusak.zip"
    damaged.write_bytes(office["backup"].read_bytes()[:-4000])  # cut short: no central directory
    before = snapshot(data_dir)
    asked, errors, told = _gui_restore(qtbot, ws, office["admin"], damaged, monkeypatch, ("", False))
    assert not asked and not told
    assert len(errors) == 1 and "rusak.zip" in errors[0] and "Traceback" not in errors[0]
    assert "tidak ada yang diubah" in errors[0].lower() or "tidak diubah" in errors[0].lower()
    assert snapshot(data_dir) == before


# --- a restore killed half-way ----------------------------------------------------------------

CHILD = """
import os, signal, sys
from pathlib import Path
from sopdesk.engine import backups
from sopdesk.engine.workspace import Workspace
from sopdesk.store import backup_restore as store

data_dir, archive, kill_at = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
if kill_at:  # SIGKILL on the kill_at-th move of a record (the swap of old and new)
    moves = [0]
    real = store._move
    def move(source, target):
        moves[0] += 1
        if moves[0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        real(source, target)
        if moves[0] + 100 == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
    store._move = move
ws = Workspace.open(data_dir)
admin = ws.login("admin", os.environ["SOPDESK_PASSWORD"])
print("ready", flush=True)
backups.restore_backup(ws, admin, archive)
print("done", flush=True)
"""


def case_set(data_dir: Path) -> list[str]:
    ws = Workspace.open(data_dir)  # cleans up what a killed restore left
    try:
        assert integrity.check(ws).ok
        with ws.db.reading() as session:
            return sorted(session.scalars(select(Case.number)))
    finally:
        ws.close()


def test_a_restore_killed_at_any_point_leaves_old_or_new_records_and_no_orphan(
        ws, office, data_dir, tmp_path):
    """SIGKILLs at each move of the swap (after and before the move) and at timed moments:
    the next start removes `.pemulihan-*`, and the office is the old one or the restored one."""
    archive = office["backup"]
    new = sorted([office["first"], office["second"]])
    later = cases.start_case(ws, office["staff"]["Help Desk"], "PP", "Sesudah cadangan", entry="tamu")
    old = sorted([*new, later])
    with ws.db.reading() as session:  # later users must not need a login in the child
        assert session.scalar(select(User.id).where(User.username == "admin"))
    ws.close()
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    env = {**os.environ, "SOPDESK_PASSWORD": PASSWORD, "PYTHONPATH": str(ROOT)}
    outcomes = []
    kills = [1, 2, 3, 101, 102, 103, 104, 0, 0, 0, 0]
    delays = [None] * 7 + [0.05, 0.15, 0.3, 0.6]
    for kill_at, delay in zip(kills, delays, strict=True):
        with subprocess.Popen([sys.executable, str(script), str(data_dir), str(archive), str(kill_at)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
            assert child.stdout.readline().strip() == "ready", child.stderr.read()
            if delay is not None:
                time.sleep(delay)
                child.send_signal(signal.SIGKILL)
            _out, err = child.communicate(timeout=120)
        assert child.returncode in (0, -signal.SIGKILL), err
        found = case_set(data_dir)
        assert found in (old, new), (kill_at, delay, found)
        assert not list(data_dir.glob(".pemulihan-*"))
        outcomes.append((child.returncode, found == new))
        if found == new:  # restored: put the later case back for the next round
            fresh = Workspace.open(data_dir)
            try:
                helper = fresh.login("help.desk", PASSWORD)
                cases.start_case(fresh, helper, "PP", "Sesudah cadangan", entry="tamu")
            finally:
                fresh.close()
            assert case_set(data_dir) == old
    assert sum(1 for code, _ in outcomes if code == -signal.SIGKILL) >= 7
    assert any(not restored for _, restored in outcomes[:7])  # a swap killed half-way: rolled back


def test_the_start_leaves_a_running_restore_alone_and_cleans_up_after_a_dead_one(ws, office, data_dir):
    """Another program's start (a second window, a CLI command) must not take a restore that
    is running for an orphan: only a staging folder nobody holds is removed."""
    from sopdesk.store import restore_safety as safety

    running = data_dir / ".pemulihan-berjalan"
    running.mkdir()
    handle = safety.hold_staging(running)
    try:
        safety.write_journal(running, data_dir / "sopdesk.sqlite3", ws.attachments_dir,
                             data_dir / "cadangan" / "sebelum-pemulihan-x", "sopdesk.sqlite3", ())
        assert safety.clean_orphans(data_dir) == []
        Workspace.open(data_dir).close()
        assert running.exists() and (data_dir / "sopdesk.sqlite3").exists()
    finally:
        handle.close()
    stale = data_dir / ".pemulihan-lama"  # killed before it was locked, a while ago
    stale.mkdir()
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    done = safety.clean_orphans(data_dir)
    assert not running.exists() and not stale.exists()
    assert any("dikembalikan" in line for line in done)  # the journal was honoured
    assert case_set(data_dir) == sorted([office["first"], office["second"]])


def test_a_postgresql_office_refuses_hostile_archives_too(tmp_path, pg_url, clock, other_office):
    """The checks run on the unpacked SQLite copy, whichever store the office uses: a
    PostgreSQL office is left as it was by another office's backup and by a forged one."""
    data_dir = tmp_path / "meja"
    ws = Workspace.open(data_dir, url=pg_url, clock=clock)
    try:
        admin = ws.setup("KPU Kota Kupang", "WITA", "admin", PASSWORD)
        archive = backups.backup(ws, admin, tmp_path / "pg.zip")
        forged = forge(archive, tmp_path / "pg-trigger.zip", edit=lambda conn: conn.execute(LOGIN_TRIGGER))
        for hostile, fragment in ((other_office, "kantor lain"), (forged, "trigger jadi_admin")):
            with pytest.raises(UserError, match=fragment):
                backups.restore_backup(ws, admin, hostile)
        with ws.db.reading() as session:
            assert ws.office(session).name == "KPU Kota Kupang"
        assert not list((data_dir / "cadangan").glob("sebelum-pemulihan-*"))
        assert not list(data_dir.glob(".pemulihan-*"))
    finally:
        ws.close()
