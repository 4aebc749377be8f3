-- The last N runs, newest first, for `eventpipe status`.
WITH recent AS (
    SELECT run_id, kind, status, started_at, finished_at,
           date_diff('millisecond', started_at, finished_at) / 1000.0 AS seconds,
           stats
    FROM runs
),
final AS (
    SELECT * FROM recent ORDER BY started_at DESC LIMIT ?
)
SELECT * FROM final
