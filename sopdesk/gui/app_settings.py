"""Where the desktop program keeps its Qt settings (language, idle lock, window sizes, the
office's name at the last start, each user's remembered filters): one place under sopdesk's name.

Every `QSettings()` in sopdesk reads the organisation and application names of the running
QApplication. Set before any of them, they name one file (~/.config/sopdesk/sopdesk.conf on
Linux, HKCU\\Software\\sopdesk\\sopdesk on Windows). The start-up check (`gui --smoke-test`)
named only the application, so what it saved went to Qt's fallback "Unknown Organization";
`name_application` names both, for every way the program starts, and carries what was saved
in that old place over once (what the right place already holds wins), then removes it.
"""

from __future__ import annotations

import hashlib
import logging
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

log = logging.getLogger(__name__)

ORGANIZATION = "sopdesk"
APPLICATION = "sopdesk"
OLD_ORGANIZATION = "Unknown Organization"  # Qt's name when none was set


def name_application(app: QCoreApplication) -> None:
    """Name `app` as sopdesk, before any QSettings is made, and carry the old settings over."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    carry_over_old_settings()


def carry_over_old_settings() -> int:
    """Copy the settings saved under "Unknown Organization" that the right place does not hold
    yet, then remove the old ones (so this happens once). Returns how many were copied."""
    old = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, OLD_ORGANIZATION, APPLICATION)
    keys = old.allKeys()
    if not keys:
        return 0
    new = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
    copied = [key for key in keys if not new.contains(key)]
    for key in copied:
        new.setValue(key, old.value(key))
    new.sync()
    if new.status() != QSettings.Status.NoError:
        log.warning("Qt settings could not be carried over to %s; kept in %s", new.fileName(), old.fileName())
        return 0
    old.clear()
    old.sync()
    old_file = Path(old.fileName())
    if old_file.is_file() and not old_file.read_text(encoding="utf-8", errors="replace").strip():
        old_file.unlink(missing_ok=True)
        with suppress(OSError):
            old_file.parent.rmdir()  # "Unknown Organization", when nothing else is in it
    log.info("%d Qt settings carried over from %s to %s", len(copied), old.fileName(), new.fileName())
    return len(copied)


def user_settings(data_dir: Path, username: str, group: str) -> QSettings:
    """The settings of one user of one office (a PC may serve several users, and the demo office
    has users of the same names), in `group`: what a screen remembers between sessions for that
    user, such as the Ketua's "Hanya yang belum didisposisi"."""
    place = hashlib.sha256(f"{Path(data_dir).absolute()}|{username}".encode("utf-8", "surrogateescape"))
    settings = QSettings()
    settings.beginGroup(f"user-{place.hexdigest()[:16]}/{group}")
    return settings
