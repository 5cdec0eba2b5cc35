import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test/cli.ts';
import { createProgram } from './program.ts';

/** Every command and subcommand, by its path: `jobs list`. */
function commands(command: Command, prefix = ''): [string, Command][] {
  return command.commands.flatMap((c) => {
    const name = `${prefix}${c.name()}`;
    return [[name, c] as [string, Command], ...commands(c, `${name} `)];
  });
}

const optionsOf = (c: Command) => c.options.map((o) => o.long);

describe('taskflow --help', () => {
  const all = new Map(commands(createProgram()));

  it('every command and subcommand has a description and a help text', () => {
    for (const path of [
      'serve',
      'worker',
      'migrate up',
      'migrate down',
      'migrate status',
      'create-admin',
      'keys rotate',
      'export-openapi',
      'seed',
      'jobs stats',
      'jobs list',
      'jobs retry',
      'jobs clear-completed',
      'tasks stats',
      'users set-role',
      'backup',
      'restore',
      'export',
      'workspace export',
      'workspace import',
    ])
      expect(all.has(path), path).toBe(true);
    for (const [path, command] of all) {
      expect(command.description(), path).not.toBe('');
      expect(command.helpInformation(), path).toContain(`Usage: taskflow ${path}`);
    }
  });

  it('the operator commands take the options they document, and --json', () => {
    expect(optionsOf(all.get('seed') as Command)).toEqual(['--users', '--tasks', '--json']);
    expect(optionsOf(all.get('jobs list') as Command)).toEqual([
      '--state',
      '--type',
      '--limit',
      '--verbose',
      '--json',
    ]);
    expect(optionsOf(all.get('jobs clear-completed') as Command)).toEqual([
      '--older-than',
      '--dry-run',
      '--json',
    ]);
    for (const path of ['jobs stats', 'jobs retry', 'tasks stats'])
      expect(optionsOf(all.get(path) as Command), path).toContain('--json');
  });

  it('answers --help in a real process, exit 0, for commands, groups and subcommands', async () => {
    const runs = await Promise.all(
      [['seed'], ['jobs'], ['jobs', 'clear-completed'], ['tasks', 'stats'], ['worker']].map(
        (args) => runCli([...args, '--help']),
      ),
    );
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: taskflow /);
    }
    expect(runs[1]?.stdout).toMatch(/stats[\s\S]*list[\s\S]*retry[\s\S]*clear-completed/);
    expect(runs[2]?.stdout).toContain('--older-than <duration>');
  }, 60_000);
});
