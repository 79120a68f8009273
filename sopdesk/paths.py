"""Where sopdesk keeps its data and its log by default, without importing the store: the
command line and the desktop start ask this before anything heavy is loaded."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "sopdesk"


def default_data_dir() -> Path:
    override = os.environ.get("SOPDESK_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
