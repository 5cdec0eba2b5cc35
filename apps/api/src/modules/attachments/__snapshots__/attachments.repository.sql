-- access
select "m"."role", "m"."user_id", (select "t"."title" from "tasks" as "t" where "t"."workspace_id" = $1 and "t"."deleted_at" is null and "t"."id" = $2) as "task_title" from "workspace_members" as "m" where "m"."workspace_id" = $3 and "m"."user_id" = $4;

-- insert
insert into "task_attachments" ("id", "workspace_id", "task_id", "uploader_id", "name", "content_type", "size", "storage_key", "state") values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning "id", "workspace_id", "task_id", "uploader_id", "name", "content_type", "size", "storage_key", "thumbnail_key", "state", "created_at";

-- list
select "a"."id", "a"."workspace_id", "a"."task_id", "a"."uploader_id", "a"."name", "a"."content_type", "a"."size", "a"."storage_key", "a"."thumbnail_key", "a"."state", "a"."created_at" from "task_attachments" as "a" where "a"."workspace_id" = $1 and "a"."task_id" = $2 and exists (
    select 1 from workspace_members m where m.workspace_id = $3 and m.user_id = $4
  ) and "a"."state" = $5 order by "a"."created_at", "a"."id";

-- usage
select coalesce(sum(size), 0)::text as "bytes" from "task_attachments" where "workspace_id" = $1;

-- countOnTask
select count(*) as "n" from "task_attachments" where "task_id" = $1;

-- lockUploads (in a transaction)
begin;
select pg_advisory_xact_lock(hashtextextended($1, 0));
commit;

-- lock (in a transaction)
begin;
select "a"."id", "a"."workspace_id", "a"."task_id", "a"."uploader_id", "a"."name", "a"."content_type", "a"."size", "a"."storage_key", "a"."thumbnail_key", "a"."state", "a"."created_at" from "task_attachments" as "a" where "a"."workspace_id" = $1 and "a"."task_id" = $2 and exists (
    select 1 from workspace_members m where m.workspace_id = $3 and m.user_id = $4
  ) and "a"."id" = $5 for update;
commit;

-- markReady
update "task_attachments" set "state" = $1, "content_type" = $2 where "id" = $3 returning "id", "workspace_id", "task_id", "uploader_id", "name", "content_type", "size", "storage_key", "thumbnail_key", "state", "created_at";

-- servable
select "a"."id", "a"."workspace_id", "a"."task_id", "a"."uploader_id", "a"."name", "a"."content_type", "a"."size", "a"."storage_key", "a"."thumbnail_key", "a"."state", "a"."created_at" from "task_attachments" as "a" inner join "tasks" as "t" on "t"."id" = "a"."task_id" where "a"."id" = $1 and "a"."state" = $2 and "t"."deleted_at" is null;

-- needingThumbnail
select "a"."id", "a"."workspace_id", "a"."task_id", "a"."uploader_id", "a"."name", "a"."content_type", "a"."size", "a"."storage_key", "a"."thumbnail_key", "a"."state", "a"."created_at" from "task_attachments" as "a" where "a"."id" = $1 and "a"."state" = $2 and "a"."thumbnail_key" is null;

-- setThumbnail
update "task_attachments" set "thumbnail_key" = $1 where "id" = $2 and "thumbnail_key" is null returning "id", "workspace_id", "task_id", "uploader_id", "name", "content_type", "size", "storage_key", "thumbnail_key", "state", "created_at";

-- remove
delete from "task_attachments" where "id" = $1;

-- dropAbandoned
delete from "task_attachments" where "state" = $1 and "created_at" < $2 returning "id";

-- queueDeletion
insert into "storage_deletions" ("storage_key") values ($1) on conflict do nothing;

-- deletions
select "storage_key" from "storage_deletions" order by "queued_at" limit $1;

-- deletionsDone
delete from "storage_deletions" where "storage_key" in ($1, $2, $3, $4);
