"""`sopdesk visitor register` checks its form before the password is asked, as the other acting
commands check their values (a typo costs no password), and that check imports nothing heavy:
the engine's light visitor_form, not SQLAlchemy, the catalog or pydantic."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from test_cli_prompt_first import (
    test_a_wrong_value_is_refused_before_the_password_is_asked as refused_before_the_password,
)

from sopdesk.catalog.registry import PLAIN_PURPOSES as CATALOG_PLAIN
from sopdesk.engine.visitor_form import PLAIN_PURPOSES

REGISTER = ["visitor", "register", "--name", "Maria Ndun"]  # --as comes after (admin)


@pytest.mark.parametrize(("options", "said"), [
    (["--purpose", "bertamu", "--email", "maria@"], "e-mail tidak sah"),
    (["--purpose", "bertamu", "--phone", "08a12"], "Nomor telepon"),
    (["--purpose", "bertamu", "--id-number", "53-71"], "Nomor identitas"),
    (["--purpose", "Permohonan Informasi"], "Pilih keperluan"),
    (["--purpose", "permohonan_informasi"], "Rincian informasi yang dibutuhkan wajib diisi"),
    (["--purpose", "bertamu", "--delivery", "merpati"], "cara mendapatkan salinan"),
])
def test_a_wrong_field_is_refused_before_the_password_is_asked(monkeypatch, tmp_path, capsys, options, said):
    # on a terminal, with getpass failing the test if it is asked (as for case/holiday/visitor list)
    refused_before_the_password(monkeypatch, tmp_path, capsys, [*REGISTER, *options], said)


def test_checking_the_form_imports_no_engine_of_the_database(tmp_path):
    script = ("import json, sys\n"
              "from sopdesk.cli.main import build_parser\n"
              f"line = {[*REGISTER, '--as', 'help.desk', '--purpose', 'bertamu', '--phone', '081234567']!r}\n"
              "args = build_parser(line).parse_args(line)\n"
              "args.check_values(args)\n"
              "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in\n"
              "    ('sqlalchemy', 'pydantic', 'argon2', 'yaml')} | {m for m in sys.modules if m.startswith(\n"
              "    ('sopdesk.store', 'sopdesk.catalog', 'sopdesk.engine.visitors', 'sopdesk.engine.workspace'))})))\n")
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_the_purposes_that_start_nothing_are_the_catalogs():
    assert PLAIN_PURPOSES == CATALOG_PLAIN  # the registry refuses an SOP door taking one of these
