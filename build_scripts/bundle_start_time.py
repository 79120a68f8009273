"""Time from start to the login window: the bundle next to the virtual environment.

    python build_scripts/bundle_start_time.py [--runs 7] [--display :94]

Needs Xvfb and xdotool (Debian packages). Starts its own Xvfb on --display, sets up one office
per program (CLI `setup`), then starts each program in turn (bundle, venv, bundle, ...) on a
real X window system and waits with `xdotool search --sync` until the window "Masuk — sopdesk"
is mapped; prints each program's median and the median of the per-pair ratios. The two
programs take turns so that a noisy machine slows both alike.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = {"bundle": ROOT / "dist" / "sopdesk" / "sopdesk", "venv": ROOT / ".venv" / "bin" / "sopdesk"}
PASSWORD = "sandi-ukur-mulai-1"


def to_login_window(program: Path, data_dir: Path, env: dict) -> float:
    started = time.monotonic()
    process = subprocess.Popen([str(program), "--data-dir", str(data_dir)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "^Masuk — sopdesk$"],
                       env=env, check=True, capture_output=True, timeout=120)
        return time.monotonic() - started
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=7)
    options.add_argument("--display", default=":94")
    args = options.parse_args()
    missing = [name for name, path in PROGRAMS.items() if not path.is_file()]
    if missing:
        print(f"bundle_start_time: missing {', '.join(missing)}: build the bundle / the venv first", file=sys.stderr)
        return 1
    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        with tempfile.TemporaryDirectory(prefix="sopdesk-start-") as tmp:
            work = Path(tmp)
            (work / "home").mkdir()
            env = {"HOME": str(work / "home"), "PATH": os.environ["PATH"], "DISPLAY": args.display,
                   "SOPDESK_PASSWORD": PASSWORD, "LANG": "C.UTF-8"}
            for name, program in PROGRAMS.items():
                subprocess.run([str(program), "--data-dir", str(work / name), "setup", "--office", "KPU Ukur",
                                "--timezone", "WIB", "--admin", "admin"], env=env, check=True, capture_output=True)
                to_login_window(program, work / name, env)  # warm-up: the files are in the page cache
            times: dict[str, list[float]] = {name: [] for name in PROGRAMS}
            for _ in range(args.runs):
                for name, program in PROGRAMS.items():
                    times[name].append(to_login_window(program, work / name, env))
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=30)
    for name, values in times.items():
        print(f"{name:<7} start to login window: median {statistics.median(values):.2f} s "
              f"(min {min(values):.2f}, max {max(values):.2f}, {len(values)} runs)")
    ratios = [b / v for b, v in zip(times["bundle"], times["venv"], strict=True)]
    print(f"bundle / venv: median {statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
