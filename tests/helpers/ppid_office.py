"""An office that brought its own SOP (tests/fixtures/catalog/sop_ppid_informasi.yaml, kode
PPID) for the issue #13 tests of deadlines, lanes and confidentiality, driven through the
command line with a clock the test moves (the CLI opens its workspace with it)."""

from __future__ import annotations

import io
import json
import logging
import re
import shutil
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from sopdesk.cli.main import main
from sopdesk.engine import accounts
from sopdesk.engine.users import Actor
from sopdesk.engine.workdays import zone
from sopdesk.engine.workspace import Workspace

PASSWORD = "sandi-kantor-123"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "catalog" / "sop_ppid_informasi.yaml"
WITA = zone("WITA")
NUMBER = re.compile(r"\bPPID/\d{4}/\d{4}\b")
USERS = (("petugas", "Petugas PPID"), ("kabag", "Kabag"), ("sekretaris", "Sekretaris"),
         ("staf", "Staf"), ("help.desk", "Help Desk"), ("kasubag", "Kasubag"), ("komisioner", "Komisioner"))


class Clock:
    def __init__(self) -> None:  # Monday 2 March 2026, 09:00 WITA
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=WITA).astimezone(timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def open_ppid_office(data: Path, clock: Callable[[], datetime]) -> Workspace:
    """A workspace over a new data folder `data` whose office catalog holds the PPID SOP (the
    file copied in, as an office that installed it)."""
    (data / "sop_catalog").mkdir(parents=True)
    shutil.copy(FIXTURE, data / "sop_catalog" / FIXTURE.name)
    return Workspace.open(data, clock=clock)


def set_up_petugas(ws: Workspace) -> Actor:
    """The office set up (KPU Kabupaten Belu) with one Petugas PPID, logged in."""
    admin = ws.setup("KPU Kabupaten Belu", "WITA", "admin", PASSWORD)
    accounts.add_user(ws, admin, "petugas", PASSWORD, ["Petugas PPID"])
    return ws.login("petugas", PASSWORD)


def install(data: Path, run) -> None:  # noqa: ANN001
    """The office's administrator adds the SOP with `catalog add` (checked against the
    installed catalog, then copied into the office's catalog folder)."""
    code, out, err = run("catalog", "add", "--as", "admin", str(FIXTURE))
    assert (code, err) == (0, ""), (code, out, err)
    assert any(path.read_bytes() == FIXTURE.read_bytes() for path in (data / "sop_catalog").iterdir())


@pytest.fixture
def ppid(tmp_path, monkeypatch, capsys, db_url):
    """(run, clock, data dir): an office with the PPID SOP and one user per role."""
    data = tmp_path / "data"
    monkeypatch.setenv("SOPDESK_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    clock = Clock()
    real_open = Workspace.open.__func__
    monkeypatch.setattr(Workspace, "open", classmethod(
        lambda cls, *args, **kwargs: real_open(cls, *args, **{**kwargs, "clock": clock})))
    handlers = list(logging.getLogger("sopdesk").handlers)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    data.mkdir(mode=0o700)
    ws = Workspace.open(data, url=db_url)
    try:
        admin = ws.setup("KPU Kabupaten Belu", "WITA", "admin", PASSWORD)
    finally:
        ws.close()
    if db_url is not None:
        monkeypatch.setenv("SOPDESK_DB", db_url)
    install(data, run)
    ws = Workspace.open(data, url=db_url)
    try:
        assert "PPID" in ws.catalog.sops, ws.catalog
        for user, role in USERS:
            accounts.add_user(ws, admin, user, PASSWORD, [role])
    finally:
        ws.close()
    yield run, clock, data
    logger = logging.getLogger("sopdesk")
    for handler in logger.handlers[:]:
        if handler not in handlers:
            logger.removeHandler(handler)
            handler.close()


def ok(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert (code, err) == (0, ""), (code, out, err)
    return out


def refused(result: tuple[int, str, str], *fragments: str) -> str:
    code, _out, err = result
    assert code != 0
    line = err.strip()
    assert "Traceback" not in line and len(line.splitlines()) == 1, err
    for fragment in fragments:
        assert fragment in line, line
    return line


def start(run, title: str = "Permohonan salinan DPT Kecamatan Atambua") -> str:  # noqa: ANN001
    out = ok(run("case", "start", "PPID", "--as", "petugas", "--title", title, "--requester", "Yohanes Bere"))
    return NUMBER.search(out).group(0)


def show(run, number: str, who: str = "petugas") -> dict:  # noqa: ANN001
    return json.loads(ok(run("case", "show", number, "--as", who, "--json")))


def complete(run, number: str, who: str, *extra: str) -> str:  # noqa: ANN001
    return ok(run("case", "complete", number, "--as", who, *extra))
