-- page
select "id", "workspace_id", "title", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", deleted_at as "deleted_at", deleted_at::text as "deleted_key", deleted_at + make_interval(days => $1) as "restorable_until" from "tasks" where "workspace_id" = $2 and "deleted_at" is not null and deleted_at > now() - make_interval(days => $3) and exists (
    select 1 from workspace_members m where m.workspace_id = $4 and m.user_id = $5
  ) order by "deleted_at" desc, "id" desc limit $6;

-- page, after a cursor
select "id", "workspace_id", "title", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", deleted_at as "deleted_at", deleted_at::text as "deleted_key", deleted_at + make_interval(days => $1) as "restorable_until" from "tasks" where "workspace_id" = $2 and "deleted_at" is not null and deleted_at > now() - make_interval(days => $3) and exists (
    select 1 from workspace_members m where m.workspace_id = $4 and m.user_id = $5
  ) and (deleted_at, id) < ($6::timestamptz, $7::uuid) order by "deleted_at" desc, "id" desc limit $8;
