import compress from '@fastify/compress';
import Fastify, { LogController } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import pkg from '../package.json' with { type: 'json' };
import type { Config } from './config.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import { createSystemService } from './modules/system/system.service.ts';
import type { Database } from './platform/db/database.ts';
import { errorHandler } from './platform/http/error-handler.ts';
import { openApi } from './platform/http/openapi.ts';
import { genRequestId, REQUEST_ID_HEADER } from './platform/http/request-id.ts';
import { security } from './platform/http/security.ts';
import { fastSerializerCompiler } from './platform/http/serializer.ts';
import { spa } from './platform/http/spa.ts';

export type AppDeps = { database: Database; logger: Logger };

export const version = pkg.version;

/** The whole HTTP application as a plugin tree: platform first, then feature modules. */
export async function buildApp(config: Config, deps: AppDeps) {
  const app = Fastify({
    loggerInstance: deps.logger,
    genReqId: genRequestId,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: config.http.bodyLimit,
    trustProxy: config.http.trustProxy,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(fastSerializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  // While shutting down, responses still in flight close their connection, so that keep-alive
  // clients do not hold the server open past its drain.
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });

  await app.register(errorHandler);
  await app.register(security, { http: config.http });
  await app.register(compress, { threshold: 1024 });
  await app.register(openApi, { version });

  const system = createSystemService({ db: deps.database.db, version, mode: config.mode });
  await app.register(systemRoutes, { service: system });

  await app.register(spa, { distDir: config.web.distDir });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
