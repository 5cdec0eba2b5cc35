import {
  JOB_PAGE_MAX,
  JOB_STATES,
  type Job,
  type JobState,
  type JobStats,
} from '@taskflow/contract';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { NotFoundError } from '../../platform/errors.ts';
import { OperatorError } from '../../platform/operator-error.ts';
import { recentDays } from '../../platform/time/zoned-days.ts';
import { runCommand } from '../context.ts';
import { formatDuration, integer, jsonOption, parseDuration, timeZoneOption } from '../options.ts';
import { clip, keyValues, print, printJson, table, when } from '../output.ts';
import { withJobs } from '../with-jobs.ts';

const jobType = (value: string) => {
  if (!/^[a-z0-9._-]{1,100}$/.test(value))
    throw new InvalidArgumentError('expected a job type such as mail.send or mail.send__dead');
  return value;
};

const total = (counts: Record<JobState, number>) => JOB_STATES.reduce((n, s) => n + counts[s], 0);

function reportStats(stats: JobStats, since: Date, timeZone: string) {
  const row = (name: string, counts: Record<JobState, number>) => [
    name,
    ...JOB_STATES.map((s) => counts[s]),
    total(counts),
  ];
  const numbers = JOB_STATES.map((_, i) => i + 1).concat(JOB_STATES.length + 1);
  print(
    table(
      ['type', ...JOB_STATES, 'total'],
      [...stats.byType.map((t) => row(t.type, t.byState)), row('all types', stats.byState)],
      numbers,
    ),
  );
  print(
    `Today (${timeZone}, since ${when(since.toISOString())} UTC): ` +
      `${stats.createdToday} created, ${stats.completedToday} completed, ${stats.failedToday} failed`,
  );
}

/** Wide enough for a payload, narrow enough for a terminal. */
const valueWidth = () => Math.max(40, Math.min(process.stdout.columns ?? 100, 160) - 20);

function reportJobs(jobs: Job[], more: boolean, verbose: boolean) {
  if (jobs.length === 0) {
    print('No jobs match.');
    return;
  }
  const attempts = (j: Job) => `${j.attempts}/${j.maxAttempts}`;
  if (verbose) {
    for (const j of jobs) {
      print(
        keyValues(
          [
            ['id', j.id],
            ['type', j.type],
            ['state', j.state],
            ['attempts', attempts(j)],
            ['created (UTC)', when(j.createdAt)],
            ['started (UTC)', when(j.startedAt)],
            ['finished (UTC)', when(j.completedAt)],
            ['request id', j.requestId ?? ''],
            ['payload', clip(JSON.stringify(j.data), 1_000)],
            ['error', j.error ?? ''],
          ],
          valueWidth(),
        ),
      );
    }
  } else {
    print(
      table(
        ['id', 'type', 'state', 'attempts', 'created (UTC)', 'finished (UTC)'],
        jobs.map((j) => [
          j.id,
          j.type,
          j.state,
          attempts(j),
          when(j.createdAt),
          when(j.completedAt),
        ]),
      ),
    );
  }
  if (more)
    print(`The newest ${jobs.length} are shown; more match (--limit up to ${JOB_PAGE_MAX}).`);
}

export function registerJobs(program: Command) {
  const jobs = program
    .command('jobs')
    .description('Inspect background jobs, retry failed ones, clear finished ones');
  const run = (body: Parameters<typeof runCommand>[0]) => runCommand(body, { logs: 'stderr' });

  jobs
    .command('stats')
    .description("Jobs by state and by type, and today's created, completed and failed")
    .addOption(timeZoneOption())
    .addOption(jsonOption())
    .action((opts: { tz: string; json?: boolean }) =>
      run(async (ctx) => {
        const since = recentDays(opts.tz, Date.now(), 1).days[0]?.start ?? new Date();
        const stats = await withJobs(ctx, (system) => system.jobsAdmin.stats(since));
        if (opts.json) printJson({ ...stats, since: since.toISOString(), timeZone: opts.tz });
        else reportStats(stats, since, opts.tz);
      }),
    );

  jobs
    .command('list')
    .description('Jobs, newest first')
    .addOption(new Option('--state <state>', 'only jobs in this state').choices(JOB_STATES))
    .option('--type <type>', 'only jobs of this type (`<type>__dead`: its dead letters)', jobType)
    .option('--limit <n>', `at most this many (1-${JOB_PAGE_MAX})`, integer(1, JOB_PAGE_MAX), 20)
    .option('--verbose', "add each job's payload, error and request id")
    .addOption(jsonOption())
    .action(
      (opts: {
        state?: JobState;
        type?: string;
        limit: number;
        verbose?: boolean;
        json?: boolean;
      }) =>
        run(async (ctx) => {
          const page = await withJobs(ctx, (system) =>
            system.jobsAdmin.list({ state: opts.state, type: opts.type, limit: opts.limit }),
          );
          const more = page.nextCursor !== null;
          if (opts.json) printJson({ items: page.items, more });
          else reportJobs(page.items, more, opts.verbose === true);
        }),
    );

  jobs
    .command('retry')
    .description('Run a failed or cancelled job again, with a fresh budget of attempts')
    .argument('<id>', 'the job id (see `taskflow jobs list --state failed`)')
    .addOption(jsonOption())
    .action((id: string, opts: { json?: boolean }) =>
      run(async (ctx) => {
        if (!z.uuid().safeParse(id).success)
          throw new OperatorError(`"${id}" is not a job id (a UUID)`);
        const job = await withJobs(ctx, async (system) => {
          const found = await system.jobsAdmin.get(id).catch((error: unknown) => {
            throw error instanceof NotFoundError
              ? new OperatorError(`no job has the id ${id}`)
              : error;
          });
          if (found.state !== 'failed' && found.state !== 'cancelled') {
            throw new OperatorError(
              `job ${id} is ${found.state}: only failed or cancelled jobs can be retried`,
            );
          }
          return system.jobsAdmin.retry(id);
        });
        if (opts.json) printJson(job);
        else
          print(
            `Job ${job.id} (${job.type}) will run again (state: ${job.state}) once a worker, ` +
              'or `serve` in embedded mode, picks it up.',
          );
      }),
    );

  jobs
    .command('clear-completed')
    .description('Delete completed and cancelled jobs that finished longer ago than --older-than')
    .addOption(
      new Option('--older-than <duration>', 'age, such as 7d, 12h or 30m')
        .default(7 * 86_400_000, '7d')
        .argParser(parseDuration),
    )
    .option('--dry-run', 'only count them; delete nothing')
    .addOption(jsonOption())
    .action((opts: { olderThan: number; dryRun?: boolean; json?: boolean }) =>
      run(async (ctx) => {
        const dryRun = opts.dryRun === true;
        const before = new Date(Date.now() - opts.olderThan);
        const count = await withJobs(ctx, (system) =>
          system.jobsAdmin.clearCompleted(opts.olderThan, dryRun),
        );
        const olderThan = formatDuration(opts.olderThan);
        if (opts.json) {
          printJson({ dryRun, olderThan, before: before.toISOString(), count });
          return;
        }
        const what = `${count} completed or cancelled job${count === 1 ? '' : 's'} finished more than ${olderThan} ago (before ${when(before.toISOString())} UTC)`;
        print(dryRun ? `Would delete ${what}. Dry run: nothing changed.` : `Deleted ${what}.`);
      }),
    );
}
