-- purgeSessions
delete from "sessions" where ("absolute_expires_at" < now() - interval '1 day' or "idle_expires_at" < now() - interval '1 day' or "revoked_at" < now() - interval '30 days');
