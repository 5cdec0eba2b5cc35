import { createHash, randomUUID } from 'node:crypto';
import { Transform } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
  RequestPayload,
  RouteOptions,
} from 'fastify';
import fp from 'fastify-plugin';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { duringWrites } from '../db/transact.ts';
import { AppError } from '../http/errors.ts';
import type { Claim, IdempotencyRepository, StoredResponse } from './idempotency.repository.ts';

const IDEMPOTENCY_HEADER = 'idempotency-key';
/** What a replayed response says, beside the first response's status, headers and body. */
const REPLAYED_HEADER = 'idempotent-replayed';

/** A request still running under the same key is waited for this long, then 409. */
const IN_FLIGHT_WAIT_MS = 5_000;
const POLL_MS = 100;
/** The response headers given again on a replay. */
const KEPT_HEADERS = ['content-type', 'etag', 'location'];
const validKey = /^[\x21-\x7e]{1,255}$/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: Claim & { renewal: NodeJS.Timeout };
  }
}

/** POSTs of the API that a signed-in user makes; sign-in and the like have their own rules. */
export function takesIdempotencyKey(method: string | string[], url: string) {
  const methods = [method].flat();
  return methods.includes('POST') && url.startsWith('/api/v1/') && !url.startsWith('/api/v1/auth/');
}

type Options = {
  repo: IdempotencyRepository;
  /**
   * A running request renews its key every third of this; a key not renewed for this long has
   * lost its process, and a retry may take it over unless its write committed.
   */
  leaseMs: number;
};

/**
 * `Idempotency-Key` on POST: the first request with a key runs; the key is marked in the same
 * transaction as its writes, and its response (2xx or 4xx) is kept for 24 hours. The same key
 * with the same body answers that response again (`Idempotent-Replayed: true`) and writes
 * nothing; with another body, 422. While the first is still running, a retry waits for it a few
 * seconds, then gets 409. A first request that failed with 5xx before committing leaves the key
 * free. One whose process died (its key no longer renewed) is taken over by the retry, unless it
 * had committed: that one is never run twice, and the retry gets 409. Only the request that owns
 * the key can mark it committed, so a request taken over for dead while merely slow cannot
 * commit its write too (decision 0013).
 */
export const idempotency = fp(
  async (app: FastifyInstance, { repo, leaseMs }: Options) => {
    /** True when this request must run; false when a stored response was sent instead. */
    async function begin(request: FastifyRequest, reply: FastifyReply, claim: Claim) {
      const fingerprint = fingerprintOf(request);
      if (await repo.claim(claim, fingerprint)) return true;
      const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
      for (;;) {
        const row = await repo.find(claim.userId, claim.key);
        if (!row) {
          if (await repo.claim(claim, fingerprint)) return true;
          continue;
        }
        if (row.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED');
        if (row.status !== null) {
          replay(reply, {
            status: row.status,
            headers: row.response_headers ?? {},
            body: row.response_body,
          });
          return false;
        }
        const abandoned = row.locked_ms > leaseMs;
        if (abandoned && !row.committed && (await repo.takeOver(claim, leaseMs))) return true;
        if (Date.now() >= deadline || (abandoned && row.committed)) {
          throw new AppError('IDEMPOTENCY_KEY_IN_USE', {
            detail: row.committed
              ? 'The request with this key was carried out, but its response was not kept'
              : undefined,
            headers: { 'retry-after': '1' },
          });
        }
        await sleep(POLL_MS);
      }
    }

    async function markCommitted(trx: Transaction<DB>, claim: Claim) {
      if (!(await repo.markCommitted(trx, claim))) {
        // Taken over by a retry while this request was too slow to renew it: the retry's write
        // is the one that counts, this one rolls back.
        throw new AppError('IDEMPOTENCY_KEY_IN_USE', { headers: { 'retry-after': '1' } });
      }
    }

    function check(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
      const key = request.headers[IDEMPOTENCY_HEADER];
      if (key === undefined || !request.auth) return done();
      if (typeof key !== 'string' || !validKey.test(key)) {
        return done(
          new AppError('VALIDATION_FAILED', {
            detail: 'The Idempotency-Key header is not valid',
            errors: [
              { path: 'header.idempotency-key', message: 'Use 1 to 255 visible ASCII characters' },
            ],
          }),
        );
      }
      const claim: Claim = { userId: request.auth.sub, key, owner: randomUUID() };
      begin(request, reply, claim).then((run) => {
        if (!run) return;
        const renewal = setInterval(() => {
          repo.renew(claim).catch((error) => request.log.warn({ err: error }, 'key not renewed'));
        }, leaseMs / 3);
        renewal.unref();
        request.idempotency = { ...claim, renewal };
        duringWrites((trx) => markCommitted(trx, claim), done);
      }, done);
    }

    app.addHook('onRoute', (route: RouteOptions) => {
      if (!takesIdempotencyKey(route.method, route.url)) return;
      route.preParsing = [...[route.preParsing ?? []].flat(), fingerprintBody];
      // After the route's own pre-handlers: the caller is known by then.
      route.preHandler = [...[route.preHandler ?? []].flat(), check];
    });

    /** Keeps a claimed request's response; the other requests pass through without a promise. */
    const keep = async (
      request: FastifyRequest,
      reply: FastifyReply,
      payload: unknown,
      claim: NonNullable<FastifyRequest['idempotency']>,
    ) => {
      request.idempotency = undefined;
      clearInterval(claim.renewal);
      if (reply.statusCode >= 500) {
        await repo.release(claim).catch((error) => {
          request.log.warn({ err: error }, 'idempotency key not released');
        });
        return payload;
      }
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      const body =
        typeof payload === 'string'
          ? payload
          : Buffer.isBuffer(payload)
            ? payload.toString()
            : null;
      // The response is sent whatever happens here; a retry then finds the key committed.
      await repo
        .complete(claim, { status: reply.statusCode, headers, body })
        .catch((error) => request.log.warn({ err: error }, 'idempotent response not kept'));
      return payload;
    };
    app.addHook('onSend', (request, reply, payload, done) => {
      const claim = request.idempotency;
      if (!claim) return done(null, payload);
      keep(request, reply, payload, claim).then((kept) => done(null, kept), done);
    });
    // A request that ends without a response (its client went away) stops renewing.
    app.addHook('onResponse', (request, _reply, done) => {
      if (request.idempotency) clearInterval(request.idempotency.renewal);
      done();
    });
  },
  { name: 'idempotency' },
);

function replay(reply: FastifyReply, response: StoredResponse) {
  reply.status(response.status).headers(response.headers).header(REPLAYED_HEADER, 'true');
  reply.send(response.body ?? undefined);
}

const bodyDigests = new WeakMap<FastifyRequest, string>();

/** The body's bytes are hashed as they arrive, for requests that carry a key. */
function fingerprintBody(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: RequestPayload,
  done: (error: Error | null, payload?: RequestPayload) => void,
) {
  if (request.headers[IDEMPOTENCY_HEADER] === undefined) return done(null, payload);
  const hash = createHash('sha256');
  const tee = new Transform({
    transform(chunk, _encoding, next) {
      hash.update(chunk);
      next(null, chunk);
    },
    flush(next) {
      bodyDigests.set(request, hash.digest('base64url'));
      next();
    },
  });
  payload.on('error', (error) => tee.destroy(error));
  done(null, payload.pipe(tee));
}

/** What makes two requests "the same": method, path and query, and the body's bytes. */
function fingerprintOf(request: FastifyRequest) {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${bodyDigests.get(request) ?? ''}`)
    .digest('base64url');
}
