import compress from '@fastify/compress';
import Fastify, { LogController } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { createJobSystem, type JobSystem, jobsLifecycle } from './job-system.ts';
import { createAdminModule } from './modules/admin/index.ts';
import { createAttachmentsModule } from './modules/attachments/index.ts';
import { createAuthModule } from './modules/auth/index.ts';
import { backupsRoutes } from './modules/backups/index.ts';
import { createCommentsModule } from './modules/comments/index.ts';
import { eventsModule } from './modules/events/index.ts';
import { createExportsModule } from './modules/exports/index.ts';
import { createInvitationsModule, invitedEmailOf } from './modules/invitations/index.ts';
import { createLabelsModule } from './modules/labels/index.ts';
import { createNotificationsModule } from './modules/notifications/index.ts';
import { createSetupModule } from './modules/setup/index.ts';
import { createSystemService, systemRoutes } from './modules/system/index.ts';
import { createTasksModule, labelTasks, memberTasks } from './modules/tasks/index.ts';
import { createWorkModule } from './modules/work/index.ts';
import { createWorkspacesModule } from './modules/workspaces/index.ts';
import { createRedisCache } from './platform/cache/redis-cache.ts';
import { createMemoryCache } from './platform/cache/shared-cache.ts';
import type { Database } from './platform/db/database.ts';
import { bodyParsers } from './platform/http/body-parsers.ts';
import { connectionDraining } from './platform/http/connections.ts';
import { errorHandler } from './platform/http/error-handler.ts';
import { responseHeaders } from './platform/http/headers.ts';
import { createLinkBase, linkOrigins } from './platform/http/link-origin.ts';
import { openApi } from './platform/http/openapi.ts';
import { overload } from './platform/http/overload.ts';
import { sendProblem } from './platform/http/problem.ts';
import { genRequestId, REQUEST_ID_HEADER } from './platform/http/request-id.ts';
import { security } from './platform/http/security.ts';
import { fastSerializerCompiler } from './platform/http/serializer.ts';
import { spa } from './platform/http/spa.ts';
import { createIdempotencyRepository } from './platform/idempotency/idempotency.repository.ts';
import { idempotency } from './platform/idempotency/idempotency.ts';
import { createOutboxMailer, type Mailer } from './platform/mail/mailer.ts';
import { createSmtpMailer } from './platform/mail/smtp-mailer.ts';
import { metrics } from './platform/metrics/metrics.ts';
import { registerSources } from './platform/metrics/registry.ts';
import { storageOrigins } from './platform/storage/index.ts';
import { version } from './version.ts';

type AppDeps = {
  database: Database;
  logger: Logger;
  /**
   * Redis, in cluster mode: rate-limit counters and the cache are shared by every instance.
   * Without it, both live in this process.
   */
  redis?: Redis;
  /** Where mail goes; the development outbox when absent. */
  mailer?: Mailer;
  /** The job system; made here (and started with the app) when absent. */
  jobs?: JobSystem;
};

/** A request holding an idempotency key renews it every second; 3 s unrenewed means it died. */
const IDEMPOTENCY_LEASE_MS = 3_000;

/** Once the server closes, how long a request still arriving may take before it is cut. */
const RECEIVING_GRACE_MS = 2_000;

/** SMTP when configured; otherwise the development outbox (an admin reads it). */
export function createMailer(config: Config, deps: Pick<AppDeps, 'database' | 'logger'>): Mailer {
  if (config.mail.smtpUrl) {
    return createSmtpMailer(config.mail.smtpUrl, config.mail.from);
  }
  if (config.mode === 'cluster') deps.logger.warn('SMTP_URL is not set: mail goes to the outbox');
  return createOutboxMailer(deps.database.db, deps.logger, config.env === 'development');
}

/** A hop count trusts that many proxies in front of TaskFlow (the balancer: 1). */
function trustProxyOption(trust: Config['http']['trustProxy']) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

/** The whole HTTP application as a plugin tree: platform first, then feature modules. */
export async function buildApp(config: Config, deps: AppDeps) {
  const app = Fastify({
    loggerInstance: deps.logger,
    genReqId: genRequestId,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: config.http.bodyLimit,
    trustProxy: trustProxyOption(config.http.trustProxy),
    // Requests that reach a closing server are still served (see connections.ts); a stalled
    // client is bounded by the request and headers timeouts.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    requestTimeout: config.http.requestTimeoutMs,
    // Signed file links carry their token in the path (a few hundred characters).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1_000 },
    // Errors raised before routing (a malformed URL, an over-long path parameter) are still
    // problem+json with a request id.
    frameworkErrors: (error, request, reply) => {
      request.log.info({ code: error.code }, 'request refused before routing');
      reply.header(REQUEST_ID_HEADER, request.id);
      sendProblem(request, reply, 'BAD_REQUEST', { detail: 'The request URL is not valid' });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  const links = createLinkBase({
    publicUrl: config.http.publicUrl ? config.auth.appUrl : undefined,
    fallback: config.auth.appUrl,
    allowedOrigins: config.http.corsOrigins,
    listenHost: config.http.host,
  });
  app.setSerializerCompiler(fastSerializerCompiler);

  (app.server as import('node:http').Server).headersTimeout = config.http.headersTimeoutMs;
  await app.register(connectionDraining, { receivingGraceMs: RECEIVING_GRACE_MS });
  await app.register(errorHandler);
  await app.register(bodyParsers);
  await app.register(responseHeaders, {
    http: config.http,
    fileOrigins: storageOrigins(config.files),
  });
  await app.register(overload, { maxMeanLagMs: config.http.shedLagMs });
  await app.register(security, {
    http: config.http,
    redis: deps.redis,
    redisPrefix: config.redis.keyPrefix,
  });
  // Before compression: it keeps the response as sent by the route.
  await app.register(idempotency, {
    repo: createIdempotencyRepository(deps.database.db),
    leaseMs: IDEMPOTENCY_LEASE_MS,
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(linkOrigins, { links, port: config.http.port });
  await app.register(openApi, { version });
  await app.register(metrics, { token: config.metrics.token });

  const mailer = deps.mailer ?? createMailer(config, deps);
  app.addHook('onClose', async () => mailer.close?.());
  const jobSystem =
    deps.jobs ??
    createJobSystem(
      { database: deps.database, mailer, logger: deps.logger, config },
      { migrate: config.mode === 'embedded', supervise: config.jobs.inProcess },
    );
  await app.register(jobsLifecycle, { jobs: jobSystem, config, logger: deps.logger });
  const db = deps.database.db;
  const auth = createAuthModule({
    db,
    listen: deps.database.listen,
    mailer,
    logger: deps.logger,
    config,
    appUrl: links.appUrl,
    invitedEmail: invitedEmailOf(db),
  });
  const { guards } = auth;
  const system = createSystemService({
    db: deps.database.db,
    ping: deps.database.ping,
    databaseKind: deps.database.kind,
    poolCounts: deps.database.poolCounts,
    redis: deps.redis,
    jobs: {
      started: () => jobSystem.queue.started,
      counts: () => jobSystem.jobsAdmin.totals(),
      workers: () => jobSystem.queue.workerCount,
    },
    openStreams: () => app.eventBus.size,
    draining: () => app.draining,
    version,
    mode: config.mode,
  });
  const admin = createAdminModule({
    db,
    guards,
    jobsAdmin: jobSystem.jobsAdmin,
    system,
    forget: auth.forget,
  });
  await app.register(auth.routes);
  await app.register(admin.usersRoutes);
  await app.register(backupsRoutes, { backups: jobSystem.backups, guards });
  await app.register(createSetupModule({ db, guards, limit: config.auth.rateLimits }).routes);
  await app.register(eventsModule, {
    database: deps.database,
    guards,
    sessions: auth.sessions,
    logger: deps.logger,
    settings: config.events,
  });
  await app.register(createNotificationsModule({ db, guards }).routes);
  const workspaces = createWorkspacesModule({
    db,
    guards,
    addMemberLimit: config.workspaces.addMemberLimit,
    memberTasks,
    appUrl: links.appUrl,
    mail: jobSystem.mailAfterCommit,
  });
  await app.register(workspaces.routes);
  const invitations = createInvitationsModule({
    db,
    guards,
    limits: {
      create: config.invitations.createLimit,
      accept: config.invitations.acceptLimit,
    },
    appUrl: links.appUrl,
    mail: jobSystem.mailAfterCommit,
    workspaceFor: workspaces.workspaceFor,
  });
  await app.register(invitations.routes);
  const tasks = createTasksModule({
    db,
    guards,
    cache: deps.redis ? createRedisCache(deps.redis, config.redis.keyPrefix) : createMemoryCache(),
    logger: deps.logger,
    isMember: workspaces.isMember,
  });
  await app.register(tasks.routes);
  await app.register(
    createLabelsModule({ db, guards, roleOf: workspaces.roleOf, labelTasks }).routes,
  );
  await app.register(createWorkModule({ db, guards }).routes);
  const comments = createCommentsModule({
    db,
    guards,
    writeLimit: config.comments.writeLimit,
    appUrl: links.appUrl,
    mail: jobSystem.mailAfterCommit,
  });
  await app.register(comments.routes);
  const attachments = createAttachmentsModule({
    db,
    guards,
    store: jobSystem.files,
    links: auth.links,
    thumbnail: jobSystem.thumbnailAfterCommit,
    files: config.files,
  });
  await app.register(attachments.routes);
  const exportsModule = createExportsModule({
    db,
    guards,
    maxPerHour: config.exports.perHour,
    schedule: jobSystem.scheduleExport,
  });
  await app.register(exportsModule.routes);

  app.addHook('onClose', async () => system.close());
  // The first reading of the migrations is taken before traffic; later ones never wait for it.
  app.addHook('onReady', async () => void (await system.readiness()));
  registerSources({ sseConnections: () => app.eventBus.size, pool: deps.database.poolCounts });
  await app.register(systemRoutes, { service: system });
  await app.register(admin.opsRoutes);

  await app.register(spa, { distDir: config.web.distDir });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
