-- insert
insert into "task_exports" ("workspace_id", "user_id") select "workspace_id", "user_id" from "workspace_members" where "workspace_id" = $1 and "user_id" = $2 returning "id", "workspace_id", "user_id", "status", "row_count", "created_at", "completed_at", "expires_at";

-- recentCount
select count(*)::int as "n" from "task_exports" where "user_id" = $1 and "created_at" > now() - interval '1 hour';

-- lockPending (in a transaction)
begin;
select "id", "workspace_id", "user_id", "status", "row_count", "created_at", "completed_at", "expires_at" from "task_exports" where "id" = $1 and "status" = $2 for update;
commit;

-- rows
select "t"."id", "t"."title", "t"."description", "t"."status", "t"."priority", to_char(t.due_date, 'YYYY-MM-DD') as "due_date", "u"."email" as "assignee_email", "t"."labels", "t"."created_at", "t"."updated_at", "t"."completed_at" from "tasks" as "t" left join "users" as "u" on "u"."id" = "t"."assignee_id" where "t"."workspace_id" = $1 and "t"."deleted_at" is null order by "t"."position", "t"."id";

-- rows, every filter
select "t"."id", "t"."title", "t"."description", "t"."status", "t"."priority", to_char(t.due_date, 'YYYY-MM-DD') as "due_date", "u"."email" as "assignee_email", "t"."labels", "t"."created_at", "t"."updated_at", "t"."completed_at" from "tasks" as "t" left join "users" as "u" on "u"."id" = "t"."assignee_id" where "t"."workspace_id" = $1 and "t"."deleted_at" is null and "t"."status" in ($2, $3) and "t"."priority" in ($4) and "t"."assignee_id" = $5 and "t"."labels" @> array[$6]::text[] and coalesce("t"."due_date", 'infinity'::date) <= $7::date and coalesce("t"."due_date", 'infinity'::date) >= $8::date and "t"."due_date" is not null and "t"."search" @@ to_tsquery('simple', $9) order by "t"."position", "t"."id";

-- complete
update "task_exports" set "status" = $1, "content" = $2, "row_count" = $3, "completed_at" = now(), "expires_at" = now() + make_interval(hours => $4) where "id" = $5 returning "id", "workspace_id", "user_id", "status", "row_count", "created_at", "completed_at", "expires_at";

-- find
select "id", "workspace_id", "user_id", "status", "row_count", "created_at", "completed_at", "expires_at" from "task_exports" where "id" = $1 and "workspace_id" = $2 and exists (
    select 1 from workspace_members m where m.workspace_id = $3 and m.user_id = $4
  );

-- content
select "id", "workspace_id", "user_id", "status", "row_count", "created_at", "completed_at", "expires_at", "content" from "task_exports" where "id" = $1 and "workspace_id" = $2 and exists (
    select 1 from workspace_members m where m.workspace_id = $3 and m.user_id = $4
  );

-- fail
update "task_exports" set "status" = $1, "completed_at" = now() where "id" = $2 and "status" = $3;

-- purge
update "task_exports" set "status" = $1, "content" = $2 where "status" = $3 and "expires_at" < now();
delete from "task_exports" where "created_at" < now() - interval '30 days';
