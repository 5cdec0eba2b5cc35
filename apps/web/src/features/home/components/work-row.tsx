import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { MyWorkTask } from '../model/work-types.ts';
import { StatusIcon } from './status-icon.tsx';

/** One task of My work: its status, a link to its page, its workspace and what else matters. */
export function WorkRow({ task, detail }: { task: MyWorkTask; detail: ReactNode }) {
  return (
    <li className="flex items-center gap-3 px-3 py-2" data-testid="work-task">
      <StatusIcon status={task.status} />
      <div className="min-w-0 flex-1">
        <Link
          to="/w/$workspaceId/t/$taskId"
          params={{ workspaceId: task.workspaceId, taskId: task.id }}
          className="block truncate font-medium hover:underline"
        >
          {task.title}
        </Link>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          <span data-testid="work-workspace">{task.workspaceName}</span>
          {detail ? <> · {detail}</> : null}
        </p>
      </div>
    </li>
  );
}
