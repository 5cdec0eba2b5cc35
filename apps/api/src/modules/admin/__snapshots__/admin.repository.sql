-- figures

        select
          (select count(*)::int from users) as users,
          (select count(*)::int from users where role = 'admin') as admins,
          (select count(*)::int from users where disabled_at is not null) as disabled,
          (select count(*)::int from users where created_at >= $1) as users_today,
          (select count(*)::int from tasks where deleted_at is null) as tasks,
          (select count(*)::int from tasks where deleted_at is null and created_at >= $2) as tasks_today,
          (select count(*)::int from tasks where deleted_at is null and status = 'done'
            and completed_at >= $3) as completed_today;

-- taskSeries

        select d.i as day,
          (select count(*)::int from tasks t where t.created_at >= d.lo and t.created_at < d.hi) as created,
          (select count(*)::int from tasks t where t.completed_at >= d.lo and t.completed_at < d.hi) as completed
        from unnest($1::timestamptz[], $2::timestamptz[])
          with ordinality as d(lo, hi, i)
        order by d.i;

-- listUsers
select "u"."id", "u"."email", "u"."name", "u"."role", "u"."email_verified_at", "u"."disabled_at", "u"."created_at", (
    select max(s.last_used_at) from sessions s where s.user_id = u.id
  ) as "last_seen_at", exists (
    select 1 from user_two_factor f where f.user_id = u.id and f.confirmed_at is not null
  ) as "two_factor", u.created_at::text as "created_key" from "users" as "u" order by "u"."created_at" desc, "u"."id" desc limit $1;

-- listUsers, matching, after a position
select "u"."id", "u"."email", "u"."name", "u"."role", "u"."email_verified_at", "u"."disabled_at", "u"."created_at", (
    select max(s.last_used_at) from sessions s where s.user_id = u.id
  ) as "last_seen_at", exists (
    select 1 from user_two_factor f where f.user_id = u.id and f.confirmed_at is not null
  ) as "two_factor", u.created_at::text as "created_key" from "users" as "u" where ("u"."name" ilike $1 or "u"."email" ilike $2) and (u.created_at, u.id) < ($3::timestamptz, $4::uuid) order by "u"."created_at" desc, "u"."id" desc limit $5;

-- findUser
select "u"."id", "u"."email", "u"."name", "u"."role", "u"."email_verified_at", "u"."disabled_at", "u"."created_at", (
    select max(s.last_used_at) from sessions s where s.user_id = u.id
  ) as "last_seen_at", exists (
    select 1 from user_two_factor f where f.user_id = u.id and f.confirmed_at is not null
  ) as "two_factor", u.created_at::text as "created_key" from "users" as "u" where "u"."id" = $1;

-- findUserIdByEmail
select "id" from "users" where lower(email) = $1;

-- lockAdmins (in a transaction)
begin;
select "id" from "users" where "role" = $1 for update;
commit;

-- setRole
update "users" set "role" = $1, "updated_at" = now() where "id" = $2 returning "id";

-- disableUser
update "users" set "disabled_at" = now(), "updated_at" = now() where "id" = $1 returning "id";

-- enableUser
update "users" set "disabled_at" = $1, "updated_at" = now() where "id" = $2 returning "id";

-- listOutbox
select * from "mail_outbox" order by "created_at" desc limit $1;

-- findWorkspace
select "w"."id", "w"."name", "w"."personal", (select count(*)::int as "n" from "workspace_members" as "m" where "m"."workspace_id" = "w"."id") as "member_count" from "workspaces" as "w" where "w"."id" = $1;
