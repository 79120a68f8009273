"""The command line, driven in-process through sopdesk.cli.main.main (and once as a real
process): output a clerk reads, JSON a script parses, and errors as one clear line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.cli_env import cli_runner, own_log_handlers, set_cli_environment
from sqlalchemy import select

import sopdesk
from sopdesk.cli.main import main
from sopdesk.engine import accounts
from sopdesk.engine.workspace import Workspace
from sopdesk.store.models import Case

PASSWORD = "sandi-kantor-123"
NUMBER = re.compile(r"\b(PP|TKS|PAW|RAKOR)/\d{4}/\d{4}\b")


@pytest.fixture
def env(tmp_path, monkeypatch, db_url):
    """A fresh data directory (and, on the PostgreSQL run, SOPDESK_DB naming the test's server
    database: the `db_url` fixture), passwords from the environment, no terminal on stdin."""
    data = set_cli_environment(monkeypatch, tmp_path, PASSWORD)
    with own_log_handlers():
        yield data


@pytest.fixture
def run(env, capsys):
    return cli_runner(capsys)


def assert_one_line_error(result: tuple[int, str, str], *fragments: str, code: int = 1) -> str:
    status, _out, err = result
    assert status == code
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("sopdesk: ")
    assert "Traceback" not in err
    assert "kesalahan internal" not in err  # a user's mistake, not a bug
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


USERS = (("help.desk", "Help Desk"), ("komisioner", "Komisioner"), ("kasubag", "Kasubag"),
         ("sekretaris", "Sekretaris"))


@pytest.fixture
def office(env, run):
    """An office set up (through the engine, to keep the error tests quick) with one user per
    role the flows below need; test_setup_and_a_case_through_the_command_line does the same
    through the command line."""
    ws = Workspace.open(env)
    try:
        admin = ws.setup("KPU Kota Kupang", "WITA", "admin", PASSWORD)
        for user, role in USERS:
            accounts.add_user(ws, admin, user, PASSWORD, [role])
    finally:
        ws.close()
    return run


def start_surat(run) -> str:
    code, out, err = run("case", "start", "PP", "--entry", "surat", "--as", "help.desk",
                         "--title", "Surat permohonan data DPT", "--requester", "Pos Kupang")
    assert (code, err) == (0, "")
    return NUMBER.search(out).group(0)


# --- the happy path ---------------------------------------------------------------------------

def test_version(env, capsys):
    assert main(["--version"]) == 0  # answered before the parser is built (tests/test_start_speed.py)
    assert capsys.readouterr().out.strip() == f"sopdesk {sopdesk.__version__}"
    assert main(["--data-dir", "/tmp/x", "--version"]) == 0
    assert capsys.readouterr().out.strip() == f"sopdesk {sopdesk.__version__}"


def test_setup_and_a_case_through_the_command_line(run):
    code, out, err = run("setup", "--office", "KPU Kota Kupang", "--timezone", "WITA",
                         "--admin", "admin")
    assert (code, err) == (0, "")
    assert "KPU Kota Kupang" in out
    for user, role in USERS:
        code, out, err = run("user", "add", "--as", "admin", user, "--role", role)
        assert (code, err) == (0, "")
        assert user in out and role in out
    code, out, err = run("user", "list", "--as", "admin", "--json")
    assert (code, err) == (0, "")
    assert {u["username"]: u["peran"] for u in json.loads(out)} == {
        "admin": [], **{user: [role] for user, role in USERS}}

    code, out, err = run("visitor", "register", "--as", "help.desk", "--name", "Maria Ndun",
                         "--purpose", "permohonan_informasi", "--info", "Data DPT 2024",
                         "--phone", "081234567890", "--directed-to", "Ketua")
    assert (code, err) == (0, "")
    visitor_case = NUMBER.search(out).group(0)
    assert re.fullmatch(r"PP/\d{4}/0001", visitor_case)
    assert "Maria Ndun" in out

    code, out, err = run("visitor", "register", "--as", "help.desk", "--name", "Rudi Kolo",
                         "--purpose", "bertamu")
    assert (code, err) == (0, "")
    assert NUMBER.search(out) is None  # a guest starts no case

    number = start_surat(run)
    assert number == visitor_case.replace("0001", "0002")

    code, out, err = run("inbox", "--as", "help.desk", "--json")
    assert (code, err) == (0, "")
    inbox = json.loads(out)
    assert inbox["counts"]["Help Desk"] == {"open": 1, "overdue": 0}
    items = {(i["case_number"], i["step_no"]): i for i in inbox["items"]}
    assert set(items) == {(number, 5)}  # the registration did the visitor case's steps 1 and 2
    code, out, err = run("case", "show", visitor_case, "--as", "help.desk", "--json")
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert [(i["step"], i["status"], i["completed_by"]) for i in shown["items"]] == [
        (1, "done", "help.desk"), (2, "done", "help.desk"), (3, "open", None)]
    assert shown["items"][1]["note"] == "Pemohon diarahkan kepada Ketua"
    assert shown["requester"] == "Maria Ndun"
    assert items[(number, 5)]["kegiatan"] == "Menerima Surat Masuk terkait permohonan informasi"

    code, out, err = run("case", "complete", number, "--as", "help.desk", "--check", "1",
                         "--check", "Disposisi Surat", "--output", "1=005/PP.01/5371/III/2026",
                         "--output-date", "1=2026-03-02", "--note", "Surat diterima lengkap")
    assert (code, err) == (0, "")
    assert f"Kegiatan 5 kasus {number} selesai" in out
    assert "lanjut ke kegiatan 6" in out
    for user, step in (("komisioner", 6), ("kasubag", 7), ("kasubag", 8)):
        code, out, err = run("case", "complete", number.lower(), "--as", user)
        assert (code, err) == (0, "")
        assert f"Kegiatan {step} kasus {number} selesai" in out
    code, out, err = run("case", "complete", number, "--as", "kasubag", "--choice", "Ya")
    assert (code, err) == (0, "")
    assert "(Ya)" in out and "lanjut ke kegiatan 12" in out

    code, out, err = run("case", "return", number, "--as", "sekretaris", "--to", "9",
                         "--reason", "Perlu konsultasi ulang dengan divisi")
    assert (code, err) == (0, "")
    assert "dikembalikan ke kegiatan 9" in out

    code, out, err = run("case", "show", number, "--as", "help.desk", "--json")
    assert (code, err) == (0, "")
    detail = json.loads(out)
    assert detail["number"] == number
    assert detail["status"] == "open"
    assert detail["requester"] == "Pos Kupang"
    assert [(i["step"], i["status"]) for i in detail["items"]] == [
        (5, "done"), (6, "done"), (7, "done"), (8, "done"), (9, "done"), (12, "returned"),
        (9, "open")]
    assert detail["items"][0]["note"] == "Surat diterima lengkap"
    assert [(c["item"], c["present"]) for c in detail["items"][0]["checks"]] == [
        ("Surat Masuk", True), ("Disposisi Surat", True)]
    assert detail["items"][4]["choice"] == "Ya"
    assert detail["items"][5]["return_to"] == 9
    assert detail["items"][5]["completed_by"] == "sekretaris"
    assert detail["documents"] == [{"name": "Dispoisi Surat", "number": "005/PP.01/5371/III/2026",
                                    "date": "2026-03-02", "step": 5, "file": None, "path": None,
                                    "sha256": None}]

    code, out, err = run("case", "show", number, "--as", "help.desk")
    assert (code, err) == (0, "")
    assert number in out and "berjalan" in out and "005/PP.01/5371/III/2026" in out


# --- errors: one line, no traceback -----------------------------------------------------------

def test_unknown_case(office):
    assert_one_line_error(office("case", "show", "PP/2026/9999", "--as", "kasubag"), "PP/2026/9999", "tidak ada")


def test_wrong_password(office, monkeypatch):
    monkeypatch.setenv("SOPDESK_PASSWORD", "bukan-sandinya")
    assert_one_line_error(office("inbox", "--as", "help.desk"), "kata sandi salah")


def test_step_not_yours(office):
    number = start_surat(office)
    assert_one_line_error(office("case", "complete", number, "--as", "kasubag"),
                          "kasubag", "Help Desk")
    code, out, _ = office("case", "show", number, "--as", "kasubag", "--json")
    assert [i["status"] for i in json.loads(out)["items"]] == ["open"]


def test_unknown_sop(office):
    assert_one_line_error(office("case", "start", "XYZ", "--title", "Coba", "--as", "help.desk"),
                          "XYZ")


def test_bad_output_format(office):
    number = start_surat(office)
    assert_one_line_error(office("case", "complete", number, "--as", "help.desk",
                                 "--output", "nomor-tanpa-nama"), "--output", "NAMA=NILAI")
    assert_one_line_error(office("case", "complete", number, "--as", "help.desk",
                                 "--output-date", "1=2 Maret 2026"), "--output-date")
    code, out, _ = office("case", "show", number, "--as", "kasubag", "--json")
    assert [i["status"] for i in json.loads(out)["items"]] == ["open"]


def test_missing_required_argument(office):
    assert_one_line_error(office("case", "start", "PP", "--as", "help.desk"), "--title", code=2)


def test_unknown_subcommand(run):
    assert_one_line_error(run("frobnicate"), "frobnicate", code=2)
    assert_one_line_error(run("case", "frobnicate"), "frobnicate", code=2)


def test_setup_twice(office):
    assert_one_line_error(office("setup", "--office", "KPU Lain", "--timezone", "WIB",
                                 "--admin", "admin2"), "setup")


def test_garbage_database_url(run):
    assert_one_line_error(run("--db", "nonsense://", "case", "show", "PP/2026/0001", "--as", "admin"), "nonsense")


def test_not_a_url_at_all(run):
    assert_one_line_error(run("--db", "garbage", "case", "show", "PP/2026/0001", "--as", "admin"), "garbage")


def test_password_missing_without_a_terminal(office, monkeypatch):
    monkeypatch.delenv("SOPDESK_PASSWORD")
    assert_one_line_error(office("inbox", "--as", "help.desk"), "SOPDESK_PASSWORD")


def test_before_setup(run):
    assert_one_line_error(run("inbox", "--as", "admin"), "setup")


# --- demo ------------------------------------------------------------------------------------

def demo_cases(data_dir: Path) -> list[tuple[str, str, str]]:
    ws = Workspace.open(data_dir)
    try:
        with ws.db.reading() as session:
            return [tuple(row) for row in session.execute(
                select(Case.number, Case.title, Case.status).order_by(Case.id))]
    finally:
        ws.close()


@pytest.mark.sqlite_only("two demo offices in two data directories; one server database here "
                        "(the demo on PostgreSQL: tests/test_demo_postgres.py)")
def test_demo_data_is_reproducible_and_fills_the_inboxes(run, tmp_path):
    first, second = tmp_path / "demo1", tmp_path / "demo2"
    for folder in (first, second):
        code, out, err = run("--data-dir", str(folder), "demo", "--cases", "60", "--seed", "7")
        assert (code, err) == (0, "")
        assert "kasus contoh" in out
    cases_one, cases_two = demo_cases(first), demo_cases(second)
    assert 40 <= len(cases_one) <= 60
    assert cases_one == cases_two
    assert {status for _, _, status in cases_one} >= {"done", "open"}
    assert len({number for number, _, _ in cases_one}) == len(cases_one)

    code, out, err = run("--data-dir", str(first), "inbox", "--as", "kasubag", "--json")
    assert (code, err) == (0, "")
    inbox = json.loads(out)
    assert inbox["items"]
    open_numbers = {number for number, _, status in cases_one if status == "open"}
    for entry in inbox["items"]:
        assert entry["role"] == "Kasubag" or entry["assignee"] == "kasubag"
        assert entry["case_number"] in open_numbers
    assert inbox["counts"]["Kasubag"]["open"] >= len(inbox["items"])


@pytest.mark.sqlite_only("two demo offices in two data directories; one server database here "
                        "(the demo on PostgreSQL: tests/test_demo_postgres.py)")
def test_demo_with_another_seed_differs(run, tmp_path):
    first, second = tmp_path / "demo1", tmp_path / "demo2"
    for folder, seed in ((first, "7"), (second, "8")):
        code, _, err = run("--data-dir", str(folder), "demo", "--cases", "30", "--seed", seed)
        assert (code, err) == (0, "")
    assert demo_cases(first) != demo_cases(second)


# --- as a real process -------------------------------------------------------------------------

def test_module_entry_point_runs_as_a_process(tmp_path):
    environment = dict(os.environ, SOPDESK_DATA_DIR=str(tmp_path / "data"),
                       XDG_STATE_HOME=str(tmp_path / "state"), SOPDESK_PASSWORD=PASSWORD)
    environment.pop("SOPDESK_DB", None)

    def sopdesk_process(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "sopdesk", *argv], capture_output=True,
                              text=True, env=environment, cwd=tmp_path, timeout=60,
                              stdin=subprocess.DEVNULL)

    done = sopdesk_process("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"sopdesk {sopdesk.__version__}"

    done = sopdesk_process("case", "show", "TKS/2000/0001", "--as", "admin")  # a fresh, empty data directory
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("sopdesk: ") and "sopdesk setup" in line


@pytest.mark.parametrize(("argv", "said"), [
    (("case", "show", "--as", "admin"), "argumen wajib belum diisi: NOMOR_KASUS"),
    (("inbox", "--as", "kasubag", "--sop"), "argumen --sop: perlu satu nilai"),
    (("frobnicate",), "argumen command: pilihan tidak dikenal: 'frobnicate' (pilih dari 'gui', "),
    (("holiday", "list", "--as", "admin", "--year", "abc"), "argumen --year: nilai int tidak sah: 'abc'"),
    (("catalog", "list", "--bogus"), "argumen tidak dikenal: --bogus"),
])
def test_argument_errors_are_in_indonesian(run, argv, said):
    """Found by hand: argparse's own messages reached the user in English ("the following arguments
    are required", "unrecognized arguments", "invalid choice")."""
    line = assert_one_line_error(run(*argv), said, code=2)
    for english in ("required", "unrecognized", "invalid", "expected", "choose from", "argument "):
        assert english not in line


def test_every_command_closes_the_office_it_opened_also_when_refused(office, monkeypatch):
    """The workspace context manager (cli/session.py): a command that succeeds, one the engine
    refuses, one with a wrong password and one refused before the engine is asked each close
    what they opened."""
    opened, closed = [], []
    real_open, real_close = Workspace.open, Workspace.close

    def counted_open(*args, **kwargs):  # noqa: ANN202
        ws = real_open(*args, **kwargs)
        opened.append(ws)
        return ws

    def counted_close(self):  # noqa: ANN001, ANN202
        closed.append(self)
        return real_close(self)

    monkeypatch.setattr(Workspace, "open", staticmethod(counted_open))
    monkeypatch.setattr(Workspace, "close", counted_close)
    number = start_surat(office)
    assert office("case", "show", number, "--as", "kasubag")[0] == 0
    assert office("case", "complete", number, "--as", "kasubag")[0] == 1  # not kasubag's step
    assert office("case", "show", "PP/2026/9999", "--as", "kasubag")[0] == 1
    assert office("user", "list", "--as", "admin", "--json")[0] == 0
    monkeypatch.setenv("SOPDESK_PASSWORD", "bukan-sandinya")
    assert office("inbox", "--as", "help.desk")[0] == 1
    assert len(opened) == 6 and [id(ws) for ws in closed] == [id(ws) for ws in opened]
