"""`sopdesk user roles|password|disable|enable`: what Pengaturan does to an account, on the
command line too (before, `sopdesk user` could only add and list: a disabled or mistyped account
had to wait for the desktop)."""

from __future__ import annotations

import json

import pytest
from helpers.cli_env import cli_runner, own_log_handlers, set_cli_environment

from sopdesk.engine import accounts
from sopdesk.engine.workspace import Workspace

PASSWORD = "sandi-kantor-123"


@pytest.fixture
def run(tmp_path, monkeypatch, capsys, db_url):
    data = set_cli_environment(monkeypatch, tmp_path, PASSWORD)
    ws = Workspace.open(data)
    try:
        admin = ws.setup("KPU Kabupaten Kupang", "WITA", "admin", PASSWORD)
        accounts.add_user(ws, admin, "kasubag", PASSWORD, ["Kasubag"])
    finally:
        ws.close()
    with own_log_handlers():
        yield cli_runner(capsys)


def _users(run) -> dict[str, dict]:
    code, out, err = run("user", "list", "--as", "admin", "--json")
    assert (code, err) == (0, "")
    return {u["username"]: u for u in json.loads(out)}


def test_an_administrator_changes_roles_disables_enables_and_resets(run, monkeypatch):
    code, out, err = run("user", "roles", "kasubag", "--role", "Kasubag", "--role", "Staf", "--as", "admin")
    assert (code, err) == (0, "") and "Kasubag, Staf" in out
    assert _users(run)["kasubag"]["peran"] == ["Kasubag", "Staf"]

    code, out, err = run("user", "roles", "kasubag", "--as", "admin")  # no role: refused, nothing changed
    assert code == 1 and "sedikitnya satu peran" in err and "Traceback" not in err
    assert _users(run)["kasubag"]["peran"] == ["Kasubag", "Staf"]

    assert run("user", "disable", "kasubag", "--as", "admin")[0] == 0
    assert _users(run)["kasubag"]["aktif"] is False
    code, _out, err = run("inbox", "--as", "kasubag")
    assert code == 1 and "dinonaktifkan" in err
    assert run("user", "enable", "kasubag", "--as", "admin")[0] == 0
    assert _users(run)["kasubag"]["aktif"] is True

    monkeypatch.setenv("SOPDESK_NEW_PASSWORD", "12345678")  # guessable: refused
    code, _out, err = run("user", "password", "kasubag", "--as", "admin")
    assert code == 1 and "mudah ditebak" in err
    monkeypatch.setenv("SOPDESK_NEW_PASSWORD", "kasubag-baru-7")
    code, out, err = run("user", "password", "kasubag", "--as", "admin")
    assert (code, err) == (0, "") and "diganti" in out
    monkeypatch.setenv("SOPDESK_PASSWORD", "kasubag-baru-7")
    assert run("inbox", "--as", "kasubag")[0] == 0


def test_only_an_administrator_may(run):
    code, _out, err = run("user", "disable", "admin", "--as", "kasubag")
    assert code != 0 and "administrator" in err.lower()
