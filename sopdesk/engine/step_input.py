"""What a user records to complete a step, and the checks on it that need no database.

Why a module of its own: the step form checked a decision's choice and a waiting step's note
itself before asking the engine, in its own words, and `cases.complete` checked them again.
`check_step_input` is the one place both call: the GUI before submitting (it shows its own
translated text next to the field the error names), the engine inside `complete` (the
message as is). Nothing here reads the database or the clock.

Field names of the `FieldError`s raised here (`FieldError.field`):

* ``"choice"``: the decision's choice (missing on a decision step's last lane, given where no
  choice is asked: a joint step's earlier lane or a step that is no decision, or not one of
  the step's labels);
* ``"note"``: the note of a waiting step (`menunggu`) that records neither a note nor an output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sopdesk.catalog import Sop
from sopdesk.catalog.schema import Pelaksana
from sopdesk.errors import FieldError, UserError

CHOICE = "choice"
NOTE = "note"


@dataclass(frozen=True)
class KeptFile:
    """A file attached at an earlier visit of the step, carried over to the new visit (a
    returned step): the engine links the stored attachment again instead of a new upload."""

    attachment_id: int
    name: str = ""  # the original file name, for showing


@dataclass
class OutputValue:
    number: str | None = None
    date: date | None = None
    file: Path | None = None
    kept: KeptFile | None = None  # used when no new `file` is given


@dataclass
class StepInput:
    """What the step form (or `case complete`) records. Items are named by their text
    (case-insensitive) or by their 1-based position in the step's list."""

    present: list[str] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)  # kelengkapan item -> scan
    kept: dict[str, KeptFile] = field(default_factory=dict)  # kelengkapan item -> earlier scan
    outputs: dict[str, OutputValue] = field(default_factory=dict)
    choice: str | None = None
    note: str | None = None
    # issue #13: the step of a party outside the office (lane `eksternal`) is recorded on its
    # behalf; an administrator may complete a step before its binding wait ends, with a reason
    on_behalf: bool = False
    override_reason: str | None = None


@dataclass(frozen=True)
class StepRoute:
    """Where a completion goes: the lane working the step now, the lane after it on a joint
    step (None for the last or only lane), the choice as the SOP spells it and the target
    step (or END)."""

    lane: Pelaksana
    following: Pelaksana | None
    choice: str | None
    target: int | str


def resolve(names: list[str], key: str, what: str, field_name: str | None = None) -> str:
    """The item of `names` that `key` names, by text (case-insensitive) or 1-based position.
    Refused with a UserError (a FieldError on `field_name` when given) listing the choices."""
    key = str(key).strip()
    if key.isascii() and key.isdigit() and 1 <= int(key) <= len(names):  # not "²": int() refuses it
        return names[int(key) - 1]
    for name in names:
        if name.lower() == key.lower():
            return name
    listed = "; ".join(f"{i}. {n}" for i, n in enumerate(names, 1)) or "tidak ada"
    message = f"{what} {key!r} tidak ada pada kegiatan ini (pilihan: {listed})"
    raise FieldError(field_name, message) if field_name else UserError(message)


def lanes_now(sop: Sop, step_no: int, role: str) -> tuple[Pelaksana, Pelaksana | None]:
    """The lane working step `step_no` now and, for a joint step, the lane after it (None for
    the last or only lane). `role` is the waiting work item's: it says which lane's turn it is."""
    lanes = [sop.lane(kode) for kode in sop.step(step_no).lanes]
    index = next((i for i, lane in enumerate(lanes) if lane.peran == role), 0)
    return lanes[index], (lanes[index + 1] if index + 1 < len(lanes) else None)


def check_step_input(sop: Sop, step_no: int, role: str, data: StepInput) -> StepRoute:
    """Check the choice and the note of a completion of step `step_no`, waiting for `role`,
    and say where it goes. Raises FieldError on "choice" or "note" (see the module docstring);
    the texts are the engine's (the command line shows them as they are)."""
    kegiatan = sop.step(step_no)
    exits = sop.exits(step_no)
    lane, following = lanes_now(sop, step_no, role)
    choice: str | None
    target: int | str
    if following is not None:  # a joint step: this lane confirms, the next lane goes on
        if data.choice:
            raise FieldError(CHOICE, f"Kegiatan {step_no} dikerjakan bersama: {lane.nama} menyetujui dulu "
                                     f"(tanpa pilihan); pilihan diisi oleh {following.nama}")
        choice, target = None, step_no
    elif kegiatan.is_decision:
        labels = [label for label, _ in exits if label is not None]
        if not data.choice:
            raise FieldError(CHOICE, f"Kegiatan {step_no} adalah keputusan: pilih salah satu dari "
                             + " / ".join(labels))
        choice = resolve(labels, data.choice, "pilihan", CHOICE)
        target = dict(exits)[choice]
    else:
        if data.choice:
            raise FieldError(CHOICE, f"Kegiatan {step_no} bukan keputusan; jangan isi pilihan")
        choice, target = None, exits[0][1]
    if kegiatan.is_wait and not (data.note or "").strip() and not data.outputs:
        raise FieldError(NOTE, f"Kegiatan {step_no} menunggu '{kegiatan.menunggu}': catat "
                         "peristiwa yang ditunggu (catatan atau output) untuk menyelesaikannya")
    return StepRoute(lane, following, choice, target)
