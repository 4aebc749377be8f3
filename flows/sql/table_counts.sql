-- Row counts for `eventpipe status`: events by origin, then documents, mentions and rejects.
WITH by_origin AS (
    SELECT 'events (' || origin || ')' AS what, count(*) AS n FROM events GROUP BY origin
),
others AS (
    SELECT 'documents' AS what, count(*) AS n FROM documents
    UNION ALL SELECT 'event_mentions', count(*) FROM event_mentions
    UNION ALL SELECT 'rejects', count(*) FROM rejects
),
final AS (
    SELECT * FROM (SELECT * FROM by_origin ORDER BY what) UNION ALL SELECT * FROM others
)
SELECT * FROM final
