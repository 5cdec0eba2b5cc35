import { describe, expect, it } from 'vitest';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { createTask } from '../../test/workspaces.ts';

const { ada, bob } = useTestUsers(['ada', 'bob'], { COMMENT_RATE_LIMIT: '2' });

describe('comment rate limit', () => {
  it('refuses a member’s writes past COMMENT_RATE_LIMIT a minute with 429, not another member’s', async () => {
    const workspaceId = await createTeam(ada, 'Chatty', bob);
    const task = await createTask(ada, workspaceId, { title: 'Busy thread' });
    const path = `/api/v1/workspaces/${workspaceId}/tasks/${task.id}/comments`;
    expect((await ada.send('POST', path, { body: 'One' })).statusCode).toBe(201);
    expect((await ada.send('POST', path, { body: 'Two' })).statusCode).toBe(201);
    const third = await ada.send('POST', path, { body: 'Three' });
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('RATE_LIMITED');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect((await bob.send('POST', path, { body: 'Mine' })).statusCode).toBe(201);
    // Reading is not limited.
    expect((await ada.get(path)).statusCode).toBe(200);
  });
});
