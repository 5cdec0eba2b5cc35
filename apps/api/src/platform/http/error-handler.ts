import { type ErrorCode, errorCatalogue, type FieldError } from '@taskflow/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { DomainError, type FieldIssue, RetryLaterError, StaleVersionError } from '../errors.ts';
import { AppError } from './errors.ts';
import { sendProblem } from './problem.ts';

/** What a 503 tells the client to wait before trying again. */
export const RETRY_AFTER_SECONDS = 2;

const fastifyCodes: Partial<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  // @fastify/multipart
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_REQ_FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
};

const byStatus: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

const contextNames: Record<string, string> = { querystring: 'query' };

function fieldErrors(
  context: string | undefined,
  items: { instancePath: string; message?: string | undefined }[],
): FieldError[] {
  const prefix = contextNames[context ?? ''] ?? context ?? 'request';
  return items.map((item) => ({
    path: [prefix, ...item.instancePath.split('/').filter(Boolean)].join('.'),
    message: item.message ?? 'Invalid value',
  }));
}

const has = (value: unknown, key: string) =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key);

/** A domain field by its request path: the query's, the path's, or else the body's. */
function pathOf(request: FastifyRequest, { field }: FieldIssue) {
  const top = field.split('.')[0] ?? field;
  const where = has(request.query, top) ? 'query' : has(request.params, top) ? 'params' : 'body';
  return `${where}.${field}`;
}

/** Statuses, headers and request paths of a domain error: the HTTP layer alone knows them. */
function sendDomainError(request: FastifyRequest, reply: FastifyReply, error: DomainError) {
  if (error instanceof AppError && error.headers) reply.headers(error.headers);
  if (error instanceof StaleVersionError) reply.header('etag', `"${error.current.version}"`);
  if (error instanceof RetryLaterError) reply.header('retry-after', String(error.seconds));
  if (errorCatalogue[error.code].status >= 500) {
    request.log.error({ err: error }, 'request failed');
  }
  const errors =
    error instanceof AppError
      ? error.errors
      : error.fields?.map((issue) => ({ path: pathOf(request, issue), message: issue.message }));
  return sendProblem(request, reply, error.code, {
    detail: error.detail,
    errors,
    members: error.data,
  });
}

/**
 * The one error handler: every failure leaves as RFC 9457 problem+json with a catalogue code.
 * Client errors say what went wrong; server errors say only that something did, and the request
 * id to quote — their cause goes to the log.
 */
export const errorHandler = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof DomainError) return sendDomainError(request, reply, error);
      if (error.validation) {
        return sendProblem(request, reply, 'VALIDATION_FAILED', {
          detail: 'One or more fields are not valid',
          errors: fieldErrors(error.validationContext, error.validation),
        });
      }
      const known = fastifyCodes[error.code];
      if (known) return sendProblem(request, reply, known, { detail: error.message });
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        return sendProblem(request, reply, byStatus[status] ?? 'BAD_REQUEST');
      }
      if (isDatabaseUnavailable(error)) {
        // Overload or a database restart: the client may try again shortly, here or elsewhere.
        request.log.warn({ err: error }, 'database unavailable');
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        return sendProblem(request, reply, 'SERVICE_UNAVAILABLE', {
          detail: 'The service is busy; try again shortly',
        });
      }
      request.log.error({ err: error }, 'unexpected error');
      return sendProblem(request, reply, status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL');
    });
  },
  { name: 'error-handler' },
);
