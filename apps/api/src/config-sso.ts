import { z } from 'zod';

/** One OpenID provider users may sign in with (`OIDC_<ID>_*`). */
export type SsoProviderConfig = {
  /** Lower-case id, as in the routes: `/api/v1/auth/sso/<id>/start`. */
  id: string;
  /** The button label: "Sign in with <name>". */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Email domains accepted from this provider (lower case); empty: any. */
  allowedDomains: string[];
};

const PROVIDER_ID = /^[a-z][a-z0-9]{0,30}$/;
const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

const ProviderEnv = z.object({
  ISSUER: z
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must be an http(s):// URL (https outside tests)'),
  CLIENT_ID: z.string().min(1).max(500),
  CLIENT_SECRET: z.string().min(1).max(500),
  NAME: z.string().min(1).max(60).optional(),
  ALLOWED_DOMAINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((d) => d.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(DOMAIN, 'must be a comma list of domains like example.com'))),
});

/**
 * `OIDC_PROVIDERS=acme,corp` and, for each, `OIDC_ACME_ISSUER`, `OIDC_ACME_CLIENT_ID`,
 * `OIDC_ACME_CLIENT_SECRET`, `OIDC_ACME_NAME` and `OIDC_ACME_ALLOWED_DOMAINS`. Returns the
 * providers, or the problems found (values never echoed: a secret may be among them).
 */
export function ssoProvidersOf(
  list: string | undefined,
  env: Record<string, string | undefined>,
): { providers: SsoProviderConfig[]; problems: string[] } {
  const ids = (list ?? '')
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  const providers: SsoProviderConfig[] = [];
  const problems: string[] = [];
  for (const id of new Set(ids)) {
    if (!PROVIDER_ID.test(id)) {
      problems.push('OIDC_PROVIDERS: ids are letters and digits, starting with a letter');
      continue;
    }
    const prefix = `OIDC_${id.toUpperCase()}_`;
    const own = Object.fromEntries(
      Object.keys(ProviderEnv.shape).map((key) => [key, env[`${prefix}${key}`] || undefined]),
    );
    const parsed = ProviderEnv.safeParse(own);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${prefix}${issue.path.join('.')}: ${issue.message}`);
      }
      continue;
    }
    const e = parsed.data;
    providers.push({
      id,
      name: e.NAME ?? id.charAt(0).toUpperCase() + id.slice(1),
      issuer: e.ISSUER,
      clientId: e.CLIENT_ID,
      clientSecret: e.CLIENT_SECRET,
      allowedDomains: e.ALLOWED_DOMAINS,
    });
  }
  return { providers, problems };
}
