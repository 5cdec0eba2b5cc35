-- appendEvents (in a transaction)
begin;

    with seq as (
      update event_sequence set last_id = last_id + $1 returning last_id
    )
    insert into events (id, type, workspace_id, user_id, actor_id, payload)
    select seq.last_id - $2 + e.ord, e.type, e.workspace_id, e.user_id, e.actor_id, e.payload
    from seq, unnest(
      $3::text[],
      $4::uuid[],
      $5::uuid[],
      $6::uuid[],
      $7::jsonb[]
    ) with ordinality as e(type, workspace_id, user_id, actor_id, payload, ord);
commit;

-- readAfter
select id::text as "id", "type", "workspace_id", "user_id", "actor_id", "payload", "created_at" from "events" where "id" > $1 order by events.id limit $2;

-- head
select last_id::text as "last_id" from "event_sequence";

-- startPoint
select last_id::text as "last_id", pruned_through::text as "pruned_through", array(select workspace_id from workspace_members where user_id = $1) as "workspaces" from "event_sequence";

-- replay
select id::text as "id", "type", "workspace_id", "user_id", "actor_id", "payload", "created_at" from "events" where "id" > $1 and "id" <= $2 and ("user_id" = $3 or "workspace_id" = any($4::uuid[])) order by events.id limit $5;

-- prune

        with gone as (delete from events where created_at < $1 returning id),
        mark as (
          update event_sequence
          set pruned_through = greatest(pruned_through, (select max(id) from gone))
          where exists (select 1 from gone)
        )
        select count(*)::int as n from gone;
