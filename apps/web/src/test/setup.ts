import { ReadableStream } from 'node:stream/web';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

// jsdom has no streams, and a VM context (the `vmThreads` pool) does not see Node's globals: the
// live stream's tests build response bodies with Node's.
globalThis.ReadableStream ??= ReadableStream as typeof globalThis.ReadableStream;
