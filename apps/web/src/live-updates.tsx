import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { toast } from 'sonner';
import { applyAdminEvent } from './features/admin/api/live-admin-events.ts';
import { applyRoleEvent } from './features/auth/api/live-role-events.ts';
import { refreshSession } from './features/auth/session/refresh-session.ts';
import { useDownloadExportLink } from './features/exports/api/download-export.ts';
import { applyExportEvent } from './features/exports/api/live-export-events.ts';
import { applyWorkEvent } from './features/home/api/live-work-events.ts';
import { applyInvitationEvent } from './features/invitations/api/live-invitation-events.ts';
import { LiveStatus } from './features/live/components/live-status.tsx';
import { useLiveStream, useWhenLive } from './features/live/hooks/use-live-stream.ts';
import { applyNotificationEvent } from './features/notifications/api/live-notification-events.ts';
import { NotificationsBell } from './features/notifications/components/notifications-bell.tsx';
import { applyAttachmentEvent } from './features/tasks/api/live-attachment-events.ts';
import { applyCommentEvent } from './features/tasks/api/live-comment-events.ts';
import { applyCountEvent } from './features/tasks/api/live-count-events.ts';
import { applyTaskEvent } from './features/tasks/api/live-task-events.ts';
import { applyWorkspaceEvent } from './features/workspaces/api/live-workspace-events.ts';
import { lostWorkspace } from './features/workspaces/model/lost-workspace.ts';
import { refetchFailed } from './lib/query-client.ts';

/**
 * Live updates for the signed-in user: the tab's one stream, whose events each feature applies
 * to its own cache (features do not know one another; they meet here), and the header's part of
 * it, the connection indicator and the notifications, whose export links the exports feature
 * downloads. Loaded only once signed in.
 */
export function LiveUpdates({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { workspaceId } = useParams({ strict: false });
  const downloadExport = useDownloadExportLink();

  // The server is back (after a restart, a network drop): what failed meanwhile is asked again.
  useWhenLive(() => void refetchFailed(queryClient));

  useLiveStream((message) => {
    if (message.type === 'resync') {
      void queryClient.invalidateQueries();
      return;
    }
    applyTaskEvent(queryClient, message);
    applyCommentEvent(queryClient, message);
    applyAttachmentEvent(queryClient, message);
    applyCountEvent(queryClient, message);
    applyWorkspaceEvent(queryClient, message, userId);
    applyInvitationEvent(queryClient, message);
    applyNotificationEvent(queryClient, message);
    applyExportEvent(queryClient, message);
    applyWorkEvent(queryClient, message);
    applyAdminEvent(queryClient, message);
    void applyRoleEvent(queryClient, message, refreshSession);

    const lost = lostWorkspace(message, userId);
    if (lost === undefined || lost !== workspaceId) return;
    // Whoever did it themselves is already on their way out, by the page they did it from.
    if (message.actorId !== userId) {
      toast(
        message.type === 'workspace.deleted'
          ? 'This workspace was deleted.'
          : 'You were removed from this workspace.',
      );
    }
    void navigate({ to: '/w', replace: true });
  });

  return (
    <div className="flex items-center">
      <NotificationsBell onDownload={downloadExport} />
      <LiveStatus />
    </div>
  );
}
