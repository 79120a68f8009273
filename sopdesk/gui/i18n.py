"""Language: Bahasa Indonesia is the source language of every tr() string; English comes
from resources/translations/sopdesk_en.qm (built from sopdesk_en.ts)."""

from __future__ import annotations

from datetime import timedelta
from importlib import resources

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

from sopdesk.textfmt import DurationWords, durasi

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
SETTINGS_KEY = "ui/language"


def saved_language() -> str:
    value = QSettings().value(SETTINGS_KEY, "id")
    return value if value in LANGUAGES else "id"


def save_language(code: str) -> None:
    QSettings().setValue(SETTINGS_KEY, code)


def install_translator(app: QCoreApplication, code: str) -> QTranslator | None:
    """Load the translation for `code` (nothing to load for Indonesian)."""
    if code == "id":
        return None
    translator = QTranslator(app)
    source = resources.files("sopdesk.resources.translations").joinpath(f"sopdesk_{code}.qm")
    with resources.as_file(source) as path:
        if not translator.load(str(path)):
            return None
    app.installTranslator(translator)
    return translator


def duration(delta: timedelta) -> str:
    """A duration in the language of the screen: '2 hari 3 jam' / '2 d 3 h'."""
    words = DurationWords(
        day=QCoreApplication.translate("Durasi", "{0} hari"),
        hour=QCoreApplication.translate("Durasi", "{0} jam"),
        minute=QCoreApplication.translate("Durasi", "{0} menit"),
        late=QCoreApplication.translate("Durasi", "terlambat {0}"),
    )
    return durasi(delta, words)
