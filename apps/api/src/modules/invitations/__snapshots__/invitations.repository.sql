-- roleOf
select "role" from "workspace_members" where "workspace_id" = $1 and "user_id" = $2;

-- isMemberByEmail
select "m"."user_id" from "workspace_members" as "m" inner join "users" as "u" on "u"."id" = "m"."user_id" where "m"."workspace_id" = $1 and lower(u.email) = $2;

-- countPending
select count(*)::int as "n" from "workspace_invitations" as "i" where "i"."workspace_id" = $1 and i.revoked_at is null and (i.max_uses is null or i.uses < i.max_uses) and i.expires_at > now();

-- insert
insert into "workspace_invitations" ("workspace_id", "kind", "email", "role", "secret_hash", "invited_by", "expires_at", "max_uses") values ($1, $2, $3, $4, $5, $6, $7, $8) returning "id";

-- findOpenEmail
select "id" from "workspace_invitations" where "workspace_id" = $1 and "kind" = $2 and lower(email) = $3 and "revoked_at" is null and "uses" = $4;

-- refresh
update "workspace_invitations" set "role" = $1, "secret_hash" = $2, "invited_by" = $3, "expires_at" = $4, "created_at" = now(), "updated_at" = now() where "id" = $5;

-- find
select "i".*, "u"."name" as "invited_by_name" from "workspace_invitations" as "i" left join "users" as "u" on "u"."id" = "i"."invited_by" where "i"."id" = $1;

-- listPending
select "i".*, "u"."name" as "invited_by_name" from "workspace_invitations" as "i" left join "users" as "u" on "u"."id" = "i"."invited_by" where "i"."workspace_id" = $1 and i.revoked_at is null and (i.max_uses is null or i.uses < i.max_uses) and i.expires_at > now() order by "i"."created_at" desc, "i"."id" desc;

-- preview
select "i"."id", "i"."kind", "i"."email", "i"."role", "i"."secret_hash", "i"."expires_at", "i"."max_uses", "i"."uses", "i"."revoked_at", "w"."name" as "workspace_name", "u"."name" as "invited_by_name", i.expires_at <= now() as "expired" from "workspace_invitations" as "i" inner join "workspaces" as "w" on "w"."id" = "i"."workspace_id" left join "users" as "u" on "u"."id" = "i"."invited_by" where "i"."id" = $1;

-- lockWorkspace (in a transaction)
begin;
select "w"."name", "m"."role" from "workspaces" as "w" left join "workspace_members" as "m" on "m"."workspace_id" = "w"."id" and "m"."user_id" = $1 where "w"."id" = $2 for update of "w";
commit;

-- lock (in a transaction)
begin;
select *, expires_at <= now() as "expired" from "workspace_invitations" where "id" = $1 for update;
commit;

-- account
select "u"."email", "u"."name", (select count(*)::int as "n" from "workspace_members" as "m" where "m"."user_id" = "u"."id") as "memberships" from "users" as "u" where "u"."id" = $1;

-- countMembers
select count(*)::int as "n" from "workspace_members" where "workspace_id" = $1;

-- addMember
insert into "workspace_members" ("workspace_id", "user_id", "role") values ($1, $2, $3);
select "m"."user_id", "m"."role", "m"."created_at", "u"."name", "u"."email" from "workspace_members" as "m" inner join "users" as "u" on "u"."id" = "m"."user_id" where "m"."workspace_id" = $1 and "m"."user_id" = $2;

-- markUsed
update "workspace_invitations" set "uses" = uses + 1, "updated_at" = now() where "id" = $1;

-- revoke
update "workspace_invitations" as "i" set "revoked_at" = now(), "updated_at" = now() where "i"."id" = $1 and "i"."workspace_id" = $2 and i.revoked_at is null and (i.max_uses is null or i.uses < i.max_uses) and i.expires_at > now() returning "i"."id";
