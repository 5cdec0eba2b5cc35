import { chmod, rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import path from 'node:path';
import type { Backup } from '@taskflow/contract';
import type { Logger } from 'pino';
import { DomainError } from '../../platform/errors.ts';
import { OperatorError } from '../../platform/operator-error.ts';
import type { BackupService } from './backups.service.ts';

/**
 * Where a running embedded server answers operator commands that need its database: a Unix
 * socket in the data directory, readable and writable by its owner only.
 */
const operatorSocketPath = (dataDir: string) => path.join(dataDir, 'taskflow.sock');

type Answer = { status: number; body: unknown };

async function answer(backups: BackupService, method?: string, url?: string): Promise<Answer> {
  if (method !== 'POST' || url !== '/backups') return { status: 404, body: { code: 'NOT_FOUND' } };
  try {
    return { status: 201, body: await backups.create('command') };
  } catch (error) {
    if (error instanceof DomainError)
      return { status: 409, body: { code: error.code, message: error.message } };
    throw error;
  }
}

/**
 * Listens on the operator socket (embedded `serve`): `POST /backups` takes a backup, as the
 * dashboard does, for `taskflow backup` while the server holds the data directory. The server
 * holds the data directory's lock, so a socket file left by a dead server is removed first.
 */
export async function listenForOperators(
  dataDir: string,
  backups: BackupService,
  logger: Logger,
): Promise<{ close(): Promise<void> }> {
  const socket = operatorSocketPath(dataDir);
  await rm(socket, { force: true });
  const server = createServer((req, res) => {
    req.resume();
    answer(backups, req.method, req.url).then(
      ({ status, body }) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
      (err: unknown) => {
        logger.error({ err }, 'operator command failed');
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"code":"INTERNAL"}');
      },
    );
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', (err) => {
      // A data directory whose path is too long for a socket name, say: commands then ask
      // the operator to stop the server instead.
      logger.warn({ err, socket }, 'operator socket unavailable');
      resolve(false);
    });
    server.listen(socket, () => resolve(true));
  });
  if (listening) await chmod(socket, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        if (!listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => rm(socket, { force: true })),
  };
}

/** `POST /backups` through a running server's operator socket. */
export function backupThroughServer(dataDir: string, pid: number): Promise<Backup> {
  const socketPath = operatorSocketPath(dataDir);
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, method: 'POST', path: '/backups' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        const body = JSON.parse(text || '{}') as Backup & { code?: string; message?: string };
        if (res.statusCode === 201) resolve(body);
        else
          reject(
            new OperatorError(
              `the server (pid ${pid}) refused: ${body.message ?? body.code ?? res.statusCode}`,
            ),
          );
      });
    });
    req.on('error', (error) =>
      reject(
        new OperatorError(
          `the data directory is in use by pid ${pid}, which does not answer on ${socketPath} (${(error as Error).message}): stop it, or take the backup from its admin dashboard`,
        ),
      ),
    );
    req.end();
  });
}
