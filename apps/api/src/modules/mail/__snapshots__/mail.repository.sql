-- claim
insert into "job_effects" ("key", "job_type") values ($1, $2) on conflict ("key") do nothing returning "key";
