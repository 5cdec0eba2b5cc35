import type { LabelColour } from '@taskflow/contract';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation } from '../../platform/db/constraints.ts';
import { DomainError } from '../../platform/errors.ts';
import { liveTasks } from '../tasks/index.ts';

type LabelRow = { id: string | null; name: string; colour: LabelColour | null };

/** A name another label of the workspace already has (in any case) fails the unique index. */
async function orLabelExists<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isUniqueViolation(error, 'workspace_labels_name')) {
      throw new DomainError('LABEL_EXISTS', {
        fields: [{ field: 'name', message: 'Another label already has this name' }],
      });
    }
    throw error;
  }
}

const labelColumns = ['id', 'name', 'colour'] as const;

/** The statements on a workspace's label definitions. */
export function createLabelsRepository(db: Kysely<DB>) {
  return {
    /**
     * The workspace's labels by name: its definitions, and the labels its live tasks carry that
     * have none (once each, in the first spelling met).
     */
    list: async (workspaceId: string, max: number) => {
      const used = liveTasks(db, workspaceId)
        .select(sql<string>`unnest(labels)`.as('name'))
        .as('u');
      const undefinedLabels = db
        .selectFrom(used)
        .select(sql<string>`min(u.name)`.as('name'))
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('workspace_labels as d')
                .select(sql`1`.as('one'))
                .where('d.workspace_id', '=', workspaceId)
                .where(sql<boolean>`lower(d.name) = lower(u.name)`),
            ),
          ),
        )
        .groupBy(sql`lower(u.name)`);
      const defined = db
        .selectFrom('workspace_labels')
        .select([
          sql<string | null>`id`.as('id'),
          'name',
          sql<LabelColour | null>`colour`.as('colour'),
        ])
        .where('workspace_id', '=', workspaceId);
      const all = defined.unionAll(
        db
          .selectFrom(undefinedLabels.as('n'))
          .select([
            sql<string | null>`null::uuid`.as('id'),
            'n.name',
            sql<LabelColour | null>`null::text`.as('colour'),
          ]),
      );
      const rows = await db
        .selectFrom(all.as('l'))
        .selectAll()
        .orderBy(sql`lower(l.name)`)
        .orderBy('l.name')
        .limit(max)
        .execute();
      return rows satisfies LabelRow[];
    },

    /** One definition, locked until the transaction ends. */
    lock: (workspaceId: string, labelId: string) =>
      db
        .selectFrom('workspace_labels')
        .select(labelColumns)
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', labelId)
        .forUpdate()
        .executeTakeFirst(),

    count: async (workspaceId: string) => {
      const row = await db
        .selectFrom('workspace_labels')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    insert: (workspaceId: string, name: string, colour: LabelColour) =>
      orLabelExists(
        db
          .insertInto('workspace_labels')
          .values({ workspace_id: workspaceId, name, colour })
          .returning(labelColumns)
          .executeTakeFirstOrThrow(),
      ),

    update: (
      workspaceId: string,
      labelId: string,
      changes: { name?: string | undefined; colour?: LabelColour | undefined },
    ) =>
      orLabelExists(
        db
          .updateTable('workspace_labels')
          .set({
            ...(changes.name !== undefined && { name: changes.name }),
            ...(changes.colour !== undefined && { colour: changes.colour }),
            updated_at: sql`now()`,
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', labelId)
          .returning(labelColumns)
          .executeTakeFirstOrThrow(),
      ),

    remove: (workspaceId: string, labelId: string) =>
      db
        .deleteFrom('workspace_labels')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', labelId)
        .executeTakeFirst(),
  };
}

export type LabelsRepository = ReturnType<typeof createLabelsRepository>;
