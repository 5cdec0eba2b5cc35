import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { cliEntry, configProblems, msOf, unknownEnvNames } from './support/app-env.ts';
import { durationMs, readCompose, type Service } from './support/compose.ts';
import { expandHaproxy, readHaproxyConfig } from './support/haproxy.ts';
import { deployDir, fromRoot, repoRoot } from './support/paths.ts';

const { compose, example, referenced } = readCompose();
const services = compose.services;
const service = (name: string): Service => {
  const found = services[name];
  if (!found) throw new Error(`compose.yaml has no service ${name}`);
  return found;
};
const envOf = (s: Service) => s.environment ?? {};
const healthTest = (s: Service) => [s.healthcheck?.test ?? []].flat().join(' ');

/** The services that run TaskFlow's image. */
const app = Object.entries(services).filter(([, s]) => s.build?.dockerfile === 'deploy/Dockerfile');
const apis = app.filter(([, s]) => s.command === undefined).map(([name]) => name);

describe('deploy/compose.yaml', () => {
  it('is valid against the Compose Specification schema (dclint ships the current one)', () => {
    const file = fromRoot('node_modules/dclint/schemas/compose.schema.json');
    // Ajv knows the draft-07 meta-schema by its http:// id; the file names it by https://.
    const { $schema: _, ...schema } = JSON.parse(readFileSync(file, 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(compose);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.message}`) ?? [], 'errors').toEqual(
      [],
    );
    expect(valid).toBe(true);
  });

  it('takes every variable it refers to from deploy/.env.example, which lists no others', () => {
    expect([...referenced].sort()).toEqual(Object.keys(example).sort());
  });

  it('builds TaskFlow from deploy/Dockerfile with the repository as context', () => {
    expect(app.map(([name]) => name).sort()).toEqual(['api1', 'api2', 'migrate', 'worker']);
    for (const [, s] of app) {
      expect(path.resolve(deployDir, s.build?.context ?? '')).toBe(repoRoot);
      expect(existsSync(fromRoot(s.build?.dockerfile ?? ''))).toBe(true);
    }
  });

  it('gives the app only variables TaskFlow reads, with values it starts with', () => {
    for (const [name, s] of app) {
      expect(unknownEnvNames(Object.keys(envOf(s))), name).toEqual([]);
      expect(configProblems(envOf(s)), name).toEqual([]);
      expect(envOf(s), name).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    }
  });

  it('runs two API instances behind one proxy hop, checked on /ready', () => {
    expect(apis).toEqual(['api1', 'api2']);
    for (const name of apis) {
      const env = envOf(service(name));
      expect(env.TRUST_PROXY, name).toBe('1');
      expect(healthTest(service(name)), name).toContain(`http://127.0.0.1:${env.PORT}/ready`);
    }
  });

  it('gives an API instance time to drain and finish before it is killed', () => {
    for (const name of apis) {
      const s = service(name);
      const env = envOf(s);
      expect(msOf(env, 'DRAIN_DELAY_MS')).toBeGreaterThan(0);
      expect(durationMs(s.stop_grace_period), name).toBeGreaterThanOrEqual(
        msOf(env, 'DRAIN_DELAY_MS') + msOf(env, 'SHUTDOWN_TIMEOUT_MS'),
      );
    }
  });

  it('migrates once, after PostgreSQL is healthy and before the servers and the worker', () => {
    const migrate = service('migrate');
    expect(migrate.command).toEqual(['node', cliEntry, 'migrate', 'up']);
    expect(migrate.restart).toBe('no');
    expect(migrate.depends_on?.postgres?.condition).toBe('service_healthy');
    for (const name of [...apis, 'worker']) {
      expect(service(name).depends_on?.migrate?.condition, name).toBe(
        'service_completed_successfully',
      );
    }
    for (const name of apis) {
      expect(service(name).depends_on?.redis?.condition, name).toBe('service_healthy');
    }
  });

  it('checks the worker on its metrics port, and lets its jobs finish on stop', () => {
    const worker = service('worker');
    const [node, entry, command, flag, port] = worker.command ?? [];
    expect([node, entry, command, flag]).toEqual(['node', cliEntry, 'worker', '--metrics-port']);
    expect(healthTest(worker)).toContain(`http://127.0.0.1:${port}/health`);
    // The worker exits 1 s after SHUTDOWN_TIMEOUT_MS when jobs outlast it.
    expect(durationMs(worker.stop_grace_period)).toBeGreaterThan(
      msOf(envOf(worker), 'SHUTDOWN_TIMEOUT_MS') + 1_000,
    );
  });

  it('waits on each dependency for a condition the dependency can meet', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const [target, { condition }] of Object.entries(s.depends_on ?? {})) {
        const dependency = service(target);
        if (condition === 'service_healthy') {
          expect(healthTest(dependency), `${name} → ${target}`).not.toBe('');
          expect(dependency.healthcheck?.disable, `${name} → ${target}`).not.toBe(true);
        } else if (condition === 'service_completed_successfully') {
          expect(dependency.restart, `${name} → ${target}`).toBe('no');
        } else expect(condition, `${name} → ${target}`).toBe('service_started');
      }
    }
  });

  it('runs PostgreSQL 17 and Redis 7, checked, where the example URLs point', () => {
    const postgres = service('postgres');
    expect(postgres.image).toBe('postgres:17');
    expect(healthTest(postgres)).toContain('pg_isready');
    const pg = envOf(postgres);
    const databaseUrl = new URL(example.DATABASE_URL ?? '');
    expect(databaseUrl.hostname).toBe('postgres');
    expect(decodeURIComponent(databaseUrl.username)).toBe(pg.POSTGRES_USER);
    expect(decodeURIComponent(databaseUrl.password)).toBe(pg.POSTGRES_PASSWORD);
    expect(databaseUrl.pathname).toBe(`/${pg.POSTGRES_DB}`);

    const redis = service('redis');
    expect(redis.image).toBe('redis:7');
    expect(healthTest(redis)).toContain('redis-cli ping');
    expect(new URL(example.REDIS_URL ?? '').hostname).toBe('redis');
  });
});

describe('the balancer in deploy/compose.yaml', () => {
  const lb = service('lb');
  const mount = lb.volumes?.find((v) => v.includes('haproxy.cfg')) ?? '';
  const [source = '', target, mode] = mount.split(':');
  const cfgFile = path.resolve(deployDir, source);

  it('is HAProxy 2.6 with deploy/haproxy/haproxy.cfg mounted read-only', () => {
    expect(lb.image).toBe('haproxy:2.6');
    expect(cfgFile).toBe(fromRoot('deploy/haproxy/haproxy.cfg'));
    expect(existsSync(cfgFile)).toBe(true);
    expect(target).toBe('/usr/local/etc/haproxy/haproxy.cfg');
    expect(mode).toBe('ro');
  });

  it('sends to each API instance at its port, checking GET /ready', () => {
    const cfg = readHaproxyConfig(cfgFile);
    const env = envOf(lb);
    const addresses = cfg.servers.map((s) => expandHaproxy(s, env)).filter(Boolean);
    expect(addresses).toEqual(apis.map((name) => `${name}:${envOf(service(name)).PORT}`));
    expect(cfg.httpCheck.at(-1)).toBe('/ready');
  });

  it('publishes 8080 to the port HAProxy binds', () => {
    const cfg = readHaproxyConfig(cfgFile);
    const bound = cfg.binds.map((b) => expandHaproxy(b, envOf(lb)).split(':').at(-1));
    expect(lb.ports).toEqual(bound.map((port) => `8080:${port}`));
  });

  it('takes a draining instance out of the rotation before it stops accepting', () => {
    const cfg = readHaproxyConfig(cfgFile);
    for (const name of apis) {
      expect(cfg.worstDetectionMs).toBeLessThan(msOf(envOf(service(name)), 'DRAIN_DELAY_MS'));
    }
  });
});
