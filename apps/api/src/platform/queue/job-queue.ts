import type { Kysely } from 'kysely';
import { fromKysely, type JobResult, type PgBoss, type Queue } from 'pg-boss';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { jobDuration, jobRuns } from '../metrics/registry.ts';

/** What a handler knows of the job it runs. */
export type JobContext = {
  jobId: string;
  /** 1 on the first attempt. */
  attempt: number;
  /** The request that enqueued the job, if any: it shows on every line the handler logs. */
  requestId: string | null;
  logger: Logger;
};

/**
 * A job type: a validated payload and a handler that is idempotent (run twice, one effect), with
 * its retry policy and, for recurring work, a cron schedule.
 */
export type JobDefinition<P = unknown> = {
  type: string;
  payload: z.ZodType<P>;
  handle(payload: P, context: JobContext): Promise<void>;
  /** Attempts before the dead-letter queue (default 3), spaced by exponential backoff. */
  attempts?: number;
  /** The first retry's delay; each next one doubles (default 2 s). */
  retryDelaySeconds?: number;
  /**
   * Cron expression (UTC): the job is enqueued on this schedule, once across all workers. `null`:
   * no schedule, and one left by an earlier configuration is removed.
   */
  cron?: string | null;
  /** Jobs fetched at once by one worker, and run at once (defaults 20 and 4). */
  batchSize?: number;
};

/** The envelope of every job: the validated payload, and where it came from. */
type Envelope = { payload: unknown; requestId: string | null };

type EnqueueOptions = {
  /** Enqueue inside this transaction: the job exists only if it commits. */
  trx?: Kysely<DB>;
  requestId?: string | null;
  /** At most one queued or active job with this key (e.g. one export per request). */
  singletonKey?: string;
  startAfterSeconds?: number;
};

export const deadLetterOf = (type: string) => `${type}__dead`;

type QueueTuning = {
  /** A running job with no heartbeat for this long is presumed lost and retried (≥ 10). */
  heartbeatSeconds: number;
  /** How long a job may run in all before it is failed. */
  expireSeconds: number;
  /** Seconds between polls when no NOTIFY arrives. */
  pollSeconds: number;
};

/**
 * TaskFlow's job system on pg-boss: registered types, typed payloads, dead letters, cron, and
 * enqueueing inside the caller's transaction.
 */
export function createJobQueue(boss: PgBoss, logger: Logger, tuning: QueueTuning) {
  const definitions = new Map<string, JobDefinition>();
  const workers: string[] = [];
  let started: Promise<void> | undefined;
  let running = false;

  function policyOf(def: JobDefinition) {
    return {
      retryLimit: (def.attempts ?? 3) - 1,
      retryDelay: def.retryDelaySeconds ?? 2,
      retryBackoff: true,
      expireInSeconds: tuning.expireSeconds,
      heartbeatSeconds: tuning.heartbeatSeconds,
      deadLetter: deadLetterOf(def.type),
    };
  }

  /**
   * Whether a queue and its dead letters exist with this policy already: most starts (every
   * restart, every CLI command, every test app over a migrated copy) find them so and skip the
   * three statements per job type that creating and updating them cost.
   */
  function isCurrent(def: JobDefinition, existing: Map<string, Queue>) {
    const queue = existing.get(def.type);
    if (!queue || !existing.has(deadLetterOf(def.type))) return false;
    return Object.entries(policyOf(def)).every(
      ([key, value]) => queue[key as keyof Queue] === value,
    );
  }

  async function ensureQueue(def: JobDefinition) {
    const options = policyOf(def);
    await boss.createQueue(options.deadLetter, { retentionSeconds: 14 * 86_400 });
    await boss.createQueue(def.type, { ...options, notify: true });
    // createQueue keeps an existing queue as it is: bring its policy up to date.
    await boss.updateQueue(def.type, options);
  }

  /** Runs a batch; each job settles on its own (a bad payload goes straight to dead letters). */
  async function runBatch(
    def: JobDefinition,
    jobs: { id: string; data: unknown; retryCount: number }[],
  ) {
    return Promise.all(
      jobs.map(async (job): Promise<JobResult> => {
        const envelope = (job.data ?? {}) as Partial<Envelope>;
        const requestId = typeof envelope.requestId === 'string' ? envelope.requestId : null;
        const log = logger.child({ jobId: job.id, jobType: def.type, requestId });
        const parsed = def.payload.safeParse(envelope.payload);
        if (!parsed.success) {
          jobRuns.inc({ type: def.type, outcome: 'invalid' });
          log.error({ issues: parsed.error.issues }, 'job payload is not valid; dead-lettered');
          return { id: job.id, status: 'deadletter', output: { message: 'invalid payload' } };
        }
        const started = performance.now();
        const measure = (outcome: 'completed' | 'failed') => {
          const seconds = (performance.now() - started) / 1000;
          jobRuns.inc({ type: def.type, outcome });
          jobDuration.observe({ type: def.type, outcome }, seconds);
          return Math.round(seconds * 1000);
        };
        try {
          await def.handle(parsed.data, {
            jobId: job.id,
            attempt: job.retryCount + 1,
            requestId,
            logger: log,
          });
          log.info({ ms: measure('completed') }, 'job completed');
          return { id: job.id, status: 'completed' };
        } catch (err) {
          log.warn({ err, attempt: job.retryCount + 1, ms: measure('failed') }, 'job failed');
          const message = err instanceof Error ? err.message : String(err);
          return { id: job.id, status: 'failed', output: { message: message.slice(0, 2000) } };
        }
      }),
    );
  }

  return {
    boss,

    define<P>(def: JobDefinition<P>) {
      definitions.set(def.type, def as JobDefinition);
      return def;
    },

    definitions: () => [...definitions.values()],

    /** Starts pg-boss and creates the queues; with `work`, runs every job type here too. */
    async start({ work }: { work: boolean }) {
      started ??= (async () => {
        await boss.start();
        const names = [...definitions.keys()].flatMap((type) => [type, deadLetterOf(type)]);
        const found = names.length > 0 ? await boss.getQueues(names, { limit: names.length }) : [];
        const existing = new Map(found.map((queue) => [queue.name, queue]));
        for (const def of definitions.values()) {
          if (!isCurrent(def, existing)) await ensureQueue(def);
        }
        running = true;
      })().catch((error: unknown) => {
        started = undefined;
        throw error;
      });
      await started;
      if (!work) return;
      for (const def of definitions.values()) {
        const batchSize = def.batchSize ?? 20;
        workers.push(
          await boss.work(
            def.type,
            {
              batchSize,
              perJobResults: true,
              // A full batch means more may be waiting: fetch again at once rather than wait for
              // the next NOTIFY (it came with jobs already fetched) or the backstop poll.
              burstWhenBatchFull: true,
              pollingIntervalSeconds: tuning.pollSeconds,
              notifyPollingIntervalSeconds: tuning.pollSeconds,
            },
            (jobs) => runBatch(def, jobs),
          ),
        );
        if (def.cron) await boss.schedule(def.type, def.cron, { payload: {}, requestId: null });
        else if (def.cron === null) await boss.unschedule(def.type);
      }
    },

    /** Enqueues a job; inside `trx` it exists only if the transaction commits. */
    async enqueue<P>(def: JobDefinition<P>, payload: P, options: EnqueueOptions = {}) {
      const data: Envelope = {
        payload: def.payload.parse(payload),
        requestId: options.requestId ?? null,
      };
      return boss.send(def.type, data, {
        ...(options.trx ? { db: fromKysely(options.trx) } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
        ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      });
    },

    get workerCount() {
      return workers.length;
    },

    /** Whether the queue is up: jobs can be sent. */
    get started() {
      return running;
    },

    /** Stops taking jobs, lets running ones finish (up to `timeoutMs`), then closes. */
    async stop(timeoutMs: number) {
      if (!started) return;
      running = false;
      await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
