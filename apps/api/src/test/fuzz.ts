/**
 * Schema-driven fuzzing of one operation of the OpenAPI document the app serves. Requests are
 * generated from the operation's own parameter and body schemas — values that satisfy them and
 * values that break them — and every answer is held to what the document declares: no server
 * error, a declared status, the declared media type, a body that validates against its schema.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';

type Json = Record<string, unknown>;
/** A JSON Schema (2020-12) node as it appears in the document. */
export type Schema = Json;
export type OpenApiDocument = {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema>; securitySchemes?: Record<string, Json> };
  security?: Record<string, string[]>[];
};
export type Operation = {
  method: string;
  path: string;
  operationId: string | undefined;
  tags: string[];
  spec: Json;
  pathItem: Json;
};
/** Known values (a real token, an existing id…) by parameter, property or cookie name. */
export type Examples = Record<string, readonly unknown[]>;
type Injector = Pick<FastifyInstance, 'inject'>;

export type SentRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  cookies: Record<string, string>;
  payload?: string;
};
export type ReceivedResponse = {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
};

export type FuzzOptions = {
  method: string;
  /** The path template as in the document, e.g. `/api/v1/me/sessions/{id}/revoke`. */
  path: string;
  /** Sent with every request; generated header parameters override them. Read before each run. */
  headers?: Record<string, string> | (() => Record<string, string>);
  examples?: Examples;
  /** At least 100. */
  runs?: number;
  /** Fixed per operation by default, so a run is reproducible. */
  seed?: number;
  /** After each request, before its answer is judged: e.g. sign in again if it ended the session. */
  afterEach?: (request: SentRequest, response: ReceivedResponse) => void | Promise<void>;
};
export type FuzzReport = { runs: number; seed: number; statuses: Record<number, number> };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The document exactly as the running app serves it. */
export async function loadOpenApiDocument(app: Injector, url = '/api/openapi.json') {
  const res = await app.inject({ method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}`);
  return res.json() as OpenApiDocument;
}

/** Every operation of the document, optionally only those carrying one of `tags`. */
export function listOperations(doc: OpenApiDocument, tags?: readonly string[]): Operation[] {
  const operations: Operation[] = [];
  for (const [path, pathItem] of Object.entries(doc.paths)) {
    for (const [method, spec] of Object.entries(pathItem)) {
      if (!METHODS.includes(method) || !isObject(spec)) continue;
      const opTags = Array.isArray(spec.tags) ? (spec.tags as string[]) : [];
      if (tags && !opTags.some((t) => tags.includes(t))) continue;
      const operationId = typeof spec.operationId === 'string' ? spec.operationId : undefined;
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId,
        tags: opTags,
        spec,
        pathItem,
      });
    }
  }
  return operations;
}

export const operationKey = (op: { method: string; path: string }) =>
  `${op.method.toUpperCase()} ${op.path}`;

function findOperation(doc: OpenApiDocument, method: string, path: string) {
  const op = listOperations(doc).find((o) => operationKey(o) === operationKey({ method, path }));
  if (!op) throw new Error(`${method} ${path} is not in the OpenAPI document`);
  return op;
}

function resolver(doc: OpenApiDocument) {
  const pointer = (ref: string): Json => {
    if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${ref}`);
    let node: unknown = doc;
    for (const part of ref.slice(2).split('/')) {
      node = isObject(node) ? node[part.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
    }
    if (!isObject(node)) throw new Error(`Unresolvable $ref ${ref}`);
    return node;
  };
  return (node: Json): Json => {
    let current = node;
    for (let i = 0; typeof current.$ref === 'string'; i++) {
      if (i > 20) throw new Error(`$ref cycle at ${current.$ref}`);
      const { $ref, ...siblings } = current;
      current = { ...pointer($ref), ...siblings };
    }
    return current;
  };
}

// ---------------------------------------------------------------------------------------------
// Schema → arbitraries

/** Not sent at all (a missing parameter, cookie or header). */
const ABSENT = Symbol('absent');
type Maybe = unknown | typeof ABSENT;

const cpLength = (s: string) => [...s].length;

/** Strings that have broken parsers, databases and templates before. */
const specialStrings = [
  '',
  ' ',
  '  padded  ',
  '\u0000',
  'nul\u0000byte',
  '\t\r\n',
  '\ud800',
  '\udfff\ud800',
  'e\u0301',
  'ﬃ',
  '𝕏𝕐',
  '👩‍👩‍👧‍👦',
  '\u202eevil',
  'zero\u200bwidth',
  '\ufeffbom',
  '<script>alert(1)</script>',
  "'; drop table users; --",
  '%00%ff',
  '../../etc/passwd',
  '{{7*7}}<%= 7*7 %>',
  'null',
  'true',
  '-1',
  '1e309',
  '__proto__',
  'x'.repeat(10_000),
];

/** Characters that often go wrong on their own: NUL (PostgreSQL refuses it in text) most of all. */
const hazards = fc.oneof(
  { weight: 3, arbitrary: fc.constant('\u0000') },
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      '\ud800',
      '\u202e',
      '\ufeff',
      '\u2028',
      '\r\n',
      '"\\',
      '𝕏',
      'e\u0301',
    ),
  },
);

/** A plain string with one hazardous character spliced in somewhere. */
const spliced = (minLength: number, maxLength: number) =>
  fc
    .tuple(fc.string({ minLength, maxLength, unit: 'grapheme-ascii' }), hazards, fc.nat())
    .map(([text, c, at]) => {
      const i = at % (text.length + 1);
      return `${text.slice(0, i)}${c}${text.slice(i)}`;
    });

/** JSON values of every type, for "wrong type" cases. */
const anyTypes: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 53,
  '',
  'text',
  [],
  {},
  ['x'],
  { a: 1 },
];

function jsonType(v: unknown) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typesOf(s: Schema): string[] {
  if (Array.isArray(s.type)) return s.type as string[];
  if (typeof s.type === 'string') return [s.type];
  if (isObject(s.properties) || Array.isArray(s.required)) return ['object'];
  if (isObject(s.items)) return ['array'];
  return [];
}

const formatArbitraries: Record<string, () => fc.Arbitrary<string>> = {
  email: () => fc.emailAddress(),
  uuid: () => fc.uuid(),
  'date-time': () =>
    fc
      .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z') })
      .filter((d) => !Number.isNaN(d.getTime()))
      .map((d) => d.toISOString()),
  date: () => formatArbitraries['date-time']?.().map((d) => d.slice(0, 10)) ?? fc.constant(''),
  uri: () => fc.webUrl(),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
};

const formatBreakers: Record<string, string[]> = {
  email: ['plainaddress', 'a@b', '@example.com', 'a @example.com', 'a@example.com ', 'a@@x.io'],
  uuid: ['00000000-0000-0000-0000-00000000000', 'zzzzzzzz-zzzz-4zzz-8zzz-zzzzzzzzzzzz', '1'],
  'date-time': ['2024-02-30T00:00:00Z', '2024-01-01', 'yesterday', '2024-01-01T25:00:00Z'],
};

function createMapper(resolve: (s: Json) => Json, examples: Examples) {
  const withExamples = (name: string, arb: fc.Arbitrary<unknown>) => {
    const known = examples[name];
    if (!known || known.length === 0) return arb;
    return fc.oneof(
      { weight: 3, arbitrary: arb },
      { weight: 2, arbitrary: fc.constantFrom(...known) },
    );
  };

  const wrongType = (s: Schema) => {
    const types = typesOf(s);
    const fits = (v: unknown) =>
      types.includes(jsonType(v)) || (types.includes('number') && jsonType(v) === 'integer');
    return fc.constantFrom(...anyTypes.filter((v) => !fits(v)));
  };

  function merged(s: Schema): Schema {
    if (!Array.isArray(s.allOf)) return s;
    const parts = (s.allOf as Schema[]).map((p) => merged(resolve(p)));
    const { allOf: _, ...out } = s;
    const properties: Json = { ...(out.properties as Json) };
    const required = [...((out.required as string[]) ?? [])];
    for (const part of parts) {
      Object.assign(out, part);
      Object.assign(properties, part.properties);
      required.push(...((part.required as string[]) ?? []));
    }
    return { ...out, properties, required };
  }

  function valid(input: Schema, depth = 0): fc.Arbitrary<unknown> {
    const s = merged(resolve(input));
    if (depth > 6) return fc.constant(null);
    if ('const' in s) return fc.constant(s.const);
    if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
    const union = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (Array.isArray(union)) return fc.oneof(...union.map((b) => valid(b, depth + 1)));
    const types = typesOf(s);
    if (types.length > 1) return fc.oneof(...types.map((type) => valid({ ...s, type }, depth)));
    switch (types[0]) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
      case 'number': {
        const { lo, hi } = bounds(s);
        const integer = types[0] === 'integer';
        const inside = integer
          ? fc.integer({ min: lo, max: hi })
          : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
        return fc.oneof(inside, fc.constantFrom(lo, hi));
      }
      case 'string':
        return validString(s);
      case 'array': {
        const min = (s.minItems as number | undefined) ?? 0;
        const max = Math.min((s.maxItems as number | undefined) ?? min + 4, min + 4);
        const items = isObject(s.items) ? s.items : {};
        return fc.array(valid(items, depth + 1), { minLength: min, maxLength: max });
      }
      case 'object':
        return validObject(s, depth);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  }

  function bounds(s: Schema) {
    const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
    const integer = typesOf(s).includes('integer');
    const step = integer ? 1 : 1e-9;
    const above = num('exclusiveMinimum');
    const below = num('exclusiveMaximum');
    const min = num('minimum') ?? (above === undefined ? undefined : above + step);
    const max = num('maximum') ?? (below === undefined ? undefined : below - step);
    const lo = integer ? Math.ceil(min ?? -(2 ** 31)) : (min ?? -(2 ** 31));
    const hi = integer ? Math.floor(max ?? 2 ** 31) : (max ?? 2 ** 31);
    return { lo, hi, hasLo: min !== undefined, hasHi: max !== undefined };
  }

  function validString(s: Schema): fc.Arbitrary<string> {
    const min = (s.minLength as number | undefined) ?? 0;
    const max = s.maxLength as number | undefined;
    const fits = (v: string) => cpLength(v) >= min && (max === undefined || cpLength(v) <= max);
    if (typeof s.pattern === 'string') {
      try {
        return fc.stringMatching(new RegExp(s.pattern)).filter(fits);
      } catch {
        // A pattern fast-check cannot generate from: fall through to the format or plain strings.
      }
    }
    const format = formatArbitraries[s.format as string];
    if (format) return format().filter(fits);
    const upper = Math.min(max ?? min + 40, min + 40);
    const edges = [
      'a'.repeat(min),
      'a'.repeat(max ?? min + 100),
      '𝕏'.repeat(max ?? min + 100),
      'é'.repeat(Math.max(min, 1)),
      ` ${'a'.repeat(Math.max(min - 2, 0))} `,
    ].filter(fits);
    const specials = specialStrings.filter(fits);
    return fc.oneof(
      {
        weight: 4,
        arbitrary: fc.string({ minLength: min, maxLength: upper, unit: 'grapheme-ascii' }),
      },
      { weight: 2, arbitrary: fc.string({ minLength: min, maxLength: upper, unit: 'binary' }) },
      {
        weight: 1,
        arbitrary: fc.string({ minLength: min, maxLength: upper, unit: 'grapheme' }).filter(fits),
      },
      { weight: 3, arbitrary: spliced(Math.max(min - 1, 0), Math.max(upper - 2, 0)).filter(fits) },
      ...(edges.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...edges) }] : []),
      ...(specials.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...specials) }] : []),
    );
  }

  function validObject(s: Schema, depth: number) {
    const properties = (isObject(s.properties) ? s.properties : {}) as Record<string, Schema>;
    const required = ((s.required as string[] | undefined) ?? []).filter((k) => k in properties);
    const model = Object.fromEntries(
      Object.entries(properties).map(([k, p]) => [k, withExamples(k, valid(p, depth + 1))]),
    );
    return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Json>;
  }

  function invalid(input: Schema, depth = 0): fc.Arbitrary<unknown> {
    const s = merged(resolve(input));
    const cases: fc.Arbitrary<unknown>[] = [];
    const types = typesOf(s);
    if (types.length > 0) cases.push(wrongType(s));
    if ('const' in s || Array.isArray(s.enum)) {
      const allowed = 'const' in s ? [s.const] : (s.enum as unknown[]);
      const near = allowed
        .filter((v): v is string => typeof v === 'string')
        .flatMap((v) => [v.toUpperCase(), ` ${v}`, `${v}x`, ''])
        .filter((v) => !allowed.includes(v));
      if (near.length > 0) cases.push(fc.constantFrom(...near));
      cases.push(fc.string().filter((v) => !allowed.includes(v)));
    } else if (types.length === 1) {
      switch (types[0]) {
        case 'integer':
        case 'number': {
          const { lo, hi, hasLo, hasHi } = bounds(s);
          const out = [lo + 0.5, 1e21, -0.5, Number.MAX_SAFE_INTEGER + 2];
          if (hasLo) out.push(lo - 1);
          if (hasHi) out.push(hi + 1);
          cases.push(fc.constantFrom(...out), fc.constantFrom(String(lo), 'NaN', '1e3', '0x10'));
          break;
        }
        case 'string': {
          const min = (s.minLength as number | undefined) ?? 0;
          const max = s.maxLength as number | undefined;
          if (min > 0) {
            cases.push(fc.string({ maxLength: min - 1, unit: 'grapheme-ascii' }));
          }
          if (max !== undefined) {
            cases.push(
              fc.constantFrom('a'.repeat(max + 1), '𝕏'.repeat(max + 1), 'b'.repeat(max * 4 + 10)),
            );
          }
          if (typeof s.pattern === 'string' || typeof s.format === 'string') {
            cases.push(
              fc.string({ unit: 'binary' }),
              fc.constantFrom(...(formatBreakers[s.format as string] ?? ['not valid'])),
            );
          }
          cases.push(fc.constantFrom(...specialStrings), spliced(min, (max ?? min) + 20));
          break;
        }
        case 'array': {
          const items = isObject(s.items) ? s.items : {};
          cases.push(fc.array(invalid(items, depth + 1), { minLength: 1, maxLength: 3 }));
          if (typeof s.maxItems === 'number') {
            const n = s.maxItems + 1;
            cases.push(valid(items, depth + 1).map((v) => Array.from({ length: n }, () => v)));
          }
          break;
        }
        case 'object':
          cases.push(...invalidObjects(s, depth));
          break;
      }
    }
    if (cases.length === 0) cases.push(fc.constantFrom(...anyTypes));
    return fc.oneof(...cases);
  }

  function invalidObjects(s: Schema, depth: number): fc.Arbitrary<unknown>[] {
    const properties = (isObject(s.properties) ? s.properties : {}) as Record<string, Schema>;
    const required = ((s.required as string[] | undefined) ?? []).filter((k) => k in properties);
    const base = validObject(s, depth);
    const cases: fc.Arbitrary<unknown>[] = [base.map((o) => [o])];
    if (required.length > 0) {
      cases.push(
        fc.tuple(base, fc.constantFrom(...required)).map(([o, key]) => {
          const { [key]: _, ...rest } = o;
          return rest;
        }),
      );
    }
    if (s.additionalProperties === false) {
      const extraKey = fc
        .oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('constructor', 'role'))
        .filter((k) => !(k in properties));
      cases.push(
        fc
          .tuple(base, extraKey, fc.jsonValue({ maxDepth: 1 }))
          .map(([o, k, v]) => ({ ...o, [k]: v })),
      );
    }
    for (const [key, schema] of Object.entries(properties)) {
      cases.push(fc.tuple(base, invalid(schema, depth + 1)).map(([o, v]) => ({ ...o, [key]: v })));
    }
    return cases;
  }

  /** Mostly valid, sometimes broken; `ABSENT` when the value may be left out. */
  function value(name: string, schema: Schema, required: boolean): fc.Arbitrary<Maybe> {
    const either = fc.oneof(
      { weight: 4, arbitrary: withExamples(name, valid(schema)) },
      { weight: 1, arbitrary: invalid(schema) },
    );
    return fc.oneof(
      { weight: required ? 12 : 3, arbitrary: either },
      { weight: 1, arbitrary: fc.constant<Maybe>(ABSENT) },
    );
  }

  return { valid, invalid, value, withExamples };
}

// ---------------------------------------------------------------------------------------------
// Requests

type BodyCase = { contentType: string | undefined; payload: string } | undefined;
/** A generated request before the caller's fixed headers are added. */
export type RequestDraft = SentRequest & { unset: string[] };
/** Leave the caller's header as it is. */
const KEEP = Symbol('keep');
type Header = string | typeof ABSENT | typeof KEEP;

const oversized = `{"pad":"${'a'.repeat(2 * 1024 * 1024)}"}`;

/** Bodies that are not the JSON the operation expects, or not JSON at all. */
const rawBodies: fc.Arbitrary<BodyCase> = fc.oneof(
  fc.constantFrom<BodyCase>(
    undefined,
    { contentType: 'application/json', payload: '' },
    { contentType: 'application/json', payload: '{' },
    { contentType: 'application/json', payload: '{"a":1,}' },
    { contentType: 'application/json', payload: "{'a':1}" },
    { contentType: 'application/json', payload: 'undefined' },
    { contentType: 'application/json', payload: '\ufeff{}' },
    { contentType: 'application/json', payload: '{"__proto__":{"polluted":true}}' },
    { contentType: 'application/json', payload: '{"constructor":{"prototype":{"polluted":1}}}' },
    { contentType: 'application/json', payload: `${'['.repeat(5000)}${']'.repeat(5000)}` },
    { contentType: 'application/json', payload: oversized },
    { contentType: 'application/json; charset=utf-16', payload: '{}' },
    { contentType: 'application/json;charset=', payload: '{}' },
    { contentType: 'text/plain', payload: '{}' },
    { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=2' },
    { contentType: 'multipart/form-data; boundary=x', payload: '--x--\r\n' },
    { contentType: 'application/xml', payload: '<a/>' },
    { contentType: undefined, payload: '{}' },
  ),
  fc.string({ unit: 'binary', maxLength: 60 }).map((payload) => ({
    contentType: 'application/json',
    payload,
  })),
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({
    contentType: 'application/json',
    payload: JSON.stringify(v),
  })),
);

/** Path segments sent as they are: broken percent-encodings, dot segments, an encoded slash. */
const rawSegments = ['%', '%zz', '%E0%A4%A', '%C0%AF', '%00', '%2F', '%2e%2e', '..'];

const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
/** What a client can put in a header: visible ASCII; anything else goes percent-encoded. */
const headerSafe = (v: unknown) => {
  const text = asText(v);
  return /^[\x20-\x7e]*$/.test(text) ? text : encodeURIComponent(text.toWellFormed());
};

/** Arbitrary requests for one operation, from its parameters, security and request body. */
export function requestArbitrary(doc: OpenApiDocument, op: Operation, examples: Examples = {}) {
  const resolve = resolver(doc);
  const mapper = createMapper(resolve, examples);
  const byKey = new Map<string, Json>();
  for (const p of [op.pathItem.parameters, op.spec.parameters].flat()) {
    if (!isObject(p)) continue;
    const param = resolve(p);
    byKey.set(`${param.in}:${param.name}`, param);
  }

  const path: Record<string, fc.Arbitrary<string>> = {};
  const query: Record<string, fc.Arbitrary<Maybe>> = {};
  const headers: Record<string, fc.Arbitrary<Header>> = {};
  const cookies: Record<string, fc.Arbitrary<Maybe>> = {};
  for (const param of byKey.values()) {
    const name = String(param.name);
    const schema = isObject(param.schema) ? param.schema : {};
    const required = param.required === true;
    if (param.in === 'path') {
      const encoded = fc
        .oneof(
          { weight: 4, arbitrary: mapper.withExamples(name, mapper.valid(schema)) },
          { weight: 1, arbitrary: mapper.invalid(schema) },
        )
        .map(asText)
        .filter((v) => v !== '')
        .map((v) => encodeURIComponent(v.toWellFormed()));
      path[name] = fc.oneof(
        { weight: 12, arbitrary: encoded },
        { weight: 1, arbitrary: fc.constantFrom(...rawSegments) },
      );
    } else if (param.in === 'query') {
      query[name] = mapper.value(name, schema, required);
    } else if (param.in === 'header') {
      headers[name.toLowerCase()] = mapper
        .value(name, schema, required)
        .map((v) => (v === ABSENT ? ABSENT : headerSafe(v)));
    } else if (param.in === 'cookie') {
      cookies[name] = mapper.value(name, schema, required);
    }
  }

  // Credentials the operation's security asks for: kept as given most of the time, else missing
  // or garbage. Cookies are generated here (a random or known token, or none).
  const requirements = (op.spec.security ?? doc.security ?? []) as Record<string, string[]>[];
  for (const name of new Set(requirements.flatMap((r) => Object.keys(r)))) {
    const scheme = doc.components?.securitySchemes?.[name];
    if (!scheme) continue;
    if (scheme.type === 'http' && scheme.scheme === 'bearer') {
      headers.authorization = fc.oneof(
        { weight: 9, arbitrary: fc.constant<Header>(KEEP) },
        {
          weight: 1,
          arbitrary: fc.constantFrom<Header>(
            ABSENT,
            'Bearer',
            'Bearer ',
            'Bearer not-a-token',
            'Basic dXNlcjpwYXNz',
            'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4Iiwic2lkIjoieCJ9.',
          ),
        },
      );
    } else if (scheme.type === 'apiKey') {
      const key = String(scheme.name);
      const token = fc.oneof(
        fc
          .uint8Array({ minLength: 32, maxLength: 32 })
          .map((b) => Buffer.from(b).toString('base64url')),
        mapper.valid({ type: 'string', maxLength: 200 }),
        mapper.invalid({ type: 'string', maxLength: 200 }),
      );
      const arb = fc.oneof(
        { weight: 3, arbitrary: mapper.withExamples(key, token) },
        { weight: 1, arbitrary: fc.constant<Maybe>(ABSENT) },
      );
      if (scheme.in === 'cookie') cookies[key] = arb;
      else if (scheme.in === 'header') {
        headers[key.toLowerCase()] = arb.map((v) => (v === ABSENT ? ABSENT : headerSafe(v)));
      } else if (scheme.in === 'query') query[key] = arb;
    }
  }

  const requestBody = isObject(op.spec.requestBody) ? resolve(op.spec.requestBody) : undefined;
  const content = isObject(requestBody?.content) ? requestBody.content : {};
  const media = content['application/json'];
  const jsonSchema = isObject(media) && isObject(media.schema) ? media.schema : undefined;
  const json = (v: unknown): BodyCase => ({
    contentType: 'application/json',
    payload: JSON.stringify(v) ?? 'null',
  });
  const body: fc.Arbitrary<BodyCase> = jsonSchema
    ? fc.oneof(
        { weight: 6, arbitrary: mapper.valid(jsonSchema).map(json) },
        { weight: 3, arbitrary: mapper.invalid(jsonSchema).map(json) },
        { weight: 1, arbitrary: rawBodies },
      )
    : fc.oneof(
        { weight: 9, arbitrary: fc.constant<BodyCase>(undefined) },
        { weight: 1, arbitrary: rawBodies },
      );

  const queryList = fc.record(query).map((values) =>
    Object.entries(values).flatMap(([k, v]): [string, string][] => {
      if (v === ABSENT) return [];
      if (Array.isArray(v)) return v.map((item) => [k, asText(item)]);
      return [[k, asText(v)]];
    }),
  );
  const cookieMap = fc.record(cookies).map((values) =>
    Object.fromEntries(
      Object.entries(values)
        .filter(([, v]) => v !== ABSENT)
        .map(([k, v]) => [k, encodeURIComponent(asText(v).toWellFormed())]),
    ),
  );
  return fc
    .record({
      path: fc.record(path),
      query: queryList,
      headers: fc.record(headers),
      cookies: cookieMap,
      body,
    })
    .map(({ path: values, query: entries, headers: generated, cookies: jar, body: sent }) => {
      const url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? '');
      const search = new URLSearchParams(entries).toString();
      const draft: RequestDraft = {
        method: op.method,
        url: search ? `${url}?${search}` : url,
        headers: {},
        cookies: jar,
        unset: [],
      };
      for (const [k, v] of Object.entries(generated)) {
        if (v === ABSENT) draft.unset.push(k);
        else if (v !== KEEP) draft.headers[k] = v;
      }
      if (sent?.contentType) draft.headers['content-type'] = sent.contentType;
      if (sent) draft.payload = sent.payload;
      Object.defineProperty(draft, fc.toStringMethod, { value: () => describeRequest(draft) });
      return draft;
    });
}

/** The caller's headers (lower-cased), less those the draft leaves out, then the draft's own. */
export function withHeaders(draft: RequestDraft, fixed: Record<string, string>): SentRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(fixed)) {
    if (!draft.unset.includes(k.toLowerCase())) headers[k.toLowerCase()] = v;
  }
  const { unset: _, ...rest } = draft;
  return { ...rest, headers: { ...headers, ...draft.headers } };
}

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;

export function describeRequest(r: SentRequest) {
  const lines = [`${r.method} ${r.url}`];
  for (const [k, v] of Object.entries(r.headers)) lines.push(`  ${k}: ${clip(v, 120)}`);
  for (const [k, v] of Object.entries(r.cookies)) lines.push(`  cookie ${k}=${clip(v, 120)}`);
  if (r.payload !== undefined) lines.push(`  body: ${clip(JSON.stringify(r.payload), 600)}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Answers

const DOC_ID = 'https://fuzz.invalid/openapi.json';
const validators = new WeakMap<OpenApiDocument, (schema: Schema) => ValidateFunction>();

function validatorsFor(doc: OpenApiDocument) {
  let compile = validators.get(doc);
  if (!compile) {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: DOC_ID, components: doc.components ?? {} });
    const cache = new WeakMap<Schema, ValidateFunction>();
    const rebase = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(rebase);
      if (!isObject(node)) return node;
      return Object.fromEntries(
        Object.entries(node).map(([k, v]) => [
          k,
          k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${DOC_ID}${v}` : rebase(v),
        ]),
      );
    };
    compile = (schema) => {
      let validate = cache.get(schema);
      if (!validate) {
        validate = ajv.compile(rebase(schema) as Schema);
        cache.set(schema, validate);
      }
      return validate;
    };
    validators.set(doc, compile);
  }
  return compile;
}

const isJsonMedia = (type: string) => type === 'application/json' || type.endsWith('+json');

/** Everything wrong with an answer, measured against the operation's declared responses. */
export function checkResponse(doc: OpenApiDocument, op: Operation, res: ReceivedResponse) {
  const problems: string[] = [];
  const status = res.statusCode;
  if (status >= 500) problems.push(`server error ${status}`);
  const responses = isObject(op.spec.responses) ? op.spec.responses : {};
  const entry =
    responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
  if (!isObject(entry)) {
    problems.push(
      `status ${status} is not declared (declared: ${Object.keys(responses).join(', ')})`,
    );
    return problems;
  }
  const declared = resolver(doc)(entry);
  const content = isObject(declared.content) ? declared.content : {};
  const mediaTypes = Object.keys(content);
  if (status === 204 || mediaTypes.length === 0) {
    if (res.body !== '') problems.push(`${status} must have an empty body`);
    return problems;
  }
  const header = String(res.headers['content-type'] ?? '');
  const actual = header.split(';')[0]?.trim().toLowerCase() ?? '';
  const media = content[actual];
  if (!isObject(media)) {
    problems.push(`content-type "${header}" is not declared (declared: ${mediaTypes.join(', ')})`);
    return problems;
  }
  if (!isJsonMedia(actual) || !isObject(media.schema)) return problems;
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    problems.push(`the ${actual} body is not JSON`);
    return problems;
  }
  const validate = validatorsFor(doc)(media.schema);
  if (!validate(body)) {
    for (const e of validate.errors ?? []) {
      problems.push(`body${e.instancePath} ${e.message ?? 'is not valid'} (${e.schemaPath})`);
    }
  }
  if (actual === 'application/problem+json' && isObject(body) && body.status !== status) {
    problems.push(`problem status ${String(body.status)} differs from the HTTP status ${status}`);
  }
  return problems;
}

export function describeResponse(res: ReceivedResponse) {
  return `${res.statusCode} ${String(res.headers['content-type'] ?? '(no content-type)')}\n  ${clip(res.body, 1500)}`;
}

/** A seed fixed by the operation (FNV-1a of "METHOD path"), so every run is the same. */
export function seedOf(text: string) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/**
 * Sends `runs` generated requests to one operation and checks every answer. Throws fast-check's
 * report on the first failure: the shrunk request, the answer and what is wrong with it.
 */
export async function fuzzOperation(
  app: Injector,
  doc: OpenApiDocument,
  options: FuzzOptions,
): Promise<FuzzReport> {
  const op = findOperation(doc, options.method, options.path);
  const runs = options.runs ?? 100;
  if (runs < 100) throw new Error('Fuzz at least 100 runs per operation');
  const seed = options.seed ?? seedOf(operationKey(op));
  const statuses: Record<number, number> = {};
  const fixedHeaders = () =>
    typeof options.headers === 'function' ? options.headers() : (options.headers ?? {});
  const requests = requestArbitrary(doc, op, options.examples);

  await fc.assert(
    fc.asyncProperty(requests, async (draft) => {
      const request = withHeaders(draft, fixedHeaders());
      const res = await app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: request.headers,
        cookies: request.cookies,
        ...(request.payload === undefined ? {} : { payload: request.payload }),
      });
      const response: ReceivedResponse = {
        statusCode: res.statusCode,
        headers: res.headers,
        body: res.body,
      };
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      await options.afterEach?.(request, response);
      const problems = checkResponse(doc, op, response);
      if (problems.length > 0) {
        throw new Error(
          [
            `${operationKey(op)}: ${problems.join('; ')}`,
            `request:\n  ${describeRequest(request).replaceAll('\n', '\n  ')}`,
            `response:\n  ${describeResponse(response)}`,
          ].join('\n'),
        );
      }
    }),
    { seed, numRuns: runs, includeErrorInReport: true },
  );
  return { runs, seed, statuses };
}
