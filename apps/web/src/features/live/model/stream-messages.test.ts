import { describe, expect, it, vi } from 'vitest';
import { createMessageParser, type StreamMessage } from './stream-messages.ts';

const frame = (message: { id: string; type: string; data?: unknown }) =>
  `id: ${message.id}\nevent: ${message.type}\ndata: ${JSON.stringify(message)}\n\n`;

function parse(...chunks: string[]) {
  const messages: StreamMessage[] = [];
  const retries: number[] = [];
  const parser = createMessageParser({
    onMessage: (message) => messages.push(message),
    onRetry: (ms) => retries.push(ms),
  });
  for (const chunk of chunks) parser.feed(chunk);
  return { messages, retries, parser };
}

const deleted = {
  id: '7',
  type: 'task.deleted',
  workspaceId: '11111111-1111-4111-8111-111111111111',
  actorId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  data: { taskId: '22222222-2222-4222-8222-222222222222' },
};

describe('createMessageParser', () => {
  it('reads the retry hint, skips heartbeats, and parses each message’s JSON', () => {
    const { messages, retries } = parse(
      'retry: 2000\n\n',
      frame(deleted),
      ': keep-alive\n\n',
      frame({ id: '7', type: 'ready' }),
    );
    expect(retries).toEqual([2000]);
    expect(messages).toEqual([deleted, { id: '7', type: 'ready' }]);
  });

  it('joins a message split across chunks anywhere, even inside a character', () => {
    const text = frame({ ...deleted, data: { taskId: 'naïve – “quoted”' } });
    const cut = Math.floor(text.length / 2);
    const { messages } = parse(text.slice(0, 3), text.slice(3, cut), text.slice(cut));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ data: { taskId: 'naïve – “quoted”' } });
  });

  it('skips what is not one of the API’s messages', () => {
    const { messages } = parse(
      'data: not json\n\n',
      'data: {"type":"task.created"}\n\n',
      'data: 42\n\n',
      frame({ id: '8', type: 'ready' }),
    );
    expect(messages).toEqual([{ id: '8', type: 'ready' }]);
  });

  it('refuses a message past the size limit instead of buffering without end', () => {
    const onMessage = vi.fn();
    const parser = createMessageParser({ onMessage, onRetry: () => undefined });
    parser.feed(`data: ${'x'.repeat(1_000_001)}`);
    expect(() => parser.feed('\n\n')).toThrow();
    expect(onMessage).not.toHaveBeenCalled();
  });
});
