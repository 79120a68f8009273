"""The status bar's busy bar says what runs (it was an unlabelled blue bar): the start-up
integrity check, which takes minutes in a large office, and the day's backup on the worker;
the words go when the work ends."""

from __future__ import annotations

import threading

import pytest
from helpers.shells import open_shell


@pytest.fixture
def shell(qtbot, ws, admin, monkeypatch):  # noqa: ANN001, ANN201, ARG001 - admin: the office set up first
    yield from open_shell(qtbot, ws, monkeypatch)


@pytest.mark.sqlite_only("the start-up check of the SQLite office")
def test_the_start_up_check_is_named_in_the_status_bar_while_it_runs(qtbot, shell, ws, admin, monkeypatch):
    from sopdesk.gui import app as app_module

    release = threading.Event()
    real = app_module.start_check

    def slow_check(workspace, progress=None):  # noqa: ANN001, ANN202
        release.wait(30)
        return real(workspace, progress)

    monkeypatch.setattr(app_module, "start_check", slow_check)
    window = shell.open_window(ws, admin)
    qtbot.waitUntil(lambda: shell.check_running, timeout=5_000)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=60_000)  # the day's backup is done
    assert window.busy.isVisible()
    assert window.busy_label.isVisible()
    assert window.busy_label.text() == "Memeriksa keutuhan data…"
    release.set()
    qtbot.waitUntil(lambda: not shell.check_running, timeout=60_000)
    assert not window.busy.isVisible() and not window.busy_label.isVisible()


def test_a_worker_job_shows_words_beside_the_bar_and_the_more_precise_one_wins(qtbot, shell, ws, admin):
    window = shell.open_window(ws, admin)
    qtbot.waitUntil(lambda: not window.worker.busy and not shell.check_running, timeout=60_000)
    assert not window.busy_label.isVisible()
    release = threading.Event()
    with qtbot.waitSignal(window.worker.busy_changed, timeout=5_000):
        window.worker.submit(lambda: release.wait(30), lambda _: None, lambda _: None)
    assert window.busy_label.isVisible() and window.busy_label.text() == "Sedang memproses…"
    window.set_activity("check", "Memeriksa keutuhan data…")
    assert window.busy_label.text() == "Memeriksa keutuhan data…"
    window.set_activity("check", None)
    assert window.busy_label.text() == "Sedang memproses…"
    with qtbot.waitSignal(window.worker.busy_changed, timeout=30_000):
        release.set()
    assert not window.busy_label.isVisible() and not window.busy.isVisible()


@pytest.mark.sqlite_only("the start-up check of the SQLite office")
def test_the_start_up_check_shows_how_far_it_has_read(qtbot, shell, ws, admin, monkeypatch):
    from sopdesk.gui import app as app_module

    release = threading.Event()

    def halfway(workspace, progress=None):  # noqa: ANN001, ANN202, ARG001
        progress(50, 100)
        release.wait(30)
        return []

    monkeypatch.setattr(app_module, "start_check", halfway)
    window = shell.open_window(ws, admin)
    qtbot.waitUntil(lambda: window.busy.maximum() == 100, timeout=10_000)
    assert window.busy.value() == 50 and window.busy_label.text() == "Memeriksa keutuhan data…"
    release.set()
    qtbot.waitUntil(lambda: not shell.check_running, timeout=60_000)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=60_000)
    assert window.busy.maximum() == 0 or not window.busy.isVisible()
