import type { Transporter } from 'nodemailer';
import type { Mailer } from './mailer.ts';

/**
 * Sends mail through an SMTP server (cluster mode), e.g. `SMTP_URL=smtps://user:pass@host:465`.
 * nodemailer is loaded with the first mail, not with every process that could send one.
 */
export function createSmtpMailer(url: string, from: string): Mailer {
  let transport: Promise<Transporter> | undefined;
  const connect = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(url),
    ));
  return {
    async send(mail) {
      await (await connect()).sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
    },
    close: () => {
      void transport?.then((t) => t.close());
    },
  };
}
