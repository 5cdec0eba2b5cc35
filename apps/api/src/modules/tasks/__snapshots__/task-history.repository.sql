-- insert
insert into "task_history" ("workspace_id", "task_id", "actor_id", "kind", "details") values ($1, $2, $3, $4, $5), ($6, $7, $8, $9, $10);

-- page
select "h"."id", "h"."task_id", "h"."actor_id", "h"."kind", "h"."details", "h"."created_at", h.created_at::text as "created_key" from "task_history" as "h" where "h"."workspace_id" = $1 and "h"."task_id" = $2 and exists (
    select 1 from workspace_members m where m.workspace_id = $3 and m.user_id = $4
  ) order by "h"."created_at" desc, "h"."id" desc limit $5;

-- page, after a cursor
select "h"."id", "h"."task_id", "h"."actor_id", "h"."kind", "h"."details", "h"."created_at", h.created_at::text as "created_key" from "task_history" as "h" where "h"."workspace_id" = $1 and "h"."task_id" = $2 and exists (
    select 1 from workspace_members m where m.workspace_id = $3 and m.user_id = $4
  ) and (h.created_at, h.id) < ($5::timestamptz, $6::uuid) order by "h"."created_at" desc, "h"."id" desc limit $7;
