/**
 * Schema-driven fuzzing of one operation of the OpenAPI document the app serves. Requests are
 * generated from the operation's own parameter and body schemas — values that satisfy them and
 * values that break them — and every answer is held to what the document declares: no server
 * error, a declared status, the declared media type, a body that validates against its schema.
 */
import fc from 'fast-check';
import {
  type FuzzOptions,
  type FuzzReport,
  findOperation,
  type Injector,
  type OpenApiDocument,
  operationKey,
  type ReceivedResponse,
  type SentRequest,
} from './document.ts';
import { describeRequest, requestArbitrary, withHeaders } from './requests.ts';
import { checkResponse, describeResponse, seedOf } from './responses.ts';

/**
 * Sends `runs` generated requests to one operation and checks every answer. Throws fast-check's
 * report on the first failure: the shrunk request, the answer and what is wrong with it.
 */
export async function fuzzOperation(
  app: Injector,
  doc: OpenApiDocument,
  options: FuzzOptions,
): Promise<FuzzReport> {
  const op = findOperation(doc, options.method, options.path);
  const runs = options.runs ?? 100;
  if (runs < 100) throw new Error('Fuzz at least 100 runs per operation');
  const seed = options.seed ?? seedOf(operationKey(op));
  const statuses: Record<number, number> = {};
  const fixedHeaders = () =>
    typeof options.headers === 'function' ? options.headers() : (options.headers ?? {});
  // A client resolves dot segments (`%2e%2e` too) before sending, and so does `inject`: such a
  // URL reaches another route than this operation's, so it is not a request to this operation.
  const requests = requestArbitrary(doc, op, options.examples).filter(
    (draft) => new URL(draft.url, 'http://localhost').pathname === draft.url.split('?')[0],
  );

  await fc.assert(
    fc.asyncProperty(requests, async (draft) => {
      const request = withHeaders(draft, fixedHeaders());
      const response = await send(app, request);
      statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
      await options.afterEach?.(request, response);
      const problems = checkResponse(doc, op, response);
      if (problems.length > 0) {
        throw new Error(
          [
            `${operationKey(op)}: ${problems.join('; ')}`,
            `request:\n  ${describeRequest(request).replaceAll('\n', '\n  ')}`,
            `response:\n  ${describeResponse(response)}`,
          ].join('\n'),
        );
      }
    }),
    { seed, numRuns: runs, includeErrorInReport: true },
  );
  return { runs, seed, statuses };
}

async function send(app: Injector, request: SentRequest): Promise<ReceivedResponse> {
  const res = await app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: request.headers,
    cookies: request.cookies,
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
  return { statusCode: res.statusCode, headers: res.headers, body: res.body };
}

export * from './document.ts';
export * from './requests.ts';
export * from './responses.ts';
