"""`sopdesk letter show` on a rahasia letter: the instruction of its lembar disposisi is as
confidential as its perihal (engine.dispositions.dispositions_of masks it for whoever may not
read the letter). The command did not pass the signed-in viewer, so it printed "(rahasia)" as
the instruction even to the Ketua who wrote it; a Staf off the letter's chain still reads the mask."""

from __future__ import annotations

import json

import pytest
from helpers.cli_env import cli_runner, own_log_handlers, set_cli_environment

from sopdesk.engine import accounts, dispositions, letters
from sopdesk.engine.rahasia import MASK
from sopdesk.engine.workspace import Workspace

PASSWORD = "sandi-kantor-123"
SECRET = "Telaah temuan audit dana hibah atas nama bendahara"
USERS = (("help.desk", "Help Desk"), ("ketua", "Ketua"), ("staf", "Staf"))


@pytest.fixture
def run(tmp_path, monkeypatch, capsys, db_url):
    """An office with a rahasia letter the Ketua disposed to the Sub Bagian Hukum."""
    data = set_cli_environment(monkeypatch, tmp_path, PASSWORD)
    ws = Workspace.open(data)
    try:
        admin = ws.setup("KPU Kota Kupang", "WITA", "admin", PASSWORD)
        for name, role in USERS:
            accounts.add_user(ws, admin, name, PASSWORD, [role])
        registrar = ws.login("help.desk", PASSWORD)
        agenda, _case = letters.register_incoming(ws, registrar, letters.IncomingForm(
            sender="Inspektorat Kota Kupang", subject="Hasil audit keuangan hibah", sifat="rahasia"))
        dispositions.dispose(ws, ws.login("ketua", PASSWORD), agenda, ["subbag_hukum"], SECRET)
    finally:
        ws.close()
    with own_log_handlers():
        yield cli_runner(capsys), agenda


@pytest.mark.parametrize(("who", "reads"), [("ketua", True), ("staf", False)])
def test_the_instruction_is_shown_to_who_may_read_the_letter(run, who, reads):
    cli, agenda = run
    code, out, err = cli("letter", "show", agenda, "--as", who)
    assert (code, err) == (0, "")
    lines = [line.strip() for line in out.splitlines()]
    assert (SECRET in lines) == reads, out
    assert (MASK in lines) == (not reads), out  # the line under "Disposisi 1 ... kepada ..."


@pytest.mark.parametrize(("who", "reads"), [("ketua", True), ("staf", False)])
def test_the_json_of_the_sheet_follows_the_same_rule(run, who, reads):
    cli, agenda = run
    code, out, err = cli("letter", "show", agenda, "--as", who, "--json")
    assert (code, err) == (0, "")
    (sheet,) = json.loads(out)["disposisi"]
    assert sheet["instruction"] == (SECRET if reads else MASK)
