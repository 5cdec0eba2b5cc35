import type { Workspace } from '@taskflow/contract';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Guards } from '../auth/index.ts';
import { invitationsRoutes } from './invitations.routes.ts';
import { createInvitationsService, type InvitationMail } from './invitations.service.ts';

type Limit = { max: number; windowMs: number };

type Deps = {
  db: Kysely<DB>;
  guards: Guards;
  limits: { create: Limit; accept: Limit };
  /** Where the web app is, for the links in mails. */
  appUrl: () => string;
  /** Sends a mail once `trx` commits (a job enqueued in it). */
  mail: InvitationMail;
  /** A workspace as its member sees it (the workspaces feature). */
  workspaceFor: (workspaceId: string, userId: string) => Promise<Workspace>;
};

/** Invitations to workspaces, by email and by link. */
export function createInvitationsModule({ db, guards, limits, appUrl, mail, workspaceFor }: Deps) {
  const service = createInvitationsService({ db, appUrl, mail, workspaceFor });
  return {
    routes: async (app: FastifyInstance) =>
      app.register(invitationsRoutes, { service, guards, limits }),
  };
}
