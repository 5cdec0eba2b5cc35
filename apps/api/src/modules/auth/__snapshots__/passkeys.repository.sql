-- insert
insert into "passkeys" ("user_id", "credential_id", "public_key", "counter", "transports", "device_type", "backed_up", "name") values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict ("credential_id") do nothing returning "id", "name", "device_type", "backed_up", "created_at", "last_used_at";

-- insert, registered already
insert into "passkeys" ("user_id", "credential_id", "public_key", "counter", "transports", "device_type", "backed_up", "name") values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict ("credential_id") do nothing returning "id", "name", "device_type", "backed_up", "created_at", "last_used_at";

-- list
select "id", "name", "device_type", "backed_up", "created_at", "last_used_at" from "passkeys" where "user_id" = $1 order by "created_at", "id";

-- credentialsOf
select "credential_id", "transports" from "passkeys" where "user_id" = $1;

-- hasAny
select "id" from "passkeys" where "user_id" = $1 limit $2;

-- count
select count(*) as "n" from "passkeys" where "user_id" = $1;

-- findByCredentialId
select * from "passkeys" where "credential_id" = $1;

-- rename
update "passkeys" set "name" = $1 where "id" = $2 and "user_id" = $3 returning "id", "name", "device_type", "backed_up", "created_at", "last_used_at";

-- recordUse
update "passkeys" set "counter" = $1, "backed_up" = $2, "last_used_at" = $3 where "id" = $4 and "counter" = $5 returning "id";

-- recordUse, counter moved meanwhile
update "passkeys" set "counter" = $1, "backed_up" = $2, "last_used_at" = $3 where "id" = $4 and "counter" = $5 returning "id";

-- insertChallenge
insert into "webauthn_challenges" ("challenge_hash", "purpose", "user_id", "expires_at") values ($1, $2, $3, $4) returning "id";

-- useChallenge
update "webauthn_challenges" set "used_at" = $1 where "id" = $2 and "purpose" = $3 and "used_at" is null and "expires_at" > $4 returning "challenge_hash", "user_id";

-- useChallenge, used
update "webauthn_challenges" set "used_at" = $1 where "id" = $2 and "purpose" = $3 and "used_at" is null and "expires_at" > $4 returning "challenge_hash", "user_id";

-- deleteExpiredChallenges
delete from "webauthn_challenges" where "expires_at" < $1;

-- remove
delete from "passkeys" where "id" = $1 and "user_id" = $2 returning "name";
