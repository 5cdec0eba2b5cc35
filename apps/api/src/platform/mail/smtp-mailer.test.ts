import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from './smtp-mailer.ts';

const received: { from: string; to: string[]; data: string }[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('SMTP mailer', () => {
  it('delivers a mail to the SMTP server at SMTP_URL', async () => {
    const mailer = createSmtpMailer(
      `smtp://127.0.0.1:${port}?ignoreTLS=true`,
      'TaskFlow <no-reply@tasks.example>',
    );
    await mailer.send({
      to: 'ada@example.com',
      subject: 'Verify your address',
      text: 'Open https://tasks.example/verify-email?token=abc',
    });
    mailer.close?.();
    expect(received).toHaveLength(1);
    expect(received[0]?.from).toBe('no-reply@tasks.example');
    expect(received[0]?.to).toEqual(['ada@example.com']);
    expect(received[0]?.data).toContain('Subject: Verify your address');
    expect(received[0]?.data).toContain('verify-email?token=abc');
  });
});
