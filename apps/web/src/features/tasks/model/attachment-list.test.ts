import { describe, expect, it } from 'vitest';
import { anAttachment, attachmentList } from '../../../test/attachments.ts';
import {
  isImage,
  linksRefreshIn,
  putAttachment,
  refusalOf,
  removeAttachment,
} from './attachment-list.ts';

const taskId = '22222222-2222-4222-8222-222222222222';

describe('the cached list of a task’s files', () => {
  const first = anAttachment({ taskId, size: 100 });
  const second = anAttachment({ taskId, size: 50 });

  it('adds a new file at the end and counts its bytes; a known one is replaced in place', () => {
    const list = putAttachment(attachmentList([first]), second);
    expect(list.items).toEqual([first, second]);
    expect(list.usage.usedBytes).toBe(150);
    const renamed = putAttachment(list, { ...first, name: 'renamed.pdf' });
    expect(renamed.items.map((item) => item.name)).toEqual(['renamed.pdf', second.name]);
    expect(renamed.usage.usedBytes).toBe(150);
  });

  it('takes a removed file and its bytes out, once', () => {
    const list = removeAttachment(attachmentList([first, second]), first.id);
    expect(list.items).toEqual([second]);
    expect(list.usage.usedBytes).toBe(50);
    expect(removeAttachment(list, first.id)).toBe(list);
  });

  it('knows an image by its preview link', () => {
    expect(isImage(anAttachment({ taskId, contentType: 'image/png' }))).toBe(true);
    expect(isImage(first)).toBe(false);
  });
});

describe('refusalOf', () => {
  const max = 10 * 1024 * 1024;

  it('refuses a file larger than the API takes, saying both sizes', () => {
    expect(refusalOf({ name: 'movie.zip', size: 12 * 1024 * 1024 }, max)).toBe(
      'movie.zip is 12.0 MiB: a file can be at most 10.0 MiB.',
    );
  });

  it('refuses an empty file, and lets the rest go', () => {
    expect(refusalOf({ name: 'empty.txt', size: 0 }, max)).toBe(
      'empty.txt is empty: there is nothing to attach.',
    );
    expect(refusalOf({ name: 'exactly.pdf', size: max }, max)).toBeNull();
  });
});

describe('linksRefreshIn', () => {
  const now = Date.parse('2026-01-01T00:00:00.000Z');
  const expiring = (minutes: number) =>
    anAttachment({ taskId, urlsExpireAt: new Date(now + minutes * 60_000).toISOString() });

  it('fetches new links a minute before the first ones expire', () => {
    expect(linksRefreshIn(attachmentList([expiring(15), expiring(10)]), now)).toBe(9 * 60_000);
  });

  it('comes earlier for short-lived links, but not in a flood', () => {
    expect(linksRefreshIn(attachmentList([expiring(2)]), now)).toBe(96_000);
    expect(linksRefreshIn(attachmentList([expiring(-5)]), now)).toBe(5_000);
  });

  it('does not refetch a list without links', () => {
    expect(linksRefreshIn(attachmentList([]), now)).toBe(false);
  });
});
