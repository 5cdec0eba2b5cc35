import { type Kysely, sql } from 'kysely';
import type { MigrationPhase } from './index.ts';

export const phase: MigrationPhase = 'expand';

/**
 * A task's live comments and ready files, counted on its own row for the cards of a list, so the
 * list reads two columns instead of counting per task (decision 0022). Triggers keep the counts in
 * the transaction that adds, deletes or readies a comment or file, whichever release writes it;
 * an edit that changes nothing counted leaves the task row alone. Adding to the count locks the
 * task row (`for no key update`), which the comment's or file's own foreign-key check (`for key
 * share`) does not conflict with, so two writers on one task queue rather than deadlock.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('tasks')
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attachment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await sql`
    create function taskflow_count_comment() returns trigger language plpgsql as $$
    declare
      was integer := case when tg_op <> 'INSERT' and old.deleted_at is null then 1 else 0 end;
      now_is integer := case when tg_op <> 'DELETE' and new.deleted_at is null then 1 else 0 end;
    begin
      if now_is <> was then
        update tasks set comment_count = comment_count + now_is - was
          where id = coalesce(new.task_id, old.task_id);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger task_comments_count after insert or delete or update of deleted_at
    on task_comments for each row execute function taskflow_count_comment()`.execute(db);

  await sql`
    create function taskflow_count_attachment() returns trigger language plpgsql as $$
    declare
      was integer := case when tg_op <> 'INSERT' and old.state = 'ready' then 1 else 0 end;
      now_is integer := case when tg_op <> 'DELETE' and new.state = 'ready' then 1 else 0 end;
    begin
      if now_is <> was then
        update tasks set attachment_count = attachment_count + now_is - was
          where id = coalesce(new.task_id, old.task_id);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger task_attachments_count after insert or delete or update of state
    on task_attachments for each row execute function taskflow_count_attachment()`.execute(db);

  // What was there before the triggers: the triggers' table locks hold off new writes until
  // this migration commits, so nothing is counted twice or missed.
  await sql`
    update tasks t set comment_count = c.n
    from (select task_id, count(*)::int as n from task_comments where deleted_at is null
          group by task_id) c
    where t.id = c.task_id`.execute(db);
  await sql`
    update tasks t set attachment_count = a.n
    from (select task_id, count(*)::int as n from task_attachments where state = 'ready'
          group by task_id) a
    where t.id = a.task_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger task_attachments_count on task_attachments`.execute(db);
  await sql`drop function taskflow_count_attachment()`.execute(db);
  await sql`drop trigger task_comments_count on task_comments`.execute(db);
  await sql`drop function taskflow_count_comment()`.execute(db);
  await db.schema
    .alterTable('tasks')
    .dropColumn('attachment_count')
    .dropColumn('comment_count')
    .execute();
}
