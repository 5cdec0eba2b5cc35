import nodemailer from 'nodemailer';
import type { Mailer } from './mailer.ts';

/** Sends mail through an SMTP server (cluster mode), e.g. `SMTP_URL=smtps://user:pass@host:465`. */
export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
