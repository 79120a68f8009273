"""Moving an office between stores (`sopdesk transfer --to URL`), and the attachments of a
PostgreSQL office, which every desk opens: a demo office with letters and scans moves from
SQLite into an empty PostgreSQL database and back, `check` is clean on each target with the
same audit head, a target that holds an office is refused, and a scan attached on one desk
(one process, one data directory) opens on another desk (another process and directory)."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sopdesk.cli.main import main
from sopdesk.engine import backups, cases, integrity, letters, queries
from sopdesk.engine.demo import build_demo, demo_password, role_username
from sopdesk.engine.letters import IncomingForm
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import PermissionRefused, UserError
from sopdesk.store.models import Attachment, AttachmentBlob, AuditEvent, Case, IncomingLetter

ROOT = Path(__file__).resolve().parents[1]
SCANS = [f"%PDF-1.4 pindaian surat nomor {n}".encode() for n in range(3)]


@pytest.fixture(autouse=True)
def _no_env_database(monkeypatch):
    monkeypatch.delenv("SOPDESK_DB", raising=False)


def demo_office(data_dir: Path, url: str | None, clock, tmp_path: Path) -> Workspace:  # noqa: ANN001
    """The demo office (50 cases) plus four incoming letters with scans (two the same file)."""
    ws = Workspace.open(data_dir, url=url, clock=clock)
    build_demo(ws, cases=50, seed=3)
    clerk = ws.login(role_username("Help Desk"), demo_password())
    for n, content in enumerate([*SCANS, SCANS[0]]):
        scan = tmp_path / f"surat-{n}.pdf"
        scan.write_bytes(content)
        letters.register_incoming(ws, clerk, IncomingForm(
            sender="Pimpinan DPRD Kota Kupang", subject=f"Usulan PAW {n}", number=f"{n + 1}/DPRD/III/2026",
            letter_date=date(2026, 2, 27), scan=scan))
    return ws


def admin_of(ws: Workspace):  # noqa: ANN201 - an Actor
    return ws.login("admin", demo_password())


def head(ws: Workspace) -> str:
    with ws.db.reading() as session:
        return session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))


def summary(ws: Workspace) -> dict:
    with ws.db.reading() as session:
        return {
            "cases": sorted(session.scalars(select(Case.number))),
            "letters": sorted(session.execute(select(IncomingLetter.year, IncomingLetter.seq)).all()),
            "events": session.scalar(select(func.count()).select_from(AuditEvent)),
            "attachments": session.scalar(select(func.count()).select_from(Attachment)),
        }


def scan_contents(ws: Workspace) -> list[bytes]:
    """Every letter's scan as this desk opens it (written from the database when needed)."""
    from sopdesk.engine.attachments import local_file

    with ws.db.reading() as session:
        rows = session.scalars(select(Attachment).order_by(Attachment.id)).all()
        return [local_file(session, ws.attachments_dir, row).read_bytes() for row in rows]


def test_a_sqlite_office_moves_to_postgresql_and_back(tmp_path, clock, pg_server, monkeypatch, capsys):
    source = demo_office(tmp_path / "satu-pc", None, clock, tmp_path)
    admin = admin_of(source)  # a login is an audit event too: the head is read after it
    before, source_head = summary(source), head(source)
    assert before["attachments"] == 4 and len(before["cases"]) >= 45
    target_url = pg_server.create_database()
    try:
        result = backups.transfer_office(source, admin, target_url)
        assert result.report.ok, [f.message for f in result.report.findings]
        assert result.target_audit_head == source_head == result.copied.audit_head
        assert result.copied.attachments == 3  # by content: the repeated scan is stored once
        assert result.report.checked["audit_events"] == before["events"]
        assert summary(source) == before and head(source) == source_head  # the source is untouched
        source.close()

        # desk 2, its own (empty) data folder: the same office, every scan opens from the database
        server = Workspace.open(tmp_path / "meja-2", url=target_url, clock=clock)
        try:
            assert summary(server) == before and head(server) == source_head
            assert integrity.check(server).ok
            assert scan_contents(server) == [*SCANS, SCANS[0]]
            with server.db.reading() as session:
                assert session.scalar(select(func.count()).select_from(AttachmentBlob)) == 3
            # the sequences follow the copied ids: new rows are written after the move
            clerk = server.login(role_username("Help Desk"), demo_password())
            number = cases.start_case(server, clerk, "PP", "Permohonan setelah pindah", entry="surat")
            assert number not in before["cases"]
            moved_head = head(server)
        finally:
            server.close()

        # back to one PC, through the command line: a new SQLite file, its scans beside it
        monkeypatch.setenv("SOPDESK_PASSWORD", demo_password())
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))
        back = tmp_path / "kembali" / "sopdesk.sqlite3"
        code = main(["--db", target_url, "--data-dir", str(tmp_path / "meja-2"), "transfer",
                     "--to", f"sqlite:///{back}", "--as", "admin"])
        out, err = capsys.readouterr()
        assert code == 0, err
        assert "Data kantor disalin ke sqlite:///" in out and "3 berkas lampiran" in out
        assert "semua catatan utuh" in out
        assert len(list((back.parent / "lampiran").rglob("*.pdf"))) == 3
        code = main(["--data-dir", str(back.parent), "check", "--json"])
        report = json.loads(capsys.readouterr().out)
        assert code == 0 and report["ok"] and report["checked"]["attachments"] == 4
        one_pc = Workspace.open(back.parent, clock=clock)
        try:
            assert head(one_pc)[:16] in out  # the audit head the command reported
            with one_pc.db.reading() as session:  # the chain goes on from the server's, after the
                last = session.execute(select(AuditEvent.action, AuditEvent.prev_hash)  # login
                                           .order_by(AuditEvent.id.desc()).limit(1)).one()
            assert tuple(last) == ("login", moved_head)
            assert summary(one_pc)["cases"] == sorted([*before["cases"], number])
            assert scan_contents(one_pc) == [*SCANS, SCANS[0]]
        finally:
            one_pc.close()
    finally:
        pg_server.drop_database(target_url)


def test_a_target_holding_an_office_is_refused_and_left_as_it_was(tmp_path, clock, pg_server, capsys,
                                                                 monkeypatch):
    source = demo_office(tmp_path / "satu-pc", None, clock, tmp_path)
    target_url = pg_server.create_database()
    try:
        with pytest.raises(PermissionRefused):
            backups.transfer_office(source, source.login(role_username("Kasubag"), demo_password()),
                                    target_url)
        backups.transfer_office(source, admin_of(source), target_url)
        moved = summary(source)
        clerk = source.login(role_username("Help Desk"), demo_password())
        cases.start_case(source, clerk, "PP", "Kasus baru di PC lama", entry="surat")
        with pytest.raises(UserError, match="tidak kosong: sudah berisi data kantor") as refused:
            backups.transfer_office(source, admin_of(source), target_url)
        assert "Tidak ada yang diubah" in str(refused.value) and "@" in str(refused.value)
        server = Workspace.open(tmp_path / "meja-2", url=target_url, clock=clock)
        try:
            assert "Kasus baru di PC lama" not in json.dumps(queries.cases_page(server, search="PC lama"),
                                                             default=str)
            assert summary(server) == moved != summary(source)
        finally:
            server.close()
        # a SQLite file that holds an office is refused the same way, by the command line
        source.close()
        monkeypatch.setenv("SOPDESK_PASSWORD", demo_password())
        monkeypatch.setattr(sys, "stdin", io.StringIO(""))
        code = main(["--db", target_url, "--data-dir", str(tmp_path / "meja-2"), "transfer",
                     "--to", f"sqlite:///{tmp_path / 'satu-pc' / 'sopdesk.sqlite3'}", "--as", "admin"])
        err = capsys.readouterr().err
        assert code != 0 and "tidak kosong" in err and "Traceback" not in err
    finally:
        pg_server.drop_database(target_url)


DESK = textwrap.dedent("""
    import hashlib, json, sys
    from datetime import datetime, timezone
    from pathlib import Path
    from sopdesk.engine import cases, queries
    from sopdesk.engine.cases import OutputValue, StepInput
    from sopdesk.engine.workspace import Workspace

    data_dir, url, action, arg = sys.argv[1:5]
    ws = Workspace.open(Path(data_dir), url=url,
                        clock=lambda: datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc))
    if action == "attach":
        hd = ws.login("help.desk", "rahasia-123")
        kasubag = ws.login("kasubag", "rahasia-123")
        komisioner = ws.login("komisioner", "rahasia-123")
        number = cases.start_case(ws, hd, "PP", "Permohonan salinan SK", entry="surat")
        cases.complete(ws, hd, number, StepInput())
        cases.complete(ws, komisioner, number, StepInput())
        cases.complete(ws, kasubag, number, StepInput())
        cases.complete(ws, kasubag, number, StepInput(  # step 8: its output, a scan
            outputs={"Hasil Identifikasi": OutputValue(file=Path(arg))}))
        print(number)
    else:
        (doc,) = [d for d in queries.case_detail(ws, arg)["documents"] if d["path"]]
        content = Path(doc["path"]).read_bytes()
        print(json.dumps({"path": doc["path"], "sha256": hashlib.sha256(content).hexdigest()}))
    ws.close()
""")


def desk(data_dir: Path, url: str, action: str, arg: str) -> str:
    done = subprocess.run([sys.executable, "-c", DESK, str(data_dir), url, action, arg], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_scan_attached_on_one_desk_opens_on_another(tmp_path, pg_url, clock, admin_password="rahasia-123"):
    setup = Workspace.open(tmp_path / "server-setup", url=pg_url, clock=clock)
    try:
        admin = setup.setup("KPU Kota Kupang", "WITA", "admin", admin_password)
        from sopdesk.engine.accounts import add_user

        for name, role in (("help.desk", "Help Desk"), ("komisioner", "Komisioner"), ("kasubag", "Kasubag")):
            add_user(setup, admin, name, admin_password, [role])
    finally:
        setup.close()
    scan = tmp_path / "surat masuk.pdf"
    scan.write_bytes(SCANS[1])
    number = desk(tmp_path / "meja-1", pg_url, "attach", str(scan))  # desk 1: its own process and folder
    scan.unlink()  # gone from desk 1's disk too: desk 2 cannot be reading it from there
    for stored in (tmp_path / "meja-1" / "lampiran").rglob("*.pdf"):
        stored.unlink()
    seen = json.loads(desk(tmp_path / "meja-2", pg_url, "open", number))  # desk 2: another process
    assert seen["sha256"] == hashlib.sha256(SCANS[1]).hexdigest()
    assert Path(seen["path"]).is_relative_to(tmp_path / "meja-2")
