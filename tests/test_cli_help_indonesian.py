"""`sopdesk ... --help` is an Indonesian page: argparse's own frame ("usage:", "options:",
"positional arguments:", "show this help message and exit") was English around the Indonesian
lines, and the options a clerk reaches for first (the inbox's filters and paging, completing a
step) had no line saying what they do. Found by reading `sopdesk inbox --help` as a user."""

from __future__ import annotations

import argparse

import pytest

from sopdesk.cli.main import COMMANDS, build_parser

ENGLISH = ("usage:", "options:", "positional arguments", "optional arguments", "show this help",
           "show program's version")


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    line = list(argv)
    with pytest.raises(SystemExit) as done:
        build_parser(line).parse_args(line)
    assert done.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("words", [names[:1] for _module, _adder, names in COMMANDS] + [
    ("case", "complete"), ("case", "start"), ("case", "return"), ("visitor", "list")])
def test_every_help_page_has_no_english_frame(capsys, words):
    page = _help(capsys, *words, "--help")
    assert not [word for word in ENGLISH if word in page], page
    assert page.startswith("pemakaian: sopdesk")


def test_the_program_help_page_is_indonesian(capsys):
    page = _help(capsys, "--help")
    assert not [word for word in ENGLISH if word in page]
    assert "argumen:" in page and "opsi:" in page and "tampilkan versi program lalu keluar" in page


def _silent(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> list[str]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _silent(sub, (*path, name))
        elif not action.help:
            found.append(" ".join((*path, action.dest)))
    return found


def test_each_option_of_every_command_says_what_it_does():
    assert _silent(build_parser(), ()) == []
