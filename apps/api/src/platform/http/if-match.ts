import type { FastifyReply } from 'fastify';
import { AppError } from './errors.ts';

/** `If-Match: "7"` → 7; absent or `*` → no condition. `thing` names what the ETag is of. */
export function expectedVersion(header: string | undefined, thing = 'task'): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*"(\d{1,10})"\s*$/.exec(header);
  if (!match) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'headers.if-match', message: `Send the ${thing}’s ETag, such as "3"` }],
    });
  }
  return Number(match[1]);
}

/** Sends a versioned resource with its version as the ETag. */
export const withEtag = <T extends { version: number }>(reply: FastifyReply, resource: T) => {
  reply.header('etag', `"${resource.version}"`);
  return resource;
};
