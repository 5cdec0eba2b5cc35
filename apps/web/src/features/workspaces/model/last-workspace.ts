import type { components } from '@taskflow/contract/openapi';

type Workspace = components['schemas']['Workspace'];

const STORAGE_KEY = 'taskflow.workspace';

/** Only the id is kept: names and roles are private data, and they change. */
export function rememberWorkspace(workspaceId: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, workspaceId);
  } catch {
    // Storage can be unavailable (private mode): the personal workspace is then the default.
  }
}

function rememberedWorkspace(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

const remembered = (workspaces: readonly Workspace[]) => {
  const id = rememberedWorkspace();
  return workspaces.find((w) => w.id === id);
};

/**
 * The personal workspace, when where to land depends on whether it has tasks: nothing (still)
 * remembered, and a shared workspace to open instead. Undefined otherwise.
 */
export function personalToCheck(workspaces: readonly Workspace[]): string | undefined {
  if (remembered(workspaces) || !workspaces.some((w) => !w.personal)) return undefined;
  return workspaces.find((w) => w.personal)?.id;
}

/**
 * The workspace a board opens on: the last one used, while still a member; else the personal
 * one, unless it has no tasks and a shared one does the work (the demo account's team).
 */
export function landingWorkspace(
  workspaces: readonly Workspace[],
  personalIsEmpty = false,
): Workspace | undefined {
  const personal = workspaces.find((w) => w.personal);
  const shared = workspaces.find((w) => !w.personal);
  return remembered(workspaces) ?? (personalIsEmpty && shared ? shared : personal) ?? workspaces[0];
}
