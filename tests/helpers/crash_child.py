"""The child of tests/test_crash_safety.py: works on an office's database until it is killed.

    python tests/helpers/crash_child.py run DATA_DIR SEED    one worker (a fresh interpreter)
    python tests/helpers/crash_child.py serve DATA_DIR       a fork server: reads a seed per line
                                                             on stdin, forks a worker for it

The worker opens the workspace, prints "ready", then loops: registers a visitor (an
information request starts a PP case) or completes the waiting step of an open case. After
each action's transaction has COMMITTED it prints one line and flushes:

    visitor <id>            the visitor row exists
    done <case> <step>      the case's work item of that step is done

so every line the parent reads names something that must survive a crash. The fork server
imports sopdesk once (0.8 s) and forks a fresh worker per run, so that a kill costs a fraction
of a second; the fork server itself never opens the database.
"""

from __future__ import annotations

import faulthandler
import os
import random
import sys
import traceback
from datetime import date
from pathlib import Path

from sqlalchemy import select

from sopdesk.engine import cases, visitors
from sopdesk.engine.cases import OutputValue, StepInput
from sopdesk.engine.users import Actor
from sopdesk.engine.workdays import WorkCalendar
from sopdesk.engine.workspace import Workspace
from sopdesk.store.models import Case, Role, User, UserRole, WorkItem

NAMES = ("Maria Ndun", "Yohanes Bria", "Siti Lestari", "Agustinus Tefa", "Dewi Ratu", "Wayan Seran")
TOPICS = ("Data DPT per kelurahan", "Hasil rekapitulasi suara", "Daftar calon tetap DPRD",
          "Salinan Keputusan KPU", "Jadwal tahapan Pemilihan")


def say(line: str) -> None:
    """Write one whole line in one write(2): a pipe write of under PIPE_BUF bytes is atomic, so a
    kill can never leave half a line for the next writer's line to be glued to. print() is not
    enough: under PYTHONUNBUFFERED (set on CI) it writes the text and the newline in two calls,
    and a kill between them once made "visitor 321" and the fork server's "ended 7044 -9" one
    line, which the test then waited for in vain."""
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def actors_by_role(ws: Workspace) -> dict[str, Actor]:
    with ws.db.reading() as session:
        rows = session.execute(
            select(Role.name, User.id, User.username)
            .join(UserRole, UserRole.role_id == Role.id)
            .join(User, User.id == UserRole.user_id)
            .where(User.active.is_(True))
        ).all()
    return {role: Actor(user_id, username) for role, user_id, username in rows}


def waiting_steps(ws: Workspace) -> list[tuple[str, int, str]]:
    with ws.db.reading() as session:
        return [tuple(row) for row in session.execute(
            select(Case.number, WorkItem.step_no, WorkItem.role)
            .join(WorkItem, WorkItem.case_id == Case.id)
            .where(WorkItem.status == "open")
        )]


def register(ws: Workspace, rng: random.Random, actor: Actor) -> None:
    purpose = rng.choice(["permohonan_informasi"] * 4 + ["bertamu", "pengaduan", "konsultasi"])
    topic = rng.choice(TOPICS)
    form = visitors.VisitorForm(
        name=rng.choice(NAMES), purpose=purpose, institution="Universitas Nusa Cendana",
        phone="0812 3456 7890", address="Jl. El Tari No. " + str(rng.randint(1, 300)) + " Kupang",
        info_requested=topic if purpose == "permohonan_informasi" else None,
        info_use="Penelitian skripsi " * rng.randint(1, 40),  # sometimes spills onto new pages
        obtain_method="salinan_cetak", delivery_method="langsung",
    )
    visitor_id, _case = visitors.register_visitor(ws, actor, form)
    say(f"visitor {visitor_id}")  # only now: register_visitor returned, so it is committed


def complete(ws: Workspace, rng: random.Random, people: dict[str, Actor],
             waiting: list[tuple[str, int, str]]) -> None:
    number, step, role = rng.choice(waiting)
    sop = ws.catalog.sop("PP")
    outputs = {}
    if sop.step(step).output and rng.random() < 0.5:
        outputs["1"] = OutputValue(number=f"{rng.randint(1, 999)}/PP.01/KPU-Kota/2026")
    done = cases.complete(ws, people[role], number,
                          StepInput(note=f"selesai ({rng.random():.6f})", outputs=outputs), step=step)
    say(f"done {done.case_number} {done.step_no}")  # after the commit


def work(data_dir: Path, seed: int) -> None:
    # a worker silent for 30 s writes where it stands to stderr (the test shows that file when it
    # gives up waiting), so a rare hang names its place instead of a bare queue.Empty
    faulthandler.dump_traceback_later(30, repeat=True)
    rng = random.Random(seed)
    ws = Workspace.open(data_dir)
    people = actors_by_role(ws)
    say("ready")
    while True:
        waiting = waiting_steps(ws)
        if not waiting or rng.random() < 0.25:
            register(ws, rng, people["Help Desk"])
        else:
            complete(ws, rng, people, waiting)


def serve(data_dir: Path) -> None:
    """Fork one worker per seed read from stdin; report how each ended."""
    WorkCalendar("WITA").is_working_day(date.today())  # imports the holiday tables (0.2 s), no database
    for line in sys.stdin:
        seed = int(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            try:
                work(data_dir, seed)
            except BaseException:  # noqa: BLE001 - any way out of the loop is a failure
                traceback.print_exc()
                code = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"ended {pid} {os.waitstatus_to_exitcode(status)}")


if __name__ == "__main__":
    if sys.argv[1] == "run":
        work(Path(sys.argv[2]), int(sys.argv[3]))
    elif sys.argv[1] == "serve":
        serve(Path(sys.argv[2]))
    else:
        sys.exit(f"usage: {sys.argv[0]} run DATA_DIR SEED | serve DATA_DIR")
