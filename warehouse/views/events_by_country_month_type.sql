-- events_by_country_month_type: events and fatalities per country x month x event_type x origin.
with events as (
    select country, event_date, event_type, fatalities, origin from main.events
),

final as (
    select
        country,
        date_trunc('month', event_date)::date as month,
        event_type,
        origin,
        count(*) as events,
        sum(fatalities)::bigint as fatalities
    from events
    group by all
)

select * from final
