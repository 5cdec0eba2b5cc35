-- update
update "tasks" set "priority" = $1, "version" = "version" + $2, "updated_at" = now() where "workspace_id" = $3 and exists (
    select 1 from workspace_members m where m.workspace_id = $4 and m.user_id = $5
  ) and "id" in ($6) and "deleted_at" is null returning "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at";

-- setLabels
update "tasks" set "labels" = (select v."labels" from jsonb_to_recordset($1::jsonb)
    as v(id uuid, "labels" text[]) where v.id = tasks.id), "version" = "version" + $2, "updated_at" = now() where "workspace_id" = $3 and exists (
    select 1 from workspace_members m where m.workspace_id = $4 and m.user_id = $5
  ) and "id" in ($6) and "deleted_at" is null returning "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at";

-- renameLabel
select "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at", "deleted_at" from "tasks" where "workspace_id" = $1 and exists (select 1 from unnest(labels) l where lower(l) = lower($2)) order by "id" for update;
update "tasks" set "labels" = array(select case when lower(l) = lower($1) then $2 else l end
            from unnest(labels) with ordinality u(l, n) order by n), "version" = "version" + $3, "updated_at" = now() where "workspace_id" = $4 and exists (select 1 from unnest(labels) l where lower(l) = lower($5)) returning "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at";

-- softDelete
update "tasks" set "deleted_at" = now(), "updated_at" = now(), "version" = "version" + $1 where "workspace_id" = $2 and exists (
    select 1 from workspace_members m where m.workspace_id = $3 and m.user_id = $4
  ) and "id" in ($5) and "deleted_at" is null returning "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at";

-- moveTasks
update "tasks" set "workspace_id" = $1, "position" = (select v."position" from jsonb_to_recordset($2::jsonb)
    as v(id uuid, "position" text) where v.id = tasks.id), "assignee_id" = case when exists (select 1 as "one" from "workspace_members" as "m" where "m"."workspace_id" = $3 and "m"."user_id" = "tasks"."assignee_id") then "tasks"."assignee_id" else null end, "version" = "version" + $4, "updated_at" = now() where "workspace_id" = $5 and exists (
    select 1 from workspace_members m where m.workspace_id = $6 and m.user_id = $7
  ) and "id" in ($8) and "deleted_at" is null returning "id", "workspace_id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "position", "version", "created_by", "created_at", "updated_at", "completed_at";

-- moveBelongings
update "task_comments" set "workspace_id" = $1 where "task_id" in ($2);
update "task_attachments" set "workspace_id" = $1 where "task_id" in ($2);
update "task_history" set "workspace_id" = $1 where "task_id" in ($2);
delete from "task_followers" as "f" where "f"."task_id" in ($1) and not exists (select 1 as "one" from "workspace_members" as "m" where "m"."workspace_id" = $2 and "m"."user_id" = "f"."user_id");
