import type { ReadyEvent, ResetEvent } from '@taskflow/contract';
import type { EventRow } from './events.repository.ts';

/**
 * Server-Sent Events framing (HTML Living Standard, "Server-sent events"). Every `data:` is one
 * line of JSON, so no payload can break the framing.
 */
const message = (id: string, type: string, data: unknown) =>
  `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;

/** The outbox row as the stream's JSON: the contract's `LiveEvent`. */
export function eventFrame(row: EventRow): string {
  return message(row.id, row.type, {
    id: row.id,
    type: row.type,
    workspaceId: row.workspace_id,
    actorId: row.actor_id,
    createdAt: row.created_at,
    data: row.payload,
  });
}

export const readyFrame = (head: string) =>
  message(head, 'ready', { id: head, type: 'ready' } satisfies ReadyEvent);

export const resetFrame = (head: string, reason: ResetEvent['reason']) =>
  message(head, 'reset', { id: head, type: 'reset', reason } satisfies ResetEvent);

/** How long the browser waits before reconnecting. */
export const retryFrame = (ms: number) => `retry: ${Math.round(ms)}\n\n`;

/** A comment line: ignored by clients, it keeps proxies from closing an idle stream. */
export const heartbeatFrame = ': keep-alive\n\n';
