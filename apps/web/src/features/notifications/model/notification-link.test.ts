import { describe, expect, it } from 'vitest';
import { notificationTarget, targetOf } from './notification-link.ts';

const workspaceId = '11111111-1111-4111-8111-111111111111';
const taskId = '22222222-2222-4222-8222-222222222222';

describe('targetOf', () => {
  it('opens a task in the app', () => {
    expect(targetOf(`/w/${workspaceId}/tasks/${taskId}`)).toEqual({
      kind: 'task',
      workspaceId,
      taskId,
    });
  });

  it('downloads files of the API (the app fetches them with its token)', () => {
    const path = `/api/v1/workspaces/${workspaceId}/exports/${taskId}/download`;
    expect(targetOf(path)).toEqual({ kind: 'download', path });
  });

  it('follows other paths of this site', () => {
    expect(targetOf('/account')).toEqual({ kind: 'path', href: '/account' });
  });

  it('leads nowhere without a link, or off the site', () => {
    expect(targetOf(null)).toBeNull();
    expect(targetOf('https://evil.example/')).toBeNull();
    expect(targetOf('//evil.example/')).toBeNull();
    expect(targetOf('javascript:alert(1)')).toBeNull();
  });
});

describe('notificationTarget', () => {
  const mention = { type: 'comment.mentioned' as const, link: null, workspaceId, taskId };

  it('opens the task page for a mention', () => {
    expect(notificationTarget(mention)).toEqual({ kind: 'task-page', workspaceId, taskId });
  });

  it('follows the link of other notifications, and of a mention without its task', () => {
    const link = `/w/${workspaceId}/tasks/${taskId}`;
    expect(notificationTarget({ ...mention, type: 'task.assigned', link })).toEqual({
      kind: 'task',
      workspaceId,
      taskId,
    });
    expect(notificationTarget({ ...mention, taskId: null })).toBeNull();
  });
});
