import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { registry } from './registry.ts';

/** Whether an Authorization header carries the metrics token (compared in constant time). */
export function holdsToken(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7).trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * `GET /metrics` on a port of its own, for processes that serve no API (`taskflow worker`).
 * The same bearer token protects it; without one configured it answers 401 to everyone.
 * `GET /health` answers 200 to anyone, so that Compose and Kubernetes can probe the process.
 */
export function startMetricsServer(port: number, host: string, token: string | undefined) {
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (!holdsToken(req.headers.authorization, token)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer', 'content-type': 'text/plain' });
      res.end('unauthorized\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    );
  });
  return new Promise<Server>((resolve) => server.listen(port, host, () => resolve(server)));
}
