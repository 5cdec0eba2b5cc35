-- savePending
insert into "user_two_factor" ("user_id", "secret") values ($1, $2) on conflict ("user_id") do update set "secret" = $3, "created_at" = $4, "last_used_step" = $5 where "user_two_factor"."confirmed_at" is null returning "user_id";

-- find
select * from "user_two_factor" where "user_id" = $1;

-- confirm
begin;
update "user_two_factor" set "confirmed_at" = $1, "last_used_step" = $2 where "user_id" = $3 and "confirmed_at" is null returning "user_id";
delete from "two_factor_recovery_codes" where "user_id" = $1;
insert into "two_factor_recovery_codes" ("user_id", "code_hash") values ($1, $2), ($3, $4);
commit;

-- confirm, already on
begin;
update "user_two_factor" set "confirmed_at" = $1, "last_used_step" = $2 where "user_id" = $3 and "confirmed_at" is null returning "user_id";
commit;

-- savePending, already on
insert into "user_two_factor" ("user_id", "secret") values ($1, $2) on conflict ("user_id") do update set "secret" = $3, "created_at" = $4, "last_used_step" = $5 where "user_two_factor"."confirmed_at" is null returning "user_id";

-- isEnabled
select "user_id" from "user_two_factor" where "user_id" = $1 and "confirmed_at" is not null;

-- useStep
update "user_two_factor" set "last_used_step" = $1 where "user_id" = $2 and ("last_used_step" is null or "last_used_step" < $3);

-- useStep, replayed
update "user_two_factor" set "last_used_step" = $1 where "user_id" = $2 and ("last_used_step" is null or "last_used_step" < $3);

-- unusedRecoveryCodes
select "code_hash" from "two_factor_recovery_codes" where "user_id" = $1 and "used_at" is null;

-- useRecoveryCode
update "two_factor_recovery_codes" set "used_at" = $1 where "user_id" = $2 and "code_hash" = $3 and "used_at" is null returning "code_hash";

-- recoveryCodesLeft
select count(*) as "left" from "two_factor_recovery_codes" where "user_id" = $1 and "used_at" is null;

-- replaceRecoveryCodes
begin;
delete from "two_factor_recovery_codes" where "user_id" = $1;
insert into "two_factor_recovery_codes" ("user_id", "code_hash") values ($1, $2);
commit;

-- insertChallenge
insert into "two_factor_challenges" ("token_hash", "user_id", "expires_at") values ($1, $2, $3);

-- findLiveChallenge
select "user_id", "failed_attempts" from "two_factor_challenges" where "token_hash" = $1 and "used_at" is null and "expires_at" > $2 and "failed_attempts" < $3;

-- failChallenge
update "two_factor_challenges" set "failed_attempts" = "failed_attempts" + $1 where "token_hash" = $2;

-- useChallenge
update "two_factor_challenges" set "used_at" = $1 where "token_hash" = $2 and "used_at" is null returning "user_id";

-- deleteExpiredChallenges
delete from "two_factor_challenges" where "expires_at" < $1;

-- requiredForAdmins
select "value" from "app_settings" where "key" = $1;

-- setRequiredForAdmins
insert into "app_settings" ("key", "value", "updated_by") values ($1, $2, $3) on conflict ("key") do update set "value" = $4, "updated_by" = $5, "updated_at" = $6;

-- adminLacksTwoFactor

        select (
          coalesce((select value = 'true'::jsonb from app_settings where key = $1), false)
          and not exists (
            select 1 from user_two_factor where user_id = $2 and confirmed_at is not null
          )
        ) as lacks;

-- remove
begin;
delete from "two_factor_recovery_codes" where "user_id" = $1;
delete from "user_two_factor" where "user_id" = $1;
commit;
