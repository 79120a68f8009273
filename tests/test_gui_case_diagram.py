"""The case view's "Diagram alir" tab opens with the step the case waits at in view."""

from __future__ import annotations

from PySide6.QtCore import QRect

from sopdesk.engine import cases
from sopdesk.engine.cases import StepInput
from sopdesk.gui.cases_page import CaseView
from sopdesk.gui.context import GuiContext


def test_the_diagram_opens_with_the_waiting_step_in_view(qtbot, ws, staff):
    """Seen on X at 1024x768: a PP case entered by letter waits at step 8, and the diagram
    opened at step 1 with step 8 below the fold."""
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan salinan DPT", entry="surat",
                              requester="Maria Lende")
    for step, role in [(5, "Help Desk"), (6, "Komisioner"), (7, "Kasubag")]:
        cases.complete(ws, staff[role], number, StepInput(), step=step)
    view = CaseView(GuiContext(ws, staff["Kasubag"]), number)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    swimlane = view._swimlane
    view.tabs.setCurrentWidget(swimlane)
    qtbot.waitUntil(swimlane.isVisible)
    step = swimlane.mapFromScene(swimlane.symbol_item(8).sceneBoundingRect()).boundingRect()
    assert QRect(swimlane.viewport().rect()).contains(step)
