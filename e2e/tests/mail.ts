import { expect } from '@playwright/test';
import { type Api, expectAnswer } from './api-client.ts';

/**
 * The path and query of the newest link to `page` (e.g. `/verify-email`) mailed to `to`, read
 * from the development outbox; waits for the mail, which may be sent in the background.
 */
export async function mailedLink(adminApi: Api, to: string, page: string): Promise<string> {
  const pattern = new RegExp(`${page}\\?token=[^\\s"'<>]+`);
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const outbox = adminApi.GET('/api/v1/admin/mail-outbox');
        const { items } = await expectAnswer(outbox, 200, 'the mail outbox');
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
