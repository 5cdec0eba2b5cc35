import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Instruction } from 'dockerfile-ast';
import {
  byKeyword,
  copyPaths,
  execForm,
  flagOf,
  readDockerfile,
  runCommands,
  type Stage,
  stageEnv,
} from './dockerfile.ts';
import { readDockerignore } from './dockerignore.ts';
import { fromRoot, repoRoot } from './paths.ts';

/** The final stage of deploy/Dockerfile, laid out in a directory that stands for `/`. */
export type ReplayedImage = {
  root: string;
  /** The WORKDIR, on this machine. */
  workdir: string;
  env: Record<string, string>;
  cmd: string[];
};

/** Appended to `npm ci`, so that the replay installs from the local cache when it can. */
const INSTALL_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];

/** Runs a command of a RUN line; its words only (no quoting, no shell). */
function run(command: string, cwd: string, env: Record<string, string>) {
  if (/["'`$;|<>\\]/.test(command)) throw new Error(`the replay runs no shell syntax: ${command}`);
  const [file = '', ...args] = command.split(' ');
  const child = spawn(file, args, { cwd, env: { ...process.env, ...env }, stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}:\n${output}`)),
    );
  });
}

/**
 * Where a path of an earlier stage is on this machine. That stage copies the whole context into
 * its WORKDIR and builds there; here the repository is that directory, its dependencies are
 * installed, and the stage's other RUN commands (the web build) run only when what the final
 * stage takes from it is missing.
 */
async function stageOutput(stage: Stage, source: string) {
  const workdir = byKeyword(stage, 'WORKDIR').at(-1)?.getArgumentsContent()?.trim();
  const copiesAll = byKeyword(stage, 'COPY').some(
    (c) => copyPaths(c).sources.join() === '.' && flagOf(c, 'from') === undefined,
  );
  if (!workdir || !copiesAll || !source.startsWith(`${workdir}/`)) {
    throw new Error(`the replay cannot map ${source} of stage ${stage.name} to the repository`);
  }
  const local = fromRoot(path.posix.relative(workdir, source));
  if (!existsSync(local)) {
    const commands = byKeyword(stage, 'RUN').flatMap(runCommands);
    for (const command of commands.filter((c) => !c.startsWith('npm ci'))) {
      await run(command, repoRoot, stageEnv(stage));
    }
  }
  if (!existsSync(local)) throw new Error(`stage ${stage.name} did not produce ${source}`);
  return local;
}

/** Copies as COPY does: a directory's contents into the destination, a file to or into it. */
function copy(from: string, to: string, intoDirectory: boolean, keep: (p: string) => boolean) {
  if (statSync(from).isDirectory()) {
    cpSync(from, to, { recursive: true, filter: keep });
    return;
  }
  const target = intoDirectory ? path.join(to, path.basename(from)) : to;
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(from, target);
}

/**
 * Replays the final stage of deploy/Dockerfile into `root`, without a container runtime: each
 * COPY copies from the build context (through .dockerignore) or from the build stage's outputs,
 * and each RUN command runs there. An instruction the replay does not know fails it, rather
 * than being skipped unseen.
 */
export async function replayFinalStage(root: string): Promise<ReplayedImage> {
  const { stages, final } = readDockerfile();
  const { ignored, mayHoldIncluded } = readDockerignore();
  const inContext = (p: string) => {
    const relative = path.relative(repoRoot, p);
    return statSync(p).isDirectory() ? mayHoldIncluded(relative) : !ignored(relative);
  };
  let workdir = '/';
  const env: Record<string, string> = {};
  const result = { cmd: null as string[] | null };
  const local = (p: string) => path.join(root, path.posix.resolve(workdir, p));

  const steps: Record<string, (i: Instruction) => Promise<void> | void> = {
    FROM: () => undefined,
    ENV: (i) => {
      Object.assign(env, stageEnv({ name: null, image: null, instructions: [i] }));
    },
    WORKDIR: (i) => {
      workdir = path.posix.resolve(workdir, i.getArgumentsContent()?.trim() ?? '.');
      mkdirSync(local('.'), { recursive: true });
    },
    COPY: async (i) => {
      const { sources, destination } = copyPaths(i);
      const intoDirectory = destination.endsWith('/') || sources.length > 1;
      const fromStage = flagOf(i, 'from');
      for (const source of sources) {
        if (fromStage === undefined) {
          // Docker fails the same way: the path is not in the build context.
          if (!inContext(fromRoot(source)))
            throw new Error(`COPY ${source}: .dockerignore excludes it`);
          copy(fromRoot(source), local(destination), intoDirectory, inContext);
          continue;
        }
        const stage = stages.find((s) => s.name === fromStage);
        if (!stage) throw new Error(`COPY --from=${fromStage}: no such stage`);
        copy(await stageOutput(stage, source), local(destination), intoDirectory, () => true);
      }
    },
    RUN: async (i) => {
      for (const command of runCommands(i)) {
        if (/^npm ci( |$)/.test(command)) {
          await run(`${command} ${INSTALL_FLAGS.join(' ')}`, local('.'), env);
        } else if (/^mkdir -p \S+$/.test(command)) {
          mkdirSync(local(command.split(' ')[2] ?? ''), { recursive: true });
        } else if (!/^npm cache clean --force$|^chown \S+ \S+$/.test(command)) {
          // Cleaning the npm cache and changing owners leave the image's files as they are.
          throw new Error(`the replay does not know how to run: ${command}`);
        }
      }
    },
    USER: () => undefined,
    EXPOSE: () => undefined,
    HEALTHCHECK: () => undefined,
    CMD: (i) => {
      result.cmd = execForm(i);
    },
  };

  for (const instruction of final.instructions) {
    const step = steps[instruction.getKeyword()];
    if (!step) throw new Error(`the replay does not know ${instruction.getKeyword()}`);
    await step(instruction);
  }
  if (!result.cmd) throw new Error('the final stage has no CMD in exec form');
  return { root, workdir: local('.'), env, cmd: result.cmd };
}
