import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useWorkspaces } from '../api/get-workspaces.ts';
import { CreateWorkspaceDialog } from './create-workspace-dialog.tsx';

const outline =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

/** The header's workspace corner: which board is open, its settings, and a new workspace. */
export function WorkspaceSwitcher({ currentId }: { currentId: string | undefined }) {
  const workspaces = useWorkspaces();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const open = (workspaceId: string) =>
    void navigate({ to: '/w/$workspaceId', params: { workspaceId } });
  const current = workspaces.data?.find((workspace) => workspace.id === currentId);

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="workspace-switcher">
      <label htmlFor="workspace-switcher" className="sr-only">
        Workspace
      </label>
      <select
        id="workspace-switcher"
        value={current?.id ?? ''}
        onChange={(event) => open(event.target.value)}
        disabled={!workspaces.data}
        className="max-w-48 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
      >
        {!current && (
          <option value="" disabled>
            {workspaces.data ? 'Open a workspace' : 'Loading…'}
          </option>
        )}
        {workspaces.data?.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.personal ? `${workspace.name} (personal)` : workspace.name}
          </option>
        ))}
      </select>
      {current && (
        <Link
          to="/w/$workspaceId/settings"
          params={{ workspaceId: current.id }}
          className={outline}
        >
          Settings<span className="sr-only"> of {current.name}</span>
        </Link>
      )}
      <button type="button" className={outline} onClick={() => setCreating(true)}>
        New workspace
      </button>
      <CreateWorkspaceDialog
        open={creating}
        onOpenChange={setCreating}
        onCreated={(workspace) => open(workspace.id)}
      />
    </div>
  );
}
