/**
 * Child-process entry of the micro scenarios: `node scripts/bench/http/micro-server.ts <kind> <port>`.
 * Each server runs alone in its own process, on 127.0.0.1, without logger or plugins, so that
 * the load generator in the parent process measures nothing but the route.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { fastSerializerCompiler } from './fast-serializer.ts';
import { RowsResponse, rowsResponse } from './rows.ts';

export const serverKinds = ['hello', 'rows-zod', 'rows-fast'] as const;
export type ServerKind = (typeof serverKinds)[number];

/** 1. The bare route: the ceiling every other scenario is compared to. */
function hello(): FastifyInstance {
  const app = Fastify();
  app.get('/hello', async () => ({ hello: 'world' }));
  return app;
}

/** 2. The same 20 rows, zod response schema, serialized by the given compiler. */
function rows(serializer: 'zod' | 'fast'): FastifyInstance {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializer === 'zod' ? serializerCompiler : fastSerializerCompiler);
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/rows', { schema: { response: { 200: RowsResponse } } }, async () => rowsResponse);
  return app;
}

export function buildServer(kind: ServerKind): FastifyInstance {
  switch (kind) {
    case 'hello':
      return hello();
    case 'rows-zod':
      return rows('zod');
    case 'rows-fast':
      return rows('fast');
  }
}

function isKind(value: string | undefined): value is ServerKind {
  return serverKinds.some((kind) => kind === value);
}

async function main(): Promise<void> {
  const [kind, port] = process.argv.slice(2);
  if (!isKind(kind) || !port || !/^\d+$/.test(port)) {
    console.error(
      `usage: node scripts/bench/http/micro-server.ts <${serverKinds.join('|')}> <port>`,
    );
    process.exit(2);
  }
  const app = buildServer(kind);
  await app.listen({ host: '127.0.0.1', port: Number(port) });
  const stop = () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (import.meta.main) await main();
