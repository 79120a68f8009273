"""Language: Bahasa Indonesia is the source language of every tr() string; English comes
from resources/translations/sopdesk_en.qm (built from sopdesk_en.ts).

Qt's own dialogs and widgets (the print and file dialogs, the Salin/Tempel menu of a text
field, the standard buttons of a message box) speak the language of the Qt translation that is
loaded, and Qt ships none for Indonesian: resources/translations/qtbase_id.ts is ours, loaded
with the Indonesian UI. The month and day names of a date field's calendar come from the
default QLocale, not from a translation, so the Indonesian UI also sets that to id_ID.
English keeps Qt's own texts and the system locale."""

from __future__ import annotations

from datetime import timedelta
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from sopdesk.textfmt import DurationWords, durasi

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
SETTINGS_KEY = "ui/language"


def saved_language() -> str:
    value = QSettings().value(SETTINGS_KEY, "id")
    return value if value in LANGUAGES else "id"


def save_language(code: str) -> None:
    QSettings().setValue(SETTINGS_KEY, code)


INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


def install_translator(app: QCoreApplication, code: str) -> QTranslator | None:
    """Load the translation for `code`: sopdesk's own for English; for Indonesian (the
    language of the sources) Qt's dialogs and widgets in Indonesian and the id_ID locale."""
    if code == "id":
        QLocale.setDefault(INDONESIAN)
        return _load(app, "qtbase_id.qm")
    return _load(app, f"sopdesk_{code}.qm")


def _load(app: QCoreApplication, name: str) -> QTranslator | None:
    translator = QTranslator(app)
    source = resources.files("sopdesk.resources.translations").joinpath(name)
    with resources.as_file(source) as path:
        if not translator.load(str(path)):
            return None
    app.installTranslator(translator)
    return translator


def duration(delta: timedelta) -> str:
    """A time to a due time in the language of the screen: '2 hari 3 jam' / '2 d 3 h'; the last
    minute before it reads 'kurang dari 1 menit', not '0 menit' (as if already due)."""
    if timedelta(0) <= delta < timedelta(minutes=1):
        return QCoreApplication.translate("Durasi", "kurang dari 1 menit")
    words = DurationWords(
        day=QCoreApplication.translate("Durasi", "{0} hari"),
        hour=QCoreApplication.translate("Durasi", "{0} jam"),
        minute=QCoreApplication.translate("Durasi", "{0} menit"),
        late=QCoreApplication.translate("Durasi", "terlambat {0}"),
    )
    return durasi(delta, words)
