import { ReadableStream } from 'node:stream/web';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// `findBy…` and `waitFor` wait for a state, not a time: the bound only ends a test that would
// never get there. Testing Library's one second is shorter than a lazy chunk (the Markdown
// renderer) takes to load in a worker when the machine is busy.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

// jsdom has no streams, and a VM context (the `vmThreads` pool) does not see Node's globals: the
// live stream's tests build response bodies with Node's.
globalThis.ReadableStream ??= ReadableStream as typeof globalThis.ReadableStream;
