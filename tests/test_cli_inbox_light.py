"""`sopdesk inbox --as` on an office whose catalog is cached imports no pydantic (issue #15): the
catalog's SOPs stay packed (sopdesk.catalog.registry), opening the office compares the stored
revisions with the catalog's `revisions` and the inbox names its rows' steps from the catalog's
`step_texts`, and the page it prints is the one printed when the SOPs were read from their files.
Its login is a login to read (engine.viewer), which writes nothing when the password is right."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSWORD

from sopdesk.cli.commands.inbox import STEP_TEXT, _cut
from sopdesk.engine import cases, queries

SCRIPT = """
import contextlib, io, json, sys
from sopdesk.cli.main import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(['--data-dir', sys.argv[1], 'inbox', '--as', 'admin'])
print(json.dumps({'code': code, 'out': out.getvalue(), 'pydantic': 'pydantic' in sys.modules}))
"""


def _inbox(data_dir: Path, tmp_path: Path) -> dict:
    env = {**os.environ, "SOPDESK_PASSWORD": PASSWORD, "SOPDESK_CACHE_DIR": str(tmp_path / "cache"),
           "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(data_dir)], capture_output=True, text=True,
                          timeout=120, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result: dict = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.sqlite_only("a subprocess on the office's SQLite file")
def test_inbox_on_the_cached_catalog_imports_no_pydantic_and_prints_the_same_page(tmp_path, ws, admin, staff):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan DPT", entry="tamu")
    first = _inbox(ws.data_dir, tmp_path)  # no cache yet: the catalog files are read and validated
    again = _inbox(ws.data_dir, tmp_path)  # from the cache
    assert first["code"] == again["code"] == 0
    assert first["pydantic"] is True
    assert again["pydantic"] is False
    assert number in again["out"] and again["out"] == first["out"]
    rows = queries.inbox_page(ws, sorted(ws.catalog.roles))  # in this process, the SOPs unpacked
    assert [row.case_number for row in rows] == [number]
    assert f"{rows[0].step_no:>3}. {_cut(rows[0].kegiatan, STEP_TEXT)}" in again["out"]


def _audit_events(ws) -> list[tuple[str, int | None]]:  # noqa: ANN001 - the ws fixture's Workspace
    from sqlalchemy import select

    from sopdesk.store.models import AuditEvent

    with ws.db.reading() as session:
        return list(session.execute(select(AuditEvent.action, AuditEvent.user_id).order_by(AuditEvent.id)))


@pytest.mark.both_stores
def test_inbox_is_a_login_to_read_and_a_wrong_password_is_still_counted(ws, admin, monkeypatch, capsys):
    from sopdesk.cli.main import main

    url = ["--db", ws.db.url_with_password] if ws.db.dialect == "postgresql" else []
    before = _audit_events(ws)
    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    assert main([*url, "--data-dir", str(ws.data_dir), "inbox", "--as", "admin"]) == 0
    assert _audit_events(ws) == before  # shown, nothing written (as `case show`)
    monkeypatch.setenv("SOPDESK_PASSWORD", "salah")
    assert main([*url, "--data-dir", str(ws.data_dir), "inbox", "--as", "admin"]) == 1
    assert "kata sandi salah" in capsys.readouterr().err.lower()
    assert _audit_events(ws) == [*before, ("login_failed", None)]
