-- findImport
select "i"."archive_id", "i"."source_workspace_id", "i"."workspace_id", "w"."name", "i"."exported_at", "i"."imported_at" from "workspace_imports" as "i" inner join "workspaces" as "w" on "w"."id" = "i"."workspace_id" where "i"."archive_id" = $1;

-- findImportOfSource
select "i"."archive_id", "i"."source_workspace_id", "i"."workspace_id", "w"."name", "i"."exported_at", "i"."imported_at" from "workspace_imports" as "i" inner join "workspaces" as "w" on "w"."id" = "i"."workspace_id" where "i"."source_workspace_id" = $1 order by "i"."imported_at" desc limit $2;

-- lockSource (in a transaction)
begin;
select pg_advisory_xact_lock(hashtextextended($1, 0));
commit;

-- usersByEmail
select "id", lower(email) as "email", "name" from "users" where lower(email) in ($1);

-- membershipCounts
select "user_id", count(*)::int as "n" from "workspace_members" where "user_id" in ($1) group by "user_id";

-- insertWorkspace
insert into "workspaces" ("id", "name", "created_by", "created_at") values ($1, $2, $3, $4) returning "id", "name", "personal", "updated_at";

-- insertMembers
insert into "workspace_members" ("workspace_id", "user_id", "role") values ($1, $2, $3) returning "user_id", "role", "created_at";

-- recordImport
insert into "workspace_imports" ("archive_id", "source_workspace_id", "workspace_id", "exported_at") values ($1, $2, $3, $4);

-- insertLabels
insert into "workspace_labels" ("workspace_id", "name", "colour", "created_at", "updated_at") values ($1, $2, $3, $4, $5);

-- insertTasks
insert into "tasks" ("id", "workspace_id", "title", "description", "status", "priority", "due_date", "assignee_id", "labels", "position", "created_by", "created_at", "updated_at", "completed_at", "deleted_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15);

-- insertFollowers
insert into "task_followers" ("task_id", "user_id") values ($1, $2);

-- insertComments
insert into "task_comments" ("id", "workspace_id", "task_id", "author_id", "body", "created_at", "updated_at", "edited_at", "deleted_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- insertAttachments
insert into "task_attachments" ("id", "workspace_id", "task_id", "uploader_id", "name", "content_type", "size", "state", "created_at", "storage_key") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- insertHistory
insert into "task_history" ("workspace_id", "task_id", "actor_id", "kind", "details", "created_at") values ($1, $2, $3, $4, $5, $6);

-- findImport, found
select "i"."archive_id", "i"."source_workspace_id", "i"."workspace_id", "w"."name", "i"."exported_at", "i"."imported_at" from "workspace_imports" as "i" inner join "workspaces" as "w" on "w"."id" = "i"."workspace_id" where "i"."archive_id" = $1;
