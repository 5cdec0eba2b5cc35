import {
  type LabelColour,
  MAX_WORKSPACE_LABELS,
  type WorkspaceLabel,
  type WorkspaceRole,
} from '@taskflow/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import type { LabelTasks } from '../tasks/index.ts';
import type { createLabelsRepository, LabelsRepository } from './labels.repository.ts';

type LabelsUnitOfWork = UnitOfWork<{
  labels: typeof createLabelsRepository;
  labelTasks: (trx: Kysely<DB>) => LabelTasks;
}>;

type Deps = {
  repo: LabelsRepository;
  uow: LabelsUnitOfWork;
  /** The user's role in the workspace; undefined if not a member (the workspaces feature). */
  roleOf: (workspaceId: string, userId: string) => Promise<WorkspaceRole | undefined>;
};

type Scope = { workspaceId: string; userId: string };

const labelNotFound = () => new NotFoundError('label');

/**
 * A workspace's labels. Members see them all (and make new ones by using a name on a task);
 * owners define, rename, recolour and delete them, as they manage the workspace's settings.
 */
export function createLabelsService({ repo, uow, roleOf }: Deps) {
  async function requireRole(scope: Scope, owner: boolean) {
    const role = await roleOf(scope.workspaceId, scope.userId);
    if (!role) throw new NotFoundError('workspace');
    if (owner && role !== 'owner') throw new DomainError('FORBIDDEN');
  }

  return {
    async list(scope: Scope): Promise<WorkspaceLabel[]> {
      await requireRole(scope, false);
      return repo.list(scope.workspaceId, MAX_WORKSPACE_LABELS * 2);
    },

    async create(scope: Scope, body: { name: string; colour: LabelColour }) {
      await requireRole(scope, true);
      if ((await repo.count(scope.workspaceId)) >= MAX_WORKSPACE_LABELS) {
        throw new DomainError('LIMIT_REACHED', {
          detail: `A workspace can define at most ${MAX_WORKSPACE_LABELS} labels`,
        });
      }
      return repo.insert(scope.workspaceId, body.name, body.colour);
    },

    /** A new name is also given to the label on every task that carries it. */
    async update(
      scope: Scope,
      labelId: string,
      changes: { name?: string | undefined; colour?: LabelColour | undefined },
    ) {
      await requireRole(scope, true);
      return uow.run(async ({ labels, labelTasks }) => {
        const before = await labels.lock(scope.workspaceId, labelId);
        if (!before) throw labelNotFound();
        const label = await labels.update(scope.workspaceId, labelId, changes);
        if (changes.name !== undefined && changes.name !== before.name) {
          await labelTasks.rename(scope.workspaceId, before.name, changes.name, scope.userId);
        }
        return label;
      });
    },

    /** Tasks keep the name: it shows in the neutral colour, as any label without a definition. */
    async remove(scope: Scope, labelId: string) {
      await requireRole(scope, true);
      const result = await repo.remove(scope.workspaceId, labelId);
      if (result.numDeletedRows === 0n) throw labelNotFound();
    },
  };
}

export type LabelsService = ReturnType<typeof createLabelsService>;
