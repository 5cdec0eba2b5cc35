/**
 * The fixture of the serializer comparison: 20 fixed task-like rows and their zod schema.
 * Shared by the child servers (which return the rows) and the bench (which checks the body).
 */
import { z } from 'zod';

const Row = z.object({
  id: z.uuid(),
  title: z.string().max(200),
  status: z.enum(['todo', 'in_progress', 'done']),
  priority: z.enum(['low', 'medium', 'high', 'urgent']),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  position: z.number().int().min(0).max(1_000_000),
  description: z.string().max(2_000).nullable(),
});
type Row = z.infer<typeof Row>;

export const RowsResponse = z.object({ items: z.array(Row).max(100) });
export type RowsResponse = z.infer<typeof RowsResponse>;

const statuses = ['todo', 'in_progress', 'done'] as const;
const priorities = ['low', 'medium', 'high', 'urgent'] as const;
const start = Date.UTC(2026, 0, 1, 9, 0, 0);

function fixedRow(i: number): Row {
  const hex = i.toString(16).padStart(12, '0');
  return {
    id: `3f1c2b8e-9a4d-4c6e-8b2a-${hex}`,
    title: `Task number ${i + 1}: prepare the weekly report`,
    status: statuses[i % statuses.length] ?? 'todo',
    priority: priorities[i % priorities.length] ?? 'low',
    createdAt: new Date(start + i * 3_600_000).toISOString(),
    updatedAt: new Date(start + i * 3_600_000 + 90_000).toISOString(),
    position: i * 1_024,
    description: i % 3 === 0 ? null : `Details for task ${i + 1}, with some words to serialize.`,
  };
}

/** The response body of `GET /rows`: always the same 20 rows. */
export const rowsResponse: RowsResponse = {
  items: Array.from({ length: 20 }, (_, i) => fixedRow(i)),
};
