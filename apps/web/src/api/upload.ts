import type { paths } from '@taskflow/contract/openapi';
import { bearer, tokenAfterRefusal, tokenSource } from './access-token.ts';
import { ApiError, REQUEST_ID_HEADER } from './api-error.ts';
import { API_BASE_URL } from './client.ts';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency.ts';

/** Bytes sent so far, of `total`. */
export type OnProgress = (loaded: number, total: number) => void;

type Sending = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: XMLHttpRequestBodyInit;
  signal?: AbortSignal | undefined;
  onProgress?: OnProgress | undefined;
};

const WITHOUT_BODY = new Set([204, 205, 304]);

function responseOf(xhr: XMLHttpRequest): Response {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const body = WITHOUT_BODY.has(xhr.status) ? null : xhr.responseText;
  return new Response(body, { status: xhr.status, headers });
}

/**
 * Sends a request through XMLHttpRequest, whose upload reports its progress (fetch's does not),
 * and resolves with its response as fetch would; no response rejects with an ApiError, an abort
 * with the signal's reason.
 */
export function sendWithProgress({ method, url, headers, body, signal, onProgress }: Sending) {
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    xhr.open(method, url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => resolve(responseOf(xhr));
    xhr.onerror = () =>
      reject(
        ApiError.network(new Request(url, { method, headers }), new TypeError('Upload failed')),
      );
    xhr.onabort = () => reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    xhr.onloadend = () => signal?.removeEventListener('abort', abort);
    signal?.addEventListener('abort', abort, { once: true });
    xhr.send(body);
  });
}

/** A response's JSON when it succeeded; its ApiError (from its problem+json) when it did not. */
export async function readJson<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok || body === undefined) throw ApiError.fromResponse(response, body);
  return body as T;
}

/** An API path with its `{parameters}` filled in. */
export function pathOf<P extends keyof paths>(template: P, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
}

/**
 * POSTs a form to the API as the typed client sends its calls — bearer token (on a 401, refreshed
 * and sent again once), request id, idempotency key — and reports the upload's progress.
 */
export async function postForm(
  path: string,
  form: FormData,
  options: { signal?: AbortSignal; onProgress?: OnProgress } = {},
): Promise<Response> {
  const headers = {
    [REQUEST_ID_HEADER]: crypto.randomUUID(),
    [IDEMPOTENCY_KEY_HEADER]: crypto.randomUUID(),
  };
  const send = (token: string | null) =>
    sendWithProgress({
      method: 'POST',
      url: `${API_BASE_URL}${path}`,
      headers: token ? { ...headers, Authorization: bearer(token) } : headers,
      body: form,
      ...options,
    });
  const token = tokenSource.getAccessToken();
  const response = await send(token);
  if (response.status !== 401 || !token) return response;
  const renewed = await tokenAfterRefusal(token, tokenSource);
  return renewed ? send(renewed) : response;
}
