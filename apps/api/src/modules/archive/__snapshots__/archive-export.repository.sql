-- snapshot (its reads in one transaction)
start transaction isolation level repeatable read;
select "id", "name", "personal", "created_at", "updated_at" from "workspaces" where "id" = $1;
commit;

-- workspace
select "id", "name", "personal", "created_at", "updated_at" from "workspaces" where "id" = $1;

-- members
select "user_id", "role" from "workspace_members" where "workspace_id" = $1 order by "created_at", "user_id";

-- users
select "id", "email", "name" from "users" where "id" in ($1) order by "email";

-- labels
select "name", "colour", "created_at", "updated_at" from "workspace_labels" where "workspace_id" = $1 order by lower(name);

-- tasks
select "id", "title", "description", "status", "priority", to_char(due_date, 'YYYY-MM-DD') as "due_date", "assignee_id", "labels", "created_by", "created_at", "updated_at", "completed_at", "deleted_at" from "tasks" where "workspace_id" = $1 order by "position", "id";

-- followers
select "f"."task_id", "f"."user_id" from "task_followers" as "f" inner join "tasks" as "t" on "t"."id" = "f"."task_id" where "t"."workspace_id" = $1 order by "f"."task_id", "f"."created_at";

-- comments
select "id", "task_id", "author_id", "body", "created_at", "updated_at", "edited_at", "deleted_at" from "task_comments" where "workspace_id" = $1 order by "created_at", "id";

-- attachments
select "id", "task_id", "uploader_id", "name", "content_type", "size", "storage_key", "created_at" from "task_attachments" where "workspace_id" = $1 and "state" = $2 order by "created_at", "id";

-- history
select "task_id", "actor_id", "kind", "details", "created_at" from "task_history" where "workspace_id" = $1 order by "created_at", "id";
