"""What an acting command imports before its work is chosen by its sub-command too (issue #15):
`case complete` does not import the modules only `case show` reads with (engine.queries,
engine.revisits: some 28 ms of CPU of every step completed from the command line)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import PASSWORD

from sopdesk.cli.main import build_parser, sub_command, work_modules
from sopdesk.engine import cases

SHOW_ONLY = ("sopdesk.engine.queries", "sopdesk.engine.revisits")


@pytest.mark.parametrize(("argv", "sub"), [
    (["case", "complete", "X", "--as", "a"], "complete"),
    (["--data-dir", "case", "case", "show", "X"], "show"),  # the folder's name is not the command
    (["--db=sqlite://", "case", "--help"], None),
    (["inbox", "--as", "a"], None),
    (["case"], None),
    (["--help"], None),
])
def test_the_sub_command_is_the_word_after_the_command(argv, sub):
    assert sub_command(argv) == sub


def test_case_complete_imports_ahead_only_what_completing_needs():
    for line, wanted in ((["case", "complete", "X", "--as", "a"], ["sopdesk.engine.cases"]),
                         (["case", "show", "X", "--as", "a"], [*SHOW_ONLY, "sopdesk.engine.viewer"])):
        build_parser(line).parse_args(line)
        modules = work_modules(line)
        assert all(module in modules for module in wanted), modules
        if line[1] == "complete":
            assert not set(SHOW_ONLY) & set(modules)


@pytest.mark.sqlite_only("a subprocess on the office's SQLite file")
def test_completing_a_step_from_the_command_line_does_not_import_the_case_sheets_modules(tmp_path, ws, admin, staff):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan DPT", entry="tamu")
    script = ("import json, sys\n"
              "from sopdesk.cli.main import main\n"
              f"code = main(['--data-dir', {str(ws.data_dir)!r}, 'case', 'complete', {number!r},\n"
              "              '--as', 'help.desk'])\n"
              f"print(json.dumps({{'code': code, 'loaded': [m for m in {list(SHOW_ONLY)!r} if m in sys.modules]}}))\n")
    env = {**os.environ, "SOPDESK_PASSWORD": PASSWORD, "SOPDESK_CACHE_DIR": str(tmp_path / "cache"),
           "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "loaded": []}, done.stdout
