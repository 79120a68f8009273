"""How long the whole-chain check takes on a large office (issue #11): the desktop's start-up
check on its worker (`integrity.verify_whole_chain`: quick_check, every audit event's hash, the
anchor, every sealed record against its seal), wall clock and CPU time, and the memory it needs.

    .venv/bin/python -m sopdesk --data-dir /tmp/big demo --cases 100000
    .venv/bin/python tests/benchmark_check.py /tmp/big
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from sopdesk.engine import integrity
from sopdesk.engine.workspace import Workspace


def main(data_dir: Path) -> None:
    ws = Workspace.open(data_dir)
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        findings = integrity.verify_whole_chain(ws, remember=False)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        ws.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"verify_whole_chain: {wall:.1f} s wall, {cpu:.1f} s CPU, {len(findings)} findings, "
          f"peak memory {peak} MB")
    for finding in findings[:5]:
        print(f"  {finding.message}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
