-- insertIntoOutbox (in a transaction)
begin;

    insert into event_outbox (type, workspace_id, user_id, actor_id, payload)
    select e.type, e.workspace_id, e.user_id, e.actor_id, e.payload
    from unnest(
      $1::text[],
      $2::uuid[],
      $3::uuid[],
      $4::uuid[],
      $5::jsonb[]
    ) with ordinality as e(type, workspace_id, user_id, actor_id, payload, ord)
    order by e.ord;
commit;

-- stampOutbox
begin;

      select pg_advisory_xact_lock($1)
      from (select set_config('lock_timeout', '2s', true), set_config('jit', 'off', true)) as s;

      with moved as (
        delete from event_outbox
        where seq = any(array(select seq from event_outbox order by seq limit $1))
        returning *
      ),
      n as (select count(*)::int as n from moved),
      counter as (
        update event_sequence set last_id = last_id + (select n from n)
        where (select n from n) > 0
        returning last_id
      ),
      stamped as (
        insert into events (id, type, workspace_id, user_id, actor_id, payload, created_at)
        select counter.last_id - (select n from n) + row_number() over (order by moved.seq),
          moved.type, moved.workspace_id, moved.user_id, moved.actor_id, moved.payload,
          moved.created_at
        from moved, counter
      )
      select n from n;
commit;

-- readAfter
select id::text as "id", "type", "workspace_id", "user_id", "actor_id", "payload", "created_at" from "events" where "id" > $1 order by events.id limit $2;

-- head
select last_id::text as "last_id" from "event_sequence";

-- unstamped
select exists (select 1 from event_outbox) as waiting;

-- startPoint
select last_id::text as "last_id", pruned_through::text as "pruned_through", array(select workspace_id from workspace_members where user_id = $1) as "workspaces", exists(
            select 1 from event_outbox
            where (user_id = $2 and type = any($3::text[]))
              or type = 'workspace.deleted'
          ) as "unsettled" from "event_sequence";

-- replay
select id::text as "id", "type", "workspace_id", "user_id", "actor_id", "payload", "created_at" from "events" where "id" > $1 and "id" <= $2 and ("user_id" = $3 or "workspace_id" = any($4::uuid[]) or "workspace_id" in (select "m"."workspace_id" from "events" as "m" where "m"."id" > $5 and "m"."id" <= $6 and "m"."user_id" = $7 and "m"."type" in ($8, $9, $10))) order by events.id limit $11;

-- prune

        with gone as (delete from events where created_at < $1 returning id),
        mark as (
          update event_sequence
          set pruned_through = greatest(pruned_through, (select max(id) from gone))
          where exists (select 1 from gone)
        )
        select count(*)::int as n from gone;
