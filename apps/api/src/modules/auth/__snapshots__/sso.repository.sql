-- insertAttempt
insert into "sso_attempts" ("token_hash", "kind", "provider", "detail", "expires_at") values ($1, $2, $3, $4, $5);

-- findAttempt
select "provider", "detail" from "sso_attempts" where "token_hash" = $1 and "kind" = $2 and "expires_at" > $3;

-- takeAttempt
delete from "sso_attempts" where "token_hash" = $1 and "kind" = $2 and "expires_at" > $3 returning "provider", "detail";

-- deleteExpiredAttempts
delete from "sso_attempts" where "expires_at" <= $1;

-- insertSsoUser
begin;
insert into "users" ("email", "name", "password_hash", "email_verified_at") values ($1, $2, $3, $4) on conflict (lower(email)) do nothing returning *;
insert into "workspaces" ("name", "personal", "created_by") values ($1, $2, $3) returning "id";
insert into "workspace_members" ("workspace_id", "user_id", "role") values ($1, $2, $3);
insert into "sso_identities" ("user_id", "provider", "subject", "email", "last_used_at") values ($1, $2, $3, $4, $5);
commit;

-- findLinkedUser
select "u".*, "i"."id" as "identity_id" from "sso_identities" as "i" inner join "users" as "u" on "u"."id" = "i"."user_id" where "i"."provider" = $1 and "i"."subject" = $2;

-- linkIdentity
insert into "sso_identities" ("user_id", "provider", "subject", "email", "last_used_at") values ($1, $2, $3, $4, $5) on conflict ("provider", "subject") do nothing returning "id";

-- touchIdentity
update "sso_identities" set "last_used_at" = $1 where "id" = $2;

-- listIdentities
select "id", "provider", "email", "created_at", "last_used_at" from "sso_identities" where "user_id" = $1 order by "created_at";

-- signInMethods
select u.password_hash is not null as "has_password", (select count(*) as "n" from "sso_identities" as "i" where "i"."user_id" = "u"."id") as "identities" from "users" as "u" where "u"."id" = $1;

-- unlinkIdentity
delete from "sso_identities" where "id" = $1 and "user_id" = $2 returning "provider";
