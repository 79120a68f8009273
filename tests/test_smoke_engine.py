from sopdesk.engine import cases


def test_help_desk_case_runs_to_its_end(ws, staff):
    number = cases.start_case(ws, staff["Help Desk"], "PP", "Permohonan data DPT", entry="tamu")
    assert number == "PP/2026/0001"
    cases.complete(ws, staff["Help Desk"], number, cases.StepInput())
    cases.complete(ws, staff["Help Desk"], number, cases.StepInput())
    cases.complete(ws, staff["Komisioner"], number, cases.StepInput())
    done = cases.complete(ws, staff["Kasubag"], number, cases.StepInput())
    assert done.next_step is None
