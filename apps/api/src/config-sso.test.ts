import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const acme = {
  OIDC_PROVIDERS: 'acme',
  OIDC_ACME_ISSUER: 'https://login.acme.example',
  OIDC_ACME_CLIENT_ID: 'taskflow',
  OIDC_ACME_CLIENT_SECRET: 'a-secret-value-never-echoed',
};

describe('single sign-on configuration', () => {
  it('has no provider unless OIDC_PROVIDERS names one', () => {
    expect(loadConfig({}).sso.providers).toEqual([]);
  });

  it('reads each provider from its own OIDC_<ID>_* variables', () => {
    const config = loadConfig({
      ...acme,
      OIDC_ACME_NAME: 'Acme',
      OIDC_ACME_ALLOWED_DOMAINS: 'Acme.example, corp.example',
    });
    expect(config.sso.providers).toEqual([
      {
        id: 'acme',
        name: 'Acme',
        issuer: 'https://login.acme.example',
        clientId: 'taskflow',
        clientSecret: 'a-secret-value-never-echoed',
        allowedDomains: ['acme.example', 'corp.example'],
      },
    ]);
  });

  it('names every missing or bad variable, and never echoes a value', () => {
    const bad = () =>
      loadConfig({
        ...acme,
        OIDC_PROVIDERS: 'acme,corp,bad-id',
        OIDC_ACME_ISSUER: 'ftp://a-secret-value-never-echoed',
        OIDC_ACME_ALLOWED_DOMAINS: 'not a domain',
      });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('OIDC_ACME_ISSUER');
      expect(problems).toContain('OIDC_ACME_ALLOWED_DOMAINS');
      expect(problems).toContain('OIDC_CORP_CLIENT_ID');
      expect(problems).toContain('OIDC_CORP_CLIENT_SECRET');
      expect(problems).toContain('OIDC_PROVIDERS');
      expect(problems).not.toContain('a-secret-value-never-echoed');
    }
  });
});
