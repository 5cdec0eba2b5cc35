import { type Compilable, type CompiledQuery, createQueryId, type Kysely } from 'kysely';

const SLOT = Symbol('prepared statement value');
type Slot = { readonly [SLOT]: number };

const isSlot = (value: unknown): value is Slot =>
  typeof value === 'object' && value !== null && SLOT in value;

/**
 * A statement of fixed shape, built and compiled once and then run with new values. On the
 * hottest reads, building and compiling a query costs more time in the process than the
 * driver's round trip; a prepared statement pays it once per database adapter.
 *
 * `build` receives opaque stand-ins for its values, so it must not branch on them, and each must
 * be bound as one value (not spread, as the items of an `in` list would be): a statement whose
 * shape depends on its values stays an ordinary query.
 */
export function prepared<DB, Args extends readonly unknown[], Row>(
  arity: Args['length'],
  build: (db: Kysely<DB>, ...values: Args) => Compilable<Row>,
) {
  const templates = new WeakMap<object, CompiledQuery<Row>>();
  const template = (db: Kysely<DB>) => {
    // The adapter is shared by a database and its transactions: one compilation serves both.
    const key = db.getExecutor().adapter;
    let compiled = templates.get(key);
    if (!compiled) {
      const slots = Array.from({ length: arity }, (_, i): Slot => ({ [SLOT]: i }));
      compiled = build(db, ...(slots as unknown as Args)).compile();
      const used = new Set(compiled.parameters.filter(isSlot).map((slot) => slot[SLOT]));
      if (used.size !== arity) {
        throw new Error(`a prepared statement binds ${used.size} of its ${arity} values`);
      }
      templates.set(key, compiled);
    }
    return compiled;
  };
  return async (db: Kysely<DB>, ...values: Args): Promise<Row[]> => {
    const compiled = template(db);
    const parameters = compiled.parameters.map((p) => (isSlot(p) ? values[p[SLOT]] : p));
    const result = await db.executeQuery<Row>({
      ...compiled,
      parameters,
      queryId: createQueryId(),
    });
    return result.rows;
  };
}
