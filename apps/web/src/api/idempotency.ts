import type { Middleware } from 'openapi-fetch';
import { retryAfterSeconds } from './api-error.ts';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Every attempt of one call, the first included. */
export const MAX_ATTEMPTS = 3;
/** A longer Retry-After is left to the user: the error message says when to try again. */
const MAX_RETRY_AFTER_MS = 5_000;
/**
 * Never sent twice, as in the auth middleware: a refresh rotates its cookie, and the server takes
 * a rotated cookie presented again for a stolen one and ends the session.
 */
const AUTH_PATH = '/api/v1/auth/';

/**
 * A new key on every POST. The API answers a repeated key and body with the first response, so a
 * create that may have reached the server can be sent again without creating twice.
 */
export const idempotencyKeyMiddleware: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'POST' || request.headers.has(IDEMPOTENCY_KEY_HEADER)) return undefined;
    request.headers.set(IDEMPOTENCY_KEY_HEADER, crypto.randomUUID());
    return request;
  },
};

const resendable = (request: Request) =>
  request.headers.has(IDEMPOTENCY_KEY_HEADER) && !new URL(request.url).pathname.includes(AUTH_PATH);

/** 250 ms before the second attempt, 1 s before the third. */
const backoff = (attempt: number) => (attempt === 1 ? 250 : 1_000);

/** How long to wait before the next attempt after a response, or null to keep this one. */
function waitAfter(response: Response, attempt: number): number | null {
  if (response.status < 500) return null;
  const seconds = retryAfterSeconds(response);
  if (seconds === undefined) return backoff(attempt);
  return seconds * 1_000 <= MAX_RETRY_AFTER_MS ? seconds * 1_000 : null;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Sends a POST that carries an idempotency key again, with the same key and body, when no response
 * came back (fetch rejected with a TypeError) or the server answered 5xx: up to MAX_ATTEMPTS in
 * all. Everything else is sent once: TanStack Query already retries queries (lib/query-client.ts),
 * and PATCH and DELETE carry no key.
 */
export async function sendWithRetries(
  request: Request,
  send: (request: Request) => Promise<Response>,
): Promise<Response> {
  if (!resendable(request)) return send(request);
  // A body can be read only once: every attempt after the first sends a copy of this one.
  const pristine = request.clone();
  for (let attempt = 1; ; attempt++) {
    const last = attempt === MAX_ATTEMPTS;
    let wait: number | null;
    try {
      const response = await send(attempt === 1 ? request : pristine.clone());
      wait = last ? null : waitAfter(response, attempt);
      if (wait === null) return response;
      await response.body?.cancel();
    } catch (error) {
      // A TypeError means no response came back; an abort (a DOMException) is not sent again.
      if (last || !(error instanceof TypeError)) throw error;
      wait = backoff(attempt);
    }
    await sleep(wait, request.signal);
  }
}
