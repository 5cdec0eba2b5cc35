-- hasAdmin
select "id" from "users" where "role" = $1 limit $2;

-- deleteUnusedLinks
delete from "setup_links" where "used_at" is null;

-- insertLink
insert into "setup_links" ("token_hash", "expires_at") values ($1, $2);

-- findLink
select "expires_at", "used_at", expires_at <= now() as "expired" from "setup_links" where "token_hash" = $1;

-- useLink
update "setup_links" set "used_at" = now(), "used_by" = $1 where "token_hash" = $2 and "used_at" is null and expires_at > now() returning "token_hash";

-- insertAdmin
insert into "users" ("email", "name", "password_hash", "role", "email_verified_at") values ($1, $2, $3, $4, now()) on conflict (lower(email)) do nothing returning "id", "email", "name", "role", "email_verified_at", "created_at";
insert into "workspaces" ("name", "personal", "created_by") values ($1, $2, $3) returning "id";
insert into "workspace_members" ("workspace_id", "user_id", "role") values ($1, $2, $3);

-- promote
update "users" set "role" = $1, "updated_at" = now() where "id" = $2 and "disabled_at" is null returning "id", "email", "name", "role", "email_verified_at", "created_at";
