/**
 * What a load run left in PostgreSQL, read directly: every acknowledged write must be there
 * (0 lost), and no logical write may be there twice (0 duplicated: a title embeds the write's
 * idempotency key, so two rows with one title are one write applied twice).
 */
import pg from 'pg';
import type { Ack } from './load.ts';

export type Verdict = {
  acknowledged: number;
  /** Acknowledged writes whose task is missing (or has another title). */
  lost: number;
  /** Extra copies of a logical write. */
  duplicated: number;
  /** Tasks of the run that no client saw acknowledged (the run ended while they were retried). */
  unacknowledgedStored: number;
  examples: { lost: string[]; duplicated: string[] };
};

type Row = { id: string; title: string };

/** Compares the acknowledged writes with the rows of the run. */
export function compareWrites(acks: Ack[], rows: Row[]): Verdict {
  const byId = new Map(rows.map((row) => [row.id, row.title]));
  const copies = new Map<string, number>();
  for (const row of rows) copies.set(row.title, (copies.get(row.title) ?? 0) + 1);
  const acknowledgedTitles = new Set(acks.map((ack) => ack.title));

  const lost = acks.filter((ack) => byId.get(ack.id) !== ack.title);
  const duplicated = [...copies].filter(([, n]) => n > 1);
  return {
    acknowledged: acks.length,
    lost: lost.length,
    duplicated: duplicated.reduce((sum, [, n]) => sum + n - 1, 0),
    unacknowledgedStored: [...copies.keys()].filter((title) => !acknowledgedTitles.has(title))
      .length,
    examples: {
      lost: lost.slice(0, 5).map((ack) => ack.title),
      duplicated: duplicated.slice(0, 5).map(([title, n]) => `${title} ×${n}`),
    },
  };
}

/** Reads the tasks whose title starts with `phase` and compares them with the acknowledgements. */
export async function verifyWrites(
  databaseUrl: string,
  phase: string,
  acks: Ack[],
): Promise<Verdict> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Row>(
      'select id, title from tasks where starts_with(title, $1)',
      [`${phase} `],
    );
    return compareWrites(acks, rows);
  } finally {
    await client.end();
  }
}
