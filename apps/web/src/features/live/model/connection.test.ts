import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/api-error.ts';
import { createConnection, type OpenStream } from './connection.ts';
import { createLiveHub, type LiveMessage, type LiveStatus } from './live-hub.ts';

const frame = (id: string, type: string, extra: object = {}) =>
  `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify({ id, type, ...extra })}\n\n`;
const event = (id: string) =>
  frame(id, 'task.deleted', {
    workspaceId: '11111111-1111-4111-8111-111111111111',
    actorId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    data: { taskId: '22222222-2222-4222-8222-222222222222' },
  });

/** A body that sends `text`, then ends cleanly, or fails when `fail` is set. */
function body(text: string, { fail = false } = {}) {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    // One read gets the text and the next the end, so the end cannot discard the text.
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(new TextEncoder().encode(text));
      } else if (fail) controller.error(new TypeError('network error'));
      else controller.close();
    },
  });
}

type Step = string | { text: string; fail: true } | Error;

/**
 * Runs a connection against scripted answers, one per attempt, and stops once they are used up.
 * Records what each attempt resumed from, the waits between them, the statuses and messages.
 */
async function run(steps: Step[]) {
  const hub = createLiveHub();
  const messages: LiveMessage[] = [];
  const statuses: LiveStatus[] = [];
  hub.subscribe((message) => messages.push(message));
  hub.subscribeStatus(() => statuses.push(hub.getStatus()));
  const resumedFrom: (string | null)[] = [];
  const waits: number[] = [];
  let finish = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const open: OpenStream = async (lastEventId) => {
    resumedFrom.push(lastEventId);
    const step = steps[resumedFrom.length - 1];
    if (step === undefined) {
      connection.stop();
      finish();
      throw new DOMException('stopped', 'AbortError');
    }
    if (step instanceof Error) throw step;
    return typeof step === 'string' ? body(step) : body(step.text, { fail: true });
  };
  const wait = vi.fn(async (ms: number) => {
    waits.push(ms);
  });
  const connection = createConnection({ open, hub, wait, random: () => 1 });
  connection.start();
  await finished;
  return { messages, statuses, resumedFrom, waits };
}

describe('createConnection', () => {
  it('dispatches events, and resumes from the last id with the server’s retry after a clean end', async () => {
    const result = await run([
      `retry: 0\n\n${frame('5', 'ready')}${event('6')}`,
      `${event('7')}${frame('7', 'ready')}`,
    ]);
    expect(result.resumedFrom).toEqual([null, '6', '7']);
    expect(result.waits).toEqual([0, 0]);
    expect(result.messages.map((m) => m.type)).toEqual(['task.deleted', 'task.deleted']);
    // The last: stopped.
    expect(result.statuses).toEqual([
      'connecting',
      'live',
      'connecting',
      'live',
      'connecting',
      'disconnected',
    ]);
  });

  it('backs off after failures, longer each time, and shows itself disconnected until ready', async () => {
    const result = await run([
      new ApiError({ status: 0, code: 'NETWORK', message: 'offline' }),
      new ApiError({ status: 503, code: 'SERVICE_UNAVAILABLE', message: 'down' }),
      { text: `retry: 1000\n\n${frame('3', 'ready')}${event('4')}`, fail: true },
    ]);
    expect(result.waits).toEqual([2000, 4000, 1000]);
    expect(result.resumedFrom).toEqual([null, null, null, '4']);
    expect(result.statuses).toEqual(['connecting', 'disconnected', 'live', 'disconnected']);
  });

  it('waits at least as long as a 429 asks', async () => {
    const limited = new ApiError({
      status: 429,
      code: 'RATE_LIMITED',
      message: 'too many streams',
      retryAfterSeconds: 60,
    });
    expect((await run([limited])).waits).toEqual([60_000]);
  });

  it('counts a stream that ends before it is ready as a failure', async () => {
    const result = await run([`retry: 1500\n\n`]);
    expect(result.waits).toEqual([1500]);
    expect(result.statuses).toEqual(['connecting', 'disconnected']);
  });

  it('asks for a resync on reset, and on a first ready that comes after failed attempts', async () => {
    const reset = await run([`${frame('9', 'reset', { reason: 'too_old' })}${event('10')}`]);
    expect(reset.messages.map((m) => m.type)).toEqual(['resync', 'task.deleted']);

    const late = await run([new TypeError('failed to fetch'), frame('4', 'ready')]);
    expect(late.messages).toEqual([{ type: 'resync' }]);

    const first = await run([frame('4', 'ready')]);
    expect(first.messages).toEqual([]);
  });
});
