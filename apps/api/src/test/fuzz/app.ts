import { beforeAll } from 'vitest';
import { useTestApp } from '../app.ts';

import { readyLater } from '../ready-later.ts';
import { loadOpenApiDocument, type OpenApiDocument } from './document.ts';

/**
 * The file's test app (see `useTestApp`) with limits high enough never to mask what a request
 * does, and the OpenAPI document it serves; both ready for the file's later `beforeAll` hooks.
 */
export function useFuzzApp(env: Record<string, string> = {}) {
  const app = useTestApp({ RATE_LIMIT_MAX: '1000000', ...env });
  const doc = readyLater<OpenApiDocument>('the served OpenAPI document');
  beforeAll(async () => {
    doc.ready(await loadOpenApiDocument(app.app));
  });
  return new Proxy(app, {
    get: (target, property) =>
      property === 'doc' ? (doc.current ?? doc.value) : Reflect.get(target, property),
  }) as typeof app & { doc: OpenApiDocument };
}
