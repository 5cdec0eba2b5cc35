import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { filenameFrom, REVOKE_AFTER_MS, saveFile } from './save-file.ts';

describe('filenameFrom', () => {
  it.each([
    ['attachment; filename="taskflow-tasks-2026-12-02.csv"', 'taskflow-tasks-2026-12-02.csv'],
    ['attachment; filename=tasks.csv', 'tasks.csv'],
    ['attachment; filename="plain.csv"; filename*=UTF-8\'\'t%C3%A2ches.csv', 'tâches.csv'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename="C:\\temp\\x.csv"', 'x.csv'],
  ])('reads %s', (header, expected) => {
    expect(filenameFrom(header, 'fallback.csv')).toBe(expected);
  });

  it('falls back when there is no usable name', () => {
    expect(filenameFrom(null, 'fallback.csv')).toBe('fallback.csv');
    expect(filenameFrom('attachment', 'fallback.csv')).toBe('fallback.csv');
    expect(filenameFrom('attachment; filename=""', 'fallback.csv')).toBe('fallback.csv');
    expect(filenameFrom("attachment; filename*=UTF-8''%E0%A4%A", 'fallback.csv')).toBe(
      'fallback.csv',
    );
  });
});

describe('saveFile', () => {
  const created: Blob[] = [];
  const revoked: string[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    // jsdom has no object URLs.
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:http://localhost/1';
    };
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
    };
  });

  afterEach(() => {
    vi.useRealTimers();
    created.length = 0;
    revoked.length = 0;
  });

  it('clicks a temporary download link to the blob, then frees the blob later', () => {
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
    const blob = new Blob(['id,title\n'], { type: 'text/csv' });

    saveFile(blob, 'tasks.csv');

    expect(created).toEqual([blob]);
    expect(clicked).toEqual([
      { href: 'blob:http://localhost/1', download: 'tasks.csv', attached: true },
    ]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoked).toEqual([]);
    vi.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(revoked).toEqual(['blob:http://localhost/1']);
  });
});
