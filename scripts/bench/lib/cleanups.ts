/**
 * What a benchmark made (a server, a database, a directory), undone last first: when it ends,
 * and also when the bench is interrupted.
 */
const pending = new Set<() => Promise<void>>();

export function createCleanups() {
  const undo: (() => Promise<unknown> | unknown)[] = [];
  const run = async () => {
    for (let step = undo.pop(); step; step = undo.pop()) {
      await Promise.resolve()
        .then(step)
        .catch((error: unknown) => console.error(error));
    }
  };
  pending.add(run);
  return {
    add(step: () => Promise<unknown> | unknown) {
      undo.push(step);
    },
    run,
  };
}

/** Undoes what every benchmark still has made: on an interrupted bench. */
export async function cleanUpAll() {
  for (const run of pending) await run();
}

export type Cleanups = ReturnType<typeof createCleanups>;

/** The first line of an error's message, for a table cell. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

/** Logs a failure in full and returns its first line. */
export function reportFailure(what: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`  ${what} failed: ${message}`);
  return firstLine(message);
}
