-- report_events: one row per event for the HTML report, with the documents that reported it
-- and one evidence sentence (extracted events), and the evidence per field when lineage holds it.
-- The caller appends `where` fragments over `final` with bound parameters only.
with events as (
    select * from main.events
),

mentions as (
    select
        event_id_cnty,
        string_agg(distinct doc_id, '; ' order by doc_id) as doc_ids,
        arg_min(evidence, coalesce(span_start, 0)) as evidence
    from main.event_mentions
    group by event_id_cnty
),

final as (
    select
        e.event_id_cnty, e.event_date, e.event_type, e.sub_event_type, e.actor1, e.actor2,
        e.country, e.admin1, e.location, e.latitude, e.longitude, e.fatalities, e.notes,
        e.source, e.origin, e.confidence, m.doc_ids, m.evidence
    from events e
    left join mentions m using (event_id_cnty)
)

select * from final
