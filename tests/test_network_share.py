"""A SQLite database on a network share is refused with the reason and the way out
(PostgreSQL): SQLite's file locking is unreliable over SMB/NFS and two desks lose data."""

from __future__ import annotations

import io
import logging
import sys

import pytest

from sopdesk.cli.main import main
from sopdesk.engine.workspace import Workspace
from sopdesk.errors import UserError
from sopdesk.store import db
from sopdesk.store.db import make_engine, network_filesystem, refuse_network_share

MOUNTS = """\
/dev/sda2 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
//nas/kantor /mnt/kantor cifs rw,relatime,vers=3.1.1,username=staf 0 0
nas:/export/data /srv/data nfs4 rw,relatime,vers=4.2 0 0
/dev/sdb1 /srv/data/lokal ext4 rw,relatime 0 0
staf@server:/home/staf /home/staf/remote fuse.sshfs rw,nosuid,nodev 0 0
//nas/arsip\\040kpu /mnt/arsip\\040kpu smb3 rw 0 0
"""


@pytest.mark.parametrize(("directory", "expected"), [
    ("/mnt/kantor/sopdesk", "cifs"),
    ("/mnt/kantor", "cifs"),
    ("/srv/data/sopdesk", "nfs4"),
    ("/srv/data/lokal/sopdesk", None),  # a local disk mounted inside the share's folder
    ("/home/staf/remote/sopdesk", "fuse.sshfs"),
    ("/mnt/arsip kpu/sopdesk", "smb3"),  # /proc/mounts escapes the space as \040
    ("/home/staf/sopdesk", None),
    ("/mnt/kantorlama", None),  # a prefix of the name is not the mount point
    ("/tmp/sopdesk", None),
])
def test_the_file_system_of_a_folder_comes_from_the_mount_table(directory, expected):
    assert network_filesystem(directory, MOUNTS) == expected


@pytest.mark.parametrize("path", ["/mnt/kantor/sopdesk/sopdesk.sqlite3",
                                  "/srv/data/sopdesk.sqlite3"])
def test_a_database_on_a_mounted_share_is_refused_with_the_reason(path):
    with pytest.raises(UserError) as caught:
        refuse_network_share(path, MOUNTS)
    message = str(caught.value)
    assert "\n" not in message
    for fragment in ("jaringan", "SMB/NFS", "rusak atau hilang", "disk lokal",
                     "--db postgresql://server/sopdesk"):
        assert fragment in message


@pytest.mark.parametrize("path", ["//server/share/sopdesk.sqlite3",
                                  "\\\\server\\share\\sopdesk.sqlite3",
                                  "\\\\?\\UNC\\server\\share\\sopdesk.sqlite3"])
def test_unc_paths_are_refused_without_looking_at_mounts(path):
    with pytest.raises(UserError, match="folder jaringan"):
        refuse_network_share(path, "")


@pytest.mark.parametrize("path", ["/home/staf/sopdesk/sopdesk.sqlite3", "/tmp/x.sqlite3",
                                  "\\\\?\\C:\\data\\sopdesk.sqlite3"])
def test_local_files_pass(path):
    refuse_network_share(path, MOUNTS)


@pytest.fixture
def fake_share(tmp_path, monkeypatch):
    """The test's temporary folder appears in the mount table as a CIFS share."""
    share = tmp_path / "share"
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS + f"//nas/sopdesk {share} cifs rw,relatime 0 0\n")
    monkeypatch.setattr(db, "MOUNTS_FILE", mounts)
    monkeypatch.setattr(sys, "platform", "linux")
    return share


def test_the_engine_factory_refuses_it_and_creates_nothing(fake_share, tmp_path):
    with pytest.raises(UserError, match=r"folder jaringan \(cifs\)"):
        make_engine(f"sqlite:///{fake_share / 'data' / 'sopdesk.sqlite3'}")
    assert not fake_share.exists()
    with pytest.raises(UserError, match="SMB/NFS"):
        Workspace.open(fake_share / "data")  # what the desktop application opens
    assert not fake_share.exists()
    with pytest.raises(UserError, match="folder jaringan"):
        make_engine("sqlite://///server/share/sopdesk.sqlite3")
    make_engine(f"sqlite:///{tmp_path / 'lokal' / 'sopdesk.sqlite3'}").dispose()  # local: fine


def test_the_command_line_says_why_in_one_line(fake_share, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    logger = logging.getLogger("sopdesk")
    handlers = list(logger.handlers)
    try:
        for argv in (["--data-dir", str(fake_share / "data"), "setup", "--office", "KPU",
                      "--timezone", "WIB", "--admin", "admin"],
                     ["--db", f"sqlite:///{fake_share / 'kantor.sqlite3'}", "check"]):
            code = main(argv)
            _out, err = capsys.readouterr()
            assert code == 1
            assert len(err.strip().splitlines()) == 1
            assert "SMB/NFS" in err and "postgresql://" in err
    finally:
        for handler in logger.handlers[:]:
            if handler not in handlers:
                logger.removeHandler(handler)
                handler.close()
