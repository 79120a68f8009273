"""The Qt settings in one place under sopdesk's name (sopdesk.gui.app_settings): what an
earlier start saved under Qt's fallback "Unknown Organization" is carried over once, and
what the right place already holds is kept. Each run is its own process with its own HOME and
XDG_CONFIG_HOME: Qt reads the settings paths once per process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
from PySide6.QtCore import QCoreApplication, QSettings
from sopdesk.gui.app_settings import name_application
from sopdesk.gui.i18n import saved_language
app = QCoreApplication([])
name_application(app)
settings = QSettings()
print(saved_language(), settings.value("start/office-x"), settings.value("idle/minutes"), settings.fileName())
"""


def run(home: Path) -> list[str]:
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_the_settings_saved_under_unknown_organization_are_carried_over_once(tmp_path):
    old = tmp_path / "config" / "Unknown Organization" / "sopdesk.conf"
    old.parent.mkdir(parents=True)
    old.write_text("[ui]\nlanguage=en\n\n[start]\noffice-x=KPU Kota Kupang\n\n[idle]\nminutes=7\n")
    new = tmp_path / "config" / "sopdesk" / "sopdesk.conf"
    new.parent.mkdir(parents=True)
    new.write_text("[idle]\nminutes=15\n")  # saved in the right place since: it wins

    assert run(tmp_path) == ["en", "KPU", "Kota", "Kupang", "15", str(new)]
    assert not old.exists() and not old.parent.exists()  # carried over: the old place is gone
    text = new.read_text()
    assert "language=en" in text and "office-x=KPU Kota Kupang" in text

    old.parent.mkdir()
    old.write_text("[ui]\nlanguage=id\n")  # an old copy of the program wrote there again
    assert run(tmp_path)[0] == "en"  # the right place keeps what it holds


def test_a_first_start_without_old_settings_writes_only_under_sopdesk(tmp_path):
    assert run(tmp_path)[:3] == ["id", "None", "None"]
    assert not (tmp_path / "config" / "Unknown Organization").exists()
