-- purgeSessions
delete from "sessions" where ("absolute_expires_at" < now() - interval '1 day' or "idle_expires_at" < now() - interval '1 day' or "revoked_at" < now() - interval '30 days');

-- purgeDeletedTasks
delete from "tasks" where "id" in (select "id" from "tasks" where "deleted_at" < now() - make_interval(days => $1) limit $2);
