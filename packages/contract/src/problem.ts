import { z } from 'zod';
import { errorCodes } from './errors.ts';

export const FieldError = z
  .object({
    path: z
      .string()
      .max(500)
      .describe('Location of the bad value, e.g. `body.title` or `query.limit`'),
    message: z.string().max(1000),
  })
  .meta({ id: 'FieldError' });

/** RFC 9457 problem details, as every error response of the API carries them. */
export const ProblemDetails = z
  .object({
    type: z.string().max(200),
    title: z.string().max(200),
    status: z.int().min(400).max(599),
    detail: z.string().max(2000).optional(),
    instance: z.string().max(2000).optional(),
    code: z.enum(errorCodes),
    requestId: z.string().max(128),
    errors: z.array(FieldError).max(100).optional(),
  })
  .meta({ id: 'ProblemDetails', description: 'RFC 9457 problem details' });

export type ProblemDetails = z.infer<typeof ProblemDetails>;
export type FieldError = z.infer<typeof FieldError>;
