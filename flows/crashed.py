"""Flow runs of killed pipeline processes, marked Crashed in Prefect by the next run.

Flow-run heartbeats are off (see `eventpipe run`), so Prefect never learns that a `kill -9`ed
run died and shows it Running forever. The warehouse knows better: each pipeline run records its
flow run id in its `runs` row, and a row still 'running' when the next run holds the warehouse
lock belongs to a dead process. That run's flow run, if Prefect still has it unfinished, becomes
Crashed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

logger = logging.getLogger(__name__)

CRASH_MESSAGE = "the process running this flow ended before it finished (marked by a later run)"


def mark_crashed_flow_runs(flow_run_ids: Iterable[str]) -> list[str]:
    """Set Crashed on those of `flow_run_ids` that Prefect still shows unfinished; returns them."""
    from prefect import get_client
    from prefect.states import Crashed

    marked: list[str] = []
    with get_client(sync_client=True) as client:
        for flow_run_id in flow_run_ids:
            run = client.read_flow_run(flow_run_id)
            if run.state is not None and not run.state.is_final():
                client.set_flow_run_state(flow_run_id, Crashed(message=CRASH_MESSAGE), force=True)
                marked.append(flow_run_id)
    if marked:
        logger.warning("marked %d flow run(s) of killed processes as Crashed", len(marked))
    return marked
