"""`sopdesk gui --smoke-test`, the start-up proof the office-PC bundle is checked with: run as a
user would (a separate process, offscreen, an empty HOME), it opens the demo office's main
window, waits for the Kotak Masuk, draws the SOP PAW sheet as the print preview does, says so
and exits 0; a folder it cannot use is one line and
exit 1, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_smoke(tmp_path: Path, data_dir: Path) -> subprocess.CompletedProcess:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {**os.environ, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache")}
    env.pop("SOPDESK_PASSWORD", None)
    return subprocess.run([sys.executable, "-m", "sopdesk", "--data-dir", str(data_dir), "gui", "--smoke-test"],
                          env=env, capture_output=True, text=True, timeout=300)


def test_smoke_test_opens_the_demo_office_until_the_inbox_shows_its_rows(tmp_path):
    old = tmp_path / "home" / "config" / "Unknown Organization" / "sopdesk.conf"  # where it saved before
    old.parent.mkdir(parents=True)
    old.write_text("[idle]\nminutes=7\n")
    done = run_smoke(tmp_path, tmp_path / "kantor")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Uji mulai berhasil: Kotak Masuk tampil dengan ")
    rows = int(done.stdout.split("tampil dengan ")[1].split()[0])
    assert rows > 0
    # the print preview's renderer (PDFium) drew the SOP PAW sheet ReportLab wrote
    pages = int(done.stdout.split("pratinjau cetak SOP PAW: ")[1].split()[0])
    assert pages >= 1
    assert (tmp_path / "kantor" / "contoh" / "sopdesk.sqlite3").is_file()  # the demo office, not the office's
    assert not (tmp_path / "kantor" / "sopdesk.sqlite3").exists()
    assert "Traceback" not in done.stderr
    # its Qt settings are the program's, under sopdesk's name (sopdesk.gui.app_settings)
    assert not old.parent.exists()
    assert "minutes=7" in (tmp_path / "home" / "config" / "sopdesk" / "sopdesk.conf").read_text()


def test_smoke_test_on_a_data_folder_that_is_a_file_fails_in_one_line(tmp_path):
    blocked = tmp_path / "bukan-folder"
    blocked.write_text("berkas biasa")
    done = run_smoke(tmp_path, blocked)
    assert done.returncode == 1
    assert f"uji mulai gagal: folder data {blocked} tidak dapat dipakai" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
