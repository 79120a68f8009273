"""SpiffWorkflow running a PAW case, for tests/benchmark_core.py (issue #15; not a test).

Runs under another interpreter, one with SpiffWorkflow installed (`python -m venv
/tmp/spiffvenv && /tmp/spiffvenv/bin/pip install spiffworkflow`), and imports nothing of
sopdesk: benchmark_core writes the BPMN of PAW from the catalog (a user task per kegiatan, an
exclusive gateway after each decision) and the choices of the path, then runs

    /tmp/spiffvenv/bin/python tests/benchmark_spiff.py PAW.bpmn PROCESS_ID CHOICES_JSON RUNS

which prints JSON: the median CPU milliseconds (process time) of one case (the workflow started, then each user
task in turn given its form data and run, the engine steps done, and the whole state serialized
to JSON after the start and after every task, as a program that keeps its cases would store
it) and the names of the tasks run, so both sides can be seen to walk the same steps.
"""

from __future__ import annotations

import json
import statistics
import sys
import time


def main() -> int:
    from SpiffWorkflow.bpmn.parser import BpmnParser
    from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
    from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
    from SpiffWorkflow.util.task import TaskState

    bpmn, process, choices_json, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    choices = json.loads(choices_json)  # task name -> the choice made there
    parser = BpmnParser()
    parser.add_bpmn_file(bpmn)
    spec = parser.get_spec(process)
    serializer = BpmnWorkflowSerializer()

    def one_case() -> tuple[list[str], int]:
        walked = []
        workflow = BpmnWorkflow(spec)
        workflow.do_engine_steps()
        size = len(serializer.serialize_json(workflow))
        while True:
            ready = workflow.get_tasks(state=TaskState.READY, manual=True)
            if not ready:
                break
            task = ready[0]
            name = task.task_spec.bpmn_id
            walked.append(name)
            task.data.update({"kelengkapan": ["ada"], "catatan": "benchmark", "pilihan": choices.get(name)})
            task.run()
            workflow.do_engine_steps()
            size += len(serializer.serialize_json(workflow))
        if not workflow.is_completed():
            raise SystemExit(f"the PAW workflow did not end: stuck after {walked}")
        return walked, size

    walked, size = one_case()  # warm
    times = []
    for _ in range(runs):
        start = time.process_time()  # CPU, as sopdesk's side: in-memory work, so CPU is its cost
        one_case()
        times.append((time.process_time() - start) * 1000)
    print(json.dumps({"ms": statistics.median(times), "walked": walked, "json_bytes": size,
                      "runs": runs}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
