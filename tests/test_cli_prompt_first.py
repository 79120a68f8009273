"""The terminal user of an acting command (issue #15): the password is asked first and the
command's modules are imported while it is typed, so the wait after Enter is the login and the
command's own work. Run through a pseudo-terminal, as a person at a terminal runs it; and the
process's own command line leaves the collector frozen for the interpreter's exit."""

from __future__ import annotations

import gc
import io
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PASSWORD
from helpers.cli_env import own_log_handlers, set_cli_environment

from sopdesk import password_ahead
from sopdesk.cli import main as cli_main
from sopdesk.engine.workspace import Workspace

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pseudo-terminal")

# The child: the real program, with getpass watched. When the prompt is shown, it says whether
# the engine module of the inbox's query is whole yet (its last definition made, so every import
# above it done: SQLAlchemy, the models); once it is, while the prompt still waits, it says that
# too. The test types the password only after that line.
CHILD = """
import getpass, os, sys, threading, time
real = getpass.getpass

def whole():
    return getattr(sys.modules.get("sopdesk.engine.queries"), "inbox_counts", None) is not None

def asking(prompt):
    if not whole():
        os.write(2, b"[asked before the imports]\\n")
    def watch():
        while not whole():
            time.sleep(0.01)
        os.write(2, b"[modules imported at the prompt]\\n")
    threading.Thread(target=watch, daemon=True).start()
    return real(prompt)

getpass.getpass = asking
from sopdesk.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def office(tmp_path, monkeypatch) -> Path:
    data = set_cli_environment(monkeypatch, tmp_path, PASSWORD)
    monkeypatch.delenv("SOPDESK_DB", raising=False)
    ws = Workspace.open(data)
    try:
        ws.setup("KPU Kota Kupang", "WITA", "admin", PASSWORD)
    finally:
        ws.close()
    return data


def _read_until(fd: int, wanted: bytes, seen: bytearray, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while wanted not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"{wanted!r} never came; the terminal showed: {bytes(seen)!r}"
        if select.select([fd], [], [], left)[0]:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                chunk = b""
            assert chunk, f"{wanted!r} never came; the terminal showed: {bytes(seen)!r}"
            seen += chunk


def _run_on_terminal(office: Path, password: str | None, *options: str) -> tuple[int, str]:
    """The inbox of admin (with `options`) in a pseudo-terminal: the password typed after the
    prompt, once the modules were imported (None: no prompt awaited, nothing typed); the exit
    status and all the terminal showed."""
    import pty

    env = dict(os.environ)
    env.pop("SOPDESK_PASSWORD", None)
    leader, follower = pty.openpty()
    child = subprocess.Popen(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", CHILD, "--data-dir", str(office), "inbox", "--as", "admin", *options],
        stdin=follower, stdout=follower, stderr=follower, env=env, start_new_session=True)
    os.close(follower)
    seen = bytearray()
    try:
        if password is not None:
            _read_until(leader, b"Kata sandi admin: ", seen)
            _read_until(leader, b"[modules imported at the prompt]", seen)
            os.write(leader, password.encode() + b"\n")
        code = child.wait(timeout=120)
        while select.select([leader], [], [], 0.5)[0]:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if child.poll() is None:
            child.kill()
        os.close(leader)
    return code, seen.decode(errors="replace")


@pytest.mark.sqlite_only("the office's own SQLite file, read before the imports")
def test_the_password_is_asked_before_the_imports_and_used_by_the_login(office):
    code, shown = _run_on_terminal(office, PASSWORD)
    assert code == 0, shown
    assert "[asked before the imports]" in shown
    assert shown.index("Kata sandi admin: ") < shown.index("[modules imported at the prompt]")
    assert "Tidak ada pekerjaan yang menunggu." in shown
    assert shown.count("Kata sandi") == 1  # asked once, not again by the login


@pytest.mark.sqlite_only("the office's own SQLite file, read before the imports")
def test_a_wrong_password_typed_first_is_refused_as_before(office):
    code, shown = _run_on_terminal(office, "not-the-password")
    assert code == 1, shown
    assert "Tidak ada pekerjaan" not in shown
    assert "Nama pengguna atau kata sandi salah" in shown
    assert shown.count("Kata sandi") == 1  # not asked again
    assert shown.index("Kata sandi admin: ") < shown.index("[modules imported at the prompt]")


@pytest.mark.sqlite_only("the office's own SQLite file, read before the imports")
def test_a_mistyped_option_is_refused_before_the_password_is_asked(office):
    code, shown = _run_on_terminal(office, None, "--limt", "3")
    assert code == 2, shown
    assert "argumen tidak dikenal: --limt 3" in shown
    assert "Kata sandi" not in shown  # a typo costs no password


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("words", "said"), [
    (["case", "complete", "PP/2026/0001", "--output-date", "Surat=2026-13-01"], "--output-date"),
    (["case", "complete", "PP/2026/0001", "--output", "tanpa-sama-dengan"], "NAMA=NILAI"),
    (["holiday", "add", "2026-02-30", "HUT"], "tanggal"),
    (["visitor", "list", "--date", "kemarin"], "--date"),
])
def test_a_wrong_value_is_refused_before_the_password_is_asked(monkeypatch, tmp_path, capsys, words, said):
    def no_prompt(prompt: str = "") -> str:
        raise AssertionError(f"asked {prompt!r} before the values were checked")

    monkeypatch.delenv("SOPDESK_PASSWORD", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr("getpass.getpass", no_prompt)
    with own_log_handlers():
        assert cli_main.main(["--data-dir", str(tmp_path / "data"), *words, "--as", "admin"]) == 1
    err = capsys.readouterr().err
    assert said in err and "Kata sandi" not in err


@pytest.mark.parametrize(("argv", "first"), [
    (["inbox", "--as", "admin"], True),
    (["--data-dir", "d", "case", "complete", "PP/2026/0001", "--as=kasubag"], True),
    (["catalog", "add", "x.yaml", "--as", "admin"], True),
    (["catalog", "list"], False),  # no --as
    (["check", "--as", "admin"], False),  # logs in only with --acknowledge
    (["inbox", "--as", "admin", "--help"], False),  # help, no password
    (["setup", "--admin", "admin"], False),
])
def test_which_command_lines_ask_first(monkeypatch, argv, first):
    monkeypatch.delenv("SOPDESK_PASSWORD", raising=False)
    monkeypatch.setattr(sys, "stdin", _Terminal())
    assert cli_main.prompts_first(argv) is first
    monkeypatch.setenv("SOPDESK_PASSWORD", PASSWORD)  # nothing to ask
    assert cli_main.prompts_first(argv) is False
    monkeypatch.delenv("SOPDESK_PASSWORD")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # no terminal: the login says so, as before
    assert cli_main.prompts_first(argv) is False


def test_a_password_typed_ahead_is_taken_once_and_forgotten_at_the_end():
    password_ahead.keep_typed("admin", "typed")
    assert password_ahead.take_typed("other") is None
    assert password_ahead.take_typed("admin") == "typed"
    assert password_ahead.take_typed("admin") is None
    password_ahead.keep_typed("admin", "typed")
    password_ahead.forget()
    assert password_ahead.take_typed("admin") is None


def test_the_programs_own_command_line_leaves_the_collector_frozen_for_the_exit(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "argv", ["sopdesk", "--version"])
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert gc.get_freeze_count() == 0
    try:
        with own_log_handlers():
            assert cli_main.main() == 0
        # Python's last collection at exit does not walk what the program made
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    with own_log_handlers():
        assert cli_main.main(["--version"]) == 0  # a caller's own list: left as it was
    assert gc.get_freeze_count() == 0


def test_the_desktop_program_is_not_left_frozen(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "argv", ["sopdesk", "--data-dir", str(tmp_path / "data")])
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(cli_main, "_desktop", lambda data_dir, url: 0)  # noqa: ARG005
    try:
        with own_log_handlers():
            assert cli_main.main() == 0
        assert gc.get_freeze_count() == 0  # it ran for hours: its exit is left as Python does it
    finally:
        gc.unfreeze()
