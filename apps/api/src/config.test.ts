import { describe, expect, it } from 'vitest';
import { assertServable, ConfigError, loadConfig } from './config.ts';

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to embedded mode on port 3000 with data in ./data', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('embedded');
    expect(config.http.port).toBe(3000);
    expect(config.db.dataDir).toMatch(/[/\\]data$/);
  });

  it('is in cluster mode when DATABASE_URL is set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/taskflow',
      PUBLIC_URL: 'https://tasks.example',
    });
    expect(config.mode).toBe('cluster');
    expect(config.http.drainDelayMs).toBe(5_000);
    expect(config.http.shutdownTimeoutMs).toBeGreaterThan(config.http.drainDelayMs);
  });

  it('is production unless NODE_ENV says otherwise, and then a cluster needs PUBLIC_URL', () => {
    expect(loadConfig({}).env).toBe('production');
    const cluster = loadConfig({ DATABASE_URL: 'postgres://db/taskflow' });
    expect(() => assertServable(cluster)).toThrow(
      'PUBLIC_URL: required in cluster mode (mailed links point to it)',
    );
    expect(() =>
      assertServable(
        loadConfig({ DATABASE_URL: 'postgres://db/x', PUBLIC_URL: 'https://t.example' }),
      ),
    ).not.toThrow();
    const development = loadConfig({ DATABASE_URL: 'postgres://db/x', NODE_ENV: 'development' });
    expect(development.env).toBe('development');
    expect(() => assertServable(development)).not.toThrow();
    expect(() => assertServable(loadConfig({}))).not.toThrow();
  });

  it('reads TRUST_PROXY as a switch, a hop count or a list of addresses', () => {
    const trust = (value: string) => loadConfig({ TRUST_PROXY: value }).http.trustProxy;
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('1')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, 127.0.0.1')).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(problemsOf({ TRUST_PROXY: 'the balancer' })[0]).toMatch(/^TRUST_PROXY/);
  });

  it('drains only in cluster mode by default, and bounds headers by the request timeout', () => {
    expect(loadConfig({}).http.drainDelayMs).toBe(0);
    const config = loadConfig({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '20000' });
    expect(config.http.headersTimeoutMs).toBe(5_000);
  });

  it('names each bad variable', () => {
    const problems = problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud', CORS_ORIGINS: 'not a url' });
    expect(problems).toHaveLength(3);
    expect(problems.some((p) => p.startsWith('PORT:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('LOG_LEVEL:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('CORS_ORIGINS'))).toBe(true);
  });

  it('never echoes a value, which may hold a secret', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://user:s3cret@db/x' });
    expect(problems.join('\n')).toContain('DATABASE_URL');
    expect(problems.join('\n')).not.toContain('s3cret');
  });

  it('parses CORS origins and rejects paths', () => {
    expect(
      loadConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:5173' }).http.corsOrigins,
    ).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(problemsOf({ CORS_ORIGINS: 'https://a.example/path' })[0]).toMatch(/^CORS_ORIGINS/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).http.port).toBe(3000);
  });

  it('turns on HSTS-related https only for an https public URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://tasks.example' }).http.https).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).http.https).toBe(false);
  });
});
