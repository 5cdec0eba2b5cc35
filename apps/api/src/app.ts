import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import Fastify, { LogController } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import pkg from '../package.json' with { type: 'json' };
import type { Config } from './config.ts';
import { createAccounts } from './modules/auth/auth.module.ts';
import { eventsModule } from './modules/events/events.module.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import { createSystemService } from './modules/system/system.service.ts';
import { workspacesModule } from './modules/workspaces/workspaces.module.ts';
import { createRedisCache } from './platform/cache/redis-cache.ts';
import { createMemoryCache } from './platform/cache/shared-cache.ts';
import type { Database } from './platform/db/database.ts';
import { connectionDraining } from './platform/http/connections.ts';
import { errorHandler } from './platform/http/error-handler.ts';
import { responseHeaders } from './platform/http/headers.ts';
import { openApi } from './platform/http/openapi.ts';
import { sendProblem } from './platform/http/problem.ts';
import { genRequestId, REQUEST_ID_HEADER } from './platform/http/request-id.ts';
import { security } from './platform/http/security.ts';
import { fastSerializerCompiler } from './platform/http/serializer.ts';
import { spa } from './platform/http/spa.ts';
import { createOutboxMailer, type Mailer } from './platform/mail/mailer.ts';
import { createSmtpMailer } from './platform/mail/smtp-mailer.ts';

export type AppDeps = {
  database: Database;
  logger: Logger;
  /**
   * Redis, in cluster mode: rate-limit counters and the cache are shared by every instance.
   * Without it, both live in this process.
   */
  redis?: Redis;
  /** Where mail goes; the development outbox when absent. */
  mailer?: Mailer;
};

export const version = pkg.version;

/** SMTP when configured; otherwise the development outbox (an admin reads it). */
function createMailer(config: Config, deps: AppDeps): Mailer {
  if (config.mail.smtpUrl) {
    return createSmtpMailer(config.mail.smtpUrl, config.mail.from);
  }
  if (config.mode === 'cluster') deps.logger.warn('SMTP_URL is not set: mail goes to the outbox');
  return createOutboxMailer(deps.database.db, deps.logger, config.env === 'development');
}

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
    // Errors raised before routing (a malformed URL, an over-long path parameter) are still
    // problem+json with a request id.
    frameworkErrors: (error, request, reply) => {
      request.log.info({ code: error.code }, 'request refused before routing');
      reply.header(REQUEST_ID_HEADER, request.id);
      sendProblem(request, reply, 'BAD_REQUEST', { detail: 'The request URL is not valid' });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(fastSerializerCompiler);

  await app.register(connectionDraining);
  await app.register(errorHandler);
  await app.register(responseHeaders, { http: config.http });
  await app.register(security, { http: config.http, redis: deps.redis });
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  await app.register(openApi, { version });

  const mailer = deps.mailer ?? createMailer(config, deps);
  app.addHook('onClose', async () => mailer.close?.());
  const accounts = createAccounts({ db: deps.database.db, mailer, logger: deps.logger, config });
  await app.register(accounts.routes);
  await app.register(eventsModule, {
    database: deps.database,
    guards: accounts.guards,
    sessions: accounts.sessions,
    logger: deps.logger,
    settings: config.events,
  });
  await app.register(notificationsRoutes, { db: deps.database.db, guards: accounts.guards });
  await app.register(workspacesModule, {
    db: deps.database.db,
    guards: accounts.guards,
    cache: deps.redis ? createRedisCache(deps.redis) : createMemoryCache(),
    logger: deps.logger,
    addMemberLimit: config.workspaces.addMemberLimit,
  });

  const system = createSystemService({
    db: deps.database.db,
    redis: deps.redis,
    version,
    mode: config.mode,
  });
  await app.register(systemRoutes, { service: system });

  await app.register(spa, { distDir: config.web.distDir });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
