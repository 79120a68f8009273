"""The log file (`sopdesk.log` in the user log folder): where a bug's traceback goes instead of
the screen. It is private (the folder 0700, the file 0600) and it never holds personal data:
the database engines hide statement parameters (store.db), and as a second line every
message passes through `redact` before it is written, which hides long digit runs (a NIK, a
phone number, an account number) and the values PostgreSQL quotes in a constraint error
("Key (id_number)=(...)")."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from sopdesk.private_files import open_private, private_dir

LOG_NAME = "sopdesk.log"
HIDDEN = "[disembunyikan]"
# a NIK or any run of 8+ digits; a phone number written in groups ("0812 3456 7890",
# "+62 812-3456-7890"); dates and times ("2026-12-02 14:13:05") have shorter runs and stay
_LONG_NUMBER = re.compile(r"\d{8,}|\b0\d{2,4}(?:[ -]\d{3,4}){2}\b|\+\d{1,3}(?:[ -]?\d{2,4}){3,}")
_PG_KEY_VALUE = re.compile(r"(Key \([^)]*\)=)\((?:[^()]|\([^()]*\))*\)")
_PARAMETERS = re.compile(r"\[parameters: .*?\]", re.DOTALL)


def redact(text: str) -> str:
    """`text` without what could be personal data: digit runs of 8 or more, phone numbers
    written in groups, PostgreSQL's quoted key values and any '[parameters: ...]' block of an
    SQLAlchemy error."""
    text = _PARAMETERS.sub(f"[parameters: {HIDDEN}]", text)
    text = _PG_KEY_VALUE.sub(rf"\1({HIDDEN})", text)
    return _LONG_NUMBER.sub(HIDDEN, text)


class RedactingFormatter(logging.Formatter):
    """A formatter whose output (message and traceback alike) went through `redact`."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def private_log_handler(log_dir: Path) -> tuple[logging.Handler, Path]:
    """A handler appending to `<log_dir>/sopdesk.log` (folder 0700, file 0600, also when they
    existed with wider modes), redacting every line; a NullHandler when the folder cannot be
    made (a read-only home must not stop the program)."""
    path = Path(log_dir) / LOG_NAME
    try:
        private_dir(log_dir)
        os.close(open_private(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND))
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler, path
