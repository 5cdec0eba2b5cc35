-- workspaceStats

        select
          count(*)::int as total,
          count(*) filter (where status = 'todo')::int as todo,
          count(*) filter (where status = 'in_progress')::int as in_progress,
          count(*) filter (where status = 'done')::int as done,
          count(*) filter (where priority = 'low')::int as low,
          count(*) filter (where priority = 'medium')::int as medium,
          count(*) filter (where priority = 'high')::int as high,
          count(*) filter (where priority = 'urgent')::int as urgent,
          count(*) filter (
            where created_at >= $1::timestamptz and created_at < $2::timestamptz
          )::int as created_today,
          count(*) filter (
            where status = 'done'
              and completed_at >= $3::timestamptz and completed_at < $4::timestamptz
          )::int as completed_today,
          count(*) filter (where status <> 'done' and due_date < $5::date)::int as overdue,
          (
            select coalesce(json_object_agg(s.bucket, s.n), '{}'::json)
            from (
              select width_bucket(c.completed_at, $6::timestamptz[]) as bucket, count(*)::int as n
              from tasks c
              where c.workspace_id = $7 and c.deleted_at is null and c.status = 'done'
                and c.completed_at >= $8::timestamptz and c.completed_at < $9::timestamptz
              group by 1
            ) s
          ) as series
        from tasks
        where workspace_id = $10 and deleted_at is null;

-- instanceStats

        select
          count(*)::int as total,
          count(*) filter (where status = 'todo')::int as todo,
          count(*) filter (where status = 'in_progress')::int as in_progress,
          count(*) filter (where status = 'done')::int as done,
          count(*) filter (where priority = 'low')::int as low,
          count(*) filter (where priority = 'medium')::int as medium,
          count(*) filter (where priority = 'high')::int as high,
          count(*) filter (where priority = 'urgent')::int as urgent,
          count(*) filter (
            where created_at >= $1::timestamptz and created_at < $2::timestamptz
          )::int as created_today,
          count(*) filter (
            where status = 'done'
              and completed_at >= $3::timestamptz and completed_at < $4::timestamptz
          )::int as completed_today,
          count(*) filter (where status <> 'done' and due_date < $5::date)::int as overdue,
          (
            select coalesce(json_object_agg(s.bucket, s.n), '{}'::json)
            from (
              select width_bucket(c.completed_at, $6::timestamptz[]) as bucket, count(*)::int as n
              from tasks c
              where c.deleted_at is null and c.status = 'done'
                and c.completed_at >= $7::timestamptz and c.completed_at < $8::timestamptz
              group by 1
            ) s
          ) as series
        from tasks
        where deleted_at is null;
