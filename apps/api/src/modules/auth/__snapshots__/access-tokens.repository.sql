-- insert
insert into "personal_access_tokens" ("user_id", "name", "scope", "token_hash", "last_four", "expires_at") values ($1, $2, $3, $4, $5, $6) returning *;

-- listLive
select * from "personal_access_tokens" where "user_id" = $1 and "revoked_at" is null and "expires_at" > $2 order by "created_at" desc limit $3;

-- countLive
select count(*) as "n" from "personal_access_tokens" where "user_id" = $1 and "revoked_at" is null and "expires_at" > $2;

-- findByHash
select "t"."id", "t"."user_id", "t"."scope", "t"."expires_at", "t"."revoked_at", "u"."role", "u"."disabled_at" from "personal_access_tokens" as "t" inner join "users" as "u" on "u"."id" = "t"."user_id" where "t"."token_hash" = $1;

-- isLive
select "t"."id" from "personal_access_tokens" as "t" inner join "users" as "u" on "u"."id" = "t"."user_id" where "t"."id" = $1 and "t"."revoked_at" is null and "t"."expires_at" > $2 and "u"."disabled_at" is null;

-- touch
update "personal_access_tokens" set "last_used_at" = now(), "last_used_ip" = $1 where "id" = $2 and ("last_used_at" is null or "last_used_at" < now() - interval '1 minute');

-- revoke
update "personal_access_tokens" set "revoked_at" = $1, "revoked_reason" = $2 where "id" = $3 and "user_id" = $4 and "revoked_at" is null returning "id";

-- revokeUserTokens
update "personal_access_tokens" set "revoked_at" = $1, "revoked_reason" = $2 where "user_id" = $3 and "revoked_at" is null returning "id";
