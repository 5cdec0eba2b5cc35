import type { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures.ts';

type OutboxMail = { to: string; subject: string; text: string; createdAt: string };

/**
 * The path and query of the newest link to `page` (e.g. `/verify-email`) mailed to `to`, read
 * from the development outbox; waits for the mail, which may be sent in the background.
 */
export async function mailedLink(
  adminApi: APIRequestContext,
  to: string,
  page: string,
): Promise<string> {
  const pattern = new RegExp(`${page}\\?token=[^\\s"'<>]+`);
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await adminApi.get('/api/v1/admin/mail-outbox');
        expect(response.status()).toBe(200);
        const { items } = (await response.json()) as { items: OutboxMail[] };
        // Newest first.
        const mail = items.find((m) => m.to === to && pattern.test(m.text));
        link = mail ? pattern.exec(mail.text)?.[0] : undefined;
        return link;
      },
      { message: `a mail to ${to} with a ${page} link` },
    )
    .toBeTruthy();
  return link as string;
}
