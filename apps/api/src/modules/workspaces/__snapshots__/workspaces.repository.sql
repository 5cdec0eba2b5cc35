-- insertPersonalWorkspace
insert into "workspaces" ("name", "personal", "created_by") values ($1, $2, $3) returning "id";
insert into "workspace_members" ("workspace_id", "user_id", "role") values ($1, $2, $3);

-- insert
insert into "workspaces" ("name", "created_by") values ($1, $2) returning "id", "name", "personal", "updated_at";
insert into "workspace_members" ("workspace_id", "user_id", "role") values ($1, $2, $3);

-- listForUser
select "w".*, "m"."role", (select count(*)::int as "n" from "workspace_members" as "c" where "c"."workspace_id" = "w"."id") as "member_count" from "workspace_members" as "m" inner join "workspaces" as "w" on "w"."id" = "m"."workspace_id" where "m"."user_id" = $1 order by "w"."personal" desc, "w"."name", "w"."id";

-- findForUser
select "w".*, "m"."role", (select count(*)::int as "n" from "workspace_members" as "c" where "c"."workspace_id" = "w"."id") as "member_count" from "workspace_members" as "m" inner join "workspaces" as "w" on "w"."id" = "m"."workspace_id" where "m"."user_id" = $1 and "w"."id" = $2;

-- roleOf
select "role" from "workspace_members" where "workspace_id" = $1 and "user_id" = $2;

-- countMemberships
select count(*)::int as "n" from "workspace_members" where "user_id" = $1;

-- rename
update "workspaces" set "name" = $1, "updated_at" = now() where "id" = $2 returning "id", "name", "personal", "updated_at";

-- findUserByEmail
select "id", "disabled_at" from "users" where lower(email) = $1;

-- addMember
insert into "workspace_members" ("workspace_id", "user_id", "role") values ($1, $2, $3) on conflict ("workspace_id", "user_id") do nothing returning "user_id";

-- addedNotice
select "w"."name" as "workspace_name", (select "name" from "users" where "id" = $1) as "actor_name" from "workspaces" as "w" where "w"."id" = $2;

-- listMembers
select "m"."user_id", "m"."role", "m"."created_at", "u"."name", "u"."email" from "workspace_members" as "m" inner join "users" as "u" on "u"."id" = "m"."user_id" where "m"."workspace_id" = $1 order by "u"."name", "m"."user_id";

-- findMember
select "m"."user_id", "m"."role", "m"."created_at", "u"."name", "u"."email" from "workspace_members" as "m" inner join "users" as "u" on "u"."id" = "m"."user_id" where "m"."workspace_id" = $1 and "m"."user_id" = $2;

-- countMembers
select count(*)::int as "n" from "workspace_members" where "workspace_id" = $1;

-- countMembers, owners
select count(*)::int as "n" from "workspace_members" where "workspace_id" = $1 and "role" = $2;

-- setRole
update "workspace_members" set "role" = $1 where "workspace_id" = $2 and "user_id" = $3;

-- lockForMember (in a transaction)
begin;
select "w"."personal", "w"."created_by", "m"."role" from "workspaces" as "w" inner join "workspace_members" as "m" on "m"."workspace_id" = "w"."id" where "w"."id" = $1 and "m"."user_id" = $2 for update of "w";
commit;

-- removeMember
delete from "workspace_members" where "workspace_id" = $1 and "user_id" = $2;

-- delete
delete from "workspaces" where "id" = $1;
