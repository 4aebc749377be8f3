-- events_by_admin1: events and fatalities per country x admin1 x event_type x origin.
with events as (
    select country, admin1, event_type, fatalities, origin from main.events
),

final as (
    select
        country,
        admin1,
        event_type,
        origin,
        count(*) as events,
        sum(fatalities)::bigint as fatalities
    from events
    group by all
)

select * from final
