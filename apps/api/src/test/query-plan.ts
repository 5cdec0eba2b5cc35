import { CompiledQuery, type Kysely, type LogEvent } from 'kysely';
import type { DB } from '../db/schema.ts';

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
};

/**
 * The plans of statements a test makes a repository send: pass `log` to the test app, then
 * `planOf(db, run)` answers every node of the plan of the last statement `run` sent, as
 * `"<node type> <relation> <index>"` (`Index Scan tasks tasks_trash`).
 */
export function queryPlans() {
  const sent: { sql: string; parameters: readonly unknown[] }[] = [];
  return {
    log: (event: LogEvent) => {
      if (event.level === 'query') sent.push(event.query);
    },
    async planOf(db: Kysely<DB>, run: () => Promise<unknown>) {
      sent.length = 0;
      await run();
      const last = sent.at(-1);
      if (!last) throw new Error('no statement was sent');
      const explain = CompiledQuery.raw(`explain (format json) ${last.sql}`, [...last.parameters]);
      const { rows } = await db.executeQuery<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(explain);
      const nodes: string[] = [];
      const walk = (node: PlanNode) => {
        nodes.push([node['Node Type'], node['Relation Name'], node['Index Name']].join(' '));
        for (const child of node.Plans ?? []) walk(child);
      };
      for (const { Plan } of rows[0]?.['QUERY PLAN'] ?? []) walk(Plan);
      return nodes;
    },
  };
}
