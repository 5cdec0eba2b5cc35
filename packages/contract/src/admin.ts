import { z } from 'zod';

export const OutboxMail = z
  .object({
    id: z.uuid(),
    to: z.string().max(254),
    subject: z.string().max(500),
    text: z.string().max(20_000),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'OutboxMail' });

export const OutboxList = z
  .object({ items: z.array(OutboxMail).max(100) })
  .meta({ id: 'OutboxList' });

export const OutboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const UserIdParams = z.object({ id: z.uuid() });
