"""Timing helpers of the benchmarks (not a test): a median of runs, and medians of several
functions taken in turns, so that a slow minute of this shared machine weighs on all alike."""

from __future__ import annotations

import statistics
import time


def median_ms(func, runs: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def interleaved_ms(*funcs, runs: int) -> list[float]:  # noqa: ANN002
    """The median time of each function, run in turns, so that a slow minute of this shared
    machine weighs on all of them alike."""
    times: list[list[float]] = [[] for _ in funcs]
    for _ in range(runs):
        for measured, spent in zip(funcs, times, strict=True):
            spent.append(timed_ms(measured))
    return [statistics.median(spent) for spent in times]


def timed_ms(func, *args) -> float:  # noqa: ANN001
    start = time.perf_counter()
    func(*args)
    return (time.perf_counter() - start) * 1000
