import { STATUS_CODES } from 'node:http';

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

export function polishDocument<T>(doc: T): T {
  if (isObject(doc)) {
    pruneSchemas(doc);
    describeResponses(doc);
  }
  return doc;
}
