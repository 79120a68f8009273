"""argparse's own error messages in Indonesian.

argparse words its refusals in English ("the following arguments are required: ...",
"unrecognized arguments: ...", "invalid choice: ..."); a clerk at the command line reads every
error in Indonesian. The parser's error hook passes each message through `indonesian()`; a
message not listed here (argparse may add some) is shown as it is rather than lost.
"""

from __future__ import annotations

import re

# (English pattern, Indonesian template with the same groups); applied in order, each once
PATTERNS: tuple[tuple[str, str], ...] = (
    (r"^argument (\S+): ", r"argumen \1: "),
    (r"the following arguments are required: (.*)$", r"argumen wajib belum diisi: \1"),
    (r"one of the arguments (.*) is required$", r"salah satu argumen ini wajib diisi: \1"),
    (r"unrecognized arguments: (.*)$", r"argumen tidak dikenal: \1"),
    (r"invalid choice: (.*) \(choose from (.*)\)$", r"pilihan tidak dikenal: \1 (pilih dari \2)"),
    (r"invalid (\S+) value: (.*)$", r"nilai \1 tidak sah: \2"),
    (r"expected one argument$", "perlu satu nilai"),
    (r"expected at least one argument$", "perlu sedikitnya satu nilai"),
    (r"expected at most one argument$", "paling banyak satu nilai"),
    (r"not allowed with argument (.*)$", r"tidak boleh bersama argumen \1"),
    (r"ambiguous option: (\S+) could match (.*)$", r"opsi \1 tidak jelas: bisa berarti \2"),
    (r"ignored explicit argument (.*)$", r"nilai \1 diabaikan"),
)


def indonesian(message: str) -> str:
    for pattern, template in PATTERNS:
        message = re.sub(pattern, template, message, count=1)
    return message
