"""The anchor's lock makes a missing data folder (a PostgreSQL desk given a new --data-dir):
without it every commit's anchor hook failed on the lock file and the anchor was never written."""

from __future__ import annotations

import stat
import sys

from sopdesk.engine import anchor
from sopdesk.engine.anchor import Head


def test_after_commit_makes_a_missing_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SOPDESK_CONFIG_DIR", str(tmp_path / "config"))
    folder = tmp_path / "desk" / "data"
    head = Head(3, "c" * 64)
    anchor.after_commit(folder, head, "postgresql://desk@server/kantor")
    assert folder.is_dir()
    assert anchor.read_anchor(folder, "postgresql://desk@server/kantor").head == head
    if sys.platform != "win32":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_before_commit_makes_a_missing_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SOPDESK_CONFIG_DIR", str(tmp_path / "config"))
    folder = tmp_path / "data"
    anchor.before_commit(folder, Head(1, "a" * 64), Head(2, "b" * 64))
    written = anchor.read_anchor(folder)
    assert written is not None and written.head == Head(2, "b" * 64) and written.before == Head(1, "a" * 64)


def test_the_key_follows_a_changed_configuration_folder(tmp_path, monkeypatch):
    """key_path is remembered per data folder and per the environment it is made of (read
    through os.environ's own dict): a changed SOPDESK_CONFIG_DIR names another key at once."""
    folder = tmp_path / "data"
    monkeypatch.setenv("SOPDESK_CONFIG_DIR", str(tmp_path / "one"))
    first = anchor.key_path(folder)
    monkeypatch.setenv("SOPDESK_CONFIG_DIR", str(tmp_path / "two"))
    second = anchor.key_path(folder)
    assert str(tmp_path / "one") in str(first) and str(tmp_path / "two") in str(second)
    monkeypatch.delenv("SOPDESK_CONFIG_DIR")
    assert anchor.key_path(folder) not in (first, second)
