import { describe, expect, it } from 'vitest';
import { taskReferenceOf } from './task-reference.ts';

const origin = 'https://taskflow.example';
const workspaceId = '33333333-3333-4333-8333-333333333333';
const taskId = '44444444-4444-4444-8444-444444444444';
const path = `/w/${workspaceId}/t/${taskId}`;

describe('taskReferenceOf', () => {
  it('reads a task page of this origin, absolute or from the root', () => {
    for (const href of [`${origin}${path}`, path, `${path}/`, `${path}?tab=1#c`]) {
      expect(taskReferenceOf(href, origin), href).toEqual({ workspaceId, taskId });
    }
  });

  it('reads the ids in any case, and gives them in lower case', () => {
    const upper = `/w/${workspaceId.toUpperCase()}/t/${taskId.toUpperCase()}`;
    expect(taskReferenceOf(`${origin.toUpperCase()}${upper}`, origin)).toEqual({
      workspaceId,
      taskId,
    });
  });

  it('refuses another origin, whatever the path', () => {
    for (const href of [
      `https://evil.example${path}`,
      `http://taskflow.example${path}`,
      `https://taskflow.example:8443${path}`,
      `//evil.example${path}`,
      `/\\evil.example${path}`,
      `https://taskflow.example.evil.example${path}`,
    ]) {
      expect(taskReferenceOf(href, origin), href).toBeUndefined();
    }
  });

  it('refuses malformed ids and other shapes of path', () => {
    for (const href of [
      `/w/${workspaceId}/t/${taskId.slice(0, -1)}`,
      `/w/${workspaceId}/t/${taskId}0`,
      `/w/${workspaceId}/t/${taskId.replace('4', 'g')}`,
      `/w/${workspaceId}/tasks/${taskId}`,
      `/w/${workspaceId}/t/${taskId}/comments`,
      `/x/w/${workspaceId}/t/${taskId}`,
      `w/${workspaceId}/t/${taskId}`,
      `mailto:${path}`,
      `javascript:${path}`,
      '',
    ]) {
      expect(taskReferenceOf(href, origin), href).toBeUndefined();
    }
  });
});
