import { AsyncLocalStorage } from 'node:async_hooks';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

type LinkSettings = {
  /** `PUBLIC_URL`: when set, every link points there, whatever the request says. */
  publicUrl: string | undefined;
  /** Where links point outside a request, or when the request's origin is not trusted. */
  fallback: string;
  /** `CORS_ORIGINS`: the web app's other origins. */
  allowedOrigins: readonly string[];
  /** `HOST`: what the server listens on. */
  listenHost: string;
};

/** A host a browser may name this server by, given what it listens on. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

const bracketed = (host: string) =>
  host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;

function isOwnHost(hostname: string, listenHost: string) {
  const listening = bracketed(listenHost.toLowerCase());
  if (hostname === listening) return true;
  // Listening on loopback (or everywhere) answers to every loopback name: `localhost` and
  // `127.0.0.1` are the same server. Other names of a wildcard listener need PUBLIC_URL.
  return (LOOPBACK.has(listening) || WILDCARD.has(listening)) && LOOPBACK.has(hostname);
}

type RequestFacts = {
  origin: string | undefined;
  host: string | undefined;
  protocol: 'http' | 'https';
  /** The port the server listens on. */
  port: number;
};

/**
 * The origin a request came from, if links may point to it: its `Origin` header (else its
 * `Host`), when that is one of the allowed origins or this server's own listening host and
 * port. Anything else is someone's Host header, never trusted: a forged one would otherwise
 * mail a password-reset link to the forger's server.
 */
export function trustedOrigin(request: RequestFacts, settings: LinkSettings): string | undefined {
  const claimed =
    request.origin && request.origin !== 'null'
      ? request.origin
      : request.host && `${request.protocol}://${request.host}`;
  if (!claimed) return undefined;
  let url: URL;
  try {
    url = new URL(claimed);
  } catch {
    return undefined;
  }
  // A path, query or credentials: not an origin, whatever it names.
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    return undefined;
  }
  if (settings.allowedOrigins.includes(url.origin)) return url.origin;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const own =
    url.protocol === `${request.protocol}:` &&
    port === request.port &&
    isOwnHost(url.hostname, settings.listenHost);
  return own ? url.origin : undefined;
}

const requestLinks = new AsyncLocalStorage<string>();

/** Where the links of mails point: `PUBLIC_URL`, else the request's trusted origin, else the fallback. */
export function createLinkBase(settings: LinkSettings) {
  return {
    appUrl: () => settings.publicUrl ?? requestLinks.getStore() ?? settings.fallback,
    settings,
  };
}

type LinkBase = ReturnType<typeof createLinkBase>;

function listeningPort(app: FastifyInstance, fallback: number) {
  const address = app.server.address() as AddressInfo | string | null;
  return typeof address === 'object' && address ? address.port : fallback;
}

/** Holds each request's trusted origin for the mails its handler sends (`LinkBase.appUrl`). */
export const linkOrigins = fp(
  async (app: FastifyInstance, { links, port }: { links: LinkBase; port: number }) => {
    if (links.settings.publicUrl) return;
    app.addHook('onRequest', (request: FastifyRequest, _reply, done) => {
      const origin = trustedOrigin(
        {
          origin: request.headers.origin,
          host: request.headers.host,
          protocol: request.protocol,
          port: listeningPort(app, port),
        },
        links.settings,
      );
      if (origin) requestLinks.run(origin, done);
      else done();
    });
  },
  { name: 'link-origins' },
);
