"""Flow runs of killed pipeline processes, marked Crashed in Prefect by the next run.

Flow-run heartbeats are off (see `eventpipe run`), so Prefect never learns that a `kill -9`ed
run died and shows it Running forever. The next run of the same warehouse knows better: it
holds the warehouse lock, so no other pipeline run of that warehouse is alive, and any pipeline
flow run still Running (or Pending) with that warehouse parameter is a dead one.
"""

from __future__ import annotations

import logging
from pathlib import Path
from uuid import UUID

logger = logging.getLogger(__name__)

FLOW_NAME = "pipeline"
CRASH_MESSAGE = "the process running this flow ended before it finished (marked by a later run)"


def mark_crashed_flow_runs(warehouse: Path, current: UUID | None) -> list[UUID]:
    """Set Crashed on the unfinished pipeline flow runs of `warehouse` other than `current`.

    Call only while holding the warehouse lock. Returns the ids it marked.
    """
    from prefect import get_client
    from prefect.client.schemas.filters import (
        FlowFilter,
        FlowFilterName,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.client.schemas.sorting import FlowRunSort
    from prefect.states import Crashed

    unfinished = FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(
        any_=[StateType.RUNNING, StateType.PENDING])))
    target = str(Path(warehouse).resolve())
    marked: list[UUID] = []
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(flow_filter=FlowFilter(name=FlowFilterName(any_=[FLOW_NAME])),
                                     flow_run_filter=unfinished, sort=FlowRunSort.START_TIME_DESC,
                                     limit=200)
        for run in runs:
            param = run.parameters.get("warehouse")
            if run.id == current or not param or str(Path(str(param)).resolve()) != target:
                continue
            client.set_flow_run_state(run.id, Crashed(message=CRASH_MESSAGE), force=True)
            marked.append(run.id)
    if marked:
        logger.warning("marked %d flow run(s) of killed processes as Crashed", len(marked))
    return marked
