import { Link, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useWorkspaces } from '../api/get-workspaces.ts';
import { WorkspacePicker } from './workspace-picker.tsx';

// Its form (react-hook-form, zod) loads on the first click, not with every signed-in page.
const CreateWorkspaceDialog = lazy(() =>
  import('./create-workspace-dialog.tsx').then((module) => ({
    default: module.CreateWorkspaceDialog,
  })),
);

const outline =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

/** The header's workspace corner: which board is open, its settings, and a new workspace. */
export function WorkspaceSwitcher({ currentId }: { currentId: string | undefined }) {
  const workspaces = useWorkspaces();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  // Mounted from the first opening on, so that closing it runs its own focus return.
  const [opened, setOpened] = useState(false);
  const open = (workspaceId: string) =>
    void navigate({ to: '/w/$workspaceId', params: { workspaceId } });
  const current = workspaces.data?.find((workspace) => workspace.id === currentId);

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="workspace-switcher">
      <WorkspacePicker workspaces={workspaces.data} current={current} onPick={open} />
      {current && (
        <Link
          to="/w/$workspaceId/settings"
          params={{ workspaceId: current.id }}
          className={outline}
        >
          Settings<span className="sr-only"> of {current.name}</span>
        </Link>
      )}
      <button
        type="button"
        className={outline}
        onClick={() => {
          setOpened(true);
          setCreating(true);
        }}
      >
        New workspace
      </button>
      {opened && (
        <Suspense fallback={null}>
          <CreateWorkspaceDialog
            open={creating}
            onOpenChange={setCreating}
            onCreated={(workspace) => open(workspace.id)}
          />
        </Suspense>
      )}
    </div>
  );
}
