import { describe, expect, it } from 'vitest';
import { createLinkBase, trustedOrigin } from './link-origin.ts';

/** Which origins mailed links may point to: never one a client merely claims. */
const settings = {
  publicUrl: undefined,
  fallback: 'http://localhost:3000',
  allowedOrigins: ['https://app.example.com'],
  listenHost: 'localhost',
};
const from = (headers: { origin?: string; host?: string }, protocol: 'http' | 'https' = 'http') =>
  trustedOrigin({ origin: headers.origin, host: headers.host, protocol, port: 3000 }, settings);

describe('trustedOrigin', () => {
  it.each([
    [{ origin: 'http://127.0.0.1:3000' }, 'http://127.0.0.1:3000'],
    [{ origin: 'http://localhost:3000' }, 'http://localhost:3000'],
    [{ origin: 'http://[::1]:3000' }, 'http://[::1]:3000'],
    [{ origin: 'https://app.example.com' }, 'https://app.example.com'],
    [{ host: '127.0.0.1:3000' }, 'http://127.0.0.1:3000'],
    [{ host: 'LOCALHOST:3000' }, 'http://localhost:3000'],
  ])('trusts %j: the server’s own host or an allowed origin', (headers, origin) => {
    expect(from(headers)).toBe(origin);
  });

  it.each([
    [{ host: 'evil.example:3000' }],
    [{ host: 'evil.example' }],
    [{ origin: 'http://evil.example:3000', host: '127.0.0.1:3000' }],
    [{ origin: 'null', host: 'evil.example:3000' }],
    [{ origin: 'http://127.0.0.1:4000' }],
    [{ origin: 'https://127.0.0.1:3000' }],
    [{ origin: 'https://app.example.com.evil.example' }],
    [{ host: '127.0.0.1:3000@evil.example' }],
    [{ host: '127.0.0.1:3000/path' }],
    [{ host: 'not a host' }],
    [{}],
  ])('ignores %j: another server, port or scheme, or no origin at all', (headers) => {
    expect(from(headers)).toBeUndefined();
  });

  it('trusts only the host named in HOST when it is not a loopback or wildcard one', () => {
    const named = { ...settings, listenHost: 'tasks.internal' };
    const at = (host: string) =>
      trustedOrigin({ origin: undefined, host, protocol: 'http', port: 3000 }, named);
    expect(at('tasks.internal:3000')).toBe('http://tasks.internal:3000');
    expect(at('localhost:3000')).toBeUndefined();
    const wildcard = { ...settings, listenHost: '0.0.0.0' };
    expect(
      trustedOrigin(
        { origin: undefined, host: '127.0.0.1:3000', protocol: 'http', port: 3000 },
        wildcard,
      ),
    ).toBe('http://127.0.0.1:3000');
    expect(
      trustedOrigin(
        { origin: undefined, host: '10.0.0.5:3000', protocol: 'http', port: 3000 },
        wildcard,
      ),
    ).toBeUndefined();
  });
});

describe('createLinkBase', () => {
  it('answers PUBLIC_URL when set, else the fallback outside a request', () => {
    expect(createLinkBase(settings).appUrl()).toBe('http://localhost:3000');
    const configured = createLinkBase({ ...settings, publicUrl: 'https://tasks.example.com' });
    expect(configured.appUrl()).toBe('https://tasks.example.com');
  });
});
