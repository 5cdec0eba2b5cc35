import { STATUS_CODES } from 'node:http';
import { takesIdempotencyKey } from '../idempotency/idempotency.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;

function collectRefs(node: unknown, into: Set<string>) {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, into);
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') into.add(value.split('/').pop() ?? '');
      else collectRefs(value, into);
    }
  }
}

/** Drops component schemas nothing refers to (the zod registry lists every schema twice, as input and output). */
function pruneSchemas(doc: Json) {
  const components = doc.components as Json | undefined;
  const schemas = components?.schemas as Json | undefined;
  if (!components || !schemas) return;
  const used = new Set<string>();
  collectRefs(doc.paths, used);
  let frontier = [...used];
  while (frontier.length > 0) {
    const found = new Set<string>();
    for (const name of frontier) collectRefs(schemas[name], found);
    frontier = [...found].filter((n) => !used.has(n));
    for (const n of frontier) used.add(n);
  }
  components.schemas = Object.fromEntries(
    Object.keys(schemas)
      .filter((name) => used.has(name))
      .sort()
      .map((name) => [name, schemas[name]]),
  );
}

/** Error responses are problem+json, and every response gets a real description. */
function describeResponses(doc: Json) {
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Json>)) {
    for (const operation of Object.values(item)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!isObject(response)) continue;
        if (response.description === 'Default Response') {
          response.description = STATUS_CODES[Number(status)] ?? 'Response';
        }
        const content = response.content as Json | undefined;
        if (Number(status) >= 400 && content?.['application/json']) {
          const schema = (content['application/json'] as Json).schema as Json | undefined;
          if (typeof schema?.$ref === 'string' && /Problem(Details)?$/.test(schema.$ref)) {
            response.content = { 'application/problem+json': content['application/json'] };
          }
        }
      }
    }
  }
}

/** Lengths that a string's format already implies, stated for clients and linters. */
const formatLengths: Record<string, number> = { uuid: 36, date: 10, 'date-time': 64, email: 254 };
const INT32 = 2 ** 31;

/** Every schema node of the document: bounds a format implies, integer widths. */
function boundSchemas(node: unknown) {
  if (Array.isArray(node)) {
    for (const item of node) boundSchemas(item);
    return;
  }
  if (!isObject(node)) return;
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('string') && node.maxLength === undefined && typeof node.format === 'string') {
    const length = formatLengths[node.format];
    if (length !== undefined) node.maxLength = length;
  }
  if (types.includes('integer') && node.format === undefined) {
    const fits = (v: unknown) => typeof v === 'number' && v >= -INT32 && v < INT32;
    node.format = fits(node.minimum) && fits(node.maximum) ? 'int32' : 'int64';
  }
  for (const value of Object.values(node)) boundSchemas(value);
}

/** A header whose value is a whole number from 0 to `maximum`. */
const countHeader = (description: string, maximum: number) => ({
  description,
  schema: { type: 'integer', format: 'int32', minimum: 0, maximum },
});

/**
 * The headers the rate limiter sends on every /api response, and Retry-After on a 429 and on a
 * 503 (overload, a database restart).
 */
const rateLimitHeaders = {
  'X-RateLimit-Limit': countHeader('Requests allowed in the current window', 1_000_000),
  'X-RateLimit-Remaining': countHeader('Requests left in the current window', 1_000_000),
  'X-RateLimit-Reset': countHeader('Seconds until the window resets', 86_400),
  'Retry-After': countHeader('Seconds to wait before trying again', 86_400),
};

function declareRateLimitHeaders(doc: Json) {
  const components = (doc.components ?? {}) as Json;
  components.headers = rateLimitHeaders;
  doc.components = components;
  const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const operation of Object.values(item)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (isObject(response) && status === '503') {
          response.headers = {
            ...(response.headers as Json | undefined),
            'Retry-After': ref('Retry-After'),
          };
        }
        if (!isObject(response) || !/^[24]/.test(status)) continue;
        response.headers = {
          ...(response.headers as Json | undefined),
          'X-RateLimit-Limit': ref('X-RateLimit-Limit'),
          'X-RateLimit-Remaining': ref('X-RateLimit-Remaining'),
          'X-RateLimit-Reset': ref('X-RateLimit-Reset'),
          ...(status === '429' ? { 'Retry-After': ref('Retry-After') } : {}),
        };
      }
    }
  }
}

const problem = (description: string) => ({
  description,
  content: {
    'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } },
  },
});

/** `Idempotency-Key` on the POSTs that take one (platform/idempotency), and what it can answer. */
function declareIdempotencyKeys(doc: Json) {
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    const operation = item.post;
    if (!isObject(operation) || !takesIdempotencyKey('POST', path)) continue;
    operation.parameters = [
      ...((operation.parameters as Json[] | undefined) ?? []),
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'A key unique to this request (a UUID): sent again with the same body, the first response is given again (`Idempotent-Replayed: true`) and nothing is done twice. Kept for 24 hours.',
        schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
      },
    ];
    const responses = operation.responses as Json;
    responses['409'] ??= problem('A request with this key is still being processed');
    responses['422'] ??= problem('This key was already used with another request body');
  }
}

/** Operations a personal access token may call can refuse it for its scope: 403 is declared. */
function declareTokenRefusals(doc: Json) {
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Json>)) {
    for (const operation of Object.values(item)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      const security = (operation.security ?? []) as Json[];
      if (!security.some((requirement) => 'personalAccessToken' in requirement)) continue;
      operation.responses['403'] ??= problem(
        'Forbidden: the personal access token’s scope does not allow this request',
      );
    }
  }
}

/** A redirect has no body: its `Location` is what it says (single sign-on's routes). */
function declareRedirects(doc: Json) {
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Json>)) {
    for (const operation of Object.values(item)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      const response = operation.responses['302'];
      if (!isObject(response)) continue;
      delete response.content;
      response.headers = {
        ...(response.headers as Json | undefined),
        Location: {
          description: 'Where the browser goes next',
          required: true,
          schema: { type: 'string', format: 'uri-reference', maxLength: 4096 },
        },
      };
    }
  }
}

export function polishDocument<T>(doc: T): T {
  if (isObject(doc)) {
    pruneSchemas(doc);
    describeResponses(doc);
    declareRedirects(doc);
    declareIdempotencyKeys(doc);
    declareTokenRefusals(doc);
    boundSchemas(doc.paths);
    boundSchemas(doc.components);
    declareRateLimitHeaders(doc);
    // The API is public-facing: no server of the document is internal only.
    for (const server of (doc.servers ?? []) as Json[]) server['x-internal'] = false;
  }
  return doc;
}
