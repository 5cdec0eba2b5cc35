/** Arbitrary HTTP requests for one operation: parameters, security, body. */
import fc from 'fast-check';
import {
  type Examples,
  isObject,
  type Json,
  type OpenApiDocument,
  type Operation,
  resolver,
  type SentRequest,
} from './document.ts';
import { ABSENT, createMapper, type Maybe } from './values.ts';

type BodyCase = { contentType: string | undefined; payload: string } | undefined;
/** A generated request before the caller's fixed headers are added. */
type RequestDraft = SentRequest & { unset: string[] };
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

/** Contents a file part may have: mostly plain text; the first bytes of known formats; anything. */
const fileContents = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Meeting notes\n', 'hello world\n', 'a,b\n1,2\n') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '%PDF-1.4\n%%EOF\n',
      'MZ\x90\x00 This program cannot be run in DOS mode.',
      '\x89PNG\r\n\x1a\n truncated',
      'GIF89a',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
);

/**
 * multipart/form-data bodies: mostly well-formed (a success needs real ids, a good form and a
 * good file at once), with odd names and contents, or broken.
 */
const multipartBodies: fc.Arbitrary<BodyCase> = fc
  .record({
    field: fc.constantFrom('file', 'file', 'file', 'file', 'other', ''),
    filename: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('notes.txt', 'photo.png') },
      {
        weight: 2,
        arbitrary: fc.constantFrom('../../etc/passwd', 'a\\b.txt', '..', '', 'x'.repeat(300)),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    ),
    content: fileContents,
    cut: fc.oneof(
      { weight: 3, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.nat({ max: 40 }) },
    ),
    boundary: fc.constantFrom('fuzzboundary', 'x'),
  })
  .map(({ field, filename, content, cut, boundary }) => {
    const quoted = filename.replace(/["\r\n]/g, '_');
    const whole = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${quoted}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`;
    return {
      contentType: `multipart/form-data; boundary=${boundary}`,
      payload: cut > 0 ? whole.slice(0, Math.max(0, whole.length - cut)) : whole,
    };
  });

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
  const body: fc.Arbitrary<BodyCase> = content['multipart/form-data']
    ? fc.oneof(
        { weight: 7, arbitrary: multipartBodies },
        { weight: 2, arbitrary: rawBodies },
        { weight: 1, arbitrary: fc.constant<BodyCase>(undefined) },
      )
    : jsonSchema
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

export const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;

export function describeRequest(r: SentRequest) {
  const lines = [`${r.method} ${r.url}`];
  for (const [k, v] of Object.entries(r.headers)) lines.push(`  ${k}: ${clip(v, 120)}`);
  for (const [k, v] of Object.entries(r.cookies)) lines.push(`  cookie ${k}=${clip(v, 120)}`);
  if (r.payload !== undefined) lines.push(`  body: ${clip(JSON.stringify(r.payload), 600)}`);
  return lines.join('\n');
}
