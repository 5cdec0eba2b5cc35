import { Backup, BackupList, BackupParams } from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminBearer, routeSchemas } from '../../platform/http/responses.ts';
import type { Guards } from '../auth/index.ts';
import type { BackupService } from './backups.service.ts';

type Options = { backups: BackupService; guards: Guards };

const route = routeSchemas({ tags: ['admin'], security: adminBearer, problems: [401, 403] });

/** The archive's bytes (a stream), documented as what it is. */
const archiveResponse = {
  description: 'The backup: a gzipped tar of the manifest, the database and the attachments',
  content: {
    'application/gzip': {
      schema: z.string().max(Number.MAX_SAFE_INTEGER).meta({ format: 'binary' }),
    },
  },
} as unknown as z.ZodString;

/** Backups of the embedded database, for administrators: list, take one, download. */
export async function backupsRoutes(instance: FastifyInstance, { backups, guards }: Options) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  for (const guard of guards.authorize('admin')) app.addHook('preValidation', guard);

  app.get(
    '/api/v1/admin/backups',
    {
      schema: route({
        operationId: 'listBackups',
        summary: 'Backups of the embedded database, newest first, with the schedule',
        response: { 200: BackupList },
      }),
    },
    async () => backups.list(),
  );

  app.post(
    '/api/v1/admin/backups',
    {
      schema: route({
        operationId: 'createBackup',
        summary: 'Take a backup now',
        description:
          'A consistent snapshot taken while TaskFlow serves: requests wait while the database’s files are copied (about a second for a small team’s data). 409 `BACKUP_IN_PROGRESS` while another is being taken, `BACKUPS_UNAVAILABLE` in cluster mode.',
        response: { 201: Backup },
        problems: [409],
      }),
    },
    async (_request, reply) => reply.code(201).send(await backups.create('manual')),
  );

  app.get(
    '/api/v1/admin/backups/:name/download',
    {
      schema: route({
        operationId: 'downloadBackup',
        summary: 'The archive of one backup',
        params: BackupParams,
        response: { 200: archiveResponse },
        problems: [404],
      }),
    },
    async (request, reply) => {
      const file = await backups.open(request.params.name);
      return (
        reply
          .header('content-type', 'application/gzip')
          .header('content-length', file.bytes)
          .header('content-disposition', `attachment; filename="${file.name}"`)
          .header('cache-control', 'private, no-store')
          // A stream of the archive; the schema above documents its bytes.
          .send(file.stream as never)
      );
    },
  );
}
