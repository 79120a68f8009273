"""The parser's building blocks every noun module shares: the parser class whose errors are one
Indonesian line (exit code 2), the checked argument types, and the parent parsers of the
options many commands take (--as, --json, paging)."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NoReturn, TypeAlias

from sopdesk.cli.argparse_id import indonesian
from sopdesk.errors import UserError


class ArgumentError(UserError):
    """A command line argparse refused (exit code 2)."""


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help page with its own words in Indonesian (its "usage: " prefix)."""

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "pemakaian: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """A parser whose errors are one Indonesian line and whose help page (`-h`) has no English
    frame: argparse's headings and its -h line are argparse's own English otherwise."""

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = "tampilkan bantuan ini lalu keluar"

    def format_help(self) -> str:
        # the headings are named here, not at __init__: a parent parser's options join the
        # group of the same heading, and argparse's own are the ones they match then
        self._positionals.title = "argumen"
        self._optionals.title = "opsi"
        return super().format_help()

    def error(self, message: str) -> NoReturn:
        raise ArgumentError(f"Perintah {self.prog}: {indonesian(message)}")


# the registry of one level's sub-commands: `sub.add_parser(name, ...)` gives a Parser
Commands: TypeAlias = "argparse._SubParsersAction[Parser]"

MAX_COUNT = 1_000_000_000
MAX_SEARCH_CHARS = 200  # SQLite refuses LIKE patterns over 50,000 bytes ("pattern too complex")


def search_text(text: str) -> str:
    """A --search text: what a person types into a search box, not a document."""
    if len(text) > MAX_SEARCH_CHARS:
        raise argparse.ArgumentTypeError(f"teks pencarian terlalu panjang ({len(text)} karakter; maksimal "
                                         f"{MAX_SEARCH_CHARS})")
    return text


def positive_int(text: str) -> int:
    if not text.strip().isascii():  # int() reads "٣" as 3 and fails on "²": digits 0-9 only
        raise argparse.ArgumentTypeError(f"bukan bilangan bulat (angka 0-9): {text[:40]!r}")
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bukan bilangan bulat: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"harus 0 atau lebih: {text!r}")
    if value > MAX_COUNT:  # SQLite integers stop at 2**63
        raise argparse.ArgumentTypeError(f"terlalu besar (maksimal {MAX_COUNT}): {text[:40]!r}")
    return value


@dataclass(frozen=True)
class Parents:
    """The parent parsers of options many commands share."""

    acting: Parser  # --as USER: who acts (password from SOPDESK_PASSWORD or asked)
    listing: Parser  # --json

    @classmethod
    def build(cls) -> Parents:
        acting = Parser(add_help=False)
        acting.add_argument("--as", dest="actor", metavar="USER", required=True,
                            help="pengguna yang bertindak (kata sandi dari SOPDESK_PASSWORD atau ditanya)")
        listing = Parser(add_help=False)
        listing.add_argument("--json", action="store_true", help="keluaran JSON")
        return cls(acting, listing)


def paging() -> Parser:
    """--search, --limit, --offset of a register's list."""
    parser = Parser(add_help=False)
    parser.add_argument("--search", metavar="TEKS", type=search_text, help="cari teks ini")
    parser.add_argument("--limit", metavar="N", type=positive_int, default=500,
                        help="paling banyak N baris (bawaan: 500)")
    parser.add_argument("--offset", metavar="N", type=positive_int, default=0,
                        help="lewati N baris pertama (halaman berikutnya)")
    return parser


def text_options(parser: Parser, *options: tuple[str, str]) -> None:
    """Optional text options, each (flag, help), in the order given."""
    for flag, text in options:
        parser.add_argument(flag, help=text)


def noun(sub: Commands, name: str, help: str) -> Commands:  # noqa: A002 - argparse's word
    """A command with sub-commands of its own (`sopdesk case ...`): their registry."""
    return sub.add_parser(name, help=help).add_subparsers(
        dest=f"{name}_command", required=True, parser_class=Parser)
