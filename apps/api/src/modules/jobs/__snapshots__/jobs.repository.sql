-- list

        select id, name, state, data, output, retry_count, retry_limit, created_on, start_after,
          started_on, completed_on, created_on::text as created_key
        from "pgboss"."job"
        where not starts_with("name", '__pgboss__')
        order by created_on desc, id desc
        limit $1;

-- list, every filter, after a position

        select id, name, state, data, output, retry_count, retry_limit, created_on, start_after,
          started_on, completed_on, created_on::text as created_key
        from "pgboss"."job"
        where not starts_with("name", '__pgboss__') and state = $1::pgboss.job_state and name = $2 and (created_on, id) < ($3::timestamptz, $4::uuid)
        order by created_on desc, id desc
        limit $5;

-- find

        select id, name, state, data, output, retry_count, retry_limit, created_on, start_after,
          started_on, completed_on, created_on::text as created_key
        from "pgboss"."job" where id = $1 and not starts_with("name", '__pgboss__');

-- counts

        select name, state, count(*)::int as n,
          count(*) filter (where created_on >= $1)::int as created_since,
          count(*) filter (where state = 'completed' and completed_on >= $2)::int as completed_since,
          count(*) filter (where state = 'failed' and completed_on >= $3)::int as failed_since
        from "pgboss"."job" where not starts_with("name", '__pgboss__')
        group by name, state order by name, state;

-- perDay

        select d.i as day,
          count(*) filter (where j.state = 'completed')::int as completed,
          count(*) filter (where j.state = 'failed')::int as failed
        from unnest($1::timestamptz[], $2::timestamptz[])
          with ordinality as d(lo, hi, i)
        left join "pgboss"."job" j on j.completed_on >= d.lo and j.completed_on < d.hi
          and not starts_with("j"."name", '__pgboss__')
        group by d.i order by d.i;

-- clearFinished, dry run
select count(*)::int as n from "pgboss"."job" where state in ('completed', 'cancelled') and completed_on < $1;

-- clearFinished

            with gone as (delete from "pgboss"."job" where state in ('completed', 'cancelled') and completed_on < $1 returning 1)
            select count(*)::int as n from gone;

-- clearEffects
delete from "job_effects" where "created_at" < $1;
