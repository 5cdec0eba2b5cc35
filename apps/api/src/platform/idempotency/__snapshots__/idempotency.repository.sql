-- claim
insert into "idempotency_keys" ("user_id", "key", "owner", "fingerprint") values ($1, $2, $3, $4) on conflict ("user_id", "key") do nothing returning "key";

-- find
select "fingerprint", "committed", "status", "response_headers", "response_body", extract(epoch from now() - locked_at) * 1000 as "locked_ms" from "idempotency_keys" where "user_id" = $1 and "key" = $2;

-- renew
update "idempotency_keys" set "locked_at" = now() where "user_id" = $1 and "key" = $2 and "owner" = $3 and "status" is null;

-- takeOver
update "idempotency_keys" set "owner" = $1, "locked_at" = now() where "user_id" = $2 and "key" = $3 and "committed" = $4 and "status" is null and "locked_at" < now() - make_interval(secs => $5) returning "key";

-- markCommitted (in a transaction)
begin;
update "idempotency_keys" set "committed" = $1 where "user_id" = $2 and "key" = $3 and "owner" = $4 returning "key";
commit;

-- complete
update "idempotency_keys" set "status" = $1, "response_headers" = $2, "response_body" = $3 where "user_id" = $4 and "key" = $5 and "owner" = $6;

-- release
delete from "idempotency_keys" where "user_id" = $1 and "key" = $2 and "owner" = $3 and "committed" = $4;

-- purge
delete from "idempotency_keys" where "created_at" < $1;
