import type { User } from '@taskflow/contract';
import type { Logger } from 'pino';
import type { TtlCache } from '../../platform/cache/ttl-cache.ts';
import type { Listen } from '../../platform/db/listen.ts';
import type { SessionCache } from './session-cache.ts';
import { tokenSessionKey } from './session-keys.ts';

/**
 * The channel on which the database announces, on commit, a revoked session (`session:<id>`),
 * a revoked personal access token (`token:<id>`) and a changed user (`user:<id>`: role,
 * disabled, name, email); triggers of migrations `0006_revocation_notify` and
 * `0016_personal_access_tokens` send them, whatever revoked or changed it (any instance, the CLI).
 */
const AUTH_CHANNEL = 'taskflow_auth';

type Deps = {
  listen: Listen;
  sessions: SessionCache;
  profiles: TtlCache<User>;
  logger: Logger;
};

/**
 * Every instance applies every revocation within moments of its commit: the session cache marks
 * the session dead (its event streams close on the next sweep, within a second) and the
 * profile cache forgets the user. After a lost LISTEN connection both caches start afresh.
 */
export async function followRevocations({ listen, sessions, profiles, logger }: Deps) {
  return listen(AUTH_CHANNEL, (payload) => {
    if (payload === undefined) {
      sessions.forgetAll();
      profiles.clear();
      return;
    }
    const [kind, id] = payload.split(':');
    if (!id) return;
    if (kind === 'session') sessions.revoke(id);
    else if (kind === 'token') sessions.revoke(tokenSessionKey(id));
    else if (kind === 'user') profiles.delete(id);
    logger.debug({ kind, id }, 'revocation applied');
  });
}
