import { open } from 'node:fs/promises';
import { constants, gunzipSync } from 'node:zlib';
import type { Download, Response } from '@playwright/test';
import { signIn } from './accounts.ts';
import { admin } from './admin-account.ts';
import type { Schemas } from './api-client.ts';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { expect, INSTANCE, test } from './fixtures.ts';
import { expectNoPageOverflow } from './overflow.ts';

const BLOCK = 512;

/** The first bytes of the archive, and its size: enough for the tar's first entry. */
async function archiveStart(download: Download) {
  const file = await open(await download.path());
  try {
    const { size } = await file.stat();
    const { buffer, bytesRead } = await file.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    return { size, start: buffer.subarray(0, bytesRead) };
  } finally {
    await file.close();
  }
}

/**
 * The tar's first entry, from the start of the gzip stream alone: a sync flush inflates what it
 * has rather than failing on the missing end, so the database inside is never unpacked.
 */
function firstEntry(gzipStart: Buffer) {
  const tar = gunzipSync(gzipStart, { finishFlush: constants.Z_SYNC_FLUSH });
  const field = (from: number, to: number) =>
    tar.subarray(from, to).toString('latin1').replace(/\0.*$/s, '').trim();
  const size = Number.parseInt(field(124, 136), 8);
  return { name: field(0, 100), body: tar.subarray(BLOCK, BLOCK + size).toString('utf8') };
}

const isBackupTaken = (response: Response) =>
  response.request().method() === 'POST' &&
  new URL(response.url()).pathname === '/api/v1/admin/backups';

test(
  'an admin starts a backup from the dashboard and downloads it',
  INSTANCE,
  async ({ page, accounts }) => {
    accounts.admin();
    await signIn(page, admin, '/admin');
    const card = page.getByTestId('admin-backups');
    await expect(card.getByRole('heading', { name: 'Backups' })).toBeVisible();
    // The e2e server runs embedded, on no schedule.
    await expect(card.getByTestId('backup-schedule')).toContainText(
      'No schedule: backups are taken on demand.',
    );

    const answered = page.waitForResponse(isBackupTaken);
    await card.getByRole('button', { name: 'Back up now' }).click();
    const response = await answered;
    expect(response.status()).toBe(201);
    const backup = (await response.json()) as Schemas['Backup'];
    expect(backup.trigger).toBe('manual');

    const row = card.locator(`[data-testid="backup-row"][data-name="${backup.name}"]`);
    await expect(row.getByTestId('backup-name')).toHaveText(backup.name);
    await expect(row).toContainText('Taken by an admin');
    await expect(card.getByRole('button', { name: 'Back up now' })).toBeEnabled();

    const downloaded = page.waitForEvent('download');
    await row.getByRole('button', { name: /^Download the backup of / }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(backup.name);
    expect(download.suggestedFilename()).toMatch(/^taskflow-\d{8}T\d{6}Z-[0-9a-f]{8}\.tar\.gz$/);

    const { size, start } = await archiveStart(download);
    expect(size).toBe(backup.bytes);
    // The database's files are in it: far more than an empty archive's few dozen bytes.
    expect(size).toBeGreaterThan(64 * 1024);
    expect([...start.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const manifest = firstEntry(start);
    expect(manifest.name).toBe('manifest.json');
    expect(JSON.parse(manifest.body)).toMatchObject({ name: backup.name, trigger: 'manual' });

    // The listed backup, its long name included, is accessible and fits a phone's screen.
    await expectNoSeriousA11yViolations(page, 'the admin dashboard with a backup');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(row).toBeVisible();
    await expectNoPageOverflow(page, 'the admin dashboard with a backup');
  },
);
