-- insert
insert into "notifications" ("user_id", "type", "workspace_id", "task_id", "actor_id", "title", "data") values ($1, $2, $3, $4, $5, $6, $7) returning "id", "user_id", "type", "workspace_id", "task_id", "actor_id", "title", "data", "created_at", "read_at";

-- list
select "id", "user_id", "type", "workspace_id", "task_id", "actor_id", "title", "data", "created_at", "read_at", created_at::text as "created_key" from "notifications" where "user_id" = $1 order by "created_at" desc, "id" desc limit $2;

-- list, unread, after a position
select "id", "user_id", "type", "workspace_id", "task_id", "actor_id", "title", "data", "created_at", "read_at", created_at::text as "created_key" from "notifications" where "user_id" = $1 and "read_at" is null and (created_at, id) < ($2::timestamptz, $3::uuid) order by "created_at" desc, "id" desc limit $4;

-- unreadCount
select count(*)::int as "n" from "notifications" where "user_id" = $1 and "read_at" is null;

-- markRead
update "notifications" set "read_at" = now() where "user_id" = $1 and "read_at" is null and "id" in ($2);

-- markRead, all
update "notifications" set "read_at" = now() where "user_id" = $1 and "read_at" is null;

-- taskVisible
select "t"."id" from "tasks" as "t" inner join "workspace_members" as "m" on "m"."workspace_id" = "t"."workspace_id" where "t"."id" = $1 and "t"."workspace_id" = $2 and "t"."deleted_at" is null and "m"."user_id" = $3;

-- follow
insert into "task_followers" ("task_id", "user_id") values ($1, $2) on conflict ("task_id", "user_id") do nothing;

-- isFollowing
select "user_id" from "task_followers" where "task_id" = $1 and "user_id" = $2;

-- audience
select "f"."task_id", "f"."user_id", (select "name" from "users" where "id" = $1) as "actor_name" from "task_followers" as "f" inner join "tasks" as "t" on "t"."id" = "f"."task_id" inner join "workspace_members" as "m" on "m"."workspace_id" = "t"."workspace_id" and "m"."user_id" = "f"."user_id" where "f"."task_id" in ($2) and "f"."user_id" != $3;

-- nameOf
select "name" from "users" where "id" = $1;

-- settings
select "mail_on_mention" from "users" where "id" = $1;

-- saveSettings
update "users" set "mail_on_mention" = $1, "updated_at" = now() where "id" = $2 returning "mail_on_mention";

-- unfollow
delete from "task_followers" where "task_id" = $1 and "user_id" = $2;
