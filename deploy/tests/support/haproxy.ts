import { readFileSync } from 'node:fs';

/** An HAProxy time (`1s`, `500ms`, plain milliseconds) in milliseconds. */
function timeMs(text: string | undefined, fallback: number) {
  const match = text?.match(/^(\d+)(us|ms|s|m|h|d)?$/);
  if (!match) return fallback;
  const units: Record<string, number> = { us: 0.001, ms: 1, s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7 };
  return Number(match[1]) * (units[match[2] ?? 'ms'] ?? 1);
}

/** The few facts of deploy/haproxy/haproxy.cfg that the Compose file must agree with. */
export function readHaproxyConfig(file: string) {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
  const words = (keyword: string) =>
    lines.filter((l) => l.startsWith(`${keyword} `)).map((l) => l.split(/\s+/).slice(1));
  const defaults = words('default-server').flat();
  const after = (word: string) => {
    const at = defaults.indexOf(word);
    return at >= 0 ? defaults[at + 1] : undefined;
  };
  const inter = timeMs(after('inter'), 2_000);
  const fall = Number(after('fall') ?? 3);
  const fastinter = timeMs(after('fastinter'), inter);
  const checkTimeout = timeMs(words('timeout').find((w) => w[0] === 'check')?.[1], inter);
  return {
    /** The `bind` addresses, quotes removed (they may hold `${VAR-default}`). */
    binds: words('bind').map((w) => (w[0] ?? '').replace(/^"|"$/g, '')),
    /** `option httpchk [METHOD] URI`: the health check's request. */
    httpCheck:
      words('option')
        .find((w) => w[0] === 'httpchk')
        ?.slice(1) ?? [],
    /** The server lines' addresses, quotes removed. */
    servers: words('server').map((w) => (w[1] ?? '').replace(/^"|"$/g, '')),
    /**
     * The longest an instance whose checks start failing stays in the rotation: the wait for the
     * next check, the further checks at `fastinter` that `fall` asks for, and the last one's
     * timeout.
     */
    worstDetectionMs: inter + (fall - 1) * fastinter + checkTimeout,
  };
}

/** HAProxy's `${VAR}` and `${VAR-default}` in a string, with these environment variables. */
export const expandHaproxy = (text: string, env: Record<string, string>) =>
  text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:-([^}]*))?\}/g,
    (_, name: string, fallback?: string) => env[name] ?? fallback ?? '',
  );
