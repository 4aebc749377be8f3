-- Runs still marked 'running', with the Prefect flow run that ran them (if recorded). Only called
-- while holding the run lock, so none of them is alive: they were killed (or the machine went down)
-- before finish_run.
SELECT run_id, stats->>'flow_run_id' AS flow_run_id FROM runs WHERE status = 'running' ORDER BY started_at
