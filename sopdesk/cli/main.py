"""Entry point: parse arguments, open the workspace, run one command, report errors as one
clear line (a bug's traceback goes to the log file, never to the user)."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from pathlib import Path

from sopdesk import __version__
from sopdesk.cli.parsing import ArgumentError, Parents, Parser
from sopdesk.errors import UserError

# Nothing heavy at the top: `sopdesk --version` answers before SQLAlchemy, pydantic or the
# catalog are imported, and each command imports what it needs (tests/test_start_speed.py).
log = logging.getLogger("sopdesk")
GLOBAL_OPTIONS_WITH_VALUE = ("--db", "--data-dir")


def _check_text(argv: list[str]) -> None:
    """Bytes that are not UTF-8 arrive as lone surrogates (U+DC80-U+DCFF): no record may hold them."""
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
            raise ArgumentError(f"Argumen '{shown[:80]}' bukan teks UTF-8 yang sah") from None


# Each command's module and the function adding its sub-parsers, in the order `sopdesk --help`
# lists them, with the command names it adds: a command line naming one of them builds (and
# imports) only that module; --help, a typo or no command builds them all.
COMMANDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("desktop", "add_parsers", ("gui",)),
    ("office", "add_setup", ("setup",)),
    ("connection", "add_connect", ("connect",)),
    ("catalog", "add_parsers", ("catalog",)),
    ("user", "add_parsers", ("user",)),
    ("visitor", "add_parsers", ("visitor",)),
    ("case", "add_parsers", ("case",)),
    ("inbox", "add_parsers", ("inbox",)),
    ("office", "add_holiday", ("holiday",)),
    ("letter", "add_parsers", ("letter",)),
    ("expedition", "add_parsers", ("expedition",)),
    ("office", "add_demo", ("demo",)),
    ("report", "add_parsers", ("report",)),
    ("backup", "add_parsers", ("backup", "restore")),
    ("connection", "add_transfer", ("transfer",)),
    ("check", "add_parsers", ("check",)),
)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command line: the global options, then each noun's sub-commands in the order
    `sopdesk --help` lists them; only the named command's when `argv` names one (its module's
    imports are all the command costs before its work)."""
    import importlib

    parser = Parser(prog="sopdesk", description="SOP kantor KPU sebagai alur kerja luring.")
    parser.add_argument("--version", action="version", version=f"sopdesk {__version__}",
                        help="tampilkan versi program lalu keluar")
    parser.add_argument("--db", metavar="URL", help="alamat basis data SQLAlchemy "
                        "(bawaan: berkas SQLite di folder data; juga SOPDESK_DB)")
    parser.add_argument("--data-dir", metavar="DIR", type=Path,
                        help="folder data (basis data, lampiran, cadangan; juga SOPDESK_DATA_DIR)")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    parents = Parents.build()
    named = command_named(argv) if argv is not None else None
    chosen = [entry for entry in COMMANDS if named in entry[2]] or COMMANDS
    for module, adder, _names in chosen:
        getattr(importlib.import_module(f"sopdesk.cli.commands.{module}"), adder)(sub, parents)
    return parser


def command_named(argv: list[str]) -> str | None:
    """The command the line names (its first word after the global options), or None when an
    option comes first (--help) or there is none."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in GLOBAL_OPTIONS_WITH_VALUE:
            skip = True
        elif arg.startswith(tuple(f"{option}=" for option in GLOBAL_OPTIONS_WITH_VALUE)):
            continue
        else:
            return None if arg.startswith("-") else arg
    return None


def wants_version(argv: list[str]) -> bool:
    """`--version` among the global options (before any command): answered without building
    the parser, which imports every command's module."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--version":
            return True
        elif arg in GLOBAL_OPTIONS_WITH_VALUE:
            skip = True
        elif not arg.startswith(tuple(f"{option}=" for option in GLOBAL_OPTIONS_WITH_VALUE)):
            return False
    return False


def gui_request(argv: list[str]) -> tuple[str | None, str | None] | None:
    """(--data-dir, --db) when the command line asks for the desktop program and nothing else
    (`sopdesk`, `sopdesk --data-dir DIR gui`): started without building the parser, which
    imports every command's module. None otherwise (the parser handles it, --help included)."""
    values: dict[str, str | None] = dict.fromkeys(GLOBAL_OPTIONS_WITH_VALUE)
    args = list(argv)
    if args and args[-1] == "gui":
        args.pop()
    while args:
        arg = args.pop(0)
        option, equals, value = arg.partition("=")
        if option not in values:
            return None
        if not equals:
            if not args or args[0].startswith("-") or args[0] == "gui":
                return None
            value = args.pop(0)
        values[option] = value
    return values["--data-dir"], values["--db"]


def acting_user(argv: list[str]) -> str | None:
    """The user a command line names with --as (its last), or None."""
    named = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--as" and index + 1 < len(argv):
            named = argv[index + 1]
        elif arg.startswith("--as="):
            named = arg[len("--as="):]
    return named


def check_password_ahead(argv: list[str], typed: str | None = None, beside_imports: bool = True) -> None:
    """A command that acts as a user whose password is in SOPDESK_PASSWORD (or `typed` at the
    early prompt), on the office's SQLite file: Argon2 starts now on a thread
    (sopdesk.password_ahead), before the command's imports end, and the login takes its answer;
    on one thread while the imports still run (`beside_imports`), leaving them the other core.
    A guess from the words alone (the parser has checked them, but which are the global
    options is read here again): a wrong guess only costs a verification nobody uses."""
    import os

    user = acting_user(argv)
    password = typed if typed is not None else os.environ.get("SOPDESK_PASSWORD")
    if not user or not password or os.environ.get("SOPDESK_DB"):
        return
    data_dir: str | None = None
    skip = None
    for arg in argv:
        if skip is not None:
            if skip == "--db":
                return  # another database than the data folder's file
            data_dir, skip = arg, None
        elif arg in GLOBAL_OPTIONS_WITH_VALUE:
            skip = arg
        elif arg.startswith("--db="):
            return
        elif arg.startswith("--data-dir="):
            data_dir = arg[len("--data-dir="):]
        else:
            break  # the command: its own options follow
    from sopdesk import password_ahead
    from sopdesk.paths import default_data_dir

    folder = Path(data_dir) if data_dir else default_data_dir()
    password_ahead.start_for_file(folder / password_ahead.DB_FILE, user, password, one_thread=beside_imports)


# The commands whose every run asks the --as user's password before anything else it asks
# (`check --as` only logs in with --acknowledge, `catalog` only to change the catalog).
PROMPTED = frozenset({"inbox", "case", "letter", "expedition", "visitor", "user", "holiday", "backup",
                      "transfer"})
PROMPTED_CATALOG = frozenset({"add", "disable", "enable"})


def prompts_first(argv: list[str]) -> bool:
    """The command line is one whose login asks the terminal user's password first (so it may
    be asked before the command's imports): an acting command named with --as, no
    SOPDESK_PASSWORD, no --help, a terminal to type on."""
    import os

    words = argv[:argv.index("--")] if "--" in argv else argv
    named = command_named(argv)
    if not acting_user(argv) or os.environ.get("SOPDESK_PASSWORD") or {"-h", "--help"} & set(words):
        return False
    if named != "catalog" and named not in PROMPTED:
        return False
    if named == "catalog" and not PROMPTED_CATALOG & set(words):
        return False
    return bool(sys.stdin) and sys.stdin.isatty()


def ask_password_first(argv: list[str]) -> bool:
    """For a terminal user of an acting command (prompts_first) whose command line the parser
    has checked: the password prompt comes now, and the engine's modules the command works with
    (SQLAlchemy, the models, the catalog: most of a command's time; the command module's AHEAD)
    are imported on a thread while it is typed; Argon2 starts as soon as Enter is pressed. The
    login takes the typed password (sopdesk.password_ahead.take_typed). False when the prompt
    is left to the login, as before."""
    if not prompts_first(argv):
        return False
    import getpass
    import threading

    from sopdesk import password_ahead

    importer = threading.Thread(target=_import_quietly, args=(work_modules(argv),), name="sopdesk-imports")
    importer.start()
    try:
        user = acting_user(argv) or ""
        typed = getpass.getpass(f"Kata sandi {user}: ")
        password_ahead.keep_typed(user, typed)
        check_password_ahead(argv, typed, beside_imports=importer.is_alive())
    finally:
        importer.join()
    return True


def work_modules(argv: list[str]) -> list[str]:
    """The engine's modules the command line's command works with, once the parser has imported
    its module: the workspace and the login, and the module's AHEAD; none for the desktop
    program, and only the catalog for a catalog command that opens no office (no --as)."""
    named = command_named(argv)
    if named in (None, "gui"):
        return []
    if named == "catalog" and not acting_user(argv):
        return ["sopdesk.catalog"]
    modules = ["sopdesk.engine.workspace", "sopdesk.engine.users"]
    for module, _adder, names in COMMANDS:
        if named in names:
            ahead: tuple[str, ...] | dict[str, tuple[str, ...]] = getattr(
                sys.modules.get(f"sopdesk.cli.commands.{module}"), "AHEAD", ())
            if isinstance(ahead, dict):  # by sub-command, "*" for the others
                ahead = ahead.get(sub_command(argv) or "*", ahead.get("*", ()))
            modules += ahead
    return modules


def sub_command(argv: list[str]) -> str | None:
    """The word after the command (`complete` of `case complete X`; a command with sub-commands
    takes no option of its own before it), or None."""
    skip = False
    for index, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg in GLOBAL_OPTIONS_WITH_VALUE:
            skip = True
        elif not arg.startswith(tuple(f"{option}=" for option in GLOBAL_OPTIONS_WITH_VALUE)):
            after = argv[index + 1:index + 2]  # arg is the command (or an option: then no word)
            return after[0] if after and not after[0].startswith("-") and not arg.startswith("-") else None
    return None


def _import_quietly(modules: list[str]) -> None:
    """Import ahead, and set up the ORM's mappers (done at the first query otherwise: ~0.1 s
    of CPU, more than the rest of an inbox's work). A module that fails is imported again by
    the command, which reports it."""
    import importlib
    from contextlib import suppress

    with suppress(Exception):  # the command's own import says what is wrong
        for module in modules:
            importlib.import_module(module)
        orm = sys.modules.get("sqlalchemy.orm")
        if orm is not None:
            orm.configure_mappers()


class _Collector:
    """The cyclic garbage collector around one command. Off while the command's modules are
    imported: SQLAlchemy, the models and pydantic make hundreds of thousands of objects that
    live as long as the program, and the collections they set off free nothing. At the
    command's own work it is on again with those objects frozen (gc.freeze), so that no later
    collection walks them: the collector's time in `inbox` went from ~0.085 s to ~0.009 s of
    CPU (issue #15). At the end all is as the caller had it (the tests run main() many times)."""

    def __init__(self, enabled: bool, may_freeze: bool):
        self.enabled, self.may_freeze, self.froze = enabled, may_freeze, False
        self.frozen_at_exit = True  # see main(); not for the desktop program, which ran for hours

    def start(self, freeze: bool = True) -> None:
        if not self.enabled:
            return
        if freeze and self.may_freeze and not self.froze:
            gc.freeze()
            self.froze = True
        gc.enable()

    def restore(self) -> None:
        if self.froze:
            gc.unfreeze()
        if self.enabled:
            gc.enable()


def _setup_logging() -> Path:
    from sopdesk.logfile import private_log_handler
    from sopdesk.paths import default_log_dir

    for handler in list(log.handlers):  # main() may run several times in one process (tests)
        log.removeHandler(handler)
        handler.close()
    handler, path = private_log_handler(default_log_dir())  # 0700 folder, 0600 file, redacted
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def _catalog_problems(exc: Exception) -> list[object] | None:
    """The problems of a CatalogError, or None; the catalog module is only looked at when a
    command imported it (no catalog error can come from a command that did not)."""
    catalog = sys.modules.get("sopdesk.catalog.problems")
    if catalog is not None and isinstance(exc, catalog.CatalogError):
        problems: list[object] = exc.problems
        return problems
    return None


def _unreadable_database(exc: Exception) -> str | None:
    """The message for a --db / data file that is not a SQLite database or is damaged beyond
    opening, else None. The database is only looked at when a command opened one."""
    if "sqlalchemy" not in sys.modules:
        return None
    from sopdesk.engine.desk_connection import unreadable_database

    return unreadable_database(exc)


def _desktop(data_dir: str | None, url: str | None) -> int:
    from sopdesk.paths import default_data_dir

    try:
        from sopdesk.gui.start import run
    except ImportError as exc:
        raise UserError(f"Antarmuka desktop tidak dapat dimuat ({exc})") from None
    return run(Path(data_dir) if data_dir else default_data_dir(), url)


def main(argv: list[str] | None = None) -> int:
    """Run one command with a private umask (a backstop: whatever a library writes, PDFs or
    SQLite's -wal/-shm, is 0600), restored afterwards for a caller that runs several."""
    import os

    from sopdesk.private_files import restrict_umask

    old_umask = restrict_umask()
    collector = _Collector(gc.isenabled(), gc.get_freeze_count() == 0)
    gc.disable()  # while the command's modules are imported: see _Collector
    try:
        return _main(argv, collector)
    finally:
        os.umask(old_umask)
        collector.restore()
        ahead = sys.modules.get("sopdesk.password_ahead")
        if ahead is not None:  # an answer the command did not ask for (it failed before its login)
            ahead.forget()
        if argv is None and collector.frozen_at_exit:  # the program's own command: the process ends next
            # Python's last collection at exit walked every object the imports made (~0.3-0.4 s
            # of an inbox's CPU); what needs closing (the database, the log) is closed before
            gc.freeze()


def _main(argv: list[str] | None, collector: _Collector) -> int:
    if wants_version(sys.argv[1:] if argv is None else argv):
        print(f"sopdesk {__version__}")
        return 0
    log_file = _setup_logging()
    try:
        _check_text(sys.argv[1:] if argv is None else argv)
        desktop = gui_request(sys.argv[1:] if argv is None else argv)
        if desktop is not None:
            collector.start(freeze=False)  # the desktop program runs for hours, importing as it goes
            collector.frozen_at_exit = False
            return _desktop(*desktop)
        line = sys.argv[1:] if argv is None else argv
        # The arguments are checked before the password is asked: building the parser imports
        # only the named command's module, which leaves the engine to its functions (a typo costs
        # no password); the engine is imported while the password is typed, or beside Argon2.
        args = build_parser(line).parse_args(line)
        check_values = getattr(args, "check_values", None)  # a command's values argparse leaves
        if check_values is not None:
            check_values(args)
        if not ask_password_first(line):
            check_password_ahead(line)  # Argon2 on its thread beside the imports
            _import_quietly(work_modules(line))  # with the collector off (see _Collector)
        if args.command is None:
            from sopdesk.cli.commands.desktop import gui

            args.func = gui
        if args.command in (None, "gui"):
            collector.frozen_at_exit = False
        if not args.data_dir:
            from sopdesk.paths import default_data_dir

            args.data_dir = default_data_dir()
        collector.start()
        return args.func(args) or 0
    except UserError as exc:
        print(f"sopdesk: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, ArgumentError) else 1
    except BrokenPipeError:  # the output was piped into `head` or a closed pager: not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("sopdesk: Dibatalkan", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug (or a broken catalog): log the traceback, tell the user where it is
        problems = _catalog_problems(exc)
        if problems is not None:
            for problem in problems:
                print(f"sopdesk: {problem}", file=sys.stderr)
            return 1
        unreadable = _unreadable_database(exc)
        if unreadable is not None:
            log.error("basis data tidak terbaca: %s", unreadable)
            print(f"sopdesk: {unreadable}", file=sys.stderr)
            return 1
        log.exception("unexpected error")
        print(f"sopdesk: Terjadi kesalahan internal; rinciannya dicatat di {log_file}",
              file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
