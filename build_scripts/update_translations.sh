#!/usr/bin/env bash
# Refresh the translation source from every tr() string of the GUI, then build the .qm.
#   bash build_scripts/update_translations.sh
# Edit resources/translations/sopdesk_en.ts (Qt Linguist or a text editor) between the two.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(dirname "$(command -v python)")  # the venv whose PySide6 tools to use
"$bin/pyside6-lupdate" sopdesk/gui/*.py sopdesk/gui/*/*.py -source-language id -target-language en -no-obsolete \
  -ts resources/translations/sopdesk_en.ts
"$bin/pyside6-lrelease" resources/translations/sopdesk_en.ts -qm resources/translations/sopdesk_en.qm
# Qt's own dialogs in Indonesian: qtbase_id.ts is written by hand (no lupdate), only compiled here
"$bin/pyside6-lrelease" resources/translations/qtbase_id.ts -qm resources/translations/qtbase_id.qm
