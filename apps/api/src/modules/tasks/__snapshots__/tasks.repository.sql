-- insert
insert into "tasks" ("workspace_id", "title", "description", "status", "priority", "due_date", "assignee_id", "labels", "position", "created_by", "completed_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at";

-- placementForNew
select "m"."role", (select "t"."position" from "tasks" as "t" where "t"."workspace_id" = $1 and "t"."deleted_at" is null order by "t"."position" limit $2) as "first_position" from "workspace_members" as "m" where "m"."workspace_id" = $3 and "m"."user_id" = $4;

-- find
select "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at" from "tasks" where "workspace_id" = $1 and "deleted_at" is null and exists (
    select 1 from workspace_members m where m.workspace_id = $2 and m.user_id = $3
  ) and "id" = $4;

-- list, sort position
select "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at", position::text as "sort_key", "comment_count", "attachment_count" from "tasks" where "workspace_id" = $1 and "deleted_at" is null and exists (
    select 1 from workspace_members m where m.workspace_id = $2 and m.user_id = $3
  ) order by position asc, "id" asc limit $4;

-- list, sort updated
select "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at", updated_at::text as "sort_key", "comment_count", "attachment_count" from "tasks" where "workspace_id" = $1 and "deleted_at" is null and exists (
    select 1 from workspace_members m where m.workspace_id = $2 and m.user_id = $3
  ) order by updated_at desc, "id" desc limit $4;

-- list, sort created
select "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at", created_at::text as "sort_key", "comment_count", "attachment_count" from "tasks" where "workspace_id" = $1 and "deleted_at" is null and exists (
    select 1 from workspace_members m where m.workspace_id = $2 and m.user_id = $3
  ) order by created_at desc, "id" desc limit $4;

-- list, sort due
select "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at", coalesce(due_date, 'infinity'::date)::text as "sort_key", "comment_count", "attachment_count" from "tasks" where "workspace_id" = $1 and "deleted_at" is null and exists (
    select 1 from workspace_members m where m.workspace_id = $2 and m.user_id = $3
  ) order by coalesce(due_date, 'infinity'::date) asc, "id" asc limit $4;

-- list, sort priority
select "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at", priority::text as "sort_key", "comment_count", "attachment_count" from "tasks" where "workspace_id" = $1 and "deleted_at" is null and exists (
    select 1 from workspace_members m where m.workspace_id = $2 and m.user_id = $3
  ) order by priority desc, "id" desc limit $4;

-- list, sort relevance
select "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at", ts_rank(search, to_tsquery('simple', $1))::text as "sort_key", "comment_count", "attachment_count" from "tasks" where "workspace_id" = $2 and "deleted_at" is null and exists (
    select 1 from workspace_members m where m.workspace_id = $3 and m.user_id = $4
  ) and "search" @@ to_tsquery('simple', $5) order by ts_rank(search, to_tsquery('simple', $6)) desc, "id" desc limit $7;

-- list, every filter, after a cursor
select "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at", coalesce(due_date, 'infinity'::date)::text as "sort_key", "comment_count", "attachment_count" from "tasks" where "workspace_id" = $1 and "deleted_at" is null and exists (
    select 1 from workspace_members m where m.workspace_id = $2 and m.user_id = $3
  ) and "status" in ($4) and "priority" in ($5, $6) and "assignee_id" is null and "labels" @> array[$7]::text[] and coalesce("due_date", 'infinity'::date) <= $8::date and coalesce("due_date", 'infinity'::date) >= $9::date and "due_date" is not null and "search" @@ to_tsquery('simple', $10) and (coalesce(due_date, 'infinity'::date), id) > ($11::date, $12::uuid) order by coalesce(due_date, 'infinity'::date) asc, "id" asc limit $13;

-- statusCounts
select exists (
    select 1 from workspace_members m where m.workspace_id = $1 and m.user_id = $2
  ) as "member", count(*) filter (where status = $3)::int as "todo", count(*) filter (where status = $4)::int as "in_progress", count(*) filter (where status = $5)::int as "done" from "tasks" where "workspace_id" = $6 and "deleted_at" is null and exists (
    select 1 from workspace_members m where m.workspace_id = $7 and m.user_id = $8
  );

-- statusCounts, every filter
select exists (
    select 1 from workspace_members m where m.workspace_id = $1 and m.user_id = $2
  ) as "member", count(*) filter (where status = $3)::int as "todo", count(*) filter (where status = $4)::int as "in_progress", count(*) filter (where status = $5)::int as "done" from "tasks" where "workspace_id" = $6 and "deleted_at" is null and exists (
    select 1 from workspace_members m where m.workspace_id = $7 and m.user_id = $8
  ) and "status" in ($9, $10) and "priority" in ($11) and "assignee_id" = $12 and "labels" @> array[$13]::text[] and coalesce("due_date", 'infinity'::date) <= $14::date and coalesce("due_date", 'infinity'::date) >= $15::date and "due_date" is not null and "search" @@ to_tsquery('simple', $16);

-- update
update "tasks" set "title" = $1, "status" = $2, "completed_at" = coalesce(completed_at, now()), "version" = "version" + $3, "updated_at" = now() where "workspace_id" = $4 and exists (
    select 1 from workspace_members m where m.workspace_id = $5 and m.user_id = $6
  ) and "id" = $7 and "deleted_at" is null returning "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at";

-- lock (in a transaction)
begin;
select "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at" from "tasks" where "workspace_id" = $1 and "deleted_at" is null and exists (
    select 1 from workspace_members m where m.workspace_id = $2 and m.user_id = $3
  ) and "id" in ($4) order by "id" for update;
commit;

-- setStatus
update "tasks" set "status" = $1, "completed_at" = $2, "version" = "version" + $3, "updated_at" = now() where "workspace_id" = $4 and exists (
    select 1 from workspace_members m where m.workspace_id = $5 and m.user_id = $6
  ) and "id" in ($7) and "deleted_at" is null returning "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at";

-- softDelete
update "tasks" set "deleted_at" = now(), "updated_at" = now(), "version" = "version" + $1 where "workspace_id" = $2 and exists (
    select 1 from workspace_members m where m.workspace_id = $3 and m.user_id = $4
  ) and "id" = $5 and "deleted_at" is null returning "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at";

-- restore
update "tasks" set "deleted_at" = $1, "updated_at" = now(), "version" = "version" + $2 where "workspace_id" = $3 and exists (
    select 1 from workspace_members m where m.workspace_id = $4 and m.user_id = $5
  ) and "id" = $6 and "deleted_at" > now() - make_interval(days => $7) returning "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at";

-- lockWorkspace (in a transaction)
begin;
select "w"."id" from "workspaces" as "w" where "w"."id" = $1 and exists (select 1 as "one" from "workspace_members" as "m" where "m"."workspace_id" = "w"."id" and "m"."user_id" = $2) for update;
commit;

-- neighbourPosition, after
select "t"."position" from "tasks" as "t" where "t"."workspace_id" = $1 and "t"."deleted_at" is null and "t"."id" != $2 and "t"."position" > $3 order by "t"."position" asc limit $4;

-- neighbourPosition, before
select "t"."position" from "tasks" as "t" where "t"."workspace_id" = $1 and "t"."deleted_at" is null and "t"."id" != $2 and "t"."position" < $3 order by "t"."position" desc limit $4;

-- labels
select distinct "l"."label" from (select unnest(labels) as "label" from "tasks" where "workspace_id" = $1 and "deleted_at" is null) as "l" order by "l"."label" limit $2;

-- unassign
select "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at", "deleted_at" from "tasks" where "workspace_id" = $1 and "assignee_id" = $2 order by "id" for update;
update "tasks" set "assignee_id" = $1, "version" = "version" + $2, "updated_at" = now() where "id" in ($3) returning "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at";

-- claimDueReminders

        with due as (
          select t.id, t.due_date from tasks t
          where t.deleted_at is null and t.status <> 'done' and t.assignee_id is not null
            and t.due_date between current_date and current_date + 1
          order by t.due_date, t.id
          limit $1
        ), claimed as (
          insert into due_reminders (task_id, due_date)
          select id, due_date from due
          on conflict do nothing
          returning task_id, due_date
        )
        select t.id as task_id, t.workspace_id, t.title,
          to_char(c.due_date, 'YYYY-MM-DD') as due_date, t.assignee_id, u.email,
          c.due_date = current_date as today
        from claimed c join tasks t on t.id = c.task_id join users u on u.id = t.assignee_id;
