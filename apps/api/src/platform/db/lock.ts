import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { OperatorError } from '../operator-error.ts';

export class DataDirInUseError extends OperatorError {
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(
      `data directory ${dataDir} is in use by pid ${pid}: stop that TaskFlow process first, or point DATA_DIR elsewhere`,
    );
    this.name = 'DataDirInUseError';
    this.pid = pid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Lock = { release(): void };

/**
 * An exclusive lock on an embedded data directory: a file created with O_EXCL holding the
 * owner's pid. PGlite has no lock of its own, and two processes on one data directory lose
 * acknowledged writes. A lock left by a dead process is taken over.
 */
export function acquireLock(lockPath: string, dataDir: string): Lock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return {
        release: () => {
          process.off('exit', release);
          release();
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new DataDirInUseError(dataDir, owner);
      }
      unlinkSync(lockPath);
    }
  }
  throw new Error(`could not lock ${lockPath}`);
}
