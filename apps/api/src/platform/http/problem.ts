import { type ErrorCode, errorCatalogue, type FieldError, problemType } from '@taskflow/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  extra: {
    detail?: string | undefined;
    errors?: FieldError[] | undefined;
    members?: Record<string, unknown> | undefined;
  } = {},
) {
  const { status, title } = errorCatalogue[code];
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      ...extra.members,
      type: problemType(code),
      title,
      status,
      ...(extra.detail === undefined ? {} : { detail: extra.detail }),
      // The path only (a query may hold secrets), bounded as the contract says.
      instance: request.url.split('?')[0]?.slice(0, 2000),
      code,
      requestId: request.id,
      ...(extra.errors === undefined ? {} : { errors: extra.errors }),
    });
}
