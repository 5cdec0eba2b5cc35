-- assigned

        select r.id, r.workspace_id, r.workspace_name, r.title, r.status, r.priority,
          r.due_date, r.updated_at, r.group_key, r.total
        from (
          select t.id, t.workspace_id, w.name as workspace_name, t.title, t.status, t.priority,
            to_char(t.due_date, 'YYYY-MM-DD') as due_date, t.updated_at, g.group_key,
            row_number() over (
              partition by g.group_key order by t.due_date, t.priority desc, t.id
            ) as rank,
            (count(*) over (partition by g.group_key))::int as total
          from tasks t
          join workspace_members m on m.workspace_id = t.workspace_id and m.user_id = $1
          join workspaces w on w.id = t.workspace_id
          cross join lateral (
            select case
              when t.due_date is null then 'noDate'
              when t.due_date < $2::date then 'overdue'
              when t.due_date = $3::date then 'today'
              when t.due_date <= $4::date then 'thisWeek'
              else 'later'
            end as group_key
          ) g
          where t.assignee_id = $5 and t.deleted_at is null and t.status <> 'done'
        ) r
        where r.rank <= $6
        order by r.group_key, r.rank;

-- followed

        select t.id, t.workspace_id, w.name as workspace_name, t.title, t.status, t.priority,
          to_char(t.due_date, 'YYYY-MM-DD') as due_date, t.updated_at,
          h.kind, h.created_at as changed_at, h.actor_id, u.name as actor_name
        from task_followers f
        join tasks t on t.id = f.task_id and t.deleted_at is null
        join workspace_members m on m.workspace_id = t.workspace_id and m.user_id = f.user_id
        join workspaces w on w.id = t.workspace_id
        join lateral (
          select h.kind, h.created_at, h.actor_id
          from task_history h
          where h.task_id = t.id and h.created_at > $1
            and h.actor_id is distinct from $2
          order by h.created_at desc, h.id desc
          limit 1
        ) h on true
        left join users u on u.id = h.actor_id
        where f.user_id = $3
        order by h.created_at desc, t.id desc
        limit $4;
