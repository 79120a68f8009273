"""The demo's batches made in a second process while this one writes (#15).

A 100,000-case demo spent about half its time making rows (walking the SOPs, sealing, hashing
the chain) and half inserting them, one after the other on one core; an office PC has two or
more. Here a worker process runs engine.demo_gen.generate and hands each batch over as soon as
it is made (at most AHEAD batches waiting), so the next batch is made while this process
inserts the one before. There is one generator, so the rows, their order and the chain are
those of the same generation run here.

The worker is started with "spawn" (what Windows has; no copy of this process's database
connection or threads). Its failure is this process's UserError, with the worker's own
message; a worker gone without a word (killed) is noticed within POLL seconds, never waited on
forever. When this process stops early (an insert failed, Ctrl+C), the worker is ended.
"""

from __future__ import annotations

import multiprocessing
import queue
import sys
import traceback
from collections.abc import Generator
from typing import Any

from sopdesk.engine.demo_gen import Batch, End, Start, generate
from sopdesk.errors import UserError

AHEAD = 2  # batches made ahead of the insert (memory: one batch of 2,000 cases is some 30 MB)
POLL = 1.0  # seconds between two looks at whether the worker still lives


def apart_possible() -> bool:
    """Whether a worker process can be started: not from a frozen bundle, whose executable would
    start the whole application again instead of the worker."""
    return not getattr(sys, "frozen", False)


def batches(start: Start, apart: bool) -> Generator[Batch | End, None, None]:
    """generate(start), in a worker process when `apart`."""
    if not apart:
        yield from generate(start)
        return
    context = multiprocessing.get_context("spawn")
    handed: Any = context.Queue(maxsize=AHEAD)
    worker = context.Process(target=_work, args=(start, handed), name="sopdesk-demo", daemon=True)
    worker.start()
    try:
        while True:
            kind, value = _take(handed, worker)
            if kind == "error":
                raise UserError(f"Pembuatan data contoh gagal: {value}")
            yield value
            if kind == "end":
                break
        worker.join()
    finally:
        if worker.is_alive():
            worker.terminate()  # this process stopped early: the worker's batches are not wanted
            worker.join()
        handed.close()
        handed.join_thread()


def _take(handed: Any, worker: Any) -> tuple[str, Any]:
    while True:
        try:
            return handed.get(timeout=POLL)  # type: ignore[no-any-return]
        except queue.Empty:
            if not worker.is_alive():
                try:  # its last words may have arrived just as it ended
                    return handed.get(timeout=POLL)  # type: ignore[no-any-return]
                except queue.Empty:
                    raise UserError("Pembuatan data contoh gagal: proses pembuat data berhenti tanpa pesan "
                                    f"(kode keluar {worker.exitcode})") from None


def _work(start: Start, handed: Any) -> None:
    """The worker process: every batch, then the End, or the error that stopped it."""
    try:
        for item in generate(start):
            handed.put(("end" if isinstance(item, End) else "batch", item))
    except BaseException as exc:  # noqa: BLE001  # any failure is reported to the writing process
        where = traceback.extract_tb(exc.__traceback__)[-1]
        handed.put(("error", f"{type(exc).__name__}: {exc} ({where.filename.rsplit('/', 1)[-1]}:{where.lineno})"))
