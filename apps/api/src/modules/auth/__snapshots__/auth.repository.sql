-- insertUser
begin;
insert into "users" ("email", "name", "password_hash") values ($1, $2, $3) on conflict (lower(email)) do nothing returning *;
insert into "workspaces" ("name", "personal", "created_by") values ($1, $2, $3) returning "id";
insert into "workspace_members" ("workspace_id", "user_id", "role") values ($1, $2, $3);
commit;

-- insertUser, email taken
begin;
insert into "users" ("email", "name", "password_hash") values ($1, $2, $3) on conflict (lower(email)) do nothing returning *;
commit;

-- insertAdmin
begin;
insert into "users" ("email", "name", "password_hash", "role", "email_verified_at") values ($1, $2, $3, $4, $5) on conflict (lower(email)) do nothing returning "id";
insert into "workspaces" ("name", "personal", "created_by") values ($1, $2, $3) returning "id";
insert into "workspace_members" ("workspace_id", "user_id", "role") values ($1, $2, $3);
commit;

-- findUserByEmail
select * from "users" where "email" = $1;

-- findUserById
select * from "users" where "id" = $1;

-- setPasswordHash
update "users" set "password_hash" = $1, "updated_at" = $2 where "id" = $3;

-- updateName
update "users" set "name" = $1, "updated_at" = $2 where "id" = $3 returning *;

-- insertOneTimeToken
insert into "one_time_tokens" ("token_hash", "user_id", "purpose", "expires_at") values ($1, $2, $3, $4);

-- consumeOneTimeToken
update "one_time_tokens" set "used_at" = $1 where "token_hash" = $2 and "purpose" = $3 and "used_at" is null and "expires_at" > $4 returning "user_id";

-- markEmailVerified
update "users" set "email_verified_at" = $1, "updated_at" = $2 where "id" = $3 and "email_verified_at" is null;

-- tokenOwnerVerified
select "u"."email_verified_at" from "one_time_tokens" as "t" inner join "users" as "u" on "u"."id" = "t"."user_id" where "t"."token_hash" = $1 and "t"."purpose" = $2;

-- insertSession
begin;
insert into "sessions" ("user_id", "ip", "user_agent", "idle_expires_at", "absolute_expires_at") values ($1, $2, $3, $4, $5) returning "id";
insert into "refresh_tokens" ("token_hash", "session_id") values ($1, $2);
commit;

-- findRefreshToken
select "t"."rotated_at", "s"."id" as "session_id", "s"."revoked_at", "s"."idle_expires_at", "s"."absolute_expires_at", "u"."id" as "user_id", "u"."disabled_at" from "refresh_tokens" as "t" inner join "sessions" as "s" on "s"."id" = "t"."session_id" inner join "users" as "u" on "u"."id" = "s"."user_id" where "t"."token_hash" = $1;

-- rotateRefreshToken
begin;
select "id" from "sessions" where "id" = $1 for update;
select "rotated_at" from "refresh_tokens" where "token_hash" = $1 and "session_id" = $2;
update "refresh_tokens" set "rotated_at" = $1 where "session_id" = $2 and "rotated_at" is null;
insert into "refresh_tokens" ("token_hash", "session_id") values ($1, $2);
update "sessions" set "last_used_at" = $1, "idle_expires_at" = $2, "ip" = $3, "user_agent" = $4 where "id" = $5;
commit;

-- rotateRefreshToken, rotated within the retry window
begin;
select "id" from "sessions" where "id" = $1 for update;
select "rotated_at" from "refresh_tokens" where "token_hash" = $1 and "session_id" = $2;
update "refresh_tokens" set "rotated_at" = $1 where "session_id" = $2 and "rotated_at" is null;
insert into "refresh_tokens" ("token_hash", "session_id") values ($1, $2);
update "sessions" set "last_used_at" = $1, "idle_expires_at" = $2, "ip" = $3, "user_agent" = $4 where "id" = $5;
commit;

-- rotateRefreshToken, rotated before the retry window
begin;
select "id" from "sessions" where "id" = $1 for update;
select "rotated_at" from "refresh_tokens" where "token_hash" = $1 and "session_id" = $2;
commit;

-- isSessionLive
select "s"."id" from "sessions" as "s" inner join "users" as "u" on "u"."id" = "s"."user_id" where "s"."id" = $1 and "s"."revoked_at" is null and "s"."idle_expires_at" > $2 and "s"."absolute_expires_at" > $3 and "u"."disabled_at" is null;

-- listLiveSessions
select "id", "ip", "user_agent", "created_at", "last_used_at" from "sessions" where "user_id" = $1 and "revoked_at" is null and "idle_expires_at" > $2 and "absolute_expires_at" > $3 order by "last_used_at" desc limit $4;

-- revokeSession
update "sessions" set "revoked_at" = $1, "revoked_reason" = $2 where "id" = $3 and "revoked_at" is null;

-- revokeUserSessions
update "sessions" set "revoked_at" = $1, "revoked_reason" = $2 where "user_id" = $3 and "revoked_at" is null returning "id";

-- revokeUserSessions, only one
update "sessions" set "revoked_at" = $1, "revoked_reason" = $2 where "user_id" = $3 and "revoked_at" is null and "id" = $4 returning "id";

-- revokeUserSessions, all but one
update "sessions" set "revoked_at" = $1, "revoked_reason" = $2 where "user_id" = $3 and "revoked_at" is null and "id" != $4 returning "id";

-- audit
insert into "audit_events" ("type", "actor_id", "subject_id", "ip", "user_agent", "detail") values ($1, $2, $3, $4, $5, $6);
