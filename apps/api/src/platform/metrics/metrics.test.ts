import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { listenLocally } from '../../test/app.ts';
import { openStream } from '../../test/event-stream.ts';
import { useTestUsers } from '../../test/users.ts';
import { createTask } from '../../test/workspaces.ts';

type Family = {
  name: string;
  type: string;
  metrics: { labels?: Record<string, string>; value?: string; buckets?: Record<string, string> }[];
};
const parse = createRequire(import.meta.url)('parse-prometheus-text-format') as (
  text: string,
) => Family[];

const TOKEN = 'a-metrics-token-for-tests';
const { ctx, ada } = useTestUsers(['ada'], { METRICS_TOKEN: TOKEN });
let base: string;

beforeAll(async () => {
  base = await listenLocally(ctx.app);
});

describe('GET /metrics', () => {
  it('answers 401 without the token, or with another', async () => {
    for (const authorization of [undefined, 'Bearer nope', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const res = await ctx.app.inject({
        url: '/metrics',
        headers: authorization ? { authorization } : {},
      });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).not.toContain('taskflow_');
    }
  });

  it('is Prometheus text with HTTP, stream, job, pool, event-loop and cache series', async () => {
    await createTask(ada, ada.personalId, { title: 'Counted' });
    await ada.get(`/api/v1/workspaces/${ada.personalId}/tasks`);
    await ada.get('/api/v1/workspaces/not-a-uuid/tasks');
    const stream = await openStream(base, ada.accessToken);
    await stream.ready();
    const mailed = await ctx.jobs.queue.enqueue(ctx.jobs.definitions.sendMail, {
      to: 'metrics@example.com',
      subject: 'Counted',
      text: 'A job run for the metrics',
    });
    expect(mailed).toBeTruthy();

    let families: Family[] = [];
    for (let i = 0; i < 100; i++) {
      const res = await ctx.app.inject({
        url: '/metrics',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      families = parse(res.body);
      const jobs = families.find((f) => f.name === 'taskflow_jobs_total');
      if (jobs?.metrics.some((m) => m.labels?.type === 'mail.send')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await stream.close();
    const family = (name: string) => {
      const found = families.find((f) => f.name === name);
      if (!found) throw new Error(`${name} is missing`);
      return found;
    };

    const requests = family('taskflow_http_requests_total');
    expect(requests.type).toBe('COUNTER');
    // Labelled by route pattern, never by the ids in the URL.
    expect(requests.metrics).toContainEqual({
      labels: { route: '/api/v1/workspaces/:workspaceId/tasks', method: 'GET', status: '200' },
      value: expect.any(String),
    });
    expect(requests.metrics).toContainEqual({
      labels: { route: '/api/v1/workspaces/:workspaceId/tasks', method: 'GET', status: '400' },
      value: '1',
    });
    expect(requests.metrics.some((m) => m.labels?.route?.includes(ada.personalId))).toBe(false);
    const latency = family('taskflow_http_request_duration_seconds');
    expect(latency.type).toBe('HISTOGRAM');
    expect(Object.keys(latency.metrics[0]?.buckets ?? {})).toContain('0.005');

    expect(family('taskflow_sse_connections').metrics[0]?.value).toBe('1');
    expect(family('taskflow_jobs_total').metrics).toContainEqual({
      labels: { type: 'mail.send', outcome: 'completed' },
      value: '1',
    });
    expect(family('taskflow_job_duration_seconds').type).toBe('HISTOGRAM');
    expect(family('taskflow_db_pool_connections').type).toBe('GAUGE');
    expect(
      Number(family('taskflow_nodejs_eventloop_lag_seconds').metrics[0]?.value),
    ).toBeGreaterThanOrEqual(0);
    const caches = family('taskflow_cache_requests_total').metrics;
    expect(caches).toContainEqual({
      labels: { cache: 'access_tokens', result: 'hit' },
      value: expect.any(String),
    });
  });
});
