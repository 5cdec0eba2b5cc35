-- access
select "m"."role", "m"."user_id", (select "t"."title" from "tasks" as "t" where "t"."workspace_id" = $1 and "t"."deleted_at" is null and "t"."id" = $2) as "task_title" from "workspace_members" as "m" where "m"."workspace_id" = $3 and "m"."user_id" = $4;

-- insert
insert into "task_comments" ("workspace_id", "task_id", "author_id", "body") values ($1, $2, $3, $4) returning "id", "workspace_id", "task_id", "author_id", "body", "version", "created_at", "updated_at", "edited_at";

-- page
select "c"."id", "c"."workspace_id", "c"."task_id", "c"."author_id", "c"."body", "c"."version", "c"."created_at", "c"."updated_at", "c"."edited_at", c.created_at::text as "created_key" from "task_comments" as "c" where "c"."workspace_id" = $1 and "c"."task_id" = $2 and "c"."deleted_at" is null and exists (
    select 1 from workspace_members m where m.workspace_id = $3 and m.user_id = $4
  ) order by "c"."created_at", "c"."id" limit $5;

-- page, after a cursor
select "c"."id", "c"."workspace_id", "c"."task_id", "c"."author_id", "c"."body", "c"."version", "c"."created_at", "c"."updated_at", "c"."edited_at", c.created_at::text as "created_key" from "task_comments" as "c" where "c"."workspace_id" = $1 and "c"."task_id" = $2 and "c"."deleted_at" is null and exists (
    select 1 from workspace_members m where m.workspace_id = $3 and m.user_id = $4
  ) and (c.created_at, c.id) > ($5::timestamptz, $6::uuid) order by "c"."created_at", "c"."id" limit $7;

-- lock (in a transaction)
begin;
select "c"."id", "c"."workspace_id", "c"."task_id", "c"."author_id", "c"."body", "c"."version", "c"."created_at", "c"."updated_at", "c"."edited_at" from "task_comments" as "c" where "c"."workspace_id" = $1 and "c"."task_id" = $2 and "c"."deleted_at" is null and exists (
    select 1 from workspace_members m where m.workspace_id = $3 and m.user_id = $4
  ) and "c"."id" = $5 for update;
commit;

-- edit
update "task_comments" set "body" = $1, "version" = "version" + $2, "updated_at" = now(), "edited_at" = now() where "id" = $3 returning "id", "workspace_id", "task_id", "author_id", "body", "version", "created_at", "updated_at", "edited_at";

-- members
select "u"."id", "u"."name", "u"."email", "u"."mail_on_mention" from "workspace_members" as "m" inner join "users" as "u" on "u"."id" = "m"."user_id" where "m"."workspace_id" = $1;

-- remove
update "task_comments" set "deleted_at" = now(), "updated_at" = now() where "id" = $1;
