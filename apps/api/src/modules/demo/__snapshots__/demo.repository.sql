-- countUsers
select count(*)::int as "n" from "users";

-- takenEmails
select "email" from "users" where lower(email) in ($1, $2);

-- insertTeam
begin;
insert into "users" ("email", "name", "password_hash", "email_verified_at") values ($1, $2, $3, $4), ($5, $6, $7, $8) returning "id", "email";
insert into "workspaces" ("name", "personal", "created_by") values ($1, $2, $3) returning "id";
insert into "workspace_members" ("workspace_id", "user_id", "role") values ($1, $2, $3);
insert into "workspaces" ("name", "personal", "created_by") values ($1, $2, $3) returning "id";
insert into "workspace_members" ("workspace_id", "user_id", "role") values ($1, $2, $3);
insert into "workspaces" ("name", "created_by") values ($1, $2) returning "id";
insert into "workspace_members" ("workspace_id", "user_id", "role") values ($1, $2, $3), ($4, $5, $6);
insert into "tasks" ("title", "position", "assignee_id", "workspace_id", "created_by") values ($1, $2, $3, $4, $5), ($6, $7, $8, $9, $10);
commit;

-- refreshStatistics
analyze users, workspaces, workspace_members, tasks;
