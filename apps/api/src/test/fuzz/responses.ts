/** Every answer held to what the document declares for the operation. */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  isObject,
  type OpenApiDocument,
  type Operation,
  type ReceivedResponse,
  resolver,
  type Schema,
} from './document.ts';
import { clip } from './requests.ts';

const DOC_ID = 'https://fuzz.invalid/openapi.json';
const validators = new WeakMap<OpenApiDocument, (schema: Schema) => ValidateFunction>();

export function validatorsFor(doc: OpenApiDocument) {
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
