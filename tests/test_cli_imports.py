"""What an acting command line call does before its own work (issue #15), as behaviour: it builds
and imports only the command it names, opening an office whose catalog is already stored writes
nothing, and the SOPs of stored revisions are the cached catalog's own objects, so that no
pydantic validator is built on the way. The timings are in tests/benchmark_start.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSWORD
from helpers.cli_env import own_log_handlers

from sopdesk.cli.main import COMMANDS, build_parser, command_named
from sopdesk.engine.workspace import Workspace
from sopdesk.store.db import Database


def _subcommands(parser) -> list[str]:  # noqa: ANN001 - an argparse parser
    return [name for action in parser._subparsers._group_actions for name in action.choices]


def test_the_table_of_commands_is_the_full_command_line():
    full = _subcommands(build_parser())
    assert full == [name for _module, _adder, names in COMMANDS for name in names]
    for _module, _adder, names in COMMANDS:
        for name in names:
            assert _subcommands(build_parser(["--data-dir", "x", name, "--help"])) == list(names)


@pytest.mark.parametrize(("argv", "named"), [
    (["inbox", "--as", "a"], "inbox"),
    (["--data-dir", "d", "--db=sqlite://", "case", "complete"], "case"),
    (["--db", "inbox", "user"], "user"),  # the option's value is not the command
    (["--help"], None),
    (["-h", "inbox"], None),
    ([], None),
])
def test_the_command_named_is_the_first_word_after_the_global_options(argv, named):
    assert command_named(argv) == named


def test_a_mistyped_command_still_lists_every_command(capsys):
    from sopdesk.cli.main import main

    assert main(["inbx"]) == 2
    err = capsys.readouterr().err
    assert "'inbox'" in err and "'report'" in err and "'check'" in err


def _run_child(script: str, tmp_path: Path) -> dict:
    env = {**os.environ, "SOPDESK_PASSWORD": PASSWORD, "SOPDESK_CACHE_DIR": str(tmp_path / "cache"),
           "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result: dict = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.sqlite_only("a subprocess on the office's SQLite file")
def test_an_acting_command_imports_only_its_command_and_builds_no_validator(tmp_path, ws, admin):
    script = ("import json, sys\n"
              "from sopdesk.cli.main import main\n"
              f"code = main(['--data-dir', {str(ws.data_dir)!r}, 'inbox', '--as', 'admin'])\n"
              "from sopdesk.catalog.schema import Kegiatan, Sop\n"
              "print(json.dumps({'code': code, 'built': Sop.__pydantic_complete__ or Kegiatan.__pydantic_complete__,\n"
              "  'commands': sorted(m for m in sys.modules if m.startswith('sopdesk.cli.commands.')),\n"
              "  'heavy': sorted(m for m in sys.modules if m.split('.')[0] in\n"
              "    ('reportlab', 'PySide6', 'alembic', 'mako', 'pygments', 'yaml')),\n"
              "  'sheet': sorted(m for m in sys.modules if m in\n"
              "    ('sopdesk.engine.case_record', 'sopdesk.engine.attachments'))}))\n")
    _run_child(script, tmp_path)  # the first run may read the catalog files and cache them
    again = _run_child(script, tmp_path)
    assert again["code"] == 0
    assert again["commands"] == ["sopdesk.cli.commands.inbox"]
    assert again["heavy"] == []
    assert again["sheet"] == []  # a case's sheet (queries.case_detail) is not on the inbox's way
    assert again["built"] is False  # the cached catalog's SOPs are used as they are


def test_the_parser_of_every_command_imports_no_engine(tmp_path):
    """The command line is checked before the password is asked (a typo costs no password), so
    building and running the parser must stay cheap: no SQLAlchemy, pydantic, Argon2 or engine."""
    script = ("import json, sys\n"
              "from sopdesk.cli.main import build_parser\n"
              "for line in (['inbox', '--as', 'a', '--limit', '5'], ['case', 'complete', 'X', '--as', 'a'],\n"
              "             ['catalog', 'add', 'f.yaml', '--as', 'a'], ['visitor', 'list', '--as', 'a'],\n"
              "             ['user', 'list', '--as', 'a'], ['holiday', 'list', '--as', 'a']):\n"
              "    build_parser(line).parse_args(line)\n"
              "build_parser()\n"
              "print(json.dumps({'heavy': sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in\n"
              "    ('sqlalchemy', 'pydantic', 'argon2', 'yaml')} | {m for m in sys.modules if m.startswith(\n"
              "    ('sopdesk.engine', 'sopdesk.store', 'sopdesk.catalog'))})}))\n")
    assert _run_child(script, tmp_path)["heavy"] == []


def test_opening_an_office_whose_catalog_is_stored_writes_nothing(ws, admin, monkeypatch):
    def no_write(self, held_ok=False):  # noqa: ANN001, ANN202, ARG001
        raise AssertionError("a write transaction at open")

    monkeypatch.setattr(Database, "transaction", no_write)
    url = ws.db.url_with_password if ws.db.dialect == "postgresql" else None
    again = Workspace.open(ws.data_dir, url=url, clock=ws.clock)
    try:
        assert again.catalog.sops.keys() == ws.catalog.sops.keys()
    finally:
        again.close()


def test_a_stored_revision_with_the_catalogs_content_is_the_catalogs_sop(ws):
    with ws.db.reading() as session:
        revision_id, sop = ws.current_revision(session, "PAW")
        ws._revisions.clear()
        assert ws.sop_of_revision(session, revision_id) is ws.catalog.sops["PAW"]


@pytest.mark.sqlite_only("a subprocess on the office's SQLite file")
def test_the_password_check_starts_before_the_command_imports_sqlalchemy(tmp_path, ws, admin):
    script = ("import json, sys\n"
              "from sopdesk import password_ahead\n"
              "seen = []\n"
              "original = password_ahead.start\n"
              "def start(stored, password, *how):\n"
              "    seen.append(sorted(m for m in ('sqlalchemy', 'pydantic') if m in sys.modules))\n"
              "    original(stored, password, *how)\n"
              "password_ahead.start = start\n"
              "from sopdesk.cli.main import main\n"
              f"code = main(['--data-dir', {str(ws.data_dir)!r}, 'inbox', '--as', 'admin'])\n"
              "print(json.dumps({'code': code, 'seen': seen}))\n")
    result = _run_child(script, tmp_path)
    assert result["code"] == 0
    assert result["seen"][0] == []  # started with neither imported yet (the login asks again: the same)


def test_the_collector_is_off_while_the_command_is_imported_and_on_for_its_work(monkeypatch, tmp_path):
    import gc

    from sopdesk.cli import main as cli_main
    from sopdesk.cli.commands import inbox

    seen: dict[str, bool] = {}
    build = cli_main.build_parser

    def building(argv=None):  # noqa: ANN001, ANN202
        seen["importing"] = gc.isenabled()
        return build(argv)

    def work(args) -> int:  # noqa: ANN001, ARG001
        seen["working"] = gc.isenabled()
        seen["frozen"] = gc.get_freeze_count() > 0  # what the imports made is not walked again
        return 0

    monkeypatch.setattr(cli_main, "build_parser", building)
    monkeypatch.setattr(inbox, "inbox", work)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with own_log_handlers():
        assert cli_main.main(["--data-dir", str(tmp_path), "inbox", "--as", "admin"]) == 0
        assert seen == {"importing": False, "working": True, "frozen": True}
        assert gc.isenabled() and gc.get_freeze_count() == 0  # as it was before
        gc.disable()
        try:  # a caller that keeps the collector off: not switched on behind its back
            assert cli_main.main(["--data-dir", str(tmp_path), "inbox", "--as", "admin"]) == 0
            assert seen == {"importing": False, "working": False, "frozen": False}
            assert not gc.isenabled()
        finally:
            gc.enable()
