-- events_by_actor: events and fatalities per actor (as actor1 or actor2) x country x origin.
with actor_roles as (
    select actor1 as actor, inter1 as inter, country, fatalities, origin from main.events
    union all
    select actor2 as actor, inter2 as inter, country, fatalities, origin from main.events
    where actor2 is not null and actor2 <> ''
),

final as (
    select
        actor,
        country,
        origin,
        min(inter) as inter,
        count(*) as events,
        sum(fatalities)::bigint as fatalities
    from actor_roles
    group by actor, country, origin
)

select * from final
