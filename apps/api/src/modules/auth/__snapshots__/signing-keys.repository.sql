-- add, only if none (first start)
begin;
select pg_advisory_xact_lock(hashtext('taskflow.signing_keys'));
select "kid" from "signing_keys" where "retired_at" is null;
update "signing_keys" set "retired_at" = $1 where "retired_at" is null;
insert into "signing_keys" ("kid", "algorithm", "private_jwk", "public_jwk") values ($1, $2, $3, $4);
commit;

-- add, only if none, one in use
begin;
select pg_advisory_xact_lock(hashtext('taskflow.signing_keys'));
select "kid" from "signing_keys" where "retired_at" is null;
commit;

-- add, rotating
begin;
select pg_advisory_xact_lock(hashtext('taskflow.signing_keys'));
select "kid" from "signing_keys" where "retired_at" is null;
update "signing_keys" set "retired_at" = $1 where "retired_at" is null;
insert into "signing_keys" ("kid", "algorithm", "private_jwk", "public_jwk") values ($1, $2, $3, $4);
commit;

-- list
select * from "signing_keys" order by "created_at" desc;
