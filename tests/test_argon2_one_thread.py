"""Argon2 on one thread beside the command line's imports (issue #15, sopdesk.password_ahead):
argon2-cffi's verify computes the hash's lanes (p=4) on as many threads, which on a two-core
office PC take the importing thread's core; started by the command line while its imports
still run, the lanes are computed on the verifying thread alone. The answer is Argon2's own
for the same parameters, and anything the one-thread computation does not confirm is verified
by PasswordHasher as before."""

from __future__ import annotations

from pathlib import Path

import argon2.low_level
import pytest
from argon2 import PasswordHasher

from sopdesk import password_ahead
from sopdesk.cli import main as cli_main

HASHERS = [PasswordHasher(time_cost=1, memory_cost=64, parallelism=1),
           PasswordHasher(time_cost=2, memory_cost=256, parallelism=4)]


@pytest.mark.parametrize("hasher", HASHERS, ids=["p1", "p4"])
@pytest.mark.parametrize("password", ["sopdesk-demo", "kata sandi ñ é 🗳"])
def test_one_thread_gives_argon2s_own_answer(hasher, password):
    stored = hasher.hash(password)
    assert password_ahead._matches_on_one_thread(stored, password) is True
    assert password_ahead._matches_on_one_thread(stored, password + "x") is False
    assert password_ahead._matches_on_one_thread(hasher.hash("another"), password) is False


def test_the_lanes_are_computed_on_one_thread(monkeypatch):
    seen: list[tuple[int, int]] = []
    core = argon2.low_level.core

    def spy(context, kind):  # noqa: ANN001, ANN202 - a CFFI context and Argon2's type number
        seen.append((context.lanes, context.threads))
        return core(context, kind)

    monkeypatch.setattr(argon2.low_level, "core", spy)
    stored = HASHERS[1].hash("sopdesk-demo")
    password_ahead.start(stored, "sopdesk-demo", one_thread=True)
    assert password_ahead.take(stored, "sopdesk-demo") is True
    assert seen == [(4, 1)]  # the hash's four lanes, one thread


def test_what_one_thread_does_not_confirm_is_verified_as_before(monkeypatch):
    def broken(context, kind):  # noqa: ANN001, ANN202, ARG001 - as a changed binding might fail
        raise RuntimeError("no such field")

    monkeypatch.setattr(argon2.low_level, "core", broken)
    stored = HASHERS[0].hash("sopdesk-demo")
    password_ahead.start(stored, "sopdesk-demo", one_thread=True)
    assert password_ahead.take(stored, "sopdesk-demo") is True
    password_ahead.start(stored, "wrong", one_thread=True)
    assert password_ahead.take(stored, "wrong") is False
    password_ahead.start("not a hash", "sopdesk-demo", one_thread=True)
    assert password_ahead.take("not a hash", "sopdesk-demo") is False


@pytest.mark.parametrize("beside_imports", [True, False])
def test_the_command_line_asks_for_one_thread_while_its_imports_run(beside_imports, monkeypatch, tmp_path):
    asked: list[bool] = []

    def start_for_file(database: Path, username: str, password: str, one_thread: bool = False) -> bool:
        asked.append(one_thread)
        return True

    monkeypatch.setenv("SOPDESK_PASSWORD", "sopdesk-demo")
    monkeypatch.delenv("SOPDESK_DB", raising=False)
    monkeypatch.setattr(password_ahead, "start_for_file", start_for_file)
    cli_main.check_password_ahead(["--data-dir", str(tmp_path), "inbox", "--as", "admin"],
                                  beside_imports=beside_imports)
    assert asked == [beside_imports]
