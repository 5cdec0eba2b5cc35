/**
 * What in a new OpenAPI 3.1 document breaks clients written against an old one. Requests may
 * only get more permissive (the API's request schemas are strict: a dropped field is refused);
 * responses may only get richer (a dropped or newly optional field breaks a reader).
 */
type Json = Record<string, unknown>;
export type Doc = { info?: { version?: string }; paths?: Record<string, Json>; components?: Json };

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
type Side = 'request' | 'response';

function resolver(doc: Doc) {
  return (node: unknown): Json => {
    let current = isObject(node) ? node : {};
    for (let i = 0; typeof current.$ref === 'string' && i < 20; i++) {
      let target: unknown = doc;
      for (const part of current.$ref.slice(2).split('/')) {
        target = isObject(target)
          ? target[part.replaceAll('~1', '/').replaceAll('~0', '~')]
          : undefined;
      }
      current = isObject(target) ? target : {};
    }
    return current;
  };
}

/** The JSON types a schema admits (unions and `null` branches included); empty: any. */
function types(schema: Json, resolve: (n: unknown) => Json): Set<string> {
  const branches = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(branches)) {
    return new Set(branches.flatMap((b) => [...types(resolve(b), resolve)]));
  }
  if (Array.isArray(schema.type)) return new Set(schema.type as string[]);
  if (typeof schema.type === 'string') return new Set([schema.type]);
  if ('const' in schema)
    return new Set([typeof schema.const === 'number' ? 'number' : String(typeof schema.const)]);
  return new Set();
}

/** The branch of a union with the given type, or the schema itself. */
function branch(schema: Json, type: string, resolve: (n: unknown) => Json): Json {
  const branches = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (!Array.isArray(branches)) return schema;
  return branches.map(resolve).find((b) => types(b, resolve).has(type)) ?? schema;
}

const tighter = { maxLength: -1, maximum: -1, maxItems: -1, minLength: 1, minimum: 1, minItems: 1 };
/** The length a format implies: stating it does not tighten anything. */
const impliedLength: Record<string, number> = { uuid: 36, date: 10, 'date-time': 64, email: 254 };

/** The object branches of a union (or the object itself). */
function objectBranches(schema: Json, resolve: (n: unknown) => Json): Json[] {
  const branches = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (!Array.isArray(branches)) return [schema];
  return branches.map(resolve).filter((b) => types(b, resolve).has('object'));
}

function compareSchemas(
  before: Json,
  after: Json,
  side: Side,
  where: string,
  ctx: { old: (n: unknown) => Json; next: (n: unknown) => Json; out: string[]; seen: Set<string> },
) {
  const key = `${side}|${where}`;
  if (ctx.seen.has(key) || ctx.out.length > 200) return;
  ctx.seen.add(key);
  const [was, now] = [types(before, ctx.old), types(after, ctx.next)];
  if (was.size > 0 && now.size > 0) {
    const lost = [...was].filter((t) => !now.has(t) && !(t === 'integer' && now.has('number')));
    const gained = [...now].filter((t) => !was.has(t) && !(t === 'integer' && was.has('number')));
    if (side === 'request' && lost.length)
      ctx.out.push(`${where}: no longer accepts ${lost.join(', ')}`);
    if (side === 'response' && gained.length)
      ctx.out.push(`${where}: may now be ${gained.join(', ')}`);
  }
  for (const type of [...was].filter((t) => now.has(t))) {
    const a = branch(before, type, ctx.old);
    const b = branch(after, type, ctx.next);
    if (side === 'request') {
      if (Array.isArray(a.enum) && Array.isArray(b.enum)) {
        const dropped = a.enum.filter((v) => !(b.enum as unknown[]).includes(v));
        if (dropped.length) ctx.out.push(`${where}: no longer accepts ${JSON.stringify(dropped)}`);
      }
      for (const [bound, sign] of Object.entries(tighter)) {
        const implied = bound === 'maxLength' ? impliedLength[String(a.format)] : undefined;
        const [x, y] = [a[bound] ?? implied, b[bound]];
        if (typeof y === 'number' && (typeof x !== 'number' || (y - x) * sign > 0)) {
          ctx.out.push(`${where}: ${bound} tightened from ${x ?? 'none'} to ${y}`);
        }
      }
      if (b.pattern !== undefined && a.pattern !== b.pattern)
        ctx.out.push(`${where}: pattern changed`);
    }
    if (type === 'object') compareUnionObjects(before, after, side, where, ctx);
    if (type === 'array') {
      compareSchemas(ctx.old(a.items), ctx.next(b.items), side, `${where}[]`, ctx);
    }
  }
}

/**
 * Objects, one or a union of several: every shape a client could send (request) must still be
 * accepted by some branch; every shape the server could answer (response) must match an old one.
 */
function compareUnionObjects(
  before: Json,
  after: Json,
  side: Side,
  where: string,
  ctx: Parameters<typeof compareSchemas>[4],
) {
  const [olds, news] = [objectBranches(before, ctx.old), objectBranches(after, ctx.next)];
  if (olds.length === 1 && news.length === 1) {
    compareObjects(olds[0] as Json, news[0] as Json, side, where, ctx);
    return;
  }
  const [from, to] = side === 'request' ? [olds, news] : [news, olds];
  for (const shape of from) {
    const attempts = to.map((other) => {
      const trial = { ...ctx, out: [] as string[], seen: new Set<string>() };
      const [a, b] = side === 'request' ? [shape, other] : [other, shape];
      compareObjects(a, b, side, where, trial);
      return trial.out;
    });
    if (!attempts.some((problems) => problems.length === 0)) {
      ctx.out.push(...(attempts[0] ?? [`${where}: a shape is no longer possible`]));
    }
  }
}

function compareObjects(
  a: Json,
  b: Json,
  side: Side,
  where: string,
  ctx: Parameters<typeof compareSchemas>[4],
) {
  const [pa, pb] = [(a.properties ?? {}) as Json, (b.properties ?? {}) as Json];
  const [ra, rb] = [
    new Set((a.required ?? []) as string[]),
    new Set((b.required ?? []) as string[]),
  ];
  for (const name of Object.keys(pa)) {
    if (!(name in pb)) ctx.out.push(`${where}.${name}: removed`);
    else if (side === 'response' && ra.has(name) && !rb.has(name)) {
      ctx.out.push(`${where}.${name}: no longer always present`);
    } else compareSchemas(ctx.old(pa[name]), ctx.next(pb[name]), side, `${where}.${name}`, ctx);
  }
  if (side === 'request') {
    for (const name of rb) if (!ra.has(name)) ctx.out.push(`${where}.${name}: now required`);
  }
}

const jsonSchemaOf = (content: unknown) => {
  const media = isObject(content)
    ? Object.entries(content).find(([t]) => t.endsWith('json'))
    : undefined;
  return isObject(media?.[1]) ? media[1].schema : undefined;
};

/** Every change of `next` that breaks a client of `old`, one line each. */
export function breakingChanges(old: Doc, next: Doc): string[] {
  const ctx = {
    old: resolver(old),
    next: resolver(next),
    out: [] as string[],
    seen: new Set<string>(),
  };
  for (const [route, item] of Object.entries(old.paths ?? {})) {
    for (const method of METHODS.filter((m) => isObject(item[m]))) {
      const op = `${method.toUpperCase()} ${route}`;
      const was = item[method] as Json;
      const now = next.paths?.[route]?.[method];
      if (!isObject(now)) {
        ctx.out.push(`${op}: removed`);
        continue;
      }
      const params = (o: Json, resolve: (n: unknown) => Json) =>
        new Map(
          ((o.parameters ?? []) as unknown[]).map(resolve).map((p) => [`${p.in}:${p.name}`, p]),
        );
      const [pa, pb] = [params(was, ctx.old), params(now, ctx.next)];
      for (const [id, p] of pa) {
        const q = pb.get(id);
        if (!q) ctx.out.push(`${op}: parameter ${id} removed`);
        else compareSchemas(ctx.old(p.schema), ctx.next(q.schema), 'request', `${op} ${id}`, ctx);
      }
      for (const [id, q] of pb) {
        if (q.required === true && pa.get(id)?.required !== true)
          ctx.out.push(`${op}: parameter ${id} now required`);
      }
      const [ba, bb] = [ctx.old(was.requestBody), ctx.next(now.requestBody)];
      if (bb.required === true && ba.required !== true) ctx.out.push(`${op}: body now required`);
      const [sa, sb] = [jsonSchemaOf(ba.content), jsonSchemaOf(bb.content)];
      if (sa && sb) compareSchemas(ctx.old(sa), ctx.next(sb), 'request', `${op} body`, ctx);
      const [ra, rb] = [(was.responses ?? {}) as Json, (now.responses ?? {}) as Json];
      for (const status of Object.keys(ra).filter((s) => s.startsWith('2'))) {
        if (!(status in rb)) ctx.out.push(`${op}: response ${status} removed`);
        const [xa, xb] = [
          jsonSchemaOf(ctx.old(ra[status]).content),
          jsonSchemaOf(ctx.next(rb[status]).content),
        ];
        if (xa && xb) compareSchemas(ctx.old(xa), ctx.next(xb), 'response', `${op} ${status}`, ctx);
      }
      const security = (o: Json) => JSON.stringify(o.security ?? null);
      if (
        (was.security as unknown[] | undefined)?.length === 0 &&
        security(now) !== security(was)
      ) {
        ctx.out.push(`${op}: now requires authentication`);
      }
    }
  }
  return ctx.out;
}
