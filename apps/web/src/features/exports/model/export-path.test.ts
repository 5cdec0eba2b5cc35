import { describe, expect, it } from 'vitest';
import { EXPORT_POLL_MS, exportOfPath, exportPollInterval } from './export-path.ts';

const workspaceId = '11111111-1111-4111-8111-111111111111';
const exportId = '22222222-2222-4222-8222-222222222222';

describe('exportOfPath', () => {
  it('reads the ids of an export download path', () => {
    expect(exportOfPath(`/api/v1/workspaces/${workspaceId}/exports/${exportId}/download`)).toEqual({
      workspaceId,
      exportId,
    });
  });

  it.each([
    null,
    undefined,
    '',
    `/api/v1/workspaces/${workspaceId}/exports/${exportId}`,
    `/w/${workspaceId}/tasks/${exportId}`,
    `https://evil.test/api/v1/workspaces/${workspaceId}/exports/${exportId}/download`,
    `/api/v1/workspaces/${workspaceId}/exports/not-an-id/download`,
    `/api/v1/workspaces/${workspaceId}/exports/${exportId}/download?x=1`,
  ])('refuses %s', (path) => {
    expect(exportOfPath(path)).toBeNull();
  });
});

describe('exportPollInterval', () => {
  it('polls only while the export is being made', () => {
    expect(exportPollInterval('pending')).toBe(EXPORT_POLL_MS);
    expect(exportPollInterval('ready')).toBe(false);
    expect(exportPollInterval('failed')).toBe(false);
    expect(exportPollInterval('expired')).toBe(false);
    expect(exportPollInterval(undefined)).toBe(false);
  });
});
