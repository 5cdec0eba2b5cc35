import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Names every parameterized statement after a hash of its text, so that PostgreSQL prepares it
 * once per connection and skips planning it again: for TaskFlow's list of tasks, planning costs
 * more than running (measured with pgbench: 3× the statements per second prepared). The set of
 * statements is finite (Kysely builds them from a fixed set of shapes), so the statements each
 * connection keeps are bounded. Statements without parameters (BEGIN, COMMIT, DDL) go as they are.
 *
 * Not for a pooler in transaction mode that does not carry prepared statements between server
 * connections (DB_PREPARED_STATEMENTS=false turns this off).
 */
export function withPreparedStatements(pool: pg.Pool): pg.Pool {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (name === undefined) {
      name = `tf_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
      names.set(text, name);
    }
    return name;
  };

  const prepare = (client: pg.PoolClient): pg.PoolClient =>
    new Proxy(client, {
      get(target, property, receiver) {
        if (property !== 'query') return Reflect.get(target, property, receiver);
        return (...args: unknown[]) => {
          const [text, values] = args;
          if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
            args.splice(0, 2, { name: nameOf(text), text, values });
          }
          return Reflect.apply(target.query, target, args);
        };
      },
    });

  type Done = (release?: unknown) => void;
  type Callback = (error: Error | undefined, client?: pg.PoolClient, done?: Done) => void;
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property !== 'connect') return Reflect.get(target, property, receiver);
      // Both forms of pg's connect: a promise, or a callback (pool.query uses that one).
      return (callback?: Callback) => {
        if (!callback) return target.connect().then(prepare);
        target.connect((error, client, done) =>
          callback(error ?? undefined, client ? prepare(client) : undefined, done),
        );
        return undefined;
      };
    },
  });
}
