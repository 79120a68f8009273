"""The command line run in the test's own process, as the CLI tests share it: an office's
environment (data and log folders, passwords from the environment, no terminal on stdin), a
`run(*argv)` giving (exit code, stdout, stderr), and the log handlers a run added taken away
again so that one test's log file never receives the next test's lines."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sopdesk.cli.main import main


def set_cli_environment(monkeypatch, tmp_path: Path, password: str) -> Path:  # noqa: ANN001
    """SOPDESK_DATA_DIR, the log, cache and config folders under tmp_path, passwords; the data
    folder."""
    data = tmp_path / "data"
    monkeypatch.setenv("SOPDESK_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # the log file
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # the anchor's key
    monkeypatch.setenv("SOPDESK_PASSWORD", password)
    monkeypatch.setenv("SOPDESK_NEW_PASSWORD", password)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    return data


@contextmanager
def own_log_handlers() -> Iterator[None]:
    """Close the handlers the runs inside added to the "sopdesk" logger."""
    logger = logging.getLogger("sopdesk")
    handlers = list(logger.handlers)
    try:
        yield
    finally:
        for handler in logger.handlers[:]:
            if handler not in handlers:
                logger.removeHandler(handler)
                handler.close()


def cli_runner(capsys) -> Callable[..., tuple[int, str, str]]:  # noqa: ANN001
    def run(*argv: object) -> tuple[int, str, str]:
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run
