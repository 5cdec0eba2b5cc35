-- insert
insert into "workspace_labels" ("workspace_id", "name", "colour") values ($1, $2, $3) returning "id", "name", "colour";

-- list
select * from (select id as "id", "name", colour as "colour" from "workspace_labels" where "workspace_id" = $1 union all select null::uuid as "id", "n"."name", null::text as "colour" from (select min(u.name) as "name" from (select unnest(labels) as "name" from "tasks" where "workspace_id" = $2 and "deleted_at" is null) as "u" where not exists (select 1 as "one" from "workspace_labels" as "d" where "d"."workspace_id" = $3 and lower(d.name) = lower(u.name)) group by lower(u.name)) as "n") as "l" order by lower(l.name), "l"."name" limit $4;

-- count
select count(*) as "n" from "workspace_labels" where "workspace_id" = $1;

-- lock (in a transaction)
begin;
select "id", "name", "colour" from "workspace_labels" where "workspace_id" = $1 and "id" = $2 for update;
commit;

-- update
update "workspace_labels" set "name" = $1, "colour" = $2, "updated_at" = now() where "workspace_id" = $3 and "id" = $4 returning "id", "name", "colour";

-- remove
delete from "workspace_labels" where "workspace_id" = $1 and "id" = $2;
