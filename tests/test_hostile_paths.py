"""Hostile paths and values (#11), each once accepted or an internal error: a printout over the
live database or the settings, a scan from /proc or a FIFO, the network-share refusal bypassed
through a SQLite URI filename, Unicode digits, a 60,000-character search, a database that is
no database or a FIFO, a 300-character file name, eight wrong passwords at once."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest
from helpers.cli_env import cli_runner, own_log_handlers, set_cli_environment

from sopdesk.engine import accounts
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.store import db
from sopdesk.store.db import make_engine, sqlite_path

pytestmark = pytest.mark.both_stores

PASSWORD = "sandi-kantor-123"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def office(tmp_path, monkeypatch, db_url):
    data = set_cli_environment(monkeypatch, tmp_path, PASSWORD)
    ws = Workspace.open(data, db_url)
    try:
        admin = ws.setup("KPU Kota Kupang", "WITA", "admin", PASSWORD)
        accounts.add_user(ws, admin, "help.desk", PASSWORD, ["Help Desk"])
    finally:
        ws.close()
    with own_log_handlers():
        yield data


@pytest.fixture
def run(office, capsys):
    return cli_runner(capsys)


def one_line(result: tuple[int, str, str], *fragments: str, code: int = 1) -> str:
    status, _out, err = result
    lines = err.strip().splitlines()
    assert (status, len(lines)) == (code, 1), err
    assert "kesalahan internal" not in err and "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def process(*argv: str, timeout: float = 60, **env: str) -> subprocess.CompletedProcess:
    """sopdesk as its own process (a hang fails the test instead of stopping the suite)."""
    return subprocess.run([sys.executable, "-m", "sopdesk", *argv], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **env}, stdin=subprocess.DEVNULL, cwd=ROOT)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- printouts ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["sopdesk.sqlite3", "pengaturan.json", "laporan-baru.pdf", "lampiran/x.pdf"])
def test_a_printout_is_never_written_into_the_data_directory(run, office, name):
    """`report sop PP -o <data-dir>/sopdesk.sqlite3` replaced the live database ("PDF ditulis")."""
    run("letter", "settings", "--as", "admin", "--office-code", "5371")  # pengaturan.json exists
    target = office / name
    before = digest(target) if target.exists() else None
    one_line(run("report", "sop", "PP", "--as", "admin", "-o", str(target)), "tidak boleh ditulis", str(office))
    assert (digest(target) if target.exists() else None) == before
    link = office.parent / "tautan.pdf"  # nor through a symbolic link pointing there
    link.symlink_to(target)
    one_line(run("report", "sop", "PP", "--as", "admin", "-o", str(link)), "tidak boleh ditulis")
    assert run("user", "list", "--as", "admin")[0] == 0  # the office still opens


def test_an_existing_file_that_is_not_a_pdf_is_not_replaced(run, tmp_path):
    notes = tmp_path / "catatan.txt"
    notes.write_text("jangan ditimpa")
    one_line(run("report", "sop", "PP", "--as", "admin", "-o", str(notes)), "bukan PDF", "tidak ditimpa")
    assert notes.read_text() == "jangan ditimpa"
    one_line(run("report", "sop", "PP", "--as", "admin", "-o", str(tmp_path)), "adalah folder")
    older = tmp_path / "sop.pdf"
    older.write_bytes(b"%PDF-1.4 cetakan lama")
    code, out, err = run("report", "sop", "PP", "--as", "admin", "-o", str(older))  # an older printout: replaced
    assert (code, err) == (0, "") and out.startswith("PDF ditulis")
    assert older.read_bytes().startswith(b"%PDF") and older.stat().st_size > 1000


def test_a_300_character_file_name_gets_a_clear_message(run, tmp_path):
    """ENAMETOOLONG was raised again inside the printout's `finally`: an internal error."""
    one_line(run("report", "sop", "PP", "--as", "admin", "-o", str(tmp_path / ("a" * 296 + ".pdf"))),
             "terlalu panjang")
    assert list(tmp_path.glob("*.pdf")) == []


# --- scans ----------------------------------------------------------------------------------------

def _letter_in(scan: str) -> list[str]:
    return ["letter", "in", "--as", "help.desk", "--sender", "Bawaslu", "--subject", "Data", "--scan", scan]


@pytest.mark.parametrize("scan", ["/proc/self/pagemap", "/proc/uptime"])
def test_a_scan_from_proc_is_refused_at_once(office, scan):
    """pagemap says size 0 and never ends (a hang); /proc/uptime was accepted, then hashed and
    copied in two reads, so `check` called it changed."""
    if not Path(scan).exists():
        pytest.skip(f"{scan} needs Linux")
    done = process(*_letter_in(scan), timeout=90)
    assert done.returncode == 1, done.stderr
    assert "bukan berkas biasa" in done.stderr and "internal" not in done.stderr
    assert done.stdout == ""


def test_a_fifo_or_a_folder_as_scan_is_refused(run, tmp_path):
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    one_line(run(*_letter_in(str(fifo))), "bukan berkas biasa")
    one_line(run(*_letter_in(str(tmp_path))), "bukan berkas biasa")


def test_a_scan_is_stored_as_read_once(run, office, tmp_path, db_url):
    scan = tmp_path / "surat.pdf"
    scan.write_bytes(b"%PDF-1.4 " + os.urandom(3 * 1024 * 1024))
    code, _out, err = run(*_letter_in(str(scan)))
    assert (code, err) == (0, "")
    stored = list((office / "lampiran").rglob("*.pdf"))
    assert [digest(p) for p in stored] == [digest(scan)]
    assert stored[0].name.startswith(digest(scan))
    assert [p for p in (office / "lampiran").rglob("*") if p.name.endswith(".tmp")] == []
    code, out, err = run("check")
    assert code == 0, err


# --- the database ---------------------------------------------------------------------------------

MOUNTS = "/dev/sda2 / ext4 rw,relatime 0 0\n"


@pytest.fixture
def share(tmp_path, monkeypatch):
    folder = tmp_path / "share"
    folder.mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS + f"//nas/sopdesk {folder} cifs rw,relatime 0 0\n")
    monkeypatch.setattr(db, "MOUNTS_FILE", mounts)
    monkeypatch.setattr(sys, "platform", "linux")
    return folder


@pytest.mark.sqlite_only("a SQLite URL")
@pytest.mark.parametrize("query", ["uri=1", "uri=True", "uri=yes", "uri=on", "uri=Y", "uri=t", "uri=TRUE",
                                   "uri=0&uri=1", "mode=rwc&uri=1"])
def test_a_sqlite_uri_filename_on_a_share_is_refused(share, query):
    """`--db 'sqlite:///file:/share/db?uri=1'` bypassed the network-share refusal."""
    for database in (f"file:{share}/sopdesk.sqlite3", f"file://localhost{share}/sopdesk.sqlite3",
                     f"file:{quote(str(share))}/sopdesk%2Esqlite3"):
        url = f"sqlite:///{database}?{query}"
        assert sqlite_path(url) == share / "sopdesk.sqlite3"
        with pytest.raises(UserError, match="jaringan"):
            make_engine(url)
    assert list(share.iterdir()) == []  # nothing was created on the share


@pytest.mark.sqlite_only("a SQLite URL")
def test_a_symlink_into_a_share_and_a_remote_authority_are_refused(share, tmp_path):
    local = tmp_path / "lokal"
    local.mkdir()
    (local / "sopdesk.sqlite3").symlink_to(share / "sopdesk.sqlite3")
    with pytest.raises(UserError, match="jaringan"):
        make_engine(f"sqlite:///{local / 'sopdesk.sqlite3'}")
    with pytest.raises(UserError, match="jaringan"):  # SQLite makes \\server\share\... of it on Windows
        make_engine("sqlite:///file://server/share/sopdesk.sqlite3?uri=true")
    with pytest.raises(UserError, match="uri"):
        make_engine(f"sqlite:///file:{local}/x.sqlite3?uri=mungkin")


@pytest.mark.sqlite_only("a SQLite file")
def test_a_database_that_is_no_database_or_a_fifo_is_a_clear_message(run, tmp_path):
    text_file = tmp_path / "bukan.sqlite3"
    text_file.write_text("ini bukan basis data, hanya teks biasa yang cukup panjang " * 20)
    one_line(run("--db", f"sqlite:///{text_file}", "user", "list", "--as", "admin"), "bukan basis data SQLite")
    one_line(run("--db", f"sqlite:///{text_file}", "setup", "--office", "X", "--timezone", "WIB",
                 "--admin", "admin"), "bukan basis data SQLite")
    fifo = tmp_path / "pipa.sqlite3"
    os.mkfifo(fifo)
    done = process("--db", f"sqlite:///{fifo}", "user", "list", "--as", "admin", timeout=60)
    assert done.returncode == 1 and "bukan berkas biasa" in done.stderr, done.stderr
    done = process("--db", f"sqlite:///{fifo}", "check", timeout=60)
    assert done.returncode == 1 and "internal" not in done.stderr, done.stderr


# --- values -----------------------------------------------------------------------------------------

def test_unicode_digits_are_not_numbers(run):
    """`--check ²` / `--output ²=X`: int() of a Unicode digit, an internal error."""
    code, out, err = run("case", "start", "PP", "--as", "help.desk", "--entry", "surat", "--title", "Surat")
    assert code == 0, err
    number = out.split()[1]
    one_line(run("case", "complete", number, "--as", "help.desk", "--check", "²"), "'²' tidak ada")
    one_line(run("case", "complete", number, "--as", "help.desk", "--output", "²=X"), "'²' tidak ada")
    one_line(run("inbox", "--as", "admin", "--limit", "٣"), "angka 0-9", code=2)


@pytest.mark.parametrize("command", [("inbox",), ("visitor", "list"), ("letter", "list"), ("expedition", "list")])
def test_a_60000_character_search_gets_a_message(run, command):
    """SQLite: "LIKE or GLOB pattern too complex", an internal error."""
    one_line(run(*command, "--as", "admin", "--search", "a" * 60_000), "--search", "terlalu panjang", code=2)
    assert run(*command, "--as", "admin", "--search", "a" * 200)[0] == 0


def test_eight_wrong_passwords_at_once_are_eight_clear_refusals(office):
    """Eight processes with a wrong password at the same moment: each gets one line, the account
    ends locked, and the right password is then refused until the lockout ends."""
    def attempt(_: int) -> subprocess.CompletedProcess:
        return process("user", "list", "--as", "admin", timeout=180, SOPDESK_PASSWORD="salah-sandinya")

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(attempt, range(8)))
    for done in results:
        assert done.returncode == 1, done.stderr
        (line,) = done.stderr.strip().splitlines()
        assert line.startswith("sopdesk: ") and "internal" not in line
        assert "kata sandi salah" in line or "dikunci" in line or "sedang dipakai" in line, line
    for done in results:  # a wait for the write lock never makes the 5-minute lockout 6
        assert "dalam 6 menit" not in done.stderr
    done = process("user", "list", "--as", "admin", timeout=60)
    assert done.returncode == 1 and "dikunci" in done.stderr and "dalam 5 menit" in done.stderr


@pytest.mark.sqlite_only("a widget test")
def test_the_desktop_search_boxes_hold_a_search_not_a_document(qtbot, ws, admin):
    """A pasted 60,000-character text reached SQLite's LIKE ("pattern too complex")."""
    from PySide6.QtWidgets import QLineEdit

    from sopdesk.gui.cases_page import CasesPage
    from sopdesk.gui.context import GuiContext
    from sopdesk.gui.helpdesk import HelpDeskPage
    from sopdesk.gui.inbox_page import InboxPage
    from sopdesk.gui.letters import LettersPage
    from sopdesk.gui.worker import Worker

    context = GuiContext(ws, admin)
    worker = Worker()
    for page in (InboxPage(context), CasesPage(context), HelpDeskPage(context), LettersPage(context, worker)):
        qtbot.addWidget(page)
        boxes = [box for box in page.findChildren(QLineEdit) if box.maxLength() == 200]
        assert boxes, type(page).__name__
        for box in boxes:
            box.setText("ä" * 60_000)
            assert len(box.text()) == 200
        qtbot.wait(400)  # the search timers fire and the pages reload without an error dialog
    worker.stop()
