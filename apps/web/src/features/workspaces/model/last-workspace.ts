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

/** The workspace a board opens on: the last one used, while still a member, else the personal one. */
export function landingWorkspace(workspaces: readonly Workspace[]): Workspace | undefined {
  const remembered = rememberedWorkspace();
  return (
    workspaces.find((w) => w.id === remembered) ??
    workspaces.find((w) => w.personal) ??
    workspaces[0]
  );
}
