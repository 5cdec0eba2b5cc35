import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

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
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/taskflow' }).mode).toBe('cluster');
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
