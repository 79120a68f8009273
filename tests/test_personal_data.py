"""Personal data only for those who need it (#11): every command that shows office data asks
for a login; NIK and phone numbers are masked for roles that do not register visitors, on the
command line and at the help desk alike; every file sopdesk writes is 0600 in 0700 folders;
the log never holds statement parameters or personal data."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from helpers.cli_env import cli_runner, own_log_handlers, set_cli_environment
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select, text

from sopdesk.engine import accounts
from sopdesk.engine.visitors import VisitorForm, register_visitor
from sopdesk.engine.workspace import Workspace
from sopdesk.store.db import make_engine
from sopdesk.store.models import AuditEvent, Case

pytestmark = pytest.mark.both_stores

PASSWORD = "sandi-kantor-123"
NIK = "5371014501900001"
PHONE = "081234567890"


@pytest.fixture
def office(tmp_path, monkeypatch, db_url):
    """An office with a Help Desk clerk, a Kasubag and a Peserta, one visitor with NIK and
    phone, one case; passwords from the environment, no terminal."""
    data = set_cli_environment(monkeypatch, tmp_path, PASSWORD)
    ws = Workspace.open(data, db_url)
    try:
        admin = ws.setup("KPU Kota Kupang", "WITA", "admin", PASSWORD)
        for user, role in (("help.desk", "Help Desk"), ("kasubag", "Kasubag"), ("peserta", "Peserta")):
            accounts.add_user(ws, admin, user, PASSWORD, [role])
        register_visitor(ws, ws.login("help.desk", PASSWORD), VisitorForm(
            name="Maria Ndun", purpose="permohonan_informasi", id_number=NIK, phone=PHONE,
            institution="Undana", info_requested="Data DPT 2024"))
    finally:
        ws.close()
    with own_log_handlers():
        yield data


@pytest.fixture
def run(office, capsys):
    return cli_runner(capsys)


def audit_count(data: Path, url: str | None) -> int:
    ws = Workspace.open(data, url)
    try:
        with ws.db.reading() as session:
            return session.scalar(select(func.count(AuditEvent.id)))
    finally:
        ws.close()


# every command that shows office data; {case} is the office's case number, {out} a PDF path
SHOWING = [
    ("user", "list"),
    ("visitor", "list"),
    ("case", "show", "{case}"),
    ("holiday", "list"),
    ("letter", "list"),
    ("letter", "show", "{case}"),
    ("letter", "settings"),
    ("expedition", "list"),
    ("report", "sop", "PP", "-o", "{out}"),
    ("report", "case", "{case}", "-o", "{out}"),
    ("report", "performance", "PP", "--from", "2020-01-01", "--to", "2030-12-31", "-o", "{out}"),
    ("report", "expedition", "--from", "2020-01-01", "--to", "2030-12-31", "-o", "{out}"),
    ("report", "visitors", "--from", "2020-01-01", "--to", "2030-12-31", "-o", "{out}"),
]


@pytest.fixture
def case_no(office, db_url) -> str:
    """The case the visitor's information request started."""
    ws = Workspace.open(office, db_url)
    try:
        with ws.db.reading() as session:
            return session.scalar(select(Case.number))
    finally:
        ws.close()


@pytest.mark.parametrize("argv", SHOWING, ids=lambda a: " ".join(a[:2]))
def test_every_command_that_shows_office_data_asks_for_a_login(run, tmp_path, monkeypatch, case_no, argv):
    """`visitor list`, `case show` and `user list` answered anyone at the PC."""
    argv = [a.format(case=case_no, out=tmp_path / "keluar.pdf") for a in argv]
    code, out, err = run(*argv)
    assert code == 2 and "--as" in err and out == ""
    assert not (tmp_path / "keluar.pdf").exists()
    monkeypatch.setenv("SOPDESK_PASSWORD", "salah-sandinya")
    code, out, err = run(*argv, "--as", "admin")
    assert code == 1 and "kata sandi salah" in err and out == ""
    assert not (tmp_path / "keluar.pdf").exists()
    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    code, out, err = run(*argv, "--as", "admin")
    assert code == 0, err


def test_a_login_to_read_writes_nothing_and_a_wrong_one_is_counted(run, office, db_url, monkeypatch):
    before = audit_count(office, db_url)
    assert run("user", "list", "--as", "kasubag")[0] == 0
    assert audit_count(office, db_url) == before  # a `case show` does not grow the audit log
    monkeypatch.setenv("SOPDESK_PASSWORD", "salah-sandinya")
    for _ in range(5):
        assert run("user", "list", "--as", "kasubag")[0] == 1
    assert audit_count(office, db_url) == before + 5  # each failure audited, as at any login
    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    code, _out, err = run("user", "list", "--as", "kasubag")
    assert code == 1 and "dikunci" in err  # the lockout holds for reading too


@pytest.mark.parametrize(("user", "masked"), [("help.desk", False), ("admin", False),
                                              ("kasubag", True), ("peserta", True)])
def test_visitor_list_masks_nik_and_phone_for_roles_that_do_not_need_them(run, user, masked):
    code, out, err = run("visitor", "list", "--as", user, "--json")
    assert code == 0, err
    (row,) = json.loads(out)
    assert row["nama"] == "Maria Ndun" and row["masked"] is masked
    if masked:
        assert (row["nik"], row["telepon"]) == ("************0001", "********7890")
    else:
        assert (row["nik"], row["telepon"]) == (NIK, PHONE)
    code, out, err = run("visitor", "list", "--as", user)
    assert code == 0
    assert (NIK in out) is not masked and (PHONE in out) is not masked
    assert "0001" in out and "7890" in out


@pytest.mark.sqlite_only("a widget test")
@pytest.mark.parametrize(("user", "shown"), [
    ("peserta", "Maria Ndun · NIK ************0001 · Undana · ********7890"),
    ("kasubag", "Maria Ndun · NIK ************0001 · Undana · ********7890"),
    ("help.desk", f"Maria Ndun · NIK {NIK} · Undana · {PHONE}"),
])
def test_the_help_desk_look_up_masks_for_roles_that_do_not_need_them(qtbot, office, user, shown):
    from sopdesk.gui.context import GuiContext
    from sopdesk.gui.helpdesk import HelpDeskPage

    ws = Workspace.open(office)
    try:
        page = HelpDeskPage(GuiContext(ws, ws.login(user, PASSWORD)))
        qtbot.addWidget(page)
        page.show()
        page.activateWindow()
        qtbot.waitExposed(page)
        page.fields["name"].setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is page.fields["name"])
        qtbot.keyClicks(page.fields["name"], "Maria")
        qtbot.waitUntil(lambda: page.suggestion_texts() != [])
        assert page.suggestion_texts() == [shown]
        page.close()
    finally:
        ws.close()


# --- file modes ---------------------------------------------------------------------------------

def _modes(root: Path) -> dict[str, str]:
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            if not path.is_symlink():
                found[str(path.relative_to(root))] = oct(stat.S_IMODE(path.stat().st_mode))
    return found


def test_every_file_sopdesk_writes_is_private(run, office, tmp_path, db_url, case_no):
    """Printouts were 0644, lampiran/ 0755 after a restore, the log folder 0755 and sopdesk.log
    0644, under the usual umask 022."""
    old = os.umask(0o022)
    try:
        scan = tmp_path / "scan.pdf"
        scan.write_bytes(b"%PDF-1.4 pindaian")
        outputs = tmp_path / "cetak"
        outputs.mkdir()
        code, _, err = run("letter", "in", "--as", "help.desk", "--sender", "Bawaslu", "--subject", "Data",
                           "--scan", str(scan))
        assert code == 0, err
        for argv in (("report", "visitors", "--from", "2020-01-01", "--to", "2030-12-31", "--as", "help.desk"),
                     ("report", "receipt", "1", "--as", "help.desk"), ("report", "sop", "PP", "--as", "admin"),
                     ("report", "case", case_no, "--as", "admin")):
            code, _, err = run(*argv, "-o", str(outputs / f"{argv[1]}.pdf"))
            assert code == 0, err
        code, _, err = run("letter", "settings", "--as", "admin", "--office-code", "5371")
        assert code == 0, err
        code, out, err = run("backup", "--as", "admin")
        assert code == 0, err
        archive = Path(out.splitlines()[0].split(": ", 1)[1])
        code, _, err = run("restore", str(archive), "--as", "admin", "--yes")
        assert code == 0, err
        assert run("case", "show", case_no, "--as", "admin")[0] == 0
    finally:
        os.umask(old)
    roots = {"data": office, "cetak": outputs, "log": tmp_path / "state"}
    written = {where: _modes(root) for where, root in roots.items()}
    if db_url is None:  # the scans of a PostgreSQL office live in the database
        assert any(name.startswith("lampiran/") for name in written["data"])
        assert "pengaturan.json" in written["data"] and "sopdesk.sqlite3" in written["data"]
    assert len(written["cetak"]) == 4 and any(name.endswith("sopdesk.log") for name in written["log"])
    wrong = {f"{where}/{name}": mode for where, modes in written.items() for name, mode in modes.items()
             if mode != ("0o700" if (roots[where] / name).is_dir() else "0o600")}
    assert wrong == {}
    assert stat.S_IMODE(office.stat().st_mode) == 0o700


# --- the log ------------------------------------------------------------------------------------

def test_engines_hide_statement_parameters(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (nik TEXT CHECK (length(nik) < 5))"))
        with pytest.raises(Exception) as caught, engine.begin() as conn:
            conn.execute(text("INSERT INTO t VALUES (:nik)"), {"nik": NIK})
        assert NIK not in str(caught.value)
    finally:
        engine.dispose()


def test_the_log_is_private_and_holds_no_personal_data(run, office, tmp_path, monkeypatch):
    log_dir = tmp_path / "state" / "sopdesk" / "log"
    log_dir.mkdir(parents=True, mode=0o755)
    log_dir.chmod(0o755)
    (log_dir / "sopdesk.log").write_text("lama\n")
    (log_dir / "sopdesk.log").chmod(0o644)
    from sopdesk.engine import visitor_lookup

    def broken(*_args, **_kwargs):  # a bug whose message carries personal data
        raise RuntimeError(f"gagal untuk NIK {NIK}, telp. 0812 3456 7890; DETAIL: Key (id_number)=({NIK})")

    monkeypatch.setattr(visitor_lookup, "visitor_book", broken)
    code, _out, err = run("visitor", "list", "--as", "help.desk")
    assert code == 3 and "kesalahan internal" in err
    logged = (log_dir / "sopdesk.log").read_text()
    assert "RuntimeError" in logged and "lama" in logged
    for secret in (NIK, "0812 3456 7890", NIK[-8:]):
        assert secret not in logged
    assert stat.S_IMODE(log_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((log_dir / "sopdesk.log").stat().st_mode) == 0o600


@pytest.mark.sqlite_only("edits the SQLite file directly")
def test_a_password_hash_swapped_outside_sopdesk_opens_nothing_for_reading(run, office, monkeypatch):
    """An attacker who writes their own Argon2 hash into the admin's row must not read the
    visitor book with it either (the login to read checks the sealed user record too)."""
    import sqlite3

    from argon2 import PasswordHasher

    forged = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1).hash("sandi-penyerang")
    with sqlite3.connect(office / "sopdesk.sqlite3") as conn:
        conn.execute("UPDATE user_account SET password_hash = ? WHERE username = 'admin'", (forged,))
    monkeypatch.setenv("SOPDESK_PASSWORD", "sandi-penyerang")
    code, out, err = run("visitor", "list", "--as", "admin", "--json")
    assert code == 1 and "diubah di luar sopdesk" in err and out == ""


@pytest.mark.sqlite_only("the SQLite data directory")
def test_an_office_left_readable_by_an_older_sopdesk_is_made_private_at_start(run, office, tmp_path):
    """A data directory and a lampiran/ from before (0755, as a restore left them) are 0700 again
    once sopdesk opens the office; the files in them keep 0600."""
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 pindaian")
    assert run("letter", "in", "--as", "help.desk", "--sender", "B", "--subject", "D", "--scan", str(scan))[0] == 0
    folders = [office, office / "lampiran", *(office / "lampiran").iterdir()]
    for folder in folders:
        folder.chmod(0o755)
    assert run("user", "list", "--as", "admin")[0] == 0
    assert {oct(stat.S_IMODE(f.stat().st_mode)) for f in folders} == {"0o700"}
    assert {oct(stat.S_IMODE(f.stat().st_mode)) for f in (office / "lampiran").rglob("*") if f.is_file()} == {"0o600"}
