/** Schema → fast-check arbitraries: values that satisfy a schema and values that break it. */
import fc from 'fast-check';
import { type Examples, isObject, type Json, type Schema } from './document.ts';

/** Not sent at all (a missing parameter, cookie or header). */
export const ABSENT = Symbol('absent');
export type Maybe = unknown | typeof ABSENT;

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

export function createMapper(resolve: (s: Json) => Json, examples: Examples) {
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
