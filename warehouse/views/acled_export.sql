-- acled_export: every event in ACLED's exact export column order (31 columns).
with events as (
    select * from main.events
),

final as (
    select
        event_id_cnty, event_date, year, time_precision, disorder_type, event_type,
        sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2,
        interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3,
        location, latitude, longitude, geo_precision, source, source_scale, notes,
        fatalities, tags, timestamp
    from events
)

select * from final
