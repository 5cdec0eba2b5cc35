/** The OpenAPI document as served, its operations, and `$ref` resolution. */
import type { FastifyInstance } from 'fastify';

export type Json = Record<string, unknown>;
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
export type Injector = Pick<FastifyInstance, 'inject'>;

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
export const isObject = (v: unknown): v is Json =>
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

export function findOperation(doc: OpenApiDocument, method: string, path: string) {
  const op = listOperations(doc).find((o) => operationKey(o) === operationKey({ method, path }));
  if (!op) throw new Error(`${method} ${path} is not in the OpenAPI document`);
  return op;
}

export function resolver(doc: OpenApiDocument) {
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
