import { createFileRoute } from '@tanstack/react-router';
import { TextLink } from '../../../../components/text-link.tsx';
import { TrashList } from '../../../../features/trash/components/trash-list.tsx';
import { useWorkspace } from '../../../../features/workspaces/api/get-workspaces.ts';

export const Route = createFileRoute('/_authenticated/w/$workspaceId/trash')({
  component: TrashPage,
});

/** A workspace's trash: its deleted tasks, restorable for 30 days. */
function TrashPage() {
  const { workspaceId } = Route.useParams();
  const workspace = useWorkspace(workspaceId);
  return (
    <section aria-labelledby="trash-title" className="space-y-6" data-testid="trash">
      <div className="space-y-1">
        <h1 id="trash-title" className="text-2xl font-semibold">
          {workspace ? `${workspace.name}: trash` : 'Trash'}
        </h1>
        <TextLink to="/w/$workspaceId" params={{ workspaceId }} className="text-sm">
          Back to the board
        </TextLink>
      </div>
      <TrashList workspaceId={workspaceId} />
    </section>
  );
}
